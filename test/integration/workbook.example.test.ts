// The preview's example partnership, built through the add-on: partners, agreements, steps, goals, outcomes.

import {
  EXAMPLE_AGREEMENTS,
  EXAMPLE_OUTCOMES,
  EXAMPLE_PARTNERS,
} from '../../emulator/example/partnership';
import { createExampleWorkspace } from '../../emulator/example/seed';
import type { EditResult } from '../../emulator/spreadsheet';
import { columnOf, rowsOf } from '../harness/workbook';
import { TEST_START } from '../harness/workspace';

describe('the example partnership', () => {
  const addon = createExampleWorkspace({ virtualClock: true, startTime: TEST_START });
  const ws = addon.workspace;

  it('lists the partners with IDs and their agreements', () => {
    const partners = rowsOf(ws, 'Partners');
    expect(partners.map((p) => p.Organisation)).toEqual(
      EXAMPLE_PARTNERS.map((p) => p.organisation),
    );
    expect(partners.map((p) => p['Partner ID'])).toEqual(
      EXAMPLE_PARTNERS.map((_p, i) => `P${i + 1}`),
    );
    const library = partners[1];
    expect(library['MOU status']).toBe('Signed');
    expect(Object.prototype.toString.call(library['Agreement end'])).toBe('[object Date]');
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

  it('has the steps filled in, three goals and their outcomes linked by ID', () => {
    const steps = rowsOf(ws, 'Partnership');
    expect(steps.filter((s) => s.Status === 'Done')).toHaveLength(3);
    const goals = rowsOf(ws, 'Goals');
    expect(goals.map((g) => g['Goal ID'])).toEqual(['G1', 'G2', 'G3']);
    const outcomes = rowsOf(ws, 'Outcomes');
    expect(outcomes.map((o) => o['Outcome ID'])).toEqual(
      EXAMPLE_OUTCOMES.map((_o, i) => `O${i + 1}`),
    );
    expect(outcomes.map((o) => String(o.Goal).slice(0, 2))).toEqual(
      EXAMPLE_OUTCOMES.map((o) => `G${o.goal + 1}`),
    );
  });

  it('offers the goals and outcomes in the calendar’s dropdowns', () => {
    const outcome = columnOf(ws, 'Calendar', 'Linked outcome');
    const label = `O4 · ${EXAMPLE_OUTCOMES[3].cells.Outcome}`;
    expect(addon.userEdit('Calendar', 2, outcome, label)).toEqual({ ok: true });
    expect(
      (addon.userEdit('Calendar', 3, outcome, 'O99 · Nothing') as EditResult).warning,
    ).toContain('only its ID');
  });
});
