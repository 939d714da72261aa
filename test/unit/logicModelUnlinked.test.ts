// The logic model's line about activities outside it says rows as rows, whatever their number and the tab's name.
import { unlinkedLine } from '../../src/domain/logicModel/layout';
import type { ActivityEntity } from '../../src/domain/logicModel/types';

const none = { id: null, raw: '' };
const activity = (row: number, id: string, tab = 'Calendar'): ActivityEntity => ({
  id,
  at: { tab, row },
  title: `Activity on row ${row}`,
  goal: none,
  outcome: none,
  lead: '',
  participants: [],
  output: '',
  status: 'Planned',
});

describe('unlinkedLine', () => {
  it('says one row as "row N" with its ID, never a bare number after a colon', () => {
    expect(unlinkedLine([activity(2, 'A1')])).toBe(
      'Calendar row 2 (A1) is linked to no goal or outcome, so it is not in the logic model.',
    );
  });

  it('lists several rows in words, and keeps a renamed tab’s name', () => {
    expect(unlinkedLine([activity(2, 'A1', 'Activities'), activity(9, 'A8', 'Activities')])).toBe(
      'Activities rows 2 (A1) and 9 (A8) are linked to no goal or outcome, so they are not in the logic model.',
    );
    expect(unlinkedLine([activity(2, 'A1'), activity(5, ''), activity(11, 'A10')])).toBe(
      'Calendar rows 2 (A1), 5 and 11 (A10) are linked to no goal or outcome, so they are not in the logic model.',
    );
  });

  it('names every row once, for any number of rows', () => {
    for (let n = 1; n <= 30; n++) {
      const rows = Array.from({ length: n }, (_, i) => activity(i * 3 + 2, `A${i + 1}`));
      const line = unlinkedLine(rows);
      for (const a of rows) expect(line).toContain(`${a.at.row} (${a.id})`);
      expect(line).not.toMatch(/: \d/);
      expect(line.startsWith(n === 1 ? 'Calendar row ' : 'Calendar rows ')).toBe(true);
    }
  });
});
