// Simulator steps over the whole plan: a partner cuts and pastes a column, or moves rows while a repair runs (issue 25).
import fc from 'fast-check';
import { USER_TABS } from '../../src/domain/schema/tabs';
import { ALWAYS, planBefore, planKept, repairSaysWhatWasLost } from './invariants';
import { type Cmd, check, type Model, named } from './step';
import { hasTab, tabName, type World } from './world';

/** The tabs partners type in besides Calendar: each gets the same races. */
const PLAN_TABS = ['Partners', 'Goals', 'Outcomes', 'Assessments', 'Progress', 'Partnership'];

/** A partner selects a column they type in (header included), cuts it, and pastes it past the table. */
export class PartnerCutsColumn implements Cmd {
  constructor(
    readonly tab: string,
    readonly colAt: number,
  ) {}
  check = () => true;
  run(_m: Model, w: World): void {
    const name = tabName(w, this.tab);
    if (!hasTab(w, name)) return;
    const def = USER_TABS.find((t) => t.name === this.tab);
    const headers = w.ws.sheets.table(name)[0].map(String);
    const typed = headers
      .map((h, i) => ({ h, col: i + 1 }))
      .filter(({ h }) => def?.columns.some((c) => c.header === h && c.owner !== 'addon'));
    if (typed.length === 0) return;
    const { h, col } = typed[Math.floor(this.colAt * typed.length)];
    const to = headers.length + 2;
    const grid = w.ws.sheets.spreadsheet.getSheetByName(name);
    if (!grid || grid.getMaxColumns() < to) return;
    w.log.push(`on ${name}, cut column ${col} (${h}) and paste it onto column ${to}`);
    const result = w.ws.sheets.userCutPasteColumn(name, col, to);
    if (result.ok) w.structureChanged = true;
    check(w, ALWAYS);
  }
  toString = () => `new PartnerCutsColumn('${this.tab}', ${this.colAt})`;
}

/**
 * The coordinator repairs the plan; just before its `atCall`th service call a partner sorts,
 * inserts or deletes rows of a plan tab. The repair must finish, and every ID and link must still
 * name the row it named (IDs are written where rows are at write time).
 */
export class RepairRacedByPartner implements Cmd {
  constructor(
    readonly tab: string,
    readonly edit: 'sort' | 'insert' | 'delete',
    readonly atCall: number,
    readonly rowAt: number,
  ) {}
  check = () => true;
  run(_m: Model, w: World): void {
    const name = tabName(w, this.tab);
    if (!hasTab(w, name)) return;
    w.log.push(`set-up › repair; at its call ${this.atCall} a partner ${this.describe(name)}`);
    let before = planBefore(w);
    const disarm = w.ws.runtime.interleaveAt(this.atCall, () => {
      this.partnerEdits(w, name);
      // What the repair must keep is the plan as the partner left it.
      before = planBefore(w);
    });
    let summary: { warnings: string[] };
    try {
      summary = w.addon.runFromSidebar('repairPlan') as { warnings: string[] };
    } finally {
      disarm();
    }
    w.structureChanged = false;
    named(w, 'repairSaysWhatWasLost', () => repairSaysWhatWasLost(w, summary.warnings));
    planKept(w, before);
    check(w, ALWAYS);
  }

  private describe(name: string): string {
    return this.edit === 'sort'
      ? `sorts ${name}`
      : `${this.edit === 'insert' ? 'inserts a row into' : 'deletes a row of'} ${name}`;
  }

  private partnerEdits(w: World, name: string): void {
    const rows = w.ws.sheets.table(name).length;
    const row = 2 + Math.floor(this.rowAt * Math.max(rows - 1, 1));
    const sheets = w.ws.sheets;
    if (this.edit === 'sort') sheets.userSortRows(name, 2, this.rowAt < 0.5);
    else if (this.edit === 'insert') sheets.userInsertRows(name, row, 1);
    else if (rows > 2) sheets.userDeleteRows(name, Math.min(row, rows));
  }
  toString = () =>
    `new RepairRacedByPartner('${this.tab}', '${this.edit}', ${this.atCall}, ${this.rowAt})`;
}

const frac = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

/** The steps above, for the property's command list. */
export const raceCommands: Array<fc.Arbitrary<Cmd>> = [
  fc.tuple(fc.constantFrom(...PLAN_TABS), frac).map(([tab, at]) => new PartnerCutsColumn(tab, at)),
  fc
    .tuple(
      fc.constantFrom(...PLAN_TABS),
      fc.constantFrom('sort', 'insert', 'delete' as const),
      fc.integer({ min: 1, max: 700 }),
      frac,
    )
    .map(([tab, edit, at, row]) => new RepairRacedByPartner(tab, edit, at, row)),
];
