// Google behaviours nobody has documented (I in docs/google-facts.md): each is a workspace option.

/**
 * One plausible behaviour per undocumented point. The emulator can play either; the integration
 * tests run the add-on under every variant (`AMBIGUITY_VARIANTS`), so it must be right both ways.
 */
export interface Ambiguities {
  /**
   * What an empty cell holds once a checkbox rule is set on it, before anyone ticks it: nothing
   * (`''`, and the row stays empty for getLastRow) or FALSE, as `insertCheckboxes()` is
   * documented to write (then the cell counts as content).
   */
  checkboxBlank: 'empty' | 'false';
  /** `Utilities.formatDate` with a zone id Java does not know: throws, or formats in GMT as
   * Java's `TimeZone.getTimeZone` does for an unknown id. */
  unknownZone: 'throws' | 'gmt';
  /** When a person sorts a range, row developer metadata follows its row's content, or stays at
   * its row position. */
  sortRowMetadata: 'follows' | 'stays';
  /** `requireValueInList` with more than 500 items (the Sheets UI's cap): building the rule
   * throws, or the rule keeps every item. */
  listLimit: 'throws' | 'keeps';
  /** An event write that would take it past 300 extended properties or 32 kB (the documented cap,
   * with nothing said of what happens past it): refused with a 400, or the properties past the cap
   * left out without a word, as the longer keys and values are (emulator/calendar/extendedProperties.ts). */
  propertyOverflow: 'refuses' | 'drops';
}

export const DEFAULT_AMBIGUITIES: Ambiguities = {
  checkboxBlank: 'empty',
  unknownZone: 'throws',
  sortRowMetadata: 'follows',
  listLimit: 'keeps',
  propertyOverflow: 'refuses',
};

/** The most items a dropdown list may hold in the Sheets UI (S). */
export const LIST_ITEM_LIMIT = 500;

/** The message for a list over the limit (I: wording modelled on the UI's). */
export const LIST_LIMIT_MESSAGE = `The data validation rule has more than ${LIST_ITEM_LIMIT} items. Use a range instead.`;

/** Each variant as a whole option set, named for describe.each: the default plus one per flip. */
export const AMBIGUITY_VARIANTS: ReadonlyArray<[string, Ambiguities]> = [
  ['as modelled by default', DEFAULT_AMBIGUITIES],
  [
    'every undocumented behaviour flipped',
    {
      checkboxBlank: 'false',
      unknownZone: 'gmt',
      sortRowMetadata: 'stays',
      listLimit: 'throws',
      propertyOverflow: 'drops',
    },
  ],
];
