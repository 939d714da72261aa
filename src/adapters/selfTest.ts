// The live self-test's Google side: runs each probe in a scratch tab and calendar, then removes them.
import { PROBES, type ProbeId } from '../domain/selfTest/probes';
import {
  judge,
  type Observation,
  reportTable,
  type SelfTestReport,
} from '../domain/selfTest/verdict';
import { versionLine } from '../shared/version';
import { advancedCalendar, errorMessage } from './calendar/service';
import type { GoogleServices } from './google';
import { FORM_SUBMIT_ANSWER, probeFormSubmitEvent } from './selfTestFormSubmit';
import { probePropertyLimits, probePropertyOverflow, probeThreeLetterIds } from './selfTestLimits';
import { PROBE_TRIGGER_HANDLER, probePrivateTrigger } from './selfTestTrigger';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Ev = GoogleAppsScript.Calendar.Schema.Event;

/** Sheet-level metadata marking the report tab, so a rerun replaces it and never a user's tab. */
export const REPORT_TAB_KEY = 'swpSelfTestReport';
const REPORT_TAB_NAME = 'Self-test report';

export { PROBE_TRIGGER_HANDLER } from './selfTestTrigger';

const KEY = 'swpSelfTest';
/** Reserved for documentation (RFC 2606): nobody receives mail there. */
const GUESTS = ['a@example.com', 'b@example.com', 'c@example.com'];
const DAY = '2030-01-07';
const NEXT_DAY = '2030-01-08';
const NO_MAIL = { sendUpdates: 'none' };

/** Script property a maintainer sets to `on` to see the self-test in the add-on menu. */
export const SELF_TEST_PROPERTY = 'SWP_SELF_TEST';

/**
 * True when a maintainer switched the self-test on. The menu item is shown only then, and the
 * menu's function checks it too: any top-level function can be called, and the self-test sets a
 * trigger in the account of whoever runs it.
 */
export function selfTestSwitchedOn(services: GoogleServices): boolean {
  return services.scriptProperties().getProperty(SELF_TEST_PROPERTY) === 'on';
}

/**
 * The maintainers' menu item, only in AuthMode.FULL (script properties cannot be read before the
 * add-on is enabled in the file (V: add-on authorization modes)) and only when switched on.
 */
export function selfTestMenuItems(
  services: GoogleServices,
  e: { authMode?: GoogleAppsScript.Script.AuthMode } | undefined,
): { caption: string; functionName: string }[] {
  if (!e || !services.isFullAuth(e.authMode)) return [];
  return selfTestSwitchedOn(services)
    ? [{ caption: 'Maintainers: run the self-test', functionName: 'runSelfTestFromMenu' }]
    : [];
}

/** Everything the run creates, so that `remove` can undo it whatever failed on the way. */
class Scratch {
  private readonly sheets: Sheet[] = [];
  private readonly triggers: GoogleAppsScript.Script.Trigger[] = [];
  private calendarId: string | null = null;
  private made: { form: GoogleAppsScript.Forms.Form; tab: Sheet; index: number } | null = null;
  private readonly stamp: string;

  constructor(
    readonly services: GoogleServices,
    readonly spreadsheet: Spreadsheet,
  ) {
    this.stamp = services.uuid().slice(0, 8);
  }

  /** A fresh tab per probe, so one probe's metadata never meets another's. */
  sheet(): Sheet {
    const sheet = this.spreadsheet.insertSheet(
      `SWP self-test ${this.stamp} ${this.sheets.length + 1}`,
    );
    this.sheets.push(sheet);
    return sheet;
  }

  /** A calendar of its own, in UTC so that all-day dates are plain UTC midnights. */
  calendar(): string {
    if (this.calendarId === null) {
      const created = advancedCalendar(this.services).Calendars!.insert({
        summary: `SWP self-test ${this.stamp} (safe to delete)`,
        timeZone: 'UTC',
      });
      this.calendarId = created.id ?? '';
    }
    return this.calendarId;
  }

