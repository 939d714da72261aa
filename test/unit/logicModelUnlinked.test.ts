// The logic model's line about activities outside it says rows as rows, whatever their number and the tab's name.

import { summariseNeeds } from '../../src/domain/logicModel/assemble';
import { unlinkedLine } from '../../src/domain/logicModel/layout';
import type { ActivityEntity, FindingEntity } from '../../src/domain/logicModel/types';

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

  it('names the first 50 rows and counts the rest, so thousands of rows still fit in one cell', () => {
    const rows = Array.from({ length: 6000 }, (_, i) => activity(i + 2, `A${i + 1}`));
    const line = unlinkedLine(rows);
    expect(line).toContain('2 (A1), 3 (A2)');
    expect(line).toContain('51 (A50) and 5,950 more are linked to no goal or outcome');
    expect(line).not.toContain('(A51)');
    expect(line.length).toBeLessThan(1000);
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

describe('summariseNeeds', () => {
  const need = (row: number, priority: string): FindingEntity => ({
    id: `F${row}`,
    at: { tab: 'Assessments', row },
    kind: 'Need',
    partner: 'Library',
    category: 'Staffing',
    description: `Need number ${row} described at some length.`,
    evidence: `survey ${row}`,
    population: '',
    priority,
    goal: { id: 'G1', raw: 'G1' },
  });

  it('quotes every need of a goal with a dozen or fewer, most pressing first', () => {
    const text = summariseNeeds([need(3, 'Low'), need(2, 'High')]);
    expect(text).toBe(
      'Need number 2 described at some length (survey 2); Need number 3 described at some length (survey 3).',
    );
  });

  it('quotes the 12 most pressing and counts the rest, so thousands of needs fit in one cell', () => {
    const needs = Array.from({ length: 5000 }, (_, i) =>
      need(i + 2, i % 7 === 0 ? 'High' : 'Medium'),
    );
    const text = summariseNeeds(needs);
    expect(text.endsWith('; and 4,988 more needs linked to this goal (Assessments tab).')).toBe(
      true,
    );
    expect(text.startsWith('Need number 2 described')).toBe(true);
    expect(text.split('; ')).toHaveLength(13);
    // Only the high-priority ones are quoted (715 of them come first).
    expect(text).not.toContain('Need number 3 ');
    expect(text.length).toBeLessThan(1000);
  });
});
