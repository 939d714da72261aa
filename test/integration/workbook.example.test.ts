// The preview's example partnership, built through the add-on: partners, agreements, steps, goals, outcomes.

import {
  EXAMPLE_OUTCOMES as MODEL_OUTCOMES,
  EXAMPLE_PARTNERS as MODEL_PARTNERS,
} from '../../emulator/example/logicModel';
import {
  EXAMPLE_AGREEMENTS,
  EXAMPLE_DISTRICT,
  EXAMPLE_EXTRA_OUTCOMES,
} from '../../emulator/example/partnership';
import { createExampleWorkspace } from '../../emulator/example/seed';
import type { EditResult } from '../../emulator/spreadsheet';
import { sidebarCall } from '../harness/sidebarCall';
import { columnOf, rowsOf } from '../harness/workbook';
import { runAmbiguities, TEST_START } from '../harness/workspace';

const PARTNER_NAMES = [...MODEL_PARTNERS.map((p) => p.organisation), EXAMPLE_DISTRICT.organisation];
const OUTCOME_GOALS = [
  ...MODEL_OUTCOMES.map((o) => o.goal.slice(0, 2)),
  ...EXAMPLE_EXTRA_OUTCOMES.map(() => 'G3'),
];

describe('the example partnership', () => {
  const addon = createExampleWorkspace({
    virtualClock: true,
    startTime: TEST_START,
    ambiguities: runAmbiguities(),
  });
  const ws = addon.workspace;

  it('lists the partners, numbered as the logic-model example numbers them, with their agreements', () => {
    const partners = rowsOf(ws, 'Partners');
    expect(partners.map((p) => p.Organisation)).toEqual(PARTNER_NAMES);
    expect(partners.map((p) => p['Partner ID'])).toEqual(PARTNER_NAMES.map((_p, i) => `P${i + 1}`));
    expect(MODEL_PARTNERS.map((p) => p.id)).toEqual(
      PARTNER_NAMES.slice(0, 8).map((_p, i) => `P${i + 1}`),
    );
    const library = partners[1];
    expect(library['MOU status']).toBe('Signed');
    expect(library.Contact).toBe('Ana Ruiz');
    expect(Object.prototype.toString.call(library['Agreement end'])).toBe('[object Date]');
    expect(Object.keys(EXAMPLE_AGREEMENTS).every((name) => PARTNER_NAMES.includes(name))).toBe(
      true,
    );
  });

  it('totals the in-kind contributions on the Partnership tab', () => {
    const table = ws.sheets.table('Partnership');
    const label = table[0].indexOf('Partnership profile');
    const total = table.find((row) => row[label] === 'Total in-kind value (match)')?.[label + 1];
    const expected = Object.values(EXAMPLE_AGREEMENTS).reduce(
      (sum, a) => sum + Number(a['In-kind value'] ?? 0),
      0,
    );
    expect(total).toBe(expected);
  });

  it('has the steps filled in, three goals and eight outcomes linked by ID', () => {
    const steps = rowsOf(ws, 'Partnership');
    expect(steps.filter((s) => s.Status === 'Done')).toHaveLength(3);
    expect(steps.every((s) => PARTNER_NAMES.includes(String(s.Owner)))).toBe(true);
    expect(rowsOf(ws, 'Goals').map((g) => g['Goal ID'])).toEqual(['G1', 'G2', 'G3']);
    const outcomes = rowsOf(ws, 'Outcomes');
    expect(outcomes.map((o) => o['Outcome ID'])).toEqual(OUTCOME_GOALS.map((_g, i) => `O${i + 1}`));
    expect(outcomes.map((o) => String(o.Goal).slice(0, 2))).toEqual(OUTCOME_GOALS);
  });

  it('offers the goals and outcomes in the calendar’s dropdowns', () => {
    const outcome = columnOf(ws, 'Calendar', 'Linked outcome');
    const free = ws.sheets.table('Calendar').length + 1;
    const label = `O6 · ${EXAMPLE_EXTRA_OUTCOMES[0].outcome}`;
    expect(addon.userEdit('Calendar', free, outcome, label)).toEqual({ ok: true });
    expect(
      (addon.userEdit('Calendar', free + 1, outcome, 'O99 · Nothing') as EditResult).warning,
    ).toContain('only its ID');
  });

  it('needs no repair: the logic-model example’s rows fit the tabs set-up made', () => {
    const summary = sidebarCall(addon, 'repairPlan');
    expect(summary.repaired).toEqual([]);
    expect(summary.created).toEqual([]);
  });
});
