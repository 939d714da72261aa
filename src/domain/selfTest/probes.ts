// The facts the live self-test checks on Google: what the add-on assumes, and the answers it also handles.

/** (V) stated in Google's docs, (S) a secondary source, (I) inferred: never seen on Google. */
export type FactSource = 'V' | 'S' | 'I';

export type ProbeId =
  | 'extendedPropertyQuery'
  | 'patchReplacesAttendees'
  | 'patchMergesExtendedProperties'
  | 'allDayEndExclusive'
  | 'formatDateUnknownZone'
  | 'checkboxBeforeTicked'
  | 'insertCheckboxesFalse'
  | 'rowMetadataAfterSort'
  | 'rowMetadataAfterInsert'
  | 'columnMetadataAfterInsert'
  | 'columnMetadataAfterMoveColumns'
  | 'rowMetadataAfterCutPaste'
  | 'triggersPerDocument'
  | 'oneTriggerPerType'
  | 'documentLock'
  | 'listRuleItemLimit'
  | 'extendedPropertyLimits'
  | 'extendedPropertyOverflow'
  | 'formatDateThreeLetterIds'
  | 'privateTriggerFires'
  | 'exceptionCarriesSeriesTags'
  | 'cancelledStubAndTagFilter'
  | 'cancelledOccurrenceInFullList'
  | 'aclOwnerRole'
  | 'formResponseTabPlace'
  | 'formResponseTabShape'
  | 'formScaleCell'
  | 'formSubmitEvent';

export interface Probe {
  id: ProbeId;
  /** The behaviour, in a sentence. */
  fact: string;
  source: FactSource;
  /** The answer the add-on (and the emulator, by default) assumes. */
  expected: string;
  /** Other answers the add-on is written to handle: seeing one is news, not a failure. */
  alsoHandled?: readonly string[];
  /** What in the add-on rests on it, so a maintainer knows what a surprise would break. */
  reliedOnBy: string;
  /**
   * The emulator's workspace option (emulator/ambiguities.ts) this answer settles: set its default
   * to what Google answered (docs/self-test.md). Absent for documented (V) facts.
   */
  settles?: string;
}

/**
 * Every probe, in the order the self-test runs them. The observed answers the adapter reports are
 * these exact phrases, so the verdict is a comparison, not an interpretation.
 */
