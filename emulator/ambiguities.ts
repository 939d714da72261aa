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
  /**
   * What a cancelled occurrence (cancelled exception) of a series carries in a list: only id,
   * recurringEventId and originalStartTime, as the Events resource guarantees, so it cannot match
   * a `privateExtendedProperty` filter ('bare', the documented reading (V)); or the series'
   * extended properties as well, matching the filter ('tagged').
   */
  cancelledStubs: 'bare' | 'tagged';
  /** A moved or changed occurrence (exception) gets a copy of the series' private and shared
   * extended properties when it is made ('copied'), or none ('dropped'). */
  exceptionTags: 'copied' | 'dropped';
  /**
   * A full `Events.list` without showDeleted and without singleEvents: cancelled occurrences are
   * still included ('listed', the `showDeleted` parameter's text), or come only on incremental
   * sync or with showDeleted=true ('syncOnly', the `status` field's text).
   */
  deletedOccurrences: 'listed' | 'syncOnly';
  /** A person cuts a whole column (header included) and pastes it onto another column: the
   * column's developer metadata stays on the emptied column ('stays', as Range.moveTo is modelled),
   * or goes with the cells to the pasted column ('follows'). */
  cutColumnMetadata: 'stays' | 'follows';
  /**
   * A person given the "owner" role (make changes and manage sharing) on a group calendar another
   * account's add-on made: `calendar.acls` ("calendars you own") lets them change its sharing
   * ('manages'), or only the account that made it may ('dataOwnerOnly'; their Acl calls are refused
   * with 403). Either way their events are written through `calendar.events` (docs/google-facts.md).
   */
  managerAcl: 'manages' | 'dataOwnerOnly';
  /**
   * `ScriptApp.getAuthorizationInfo` needs no scope and runs in every AuthMode ('free': it exists
   * to find out what is missing), or needs `script.scriptapp` as the rest of ScriptApp does, and so
   * only runs in FULL with that scope granted ('scriptapp'). Its reference page lists no scope.
   */
  authorizationInfo: 'free' | 'scriptapp';
  /**
   * A leading apostrophe written or typed into a plain-text ('@') cell: hidden as in any other
   * cell, the rest stored as text ('hidden'), or kept as a character of the text, since the cell
   * already holds text as typed ('kept'). Outside '@' cells it is hidden (S).
   */
  plainTextApostrophe: 'hidden' | 'kept';
  /** Where `Form.setDestination` puts the new "Form Responses N" tab: before every other tab
   * ('first', as people report seeing it) or after them ('last'). */
  formResponseTab: 'first' | 'last';
  /** A scale answer in the response tab: a number ('number') or the text of the number ('text'). */
  formScaleCell: 'number' | 'text';
  /** A person who opened the form before `setAcceptingResponses(false)` and sends after: the
   * response is kept ('accepted') or refused with the closed-form message ('refused'). */
  lateSubmission: 'accepted' | 'refused';
}

export const DEFAULT_AMBIGUITIES: Ambiguities = {
  checkboxBlank: 'empty',
  unknownZone: 'throws',
  sortRowMetadata: 'follows',
  listLimit: 'keeps',
  propertyOverflow: 'refuses',
  cancelledStubs: 'bare',
  exceptionTags: 'copied',
  deletedOccurrences: 'listed',
  cutColumnMetadata: 'stays',
  managerAcl: 'manages',
  authorizationInfo: 'free',
  plainTextApostrophe: 'hidden',
  formResponseTab: 'first',
  formScaleCell: 'number',
  lateSubmission: 'accepted',
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
      cancelledStubs: 'tagged',
      exceptionTags: 'dropped',
      deletedOccurrences: 'syncOnly',
      cutColumnMetadata: 'follows',
      managerAcl: 'dataOwnerOnly',
      authorizationInfo: 'scriptapp',
      plainTextApostrophe: 'kept',
      formResponseTab: 'last',
      formScaleCell: 'text',
      lateSubmission: 'refused',
    },
  ],
];

/** The options about single occurrences of a series (cancelled stubs, exceptions' tags, lists). */
export const OCCURRENCE_KEYS = ['cancelledStubs', 'exceptionTags', 'deletedOccurrences'] as const;

/**
 * Every combination of the occurrence options (8), each named, on top of `base`; `half` keeps the
 * four with an even (0) or odd (1) number of them flipped from the default. The default run of the
 * integration suites takes the even half and the flipped run the odd one, so between them the
 * suites about occurrences meet all eight without running eight times each.
 */
export function occurrenceCombinations(
  base: Ambiguities,
  half?: 0 | 1,
): Array<[string, Ambiguities]> {
  const out: Array<[string, Ambiguities]> = [];
  for (let mask = 0; mask < 1 << OCCURRENCE_KEYS.length; mask++) {
    const flips = OCCURRENCE_KEYS.filter((_, i) => mask & (1 << i));
    if (half !== undefined && flips.length % 2 !== half) continue;
    const variant: Ambiguities = { ...base };
    for (const key of OCCURRENCE_KEYS)
      (variant as unknown as Record<string, string>)[key] = flips.includes(key)
        ? (AMBIGUITY_VARIANTS[1][1][key] as string)
        : (DEFAULT_AMBIGUITIES[key] as string);
    out.push([OCCURRENCE_KEYS.map((k) => `${k}=${variant[k]}`).join(', '), variant]);
  }
  return out;
}
