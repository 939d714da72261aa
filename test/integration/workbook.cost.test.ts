// Set-up's cost in service calls does not grow with the number of rows (10 vs 1,000 rows per tab; goals and outcomes up to 500).
import { MAX_LIST_ITEMS } from '../../src/domain/workbook/formats';
import type { SetupSummary } from '../../src/shared/setupWire';
import { columnOf, setUp } from '../harness/workbook';
import { loadAddon } from '../harness/workspace';

const rowsOf = (n: number, make: (i: number) => unknown[]) =>
  Array.from({ length: n }, (_, i) => make(i));

/**
 * A plan whose tabs partners filled with n rows each, given IDs by a first repair; then partners
 * copy a row and type three more (no IDs), and a second repair runs: that one is counted.
 */
function repairCost(n: number) {
  const { ws, addon } = loadAddon();
  setUp(addon, { partners: [] });
  const paste = (tab: string, header: string, rows: unknown[][]) =>
    ws.sheets.userPasteValues(tab, 2, columnOf(ws, tab, header), rows);
  paste(
    'Partners',
    'Organisation',
    rowsOf(n, (i) => [`Partner ${i}`, 'Nonprofit', `Contact ${i}`]),
  );
  // Goals and outcomes feed list dropdowns, which stop at MAX_LIST_ITEMS (above it none is set:
  // a different, also flat, cost), so they stay within it at both sizes.
  const refs = Math.min(n, MAX_LIST_ITEMS);
  paste(
    'Goals',
    'Goal',
    rowsOf(refs, (i) => [`Goal ${i}`, 'High']),
  );
  paste(
    'Outcomes',
    'Outcome',
    rowsOf(refs, (i) => [`Outcome ${i}`, `Indicator ${i}`]),
  );
  paste(
    'Assessments',
    'Source',
    rowsOf(n, (i) => ['Community', `Partner ${i}`, 'Need', 'Staffing', `Finding ${i}`]),
  );
  paste(
    'Calendar',
    'Title',
    rowsOf(n, (i) => [`Meeting ${i}`, 'Meeting', '2027-03-04']),
  );
  setUp(addon, { partners: [] });
  const org = columnOf(ws, 'Partners', 'Organisation');
  ws.sheets.userPasteValues('Partners', n + 2, org, [['(to be overwritten by the copy)']]);
  ws.sheets.userCopyRow('Partners', 2, n + 2);
  ws.sheets.userPasteValues('Partners', n + 3, org, [['New A'], ['New B'], ['New C']]);
  ws.runtime.resetCounts();
  const summary = setUp(addon, { partners: [] }) as SetupSummary;
  return { counts: ws.runtime.counts_(), total: ws.runtime.count(''), summary };
}

/** First set-up on a spreadsheet that already has a hand-made Partners sheet of n rows. */
function adoptCost(n: number) {
  const { ws, addon } = loadAddon();
  const sheet = ws.sheets.spreadsheet.insertSheet('Partners');
  ws.sheets.userPasteValues('Partners', 1, 1, [
    ['Organisation', 'Email'],
    ...rowsOf(n, (i) => [`Partner ${i}`, `p${i}@example.org`]),
  ]);
  void sheet;
  ws.runtime.resetCounts();
  setUp(addon, { partners: [] });
  return { counts: ws.runtime.counts_(), total: ws.runtime.count('') };
}

describe('the cost of set-up', () => {
  it('repairing a filled plan costs the same calls for 10 rows as for 1,000', () => {
    const small = repairCost(10);
    const large = repairCost(1000);
    // The work was really done at both sizes: every row got an ID, the copy a new one.
    expect(small.summary.repaired).toHaveLength(1);
    expect(large.summary.repaired).toHaveLength(1);
    expect(large.summary.repaired[0].message).toContain(
      `Row 1002 had the same ID as an earlier row (P1`,
    );
    expect(large.summary.updated.find((t) => t.key === 'partners')?.details.join(' ')).toContain(
      'Gave IDs to 3 rows that had none (P1002, P1003, P1004)',
    );
    expect(large.counts).toEqual(small.counts);
    // Flat in rows; a few more calls since the repair also lists the Calendar rows the sync cannot read.
    expect(large.total).toBeLessThan(1010);
  });

  it('adopting a hand-made tab costs the same calls for 10 rows as for 1,000', () => {
    const small = adoptCost(10);
    const large = adoptCost(1000);
    expect(large.counts).toEqual(small.counts);
    expect(large.total).toBeLessThan(1500);
  });
});
