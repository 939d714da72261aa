// The Calendar tab's records are typed by its column keys: a misspelt key fails to compile (checked by tsc).
import type { ColumnKey, TypedCells } from '../../src/domain/schema/columns';
import { CALENDAR_TAB, type GOALS_TAB } from '../../src/domain/schema/tabs';
import { locateColumns } from '../../src/domain/table/locate';
import { readRecords, typedCells } from '../../src/domain/table/records';

type CalendarKey = ColumnKey<typeof CALENDAR_TAB>;

describe('the typed Calendar schema', () => {
  const headers = CALENDAR_TAB.columns.map((c) => c.header);
  const row: string[] = CALENDAR_TAB.columns.map((c) =>
    c.key === 'startDate' ? '2027-09-13' : '',
  );
  row[headers.indexOf('Title')] = 'Family night';
  const raw = { sheetName: 'Calendar', headerRow: 1, headers, metadataKeys: [], rows: [row] };
  const [record] = readRecords(CALENDAR_TAB, locateColumns(CALENDAR_TAB, headers, []), raw);

  it('reads every column under its own key', () => {
    const c = typedCells(CALENDAR_TAB, record);
    expect(c.startDate).toBe('2027-09-13');
    expect(c.title).toBe('Family night');
    expect(c.eventId).toBe('');
    // @ts-expect-error a misspelt column key does not compile
    expect(c.strtDate).toBeUndefined();
  });

  it('knows exactly the keys the tab defines', () => {
    const keys: CalendarKey[] = CALENDAR_TAB.columns.map((c) => c.key);
    expect(new Set(keys).size).toBe(CALENDAR_TAB.columns.length);
    // @ts-expect-error 'strtDate' is not a Calendar column
    const wrong: CalendarKey = 'strtDate';
    expect(keys).not.toContain(wrong);
    // Tabs not (yet) defined with literal keys stay open: any string is a key.
    const open: TypedCells<typeof GOALS_TAB> = { anything: 1 };
    expect(open.anything).toBe(1);
  });
});
