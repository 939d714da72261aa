// The ID planner: IDs for rows without one, new IDs for copied rows, no reuse of deleted numbers.
import { planIds } from '../../src/domain/table/ids';
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
    expect(plan.assignments).toEqual([{ row: 4, id: 'P3', previous: 'p1', reason: 'duplicate' }]);
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
      { row: 3, id: 'P1', previous: 'legacy-7', reason: 'duplicate' },
    ]);
  });

  it('plans nothing for a clean table', () => {
    expect(planIds([rec(2, 'O1'), rec(3, 'O2')], 'O').assignments).toEqual([]);
  });
});
