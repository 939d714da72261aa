// The ID planner: IDs for rows without one, new IDs for copied rows, no reuse of deleted numbers.
import { allocateIds, nextFreeNumber, planIds } from '../../src/domain/table/ids';
import type { TableRecord } from '../../src/domain/table/records';

const rec = (row: number, id: unknown): TableRecord => ({ row, cells: { id, name: `row ${row}` } });

describe('planIds', () => {
  it('numbers rows without an ID after the highest existing one', () => {
    const plan = planIds([rec(2, 'G1'), rec(3, ''), rec(4, 'G7'), rec(5, '')], 'G');
    expect(plan.assignments).toEqual([
      { row: 3, id: 'G8', previous: null, reason: 'missing' },
      { row: 5, id: 'G9', previous: null, reason: 'missing' },
    ]);
    expect(plan.next).toBe(10);
  });

  it('gives a copied row (same ID as an earlier row) a new ID and leaves the original alone', () => {
    const plan = planIds([rec(2, 'P1'), rec(3, 'P2'), rec(4, 'p1 ')], 'P');
    expect(plan.assignments).toEqual([
      { row: 4, id: 'P3', previous: 'p1', reason: 'duplicate', keptBy: 2 },
    ]);
  });

  it('decides "earlier" by sheet row, whatever order the records come in', () => {
    const plan = planIds([rec(9, 'P1'), rec(2, 'P1')], 'P');
    expect(plan.assignments.map((a) => a.row)).toEqual([9]);
  });

  it('never hands out a number below the stored high-water mark (a deleted P5 stays dead)', () => {
    const plan = planIds([rec(2, 'P1'), rec(3, '')], 'P', { minNext: 6 });
    expect(plan.assignments[0].id).toBe('P6');
    expect(plan.next).toBe(7);
  });

  it('keeps IDs that do not follow the pattern, unless they are duplicates', () => {
    const plan = planIds([rec(2, 'legacy-7'), rec(3, 'legacy-7'), rec(4, 12)], 'P');
    expect(plan.assignments).toEqual([
      { row: 3, id: 'P1', previous: 'legacy-7', reason: 'duplicate', keptBy: 2 },
    ]);
  });

  it('lets the row that still matches its last known content keep a shared ID, wherever it is', () => {
    const hash = (r: TableRecord) => String(r.cells.name);
    const lastKnown = new Map([['G1', 'row 9']]);
    const plan = planIds([rec(2, 'G1'), rec(9, 'G1'), rec(5, 'G2')], 'G', { lastKnown, hash });
    expect(plan.assignments).toEqual([
      { row: 2, id: 'G3', previous: 'G1', reason: 'duplicate', keptBy: 9 },
    ]);
    // No match (or an unknown ID): the topmost keeps it, as before.
    const none = planIds([rec(2, 'G1'), rec(9, 'G1')], 'G', { lastKnown: new Map(), hash });
    expect(none.assignments.map((a) => a.row)).toEqual([9]);
  });

  it('plans nothing for a clean table', () => {
    expect(planIds([rec(2, 'O1'), rec(3, 'O2')], 'O').assignments).toEqual([]);
  });
});

describe('the ID allocator', () => {
  it('continues after every ID in use and after the stored mark, never below either', () => {
    for (let trial = 0; trial < 200; trial++) {
      const used = Array.from({ length: trial % 7 }, (_, i) => `F${(i * 37 + trial) % 50}`);
      const stored = trial % 3 === 0 ? undefined : (trial * 13) % 60;
      const { ids, next } = allocateIds('F', [...used, ' f99x', 'A3', ''], stored, 3);
      const highest = Math.max(0, ...used.map((u) => Number(u.slice(1))));
      const first = Number(ids[0].slice(1));
      expect(first).toBe(Math.max(highest + 1, stored ?? 1, 1));
      expect(ids).toEqual([`F${first}`, `F${first + 1}`, `F${first + 2}`]);
      expect(next).toBe(first + 3);
      for (const id of ids) expect(used).not.toContain(id);
    }
  });

  it('reads IDs the way partners leave them: case and spaces do not count', () => {
    expect(nextFreeNumber([' g4 ', 'G2'], 'G')).toBe(5);
    expect(nextFreeNumber([], 'G', 0)).toBe(1);
  });
});
