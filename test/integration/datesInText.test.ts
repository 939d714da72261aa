// Dates partners type into text columns are quoted in the sheet's zone and locale's short date, never as UTC ISO text.
import { parseDateText } from '../../src/domain/table/cells';
import { writeExamplePlan } from '../harness/planTabs';
import { loadAddon } from '../harness/workspace';

const LOGIC_TAB = 'Logic Model';

/** The example plan in a sheet whose zone is far from the script's and the calendar's. */
function examplePlanIn(spreadsheetTimeZone: string, locale = 'en_US') {
  const loaded = loadAddon({
    spreadsheetTimeZone,
    scriptTimeZone: 'America/Los_Angeles',
    calendarTimeZone: 'Europe/London',
  });
  loaded.ws.sheets.spreadsheet.setSpreadsheetLocale(locale);
  writeExamplePlan(loaded.ws);
  return loaded;
}

/** The day a quoted date names, read with the parser the cells use in `locale` (yyyy-mm-dd). */
function quotedDay(quoted: string, locale: string): string | null {
  const d = parseDateText(quoted, locale);
  return d && `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

function cellOf(table: string[][], header: string, match: (row: string[]) => boolean) {
  const col = table[0].indexOf(header);
  const row = table.findIndex((r, i) => i > 0 && match(r));
  if (col < 0 || row < 0) throw new Error(`No ${header} cell found`);
  return { row: row + 1, col: col + 1 };
}

describe('dates quoted in text read as the sheet shows them', () => {
  // East of UTC (midnight there is the day before in UTC), west of UTC and a half-hour zone; the
  // spreadsheets write dates month first, day first and year first.
  it.each([
    ['Asia/Tokyo', 'ja_JP'],
    ['Pacific/Auckland', 'en_NZ'],
    ['Asia/Kolkata', 'en_IN'],
    ['America/Los_Angeles', 'en_US'],
    ['Europe/Berlin', 'de_DE'],
  ])(
    'a need’s evidence typed as a date in %s (%s) stays 15 January 2026 in the problem statement',
    (zone, locale) => {
      const { ws, addon } = examplePlanIn(zone, locale);
      const assessments = ws.sheets.displayTable('Assessments');
      const at = cellOf(assessments, 'Evidence', (r) => r.includes('Spring 2026 reading screener'));
      // Sheets turns the typed text into a date value (a Date at midnight of the sheet's zone).
      ws.sheets.userEdit('Assessments', at.row, at.col, '2026-01-15');
      expect(ws.sheets.table('Assessments')[at.row - 1][at.col - 1]).toBeInstanceOf(Date);
      addon.run('buildLogicModel');
      const text = ws.sheets.displayTable(LOGIC_TAB).flat().join('\n');
      const problem = text.split('\n').find((line) => line.startsWith('Problem statement:')) ?? '';
      // The evidence is quoted in brackets: as the sheet's locale writes the day it shows.
      const quoted = /\(([^()]*\d[^()]*)\);/.exec(problem)?.[1] ?? '';
      expect(quotedDay(quoted, locale)).toBe('2026-01-15');
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      expect(text).not.toMatch(
        /\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d\d\b/,
      );
    },
  );

  it('a goal’s problem statement typed as a date-time keeps its wall clock in Tokyo', () => {
    const { ws, addon } = examplePlanIn('Asia/Tokyo', 'ja_JP');
    const goals = ws.sheets.displayTable('Goals');
    const at = cellOf(goals, 'Problem statement', (r) => r[0] === 'G2');
    ws.sheets.userEdit('Goals', at.row, at.col, '2026-01-15 08:30');
    addon.run('buildLogicModel');
    const text = ws.sheets.displayTable(LOGIC_TAB).flat().join('\n');
    const said = /Problem statement: (\S+) (\d\d:\d\d)/.exec(text);
    expect(said && [quotedDay(said[1], 'ja_JP'), said[2]]).toEqual(['2026-01-15', '08:30']);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });
});
