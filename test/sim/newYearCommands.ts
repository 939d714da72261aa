// Simulator steps for a new school year: the coordinator starts it (maybe interrupted at a write, a partner sorting meanwhile), and resumes.
import fc from 'fast-check';
import { ALWAYS, approvedEmails } from './invariants';
import { type Cmd, check, fail, type Model } from './step';
import {
  archivedYears,
  rememberArchivedEvents,
  rolloverPending,
  typedCellsArchived,
} from './wholePlanInvariants';
import {
  columnOfKey,
  hasTab,
  planTables,
  tabName,
  typedCellsEverywhere,
  type World,
} from './world';

/** Every call that changes the spreadsheet or the document's properties (as the rollover's own tests interrupt). */
const WRITE =
  /^(SpreadsheetApp\.\w+\.(set\w*|insert\w*|delete\w*|add\w*|protect|remove\w*|clear\w*|breakApart|merge\w*|activate|copyTo)|PropertiesService\.\w+\.(setProperty|setProperties|deleteProperty))$/;

/** The tabs a rollover leaves as they were (Outcomes apart from its Baseline column). */
const CARRIED = ['Goals', 'Partners', 'Assessments', 'Partnership'];

/** Typed cells of every plan tab with the archived rows added back, and Outcomes without its baselines. */
export function keptCells(w: World): Record<string, string[]> {
  const tables = planTables(w);
  const outcomes = tables.get('Outcomes');
  if (outcomes) {
    // The rollover writes each measured outcome's latest measurement as its baseline (by design).
    const at = outcomes[0].indexOf('Baseline');
    if (at >= 0)
      tables.set(
        'Outcomes',
        outcomes.map((r) => r.filter((_, i) => i !== at)),
      );
  }
  const typed = typedCellsEverywhere(w, tables);
  const archived = typedCellsArchived(w);
  for (const tab of ['Calendar', 'Progress'])
    typed[tab] = [...(typed[tab] ?? []), ...(archived[tab] ?? [])].sort();
  return typed;
}

/**
 * The coordinator chooses Extensions › Start the next year… and answers Yes. With `faultAt`, a
 * Sheets or Properties write fails there (Google's service error), and with `sortAt` a partner
 * sorts the Calendar tab just before that call of the run; with `resume` the coordinator chooses
 * the item again at once, else a later step (this one, again) finishes it. Across a run that
 * starts and ends with no rollover under way: every typed cell is live or in the archive, the
 * carried tabs and the approvals are as they were.
 */
export class StartNextYear implements Cmd {
  constructor(
    readonly faultAt: number | null,
    readonly sortAt: number | null,
    readonly resume: boolean,
  ) {}
  check = () => true;
  run(_m: Model, w: World): void {
    w.log.push(
      `${w.coordinator} starts the next year${this.faultAt ? ` (write ${this.faultAt} fails)` : ''}${this.sortAt ? ` (a partner sorts Calendar at call ${this.sortAt})` : ''}${this.resume ? ', then again' : ''}`,
    );
    const pendingBefore = rolloverPending(w);
    const before = pendingBefore ? null : keptCells(w);
    const approved = [...approvedEmails(w)].sort().join(',');
    const rt = w.ws.runtime;
    let sorted = false;
    const disarm = this.sortAt
      ? w.addon.interleaveAt(this.sortAt, () => {
          sorted = this.partnerSorts(w);
        })
      : () => {};
    if (this.faultAt) rt.failAt(WRITE, this.faultAt, 'Service error: Spreadsheets');
    try {
      this.choose(w);
    } finally {
      disarm();
      rt.clearFaults();
    }
    if (this.resume && rolloverPending(w)) this.choose(w);
    rememberArchivedEvents(w);
    this.says(w);
    if ([...approvedEmails(w)].sort().join(',') !== approved)
      fail(w, 'carriedForward', 'the approvals changed with the new year');
    // A partner's sort mid-run moves no typed cell either, so the comparison holds with it too.
    if (before && !rolloverPending(w)) this.kept(w, before, sorted);
    check(w, ALWAYS);
  }

  /** The menu item, as the coordinator: the first alert asks (Yes), the last says what happened. */
  private choose(w: World): void {
    w.addon.run('startNextYearFromMenu');
  }

  /** The last dialog is a sentence, never Google's own words. */
  private says(w: World): void {
    const dialogs = w.ws.sheets.ui.dialogs;
    const last = dialogs[dialogs.length - 1]?.prompt ?? '';
    if (/Service error|Exception|undefined|\[object/.test(last))
      fail(w, 'rolloverSaysWhy', `the coordinator read: ${last}`);
  }

  private kept(w: World, before: Record<string, string[]>, sorted: boolean): void {
    const after = keptCells(w);
    for (const tab of Object.keys(before)) {
      const was = JSON.stringify(before[tab] ?? []);
      const now = JSON.stringify(after[tab] ?? []);
      if (was === now) continue;
      const what = CARRIED.includes(tab) ? 'carriedForward' : 'typedCellsKept';
      fail(
        w,
        what,
        `${tab}${sorted ? ' (sorted meanwhile)' : ''}: ${was.slice(0, 300)} → ${now.slice(0, 300)} (years ${JSON.stringify(archivedYears(w))})`,
      );
    }
  }

  /** A partner sorts the Calendar tab by title (they never take the document lock). */
  private partnerSorts(w: World): boolean {
    const name = tabName(w, 'Calendar');
    const col = columnOfKey(w, 'title');
    if (!hasTab(w, name) || col === null) return false;
    w.ws.sheets.userSortRows(name, col, true, 1);
    return true;
  }

  toString = () => `new StartNextYear(${this.faultAt}, ${this.sortAt}, ${this.resume})`;
}

/** The steps above, for the property's command list. */
const startNextYear = fc
  .tuple(
    fc.option(fc.integer({ min: 1, max: 40 }), { nil: null, freq: 2 }),
    fc.option(fc.integer({ min: 1, max: 120 }), { nil: null, freq: 2 }),
    fc.boolean(),
  )
  .map(([fault, sort, resume]) => new StartNextYear(fault, sort, resume));

export const newYearCommands: Array<fc.Arbitrary<Cmd>> = [startNextYear, startNextYear];