export const PROBES: readonly Probe[] = [
  {
    id: 'extendedPropertyQuery',
    fact: 'Events.list with privateExtendedProperty key=value returns only the events carrying it',
    source: 'V',
    expected: 'only the tagged event',
    reliedOnBy: 'the sync lists only its own events, never a person’s',
  },
  {
    id: 'patchReplacesAttendees',
    fact: 'Events.patch with attendees replaces the whole guest list',
    source: 'V',
    expected: 'replaced',
    reliedOnBy: 'the sync merges guests added in Calendar before patching, so none are dropped',
  },
  {
    id: 'patchMergesExtendedProperties',
    fact: 'Events.patch of one private extended property keeps the other keys',
    source: 'V',
    expected: 'other keys kept',
    reliedOnBy: 'accepting a Calendar-side change patches one key and must keep the plan tags',
  },
  {
    id: 'allDayEndExclusive',
    fact: 'An all-day event’s end date is exclusive (a one-day event ends the next day)',
    source: 'V',
    expected: 'exclusive',
    reliedOnBy: 'all-day activities land on the days the sheet says',
  },
  {
    id: 'formatDateUnknownZone',
    fact: 'formatDate with an unknown time zone name',
    source: 'I',
    expected: 'throws',
    alsoHandled: ['formats as GMT'],
    reliedOnBy: 'nothing: the add-on checks zone names itself',
    settles: 'unknownZone',
  },
  {
    id: 'checkboxBeforeTicked',
    fact: 'A cell under a checkbox rule that nobody has ticked yet',
    source: 'I',
    expected: 'blank',
    alsoHandled: ['FALSE'],
    reliedOnBy: 'a row holding only an unticked box counts as empty either way',
    settles: 'checkboxBlank',
  },
  {
    id: 'insertCheckboxesFalse',
    fact: 'insertCheckboxes sets every cell to FALSE',
    source: 'V',
    expected: 'FALSE',
    reliedOnBy: 'reading ticked/unticked boxes',
  },
  {
    id: 'rowMetadataAfterSort',
    fact: 'Row developer metadata when the rows are sorted',
    source: 'I',
    expected: 'moves with its row',
    alsoHandled: ['stays at its position'],
    reliedOnBy: 'nothing: rows are matched by the IDs in their cells',
    settles: 'sortRowMetadata',
  },
  {
    id: 'rowMetadataAfterInsert',
    fact: 'Row developer metadata when a row is inserted above',
    source: 'V',
    expected: 'moves with its row',
    reliedOnBy: 'nothing directly; the same rule as for columns',
  },
  {
    id: 'columnMetadataAfterInsert',
    fact: 'Column developer metadata when a column is inserted before it',
    source: 'V',
    expected: 'moves with its column',
    reliedOnBy: 'finding the add-on’s columns after partners insert columns',
  },
  {
    id: 'columnMetadataAfterMoveColumns',
    fact: 'Column developer metadata when the column is dragged elsewhere (moveColumns)',
    source: 'V',
    expected: 'moves with its column',
    reliedOnBy: 'finding the add-on’s columns after partners reorder them',
  },
  {
    id: 'rowMetadataAfterCutPaste',
    fact: 'Row developer metadata when the row’s cells are cut and pasted elsewhere (moveTo)',
    source: 'I',
    expected: 'stays at its position',
    alsoHandled: ['moves with the cells'],
    reliedOnBy: 'nothing: rows are matched by the IDs in their cells',
  },
  {
    id: 'triggersPerDocument',
    fact: 'A trigger made for this spreadsheet is in getUserTriggers(spreadsheet) and in getProjectTriggers',
    source: 'V',
    expected: 'in both lists',
    reliedOnBy: 'automatic syncs are counted and removed per document, never across plans',
  },
  {
    id: 'oneTriggerPerType',
    fact: 'A second trigger of the same type in the same document, for the same user',
    source: 'V',
    expected: 'refused',
    alsoHandled: ['allowed (not running as an add-on)'],
    reliedOnBy: 'turning automatic syncs on replaces the trigger instead of adding one',
  },
  {
    id: 'documentLock',
    fact: 'The document lock exists for the add-on, is held after tryLock and free after release',
    source: 'V',
    expected: 'held, then released',
    reliedOnBy: 'two people saving or syncing at once never take the same row or event',
  },
  {
    id: 'listRuleItemLimit',
    fact: 'A dropdown (list rule) of 501 items: is the 501st item a valid entry?',
    source: 'I',
    expected: 'item 501 rejected',
    alsoHandled: ['rule refused', 'item 501 accepted'],
    reliedOnBy: 'goal and outcome dropdowns are left off above 500 items; IDs are checked anyway',
    settles: 'listLimit',
  },
  {
    id: 'extendedPropertyLimits',
    fact: 'An event property with a key over 44 characters, and one with a value over 1,024 characters',
    source: 'V',
    expected: 'long key dropped, long value cut to 1,024',
    alsoHandled: ['refused'],
    reliedOnBy: 'every tag the sync writes is kept inside the limits, so none is cut',
  },
  {
    id: 'extendedPropertyOverflow',
    fact: 'An event written with 301 extended properties (the published cap is 300)',
    source: 'I',
    expected: 'refused',
    alsoHandled: ['properties past the cap left out'],
    reliedOnBy: 'nothing: the sync writes five properties an event',
    settles: 'propertyOverflow',
  },
  {
    id: 'formatDateThreeLetterIds',
    fact: 'formatDate with "PST" and "EST" in July: Java reads PST as Los Angeles, EST as UTC−5 all year',
    source: 'V',
    expected: 'PST −0700, EST −0500',
    reliedOnBy: 'zone abbreviations are refused with region names instead (docs/time-zones.md)',
  },
  {
    id: 'privateTriggerFires',
    fact: 'A time trigger set on a private function (its name ends with _) fires',
    source: 'I',
    expected: 'fired',
    reliedOnBy:
      'every automatic sync, continuation and weekly email runs through a private handler',
    settles: 'none: the emulator fires private handlers; "did not fire" breaks every automatic run',
  },
  // Single occurrences of a series: each settles one of the emulator's occurrence options.
  {
    id: 'exceptionCarriesSeriesTags',
    fact: 'One occurrence of a tagged series changed on its own: does it carry the series’ private extended properties? (emulator option exceptionTags)',
    source: 'I',
    expected: 'tags copied',
    alsoHandled: ['no tags'],
    reliedOnBy:
      'nothing since issue 26: moved occurrences are tied to their series by recurringEventId',
  },
  {
    id: 'cancelledStubAndTagFilter',
    fact: 'A cancelled occurrence of a tagged series in Events.list filtered by the series’ privateExtendedProperty (emulator option cancelledStubs)',
    source: 'V',
    expected: 'not returned',
    alsoHandled: ['returned'],
    reliedOnBy:
      'nothing since issue 26: cancelled occurrences come from the incremental read and Events.instances',
  },
  {
    id: 'cancelledOccurrenceInFullList',
    fact: 'A cancelled occurrence in a full Events.list without showDeleted or singleEvents (emulator option deletedOccurrences)',
    source: 'I',
    expected: 'included',
    alsoHandled: ['left out'],
    reliedOnBy: 'nothing: after a full read the sync reads each series’ instances with showDeleted',
  },
  {
    id: 'aclOwnerRole',
    fact: 'A calendar the add-on made (calendar.app.created) takes an Acl rule with the role owner (make changes and manage sharing) for another person',
    source: 'V',
    expected: 'owner kept',
    alsoHandled: ['refused', 'lowered to writer', 'lowered to reader'],
    reliedOnBy:
      'a hand-over shares the group calendar with the next coordinator to manage; anything less and they are told to make a group calendar of their own (docs/hand-over.md)',
  },
  // Forms (issue 24): the response tab (place, name, header), a scale answer in it, the submit event.
  {
    id: 'formResponseTabPlace',
    fact: 'Form.setDestination(SPREADSHEET, this spreadsheet): where the new response tab goes (emulator option formResponseTab)',
    source: 'I',
    expected: 'before every tab',
    alsoHandled: ['after every tab'],
    reliedOnBy: 'nothing: the health check finds the tab by the one new sheet id',
    settles: 'formResponseTab',
  },
  {
    id: 'formScaleCell',
    fact: 'A submitted scale answer in the response tab, below a Timestamp column (emulator option formScaleCell)',
    source: 'I',
    expected: 'a number',
    alsoHandled: ['text'],
    reliedOnBy: 'the Health check tab reads a whole number 1–5 either way',
    settles: 'formScaleCell',
  },
  {
    id: 'formResponseTabShape',
    fact: 'Form.setDestination(SPREADSHEET, this spreadsheet): the new tab is named "Form Responses N" and its first row is Timestamp, then each question in the form’s order',
    source: 'S',
    expected: 'Form Responses N; Timestamp, then the questions in order',
    reliedOnBy:
      'nothing by name or place (the tab is found by its new sheet id); the Health check reads its columns by their headers, the question titles',
  },
  {
    id: 'formSubmitEvent',
    fact: 'A spreadsheet’s form-submit trigger gets an event with namedValues (title → answers), range, triggerUid and values — over two runs if it does not come at once',
    source: 'V',
    expected: 'namedValues, range, triggerUid and values',
    reliedOnBy:
      'the health check’s trigger reads the invitation code from namedValues and blanks it in the range’s row, so no row names a person',
  },
];
