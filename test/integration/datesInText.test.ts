// Dates partners type into text columns are quoted in the sheet's zone and people's format, never as UTC ISO text.
import { writeExamplePlan } from '../harness/planTabs';
import { loadAddon } from '../harness/workspace';

const LOGIC_TAB = 'Logic Model';

/** The example plan in a sheet whose zone is far from the script's and the calendar's. */
function examplePlanIn(spreadsheetTimeZone: string) {
  const loaded = loadAddon({
    spreadsheetTimeZone,
    scriptTimeZone: 'America/Los_Angeles',
    calendarTimeZone: 'Europe/London',
  });
  writeExamplePlan(loaded.ws);
  return loaded;
}

function cellOf(table: string[][], header: string, match: (row: string[]) => boolean) {
  const col = table[0].indexOf(header);
  const row = table.findIndex((r, i) => i > 0 && match(r));
  if (col < 0 || row < 0) throw new Error(`No ${header} cell found`);
  return { row: row + 1, col: col + 1 };
}

describe('dates quoted in text read as the sheet shows them', () => {
  // East of UTC (midnight there is the day before in UTC), west of UTC and a half-hour zone.
  it.each(['Asia/Tokyo', 'Pacific/Auckland', 'Asia/Kolkata', 'America/Los_Angeles'])(
    'a need’s evidence typed as a date in %s stays 15 Jan 2026 in the problem statement',
    (zone) => {
      const { ws, addon } = examplePlanIn(zone);
      const assessments = ws.sheets.displayTable('Assessments');
      const at = cellOf(assessments, 'Evidence', (r) => r.includes('Spring 2026 reading screener'));
      // Sheets turns the typed text into a date value (a Date at midnight of the sheet's zone).
      ws.sheets.userEdit('Assessments', at.row, at.col, '2026-01-15');
      expect(ws.sheets.table('Assessments')[at.row - 1][at.col - 1]).toBeInstanceOf(Date);
      addon.run('buildLogicModel');
      const text = ws.sheets.displayTable(LOGIC_TAB).flat().join('\n');
      const problem = text.split('\n').find((line) => line.startsWith('Problem statement:')) ?? '';
      expect(problem).toContain('(15 Jan 2026)');
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      expect(text).not.toContain('14 Jan 2026');
    },
  );

  it('a goal’s problem statement typed as a date-time keeps its wall clock in Tokyo', () => {
    const { ws, addon } = examplePlanIn('Asia/Tokyo');
    const goals = ws.sheets.displayTable('Goals');
    const at = cellOf(goals, 'Problem statement', (r) => r[0] === 'G2');
    ws.sheets.userEdit('Goals', at.row, at.col, '2026-01-15 08:30');
    addon.run('buildLogicModel');
    const text = ws.sheets.displayTable(LOGIC_TAB).flat().join('\n');
    expect(text).toContain('Problem statement: 15 Jan 2026, 08:30');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });
});