  /**
   * One form a run, linked to this spreadsheet, with a scale and a text question, and the response
   * tab Google added (kept for removal). The form itself stays in the Drive: FormApp cannot delete
   * it, and trashing it would need a Drive scope the add-on does not ask for (docs/self-test.md).
   */
  form(): { form: GoogleAppsScript.Forms.Form; tab: Sheet; index: number } {
    if (this.made) return this.made;
    const before = new Set(this.spreadsheet.getSheets().map((s) => s.getSheetId()));
    const form = this.services.forms().create(`SWP self-test ${this.stamp} (safe to delete)`);
    form.addScaleItem().setTitle('Scale').setBounds(1, 5);
    form.addTextItem().setTitle('Note');
    form.setDestination(
      this.services.forms().DestinationType.SPREADSHEET,
      this.spreadsheet.getId(),
    );
    const sheets = this.spreadsheet.getSheets();
    const index = sheets.findIndex((s) => !before.has(s.getSheetId()));
    if (index < 0) throw new Error('no response tab appeared');
    this.sheets.push(sheets[index]);
    this.made = { form, tab: sheets[index], index };
    return this.made;
  }

  trigger(create: () => GoogleAppsScript.Script.Trigger): GoogleAppsScript.Script.Trigger {
    const trigger = create();
    this.triggers.push(trigger);
    return trigger;
  }

  /** Removes what was created; each step on its own, so one failure does not strand the rest. */
  remove(): string[] {
    const problems: string[] = [];
    const attempt = (what: string, fn: () => void) => {
      try {
        fn();
      } catch (error) {
        problems.push(`${what}: ${errorMessage(error)}`);
      }
    };
    for (const trigger of this.triggers)
      attempt('trigger', () => this.services.triggers().deleteTrigger(trigger));
    const form = this.made?.form;
    if (form) attempt('form link', () => form.removeDestination());
    for (const sheet of this.sheets)
      attempt('scratch tab', () => this.spreadsheet.deleteSheet(sheet));
    const calendarId = this.calendarId;
    if (calendarId)
      attempt('scratch calendar', () =>
        advancedCalendar(this.services).Calendars!.remove(calendarId),
      );
    return problems;
  }
}

function insertEvent(scratch: Scratch, extra: Ev): Ev {
  return advancedCalendar(scratch.services).Events!.insert(
    { summary: 'SWP self-test', start: { date: DAY }, end: { date: NEXT_DAY }, ...extra },
    scratch.calendar(),
    NO_MAIL,
  );
}

function metadataRow(sheet: Sheet): number | null {
  const found = sheet.createDeveloperMetadataFinder().withKey(KEY).find()[0];
  return found?.getLocation().getRow()?.getRow() ?? null;
}

function metadataColumn(sheet: Sheet): number | null {
  const found = sheet.createDeveloperMetadataFinder().withKey(KEY).find()[0];
  return found?.getLocation().getColumn()?.getColumn() ?? null;
}

function where(at: number | null, moved: number, stayed: number, what: string): string {
  if (at === moved) return `moves with its ${what}`;
  if (at === stayed) return 'stays at its position';
  return at === null ? 'gone' : `found at ${at}`;
}

/**
 * A daily all-day series of 4 tagged with the probe's key, and its instances (ids as Google forms
 * them: the self-test reads them rather than building them).
 */
function taggedSeries(scratch: Scratch, tag: string): { id: string; instances: Ev[] } {
  const created = insertEvent(scratch, {
    recurrence: ['RRULE:FREQ=DAILY;COUNT=4'],
    extendedProperties: { private: { [KEY]: tag } },
  });
  const id = created.id ?? '';
  const instances =
    advancedCalendar(scratch.services).Events!.instances(scratch.calendar(), id).items ?? [];
  return { id, instances };
}

/** The series' cancelled occurrence among a list's items: 'included' or 'left out'. */
function cancelledIn(items: readonly Ev[], occurrenceId: string): boolean {
  return items.some((i) => i.id === occurrenceId && i.status === 'cancelled');
}

