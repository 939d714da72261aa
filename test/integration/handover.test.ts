// Handing the plan over through the bundle: nothing runs as the former coordinator's account afterwards.
import type { Addon } from '../../emulator/addon';
import type { Workspace } from '../../emulator/workspace';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import type { CalendarSyncState } from '../../src/shared/calendarWire';
import { appendRows, EXAMPLE_PARTNERS, syncFixture } from '../harness/syncFixture';

const COORDINATOR = 'coordinator@example.org';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A plan the coordinator runs: a shared group calendar, both automatic syncs, the weekly email on. */
function runningPlan() {
  const fixture = syncFixture({ calendar: { mode: 'none', calendarId: null } });
  const { ws, addon } = fixture;
  const state = addon.runFromSidebar('saveCalendarChoice', {
    mode: 'new',
    calendarId: null,
    shareWithPartners: true,
    invitePartners: false,
    sendInvites: false,
  }) as CalendarSyncState;
  addon.runFromSidebar('approvePeople', EXAMPLE_PARTNERS.map((p) => String(p.email)));
  addon.runFromSidebar('setAutoSync', { afterEdits: true, hourly: true });
  addon.runFromSidebar('setDigestEnabled', { enabled: true });
  appendRows(ws, CALENDAR_TAB, [{ title: 'Kick-off', startDate: '2027-03-10' }]);
  addon.run('syncCalendar');
  return { ws, addon, doc: ws.currentSpreadsheetId, calendarId: state.calendarId as string };
}

/** Every hour of `days` days on the virtual clock, the due time-driven triggers run as their owners. */
function liveThrough(ws: Workspace, addon: Addon, days: number): string[] {
  const ran: string[] = [];
  for (let h = 0; h < days * 24; h++) {
    ws.runtime.advance(HOUR);
    ran.push(...addon.runDueTriggers());
  }
  return ran;
}

const mailFrom = (ws: Workspace, account: string) =>
  ws.mail.sent.filter((m) => m.from.toLowerCase() === account);

describe('the old way of handing over (both automatic syncs off)', () => {
  it('leaves no weekly email going out from the coordinator’s account', () => {
    const { ws, addon, doc } = runningPlan();
    liveThrough(ws, addon, 8);
    const before = mailFrom(ws, COORDINATOR).length;
    expect(before).toBeGreaterThan(0);
    addon.runFromSidebar('setAutoSync', { afterEdits: false, hourly: false });
    liveThrough(ws, addon, 30);
    expect(mailFrom(ws, COORDINATOR).length).toBe(before);
    expect(
      ws.script
        .toJSON()
        .filter((t) => t.documentId === doc && t.owner === COORDINATOR)
        .map((t) => t.handler),
    ).toEqual([]);
  });
});
