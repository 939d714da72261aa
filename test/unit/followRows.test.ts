// Following rows that partners moved while a long run went on: by ID, else by content.
import fc from 'fast-check';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import { followRows, type RowsSnapshot } from '../../src/domain/table/followRows';
import { locateColumns } from '../../src/domain/table/locate';

const headers = ['Activity ID', 'Title', 'Start date'];
const location = locateColumns(CALENDAR_TAB, headers, ['id', 'title', 'startDate']);
const snap = (rows: string[][], loc = location): RowsSnapshot => ({
  rows,
  firstRow: 2,
  location: loc,
});
const follow = (
  before: string[][],
  after: string[][],
  assigned: Array<[number, string]> = [],
  afterLoc = location,
) =>
  Object.fromEntries(
    followRows(
      snap(before),
      snap(after, afterLoc),
      'id',
      ['title', 'startDate'],
      new Map(assigned),
    ),
  );

describe('followRows', () => {
  const before = [
    ['A1', 'Tutoring', '2027-03-02'],
    ['A2', 'Fair', '2027-04-10'],
    ['', 'New meeting', '2027-05-01'],
  ];

  it('keeps every row where it was when nothing moved', () => {
    expect(follow(before, before)).toEqual({ 2: 2, 3: 3, 4: 4 });
  });

  it('follows rows pushed down by a row inserted above them', () => {
    const after = [['', '', ''], ...before];
    expect(follow(before, after)).toEqual({ 2: 3, 3: 4, 4: 5 });
  });

  it('follows rows a partner sorted, by ID and, for a row without one yet, by content', () => {
    const after = [before[2], before[1], before[0]];
    expect(follow(before, after)).toEqual({ 2: 4, 3: 3, 4: 2 });
  });

  it('uses the ID given during the run once it is on the sheet', () => {
    const after = [['A3', 'New meeting (renamed)', '2027-05-01'], before[0], before[1]];
    expect(follow(before, after, [[4, 'A3']])).toEqual({ 2: 3, 3: 4, 4: 2 });
  });

  it('says a deleted row is gone rather than guessing', () => {
    expect(follow(before, [before[0], before[2]])).toEqual({ 2: 2, 3: null, 4: 3 });
  });

  it('tells a copy from its original by position when both carry the same ID', () => {
    const withCopy = [before[0], before[0], before[1]];
    expect(follow(withCopy, withCopy, [[3, 'A9']])).toEqual({ 2: 2, 3: 3, 4: 4 });
  });

  it('compares content by column, so a column moved meanwhile changes nothing', () => {
    const moved = locateColumns(
      CALENDAR_TAB,
      ['Title', 'Activity ID', 'Start date'],
      ['title', 'id', 'startDate'],
    );
    const after = before.map(([id, title, date]) => [title, id, date]);
    expect(follow(before, after, [], moved)).toEqual({ 2: 2, 3: 3, 4: 4 });
  });
});

describe('followRows among rows of the same content', () => {
  it('maps each row to the nearest row with its content (the upper one on a tie), as a plain scan would', () => {
    const titles = fc.constantFrom('', '', 'Fair', 'Tutoring');
    fc.assert(
      fc.property(
        fc.array(titles, { maxLength: 60 }),
        fc.array(titles, { maxLength: 60 }),
        (was, now) => {
          const rows = (list: string[]) => list.map((t) => ['', t, '']);
          const got = follow(rows(was), rows(now));
          was.forEach((title, i) => {
            const candidates = now.flatMap((t, j) => (t === title ? [j + 2] : []));
            // The rule in plain words: the smallest distance, and the first (upper) one among equals.
            let best: number | null = null;
            for (const c of candidates)
              if (best === null || Math.abs(c - (i + 2)) < Math.abs(best - (i + 2))) best = c;
            expect(got[i + 2]).toBe(best);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