/** The probes of a series' single occurrences (docs/self-test.md). */
function OCCURRENCE_RUNNERS(): Pick<
  Record<ProbeId, (scratch: Scratch) => string>,
  'exceptionCarriesSeriesTags' | 'cancelledStubAndTagFilter' | 'cancelledOccurrenceInFullList'
> {
  return {
    exceptionCarriesSeriesTags(scratch) {
      const events = advancedCalendar(scratch.services).Events!;
      const { instances } = taggedSeries(scratch, 'moved');
      const second = instances[1]?.id ?? '';
      events.patch({ summary: 'SWP self-test (moved)' }, scratch.calendar(), second, NO_MAIL);
      const tags = events.get(scratch.calendar(), second).extendedProperties?.private ?? {};
      return tags[KEY] === 'moved' ? 'tags copied' : 'no tags';
    },

    cancelledStubAndTagFilter(scratch) {
      const events = advancedCalendar(scratch.services).Events!;
      const { instances } = taggedSeries(scratch, 'stub');
      const third = instances[2]?.id ?? '';
      events.remove(scratch.calendar(), third, NO_MAIL);
      const items =
        events.list(scratch.calendar(), {
          privateExtendedProperty: `${KEY}=stub`,
          maxResults: 2500,
        }).items ?? [];
      return cancelledIn(items, third) ? 'returned' : 'not returned';
    },

    cancelledOccurrenceInFullList(scratch) {
      const events = advancedCalendar(scratch.services).Events!;
      const { instances } = taggedSeries(scratch, 'full');
      const fourth = instances[3]?.id ?? '';
      events.remove(scratch.calendar(), fourth, NO_MAIL);
      const items = events.list(scratch.calendar(), { maxResults: 2500 }).items ?? [];
      return cancelledIn(items, fourth) ? 'included' : 'left out';
    },
  };
}

