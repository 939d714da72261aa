// Every plan tab's records are typed by its column keys: a misspelt key fails to compile (checked by tsc).
import type { ColumnKey, TypedCells } from '../../src/domain/schema/columns';
import {
  type ASSESSMENTS_TAB,
  CALENDAR_TAB,
  type CATEGORIES_TAB,
  type GOALS_TAB,
  type OUTCOMES_TAB,
  type PARTNERS_TAB,
  type PARTNERSHIP_TAB,
  type PROGRESS_TAB,
  USER_TABS,
} from '../../src/domain/schema/tabs';
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
  });
});

describe('every plan tab is typed by its column keys', () => {
  it.each(USER_TABS.map((tab) => [tab.name, tab] as const))('%s', (_name, tab) => {
    const headers = tab.columns.map((c) => c.header);
    const row = tab.columns.map((c) => `typed in ${c.key}`);
    const raw = { sheetName: tab.name, headerRow: 1, headers, metadataKeys: [], rows: [row] };
    const [record] = readRecords(tab, locateColumns(tab, headers, []), raw);
    for (const column of tab.columns)
      expect(record.cells[column.key]).toBe(`typed in ${column.key}`);
  });

  it('refuses a key the tab does not define, on each tab', () => {
    const goal = {} as TypedCells<typeof GOALS_TAB>;
    // @ts-expect-error Goals has no 'organisation' column
    expect(goal.organisation).toBeUndefined();
    const partner = {} as TypedCells<typeof PARTNERS_TAB>;
    // @ts-expect-error Partners has no 'goal' column
    expect(partner.goal).toBeUndefined();
    const outcome = {} as TypedCells<typeof OUTCOMES_TAB>;
    // @ts-expect-error Outcomes has no 'description' column
    expect(outcome.description).toBeUndefined();
    const finding = {} as TypedCells<typeof ASSESSMENTS_TAB>;
    // @ts-expect-error Assessments has no 'outcome' column
    expect(finding.outcome).toBeUndefined();
    const measurement = {} as TypedCells<typeof PROGRESS_TAB>;
    // @ts-expect-error Progress has no 'id' column
    expect(measurement.id).toBeUndefined();
    const step = {} as TypedCells<typeof PARTNERSHIP_TAB>;
    // @ts-expect-error Partnership has no 'goal' column
    expect(step.goal).toBeUndefined();
    const category = {} as TypedCells<typeof CATEGORIES_TAB>;
    // @ts-expect-error Categories has no 'id' column
    expect(category.id).toBeUndefined();
  });
});
