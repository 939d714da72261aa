// Sharing the group calendar: Google mails each approved partner once (sendNotifications, on purpose), and a refusal just after the calendar was made is retried, then said.
import type { Workspace } from '../../emulator/workspace';
import type { SyncReport } from '../../src/domain/calendarSync/report';
import { KNOWN_PARTNERS, readersOf, sharedGroupCalendar } from '../harness/groupCalendar';

const KNOWN = KNOWN_PARTNERS;
const world = (zone: string) =>
  sharedGroupCalendar(zone, { invitePartners: false, sendInvites: false });
const readers = readersOf;

/** How long ago Calendars.insert made the calendar (virtual ms). */
const age = (ws: Workspace, calendarId: string) =>
  ws.runtime.now() -
  (ws.calendar.toJSON().calendars.find((c) => c.id === calendarId)?.createdAtMs ?? 0);

describe.each(['America/Chicago', 'Asia/Kolkata', 'Europe/Berlin'])(
  'sharing the calendar (%s)',
  (zone) => {
    it('mails each approved partner once, as a reader, however often the plan syncs', () => {
      const { ws, addon, calendarId } = world(zone);
      addon.run('syncCalendar');
      addon.run('syncCalendar');
      expect(readers(ws, calendarId)).toEqual(KNOWN);
      const notices = ws.calendar.sharingNoticesSent();
      expect(notices.map((n) => n.email.toLowerCase()).sort()).toEqual(KNOWN);
      expect(notices.every((n) => n.role === 'reader' && n.calendarId === calendarId)).toBe(true);
    });

    it('asks again when Google refuses the owner just after making the calendar (S), and shares', () => {
      const { ws, addon, calendarId } = world(zone);
      // Calls take no virtual time here, so only the add-on's own pause moves the clock: Google
      // refuses for one more second, the first ask fails and the one after the pause goes through.
      for (const kind of Object.keys(ws.runtime.costs)) ws.runtime.costs[kind] = 0;
      ws.calendar.setAclSettleTime(age(ws, calendarId) + 1_000);
      ws.runtime.resetCounts();
      const report = addon.run('syncCalendar') as SyncReport;
      expect(ws.runtime.count('Calendar.Acl.insert')).toBe(KNOWN.length + 1);
      expect(readers(ws, calendarId)).toEqual(KNOWN);
      expect(report.summary).not.toMatch(/did not let the calendar be shared/);
    });

    it('says so in the sync’s report when the refusal outlasts the retries, and the next sync shares', () => {
      const { ws, addon, calendarId } = world(zone);
      ws.calendar.setAclSettleTime(age(ws, calendarId) + 10 * 60_000);
      const report = addon.run('syncCalendar') as SyncReport;
      expect(report.summary).toContain('Google did not let the calendar be shared yet with ');
      for (const email of KNOWN) expect(report.summary).toContain(email);
      expect(report.summary).toContain('The next sync tries again.');
      expect(readers(ws, calendarId)).toEqual([]);
      ws.runtime.advance(10 * 60_000);
      addon.run('syncCalendar');
      expect(readers(ws, calendarId)).toEqual(KNOWN);
    });
  },
);