/** One function per probe: does the thing, returns the answer phrase the domain compares. */
const RUNNERS: Record<ProbeId, (scratch: Scratch) => string> = {
  ...OCCURRENCE_RUNNERS(),
  extendedPropertyQuery(scratch) {
    const wanted = insertEvent(scratch, { extendedProperties: { private: { [KEY]: 'a' } } });
    insertEvent(scratch, { extendedProperties: { private: { [KEY]: 'b' } } });
    insertEvent(scratch, {});
    const items =
      advancedCalendar(scratch.services).Events!.list(scratch.calendar(), {
        privateExtendedProperty: `${KEY}=a`,
      }).items ?? [];
    if (items.length === 1 && items[0].id === wanted.id) return 'only the tagged event';
    return `${items.length} events`;
  },

  patchReplacesAttendees(scratch) {
    const events = advancedCalendar(scratch.services).Events!;
    const created = insertEvent(scratch, {
      attendees: [{ email: GUESTS[0] }, { email: GUESTS[1] }],
    });
    events.patch(
      { attendees: [{ email: GUESTS[2] }] },
      scratch.calendar(),
      created.id ?? '',
      NO_MAIL,
    );
    const guests = (events.get(scratch.calendar(), created.id ?? '').attendees ?? [])
      .map((a) => a.email ?? '')
      .sort();
    if (guests.join() === GUESTS[2]) return 'replaced';
    if (guests.join() === GUESTS.join()) return 'merged';
    return `guests: ${guests.join(', ')}`;
  },

  patchMergesExtendedProperties(scratch) {
    const events = advancedCalendar(scratch.services).Events!;
    const created = insertEvent(scratch, {
      extendedProperties: { private: { [`${KEY}1`]: 'one', [`${KEY}2`]: 'two' } },
    });
    events.patch(
      { extendedProperties: { private: { [`${KEY}2`]: 'three' } } },
      scratch.calendar(),
      created.id ?? '',
      NO_MAIL,
    );
    const props =
      events.get(scratch.calendar(), created.id ?? '').extendedProperties?.private ?? {};
    if (props[`${KEY}2`] !== 'three') return 'patch not applied';
    return props[`${KEY}1`] === 'one' ? 'other keys kept' : 'other keys dropped';
  },

  allDayEndExclusive(scratch) {
    insertEvent(scratch, { extendedProperties: { private: { [`${KEY}Day`]: '1' } } });
    const count = (from: string, to: string) =>
      (
        advancedCalendar(scratch.services).Events!.list(scratch.calendar(), {
          privateExtendedProperty: `${KEY}Day=1`,
          timeMin: `${from}T00:00:00Z`,
          timeMax: `${to}T00:00:00Z`,
        }).items ?? []
      ).length;
    const onDay = count(DAY, NEXT_DAY);
    const onNextDay = count(NEXT_DAY, '2030-01-09');
    if (onDay === 1 && onNextDay === 0) return 'exclusive';
    return onNextDay === 1 ? 'inclusive' : 'not found on its day';
  },

  formatDateUnknownZone(scratch) {
    try {
      const text = scratch.services.formatDate(new Date(0), 'Mars/Olympus_Mons', 'HH:mm');
      return text === '00:00' ? 'formats as GMT' : `returns ${text}`;
    } catch {
      return 'throws';
    }
  },

  checkboxBeforeTicked(scratch) {
    const cell = scratch.sheet().getRange('A1');
    cell.setDataValidation(
      scratch.services.sheetBuilders().newDataValidation().requireCheckbox().build(),
    );
    const value = cell.getValue();
    if (value === '') return 'blank';
    return value === false ? 'FALSE' : `holds ${String(value)}`;
  },

  insertCheckboxesFalse(scratch) {
    const cell = scratch.sheet().getRange('A1');
    cell.insertCheckboxes();
    const value = cell.getValue();
    return value === false ? 'FALSE' : value === '' ? 'blank' : `holds ${String(value)}`;
  },

  rowMetadataAfterSort(scratch) {
    const sheet = scratch.sheet();
    sheet.getRange('A1:A4').setValues([['key'], ['c'], ['a'], ['b']]);
    sheet.setFrozenRows(1);
    sheet.getRange('2:2').addDeveloperMetadata(KEY, 'c');
    sheet.sort(1);
    return where(metadataRow(sheet), 4, 2, 'row');
  },

  rowMetadataAfterInsert(scratch) {
    const sheet = scratch.sheet();
    sheet.getRange('A2').setValue('x');
    sheet.getRange('2:2').addDeveloperMetadata(KEY);
    sheet.insertRowBefore(1);
    return where(metadataRow(sheet), 3, 2, 'row');
  },

  columnMetadataAfterInsert(scratch) {
    const sheet = scratch.sheet();
    sheet.getRange('B1').setValue('x');
    sheet.getRange('B:B').addDeveloperMetadata(KEY);
    sheet.insertColumnBefore(1);
    return where(metadataColumn(sheet), 3, 2, 'column');
  },

  columnMetadataAfterMoveColumns(scratch) {
    const sheet = scratch.sheet();
    sheet.getRange('A1:E1').setValues([['a', 'b', 'c', 'd', 'e']]);
    sheet.getRange('B:B').addDeveloperMetadata(KEY);
    // (V) moveColumns(B:B, 5) puts B before the old column E: it becomes column D.
    sheet.moveColumns(sheet.getRange('B:B'), 5);
    return where(metadataColumn(sheet), 4, 2, 'column');
  },

  rowMetadataAfterCutPaste(scratch) {
    const sheet = scratch.sheet();
    sheet.getRange('A2:C2').setValues([['x', 'y', 'z']]);
    sheet.getRange('2:2').addDeveloperMetadata(KEY);
    sheet.getRange('A2:C2').moveTo(sheet.getRange('A6'));
    const at = metadataRow(sheet);
    if (at === 6) return 'moves with the cells';
    return at === 2 ? 'stays at its position' : at === null ? 'gone' : `found at ${at}`;
  },

  triggersPerDocument(scratch) {
    const ss = scratch.spreadsheet;
    const id = scratch
      .trigger(() =>
        scratch.services
          .triggers()
          .newTrigger(PROBE_TRIGGER_HANDLER)
          .forSpreadsheet(ss)
          .onChange()
          .create(),
      )
      .getUniqueId();
    const inDocument = scratch.services
      .triggers()
      .getUserTriggers(ss)
      .some((t) => t.getUniqueId() === id);
    const inProject = scratch.services
      .triggers()
      .getProjectTriggers()
      .some((t) => t.getUniqueId() === id);
    if (inDocument && inProject) return 'in both lists';
    if (inDocument) return 'in the document’s list only';
    return inProject ? 'in the project’s list only' : 'in neither list';
  },

  oneTriggerPerType(scratch) {
    const ss = scratch.spreadsheet;
    const create = () =>
      scratch.services
        .triggers()
        .newTrigger(PROBE_TRIGGER_HANDLER)
        .forSpreadsheet(ss)
        .onChange()
        .create();
    // Needs one trigger of the type first: triggersPerDocument may have been skipped.
    if (
      !scratch.services
        .triggers()
        .getUserTriggers(ss)
        .some((t) => t.getHandlerFunction() === PROBE_TRIGGER_HANDLER)
    )
      scratch.trigger(create);
    try {
      scratch.trigger(create);
      return 'allowed (not running as an add-on)';
    } catch {
      return 'refused';
    }
  },

  listRuleItemLimit(scratch) {
    const items = Array.from({ length: 501 }, (_, i) => `item ${i + 1}`);
    const cell = scratch.sheet().getRange('A1');
    try {
      const rule = scratch.services
        .sheetBuilders()
        .newDataValidation()
        .requireValueInList(items, true);
      cell.setDataValidation(rule.setAllowInvalid(false).build());
    } catch {
      return 'rule refused';
    }
    try {
      cell.setValue('item 501');
    } catch {
      return 'item 501 rejected';
    }
    return cell.getValue() === 'item 501' ? 'item 501 accepted' : 'item 501 rejected';
  },

  extendedPropertyLimits(scratch) {
    return probePropertyLimits(scratch.services, scratch.calendar(), (extra) =>
      insertEvent(scratch, extra),
    );
  },

  extendedPropertyOverflow(scratch) {
    return probePropertyOverflow(scratch.services, scratch.calendar(), (extra) =>
      insertEvent(scratch, extra),
    );
  },

  formResponseTabPlace(scratch) {
    const { index } = scratch.form();
    const last = scratch.spreadsheet.getSheets().length - 1;
    return index === 0
      ? 'before every tab'
      : index === last
        ? 'after every tab'
        : `at position ${index + 1}`;
  },

  formResponseTabShape(scratch) {
    const { tab } = scratch.form();
    const name = tab.getName();
    const header = tab.getRange(1, 1, 1, Math.max(3, tab.getLastColumn())).getValues()[0];
    const shape =
      header.join('|') === 'Timestamp|Scale|Note'
        ? 'Timestamp, then the questions in order'
        : `header ${header.join(', ')}`;
    return `${/^Form Responses \d+$/.test(name) ? 'Form Responses N' : `named ${name}`}; ${shape}`;
  },

  formScaleCell(scratch) {
    const { form, tab } = scratch.form();
    const item = form.getItems()[0].asScaleItem();
    form.createResponse().withItemResponse(item.createResponse(3)).submit();
    const rows = tab.getRange(1, 1, tab.getLastRow(), 2).getValues();
    const [header, row] = [rows[0], rows[rows.length - 1]];
    if (header[0] !== 'Timestamp' || header[1] !== 'Scale') return `header ${header.join(', ')}`;
    return typeof row[1] === 'number'
      ? 'a number'
      : typeof row[1] === 'string'
        ? 'text'
        : `holds ${String(row[1])}`;
  },

  formSubmitEvent(scratch) {
    const { form } = scratch.form();
    const note = form.getItems()[1].asTextItem();
    return probeFormSubmitEvent(scratch.services, scratch.spreadsheet, () => {
      form.createResponse().withItemResponse(note.createResponse(FORM_SUBMIT_ANSWER)).submit();
    });
  },

  formatDateThreeLetterIds(scratch) {
    return probeThreeLetterIds(scratch.services);
  },

  // Two runs: this one sets a trigger that outlives it (not the scratch's), the next reads it.
  privateTriggerFires(scratch) {
    return probePrivateTrigger(scratch.services);
  },

  aclOwnerRole(scratch) {
    const acl = advancedCalendar(scratch.services).Acl!;
    // A reserved address (RFC 2606), no sharing mail: nobody is told or reached.
    const person = 'd@example.com';
    try {
      acl.insert({ role: 'owner', scope: { type: 'user', value: person } }, scratch.calendar(), {
        sendNotifications: false,
      });
    } catch {
      return 'refused';
    }
    const role = acl.get(scratch.calendar(), `user:${person}`).role ?? 'none';
    return role === 'owner' ? 'owner kept' : `lowered to ${role}`;
  },

  documentLock(scratch) {
    const lock = scratch.services.documentLock();
    if (!lock) return 'no document lock';
    if (!lock.tryLock(5_000)) return 'busy: another run holds it';
    const held = lock.hasLock();
    lock.releaseLock();
    const released = !lock.hasLock();
    if (held && released) return 'held, then released';
    return held ? 'not released' : 'not held';
  },
};

