// Titles a partner typed that look like formulas ("=Fun run", "+1 day trip") show as typed on the dashboard, in briefs and events.
import { createExampleWorkspace } from '../../emulator/example/seed';
import type { CalendarSyncState } from '../../src/shared/calendarWire';
import { sidebarCall } from '../harness/sidebarCall';
import { runAmbiguities } from '../harness/workspace';

/** What partners type, and what each should read as everywhere the add-on shows it. */
const TYPED: Array<[typed: string, shown: string]> = [
  ['=Fun run', '=Fun run'],
  ["'=Fun run at the park", '=Fun run at the park'],
  ['+1 day trip', '+1 day trip'],
  ["'+1 day trip to the museum", '+1 day trip to the museum'],
  ["'-Bake sale", '-Bake sale'],
];

function plan() {
  // 1 March 2027: the activities below fall in the dashboard's next 30 days.
  const addon = createExampleWorkspace({
    virtualClock: true,
    startTime: Date.UTC(2027, 2, 1, 15),
    ambiguities: runAmbiguities(),
  });
  const ws = addon.workspace;
  const table = () => ws.sheets.table('Calendar') as unknown[][];
  const headers = table()[0] as string[];
  const first = table().length + 1;
  TYPED.forEach(([typed], i) => {
    const type = (header: string, text: string) =>
      addon.userEdit('Calendar', first + i, headers.indexOf(header) + 1, text);
    type('Title', typed);
    type('Start date', `2027-03-${10 + i}`);
    type('Start time', '16:00');
    type('Lead partner', 'Riverside YMCA');
    type('Status', 'Planned');
  });
  return { addon, ws };
}

const everything = (rows: string[][]) => rows.flat().join('\n');

describe('formula-looking titles are shown as typed', () => {
  it('on the dashboard, in the lead partner’s brief and in the events, never with an apostrophe or an error', () => {
    const { addon, ws } = plan();
    sidebarCall(addon, 'buildDashboard');
    sidebarCall(addon, 'buildPartnerBriefs', null);
    addon.run('syncCalendar');
    const dashboard = everything(ws.sheets.displayTable('Dashboard'));
    const brief = everything(ws.sheets.displayTable('Brief · Riverside YMCA'));
    const { calendarId } = addon.runFromSidebar('getCalendarSyncState') as CalendarSyncState;
    const titles = ws.calendar.liveEvents(calendarId ?? '').map((e) => e.title);
    for (const [, shown] of TYPED) {
      expect(dashboard).toContain(shown);
      expect(brief).toContain(shown);
      expect(titles).toContain(shown);
    }
    for (const text of [dashboard, brief, titles.join('\n')]) {
      expect(text).not.toMatch(/'[=+-]/);
      expect(text).not.toMatch(/#ERROR!|#NAME\?/);
    }
  });
});
