// The one empty-row rule, in every tab, with columns in any order: blanks and unticked boxes are empty, anything else is content.
import { USER_TABS } from '../../src/domain/schema/tabs';
import { emptiedRows } from '../../src/domain/table/emptied';
import { emptyCellRule } from '../../src/domain/table/emptyRow';
import { locateColumns } from '../../src/domain/table/locate';
import { readRecords } from '../../src/domain/table/records';
import { nextFreeRow } from '../../src/domain/workbook/rows';
import { seeded } from '../harness/seeded';

const BLANKS = ['', null, undefined];
const UNTICKED = [false, 'FALSE', 'false', ' FALSE '];
const CONTENT = ['x', 0, 'FALSE?', true, 'TRUE', new Date(Date.UTC(2027, 0, 1)), ' - '];

describe.each(USER_TABS.map((t) => [t.name, t] as const))('the %s tab', (_name, tab) => {
  const random = seeded(tab.name.length * 7919);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

  it('counts a row empty exactly when its partner cells are blank or unticked boxes, in any column order', () => {
    for (let round = 0; round < 40; round++) {
      // Columns in a random order, with a partner's own column somewhere.
      const headers: string[] = tab.columns.map((c) => c.header);
      headers.push('Our own notes');
      for (let i = headers.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [headers[i], headers[j]] = [headers[j], headers[i]];
      }
      const location = locateColumns(
        tab,
        headers,
        headers.map(() => null),
      );
      const empty = emptyCellRule(tab, location);
      const emptyRow = headers.map((h) => {
        const def = tab.columns.find((c) => c.header === h);
        return def?.kind === 'boolean' ? pick([...BLANKS, ...UNTICKED]) : pick(BLANKS);
      });
      const partner = tab.columns.filter((c) => c.owner !== 'addon');
      const target = pick(partner);
      const at = headers.indexOf(target.header);
      const typed: unknown[] = [...emptyRow];
      // Content: anything in a text column; a ticked box or text in a checkbox column. FALSE
      // typed into a column that is not a checkbox is what the partner typed.
      typed[at] =
        target.kind === 'boolean'
          ? pick(CONTENT.filter((v) => v !== 0))
          : pick([...CONTENT, false]);
      const raw = {
        sheetName: tab.name,
        headerRow: 1,
        headers,
        metadataKeys: [],
        rows: [emptyRow, typed, emptyRow],
      };
      expect(readRecords(tab, location, raw).map((r) => r.row)).toEqual([3]);
      expect(nextFreeRow(raw.rows, 1, new Set(), empty)).toBe(4);
      expect(nextFreeRow([emptyRow, emptyRow], 1, new Set(), empty)).toBe(2);

      // An emptied row with add-on cells left is retired; the same row with an unticked box too.
      const addon = tab.columns.find((c) => c.owner === 'addon');
      if (addon) {
        const leftover = [...emptyRow];
        leftover[headers.indexOf(addon.header)] = 'left over';
        const emptied = emptiedRows(tab, location, { ...raw, rows: [leftover, typed] });
        expect(emptied.map((e) => e.row)).toEqual([2]);
      }
    }
  });
});