/** The report tab: the one marked with REPORT_TAB_KEY, or a new tab whose name is free. */
function reportSheet(ss: Spreadsheet): Sheet {
  const marked = ss.createDeveloperMetadataFinder().withKey(REPORT_TAB_KEY).find()[0];
  const existing = marked?.getLocation().getSheet();
  if (existing) {
    existing.clear();
    return existing;
  }
  let name = REPORT_TAB_NAME;
  for (let n = 2; ss.getSheetByName(name); n++) name = `${REPORT_TAB_NAME} ${n}`;
  const sheet = ss.insertSheet(name);
  sheet.addDeveloperMetadata(REPORT_TAB_KEY);
  return sheet;
}

function writeReport(ss: Spreadsheet, report: SelfTestReport, cleanup: string[]): void {
  const table = reportTable(report);
  const width = table[0].length;
  const lines = [
    ...table,
    [report.summary, ...Array(width - 1).fill('')],
    [versionLine(), ...Array(width - 1).fill('')],
    ...cleanup.map((p) => [`Not cleaned up: ${p}`, ...Array(width - 1).fill('')]),
  ];
  const sheet = reportSheet(ss);
  // Plain text: nothing observed may turn into a number, a date or a formula.
  sheet.getRange(1, 1, lines.length, width).setNumberFormat('@').setValues(lines);
  sheet.setFrozenRows(1);
}

/**
 * Runs every probe (each failure is recorded, not thrown), removes everything it created even when
 * a probe fails, then writes the report tab and logs the report.
 */
export function runSelfTest(
  services: GoogleServices,
  ss: Spreadsheet,
): SelfTestReport & { notCleanedUp: string[] } {
  const active = ss.getActiveSheet();
  const scratch = new Scratch(services, ss);
  const observations: Observation[] = [];
  let cleanup: string[] = [];
  try {
    for (const probe of PROBES) {
      try {
        observations.push({ id: probe.id, observed: RUNNERS[probe.id](scratch) });
      } catch (error) {
        observations.push({ id: probe.id, error: errorMessage(error) });
      }
    }
  } finally {
    cleanup = scratch.remove();
  }
  const report = judge(observations);
  writeReport(ss, report, cleanup);
  active.activate();
  for (const row of reportTable(report)) console.log(row.join(' | '));
  console.log(report.summary);
  console.log(versionLine());
  return { ...report, green: report.green && cleanup.length === 0, notCleanedUp: cleanup };
}
