// Set-up's calendar choices (issue 22): who is invited, sharing, the calendar — the calendar settings, approvals and events hold them.
import fc from 'fast-check';
import type { Addon } from '../../emulator/addon';
import type { Workspace } from '../../emulator/workspace';
import { summaryLines } from '../../src/shared/setupSummaryText';
import { sidebarCall } from '../harness/sidebarCall';
import { loadAddon } from '../harness/workspace';

const ZONES = ['America/Chicago', 'Europe/Paris', 'Asia/Kolkata', 'Pacific/Auckland'];
const NAMES = ['Eastside Library', 'Riverside YMCA', 'North Food Bank', 'Parent Association'];

interface Partner {
  organisation: string;
  email: string | null;
  invite: boolean;
}

const partnersArb = fc
  .array(fc.record({ hasEmail: fc.boolean(), invite: fc.boolean(), shout: fc.boolean() }), {
    minLength: 1,
    maxLength: NAMES.length,
  })
  .map((rows) =>
    rows.map(
      (r, i): Partner => ({
        organisation: NAMES[i],
        // Addresses as typed: some in capitals; the approval book compares them case-blind.
        email: r.hasEmail ? `${r.shout ? 'Contact' : 'contact'}${i}@partner${i}.example.org` : null,
        invite: r.invite,
      }),
    ),
  );

const sharingArb = fc.record({
  shareWithPartners: fc.boolean(),
  invitePartners: fc.boolean(),
  sendInvites: fc.boolean(),
});

function setUp(
  zone: string,
  partners: Partner[],
  sharing: typeof sharingArb extends fc.Arbitrary<infer S> ? S : never,
) {
  const { ws, addon } = loadAddon({ spreadsheetTimeZone: zone });
  const summary = sidebarCall(addon, 'setUpPlan', {
    name: 'Eastside Youth Coalition',
    coordinator: 'Dana Reyes',
    timeZone: zone,
    partners,
    calendar: { mode: 'new', ...sharing },
  });
  return { ws, addon, summary };
}

function planOneActivity(ws: Workspace, addon: Addon): void {
  const [headers] = ws.sheets.table('Calendar') as string[][];
  const type = (header: string, text: string) =>
    addon.userEdit('Calendar', 2, headers.indexOf(header) + 1, text);
  type('Title', 'Summer kick-off');
  type('Start date', '2027-06-07');
  type('Start time', '17:00');
  type('Status', 'Planned');
}

const invitedWithEmail = (partners: Partner[]) =>
  partners.filter((p) => p.invite && p.email !== null);

describe('what set-up asks is what the calendar settings hold', () => {
  it('carries sharing, guests and invitations to Calendar sync, approves the partners and invites the ticked ones', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), partnersArb, sharingArb, (zone, partners, sharing) => {
        const { ws, addon, summary } = setUp(zone, partners, sharing);
        const state = sidebarCall(addon, 'getCalendarSyncState');
        expect(state).toMatchObject({
          mode: 'new',
          shareWithPartners: sharing.shareWithPartners,
          invitePartners: sharing.invitePartners,
          // As Calendar sync saves it: invitations only go to guests.
          sendInvites: sharing.invitePartners && sharing.sendInvites,
        });
        // The coordinator named these partners: their addresses are approved, nobody waits.
        const approvals = sidebarCall(addon, 'getApprovals');
        const emails = partners.flatMap((p) => (p.email ? [p.email.toLowerCase()] : []));
        expect(approvals.approved.map((a) => a.email).sort()).toEqual(
          expect.arrayContaining(emails),
        );
        expect(approvals.waiting).toEqual([]);

        // The summary names the guests, and says nothing happens before Sync now.
        const guests = invitedWithEmail(partners).map((p) => p.organisation);
        expect(summary.calendar).toMatchObject({
          guests,
          guestsWithoutEmail: partners
            .filter((p) => p.invite && !p.email)
            .map((p) => p.organisation),
          exists: false,
          synced: false,
          autoSync: { afterEdits: false, hourly: false },
        });
        const text = summaryLines(summary).join('\n');
        expect(text).toMatch(/events will be created when you press Sync now/);
        expect(text).toMatch(/Automatic syncs are off until you turn them on in Calendar sync\./);
        if (sharing.invitePartners) for (const g of guests) expect(text).toContain(g);

        // The first sync: the ticked partners are the event's guests when guests are on.
        planOneActivity(ws, addon);
        expect(sidebarCall(addon, 'syncCalendar')).toMatchObject({ created: 1, failed: 0 });
        const { calendarId } = sidebarCall(addon, 'getCalendarSyncState');
        if (!calendarId) throw new Error('the first sync made no calendar');
        const [event] = ws.calendar.liveEvents(calendarId);
        const expected = sharing.invitePartners
          ? invitedWithEmail(partners).map((p) => String(p.email).toLowerCase())
          : [];
        expect(event.guests.map((g) => g.email.toLowerCase()).sort()).toEqual(expected.sort());
      }),
      { numRuns: 8 },
    );
  });

  it('names the calendar in the Partnership profile once the first sync made it', () => {
    const partners = [{ organisation: NAMES[0], email: 'desk@eastside.example.org', invite: true }];
    const { ws, addon } = setUp('America/Chicago', partners, {
      shareWithPartners: true,
      invitePartners: true,
      sendInvites: false,
    });
    const profile = () => (ws.sheets.table('Partnership') as unknown[][]).flat().map(String);
    expect(profile()).toContain('A new group calendar');
    planOneActivity(ws, addon);
    sidebarCall(addon, 'syncCalendar');
    const { calendarId } = sidebarCall(addon, 'getCalendarSyncState');
    expect(profile()).not.toContain('A new group calendar');
    expect(profile()).toContain(`The partnership’s group calendar (${calendarId})`);
  });

  it('keeps the stored choices when set-up runs again without them (a repair)', () => {
    const partners = [{ organisation: NAMES[1], email: 'front@ymca.example.org', invite: true }];
    const { addon } = setUp('Europe/Paris', partners, {
      shareWithPartners: false,
      invitePartners: true,
      sendInvites: true,
    });
    sidebarCall(addon, 'repairPlan');
    expect(sidebarCall(addon, 'getCalendarSyncState')).toMatchObject({
      shareWithPartners: false,
      invitePartners: true,
      sendInvites: true,
    });
    expect(sidebarCall(addon, 'getSetupForm').calendar).toMatchObject({
      shareWithPartners: false,
      invitePartners: true,
      sendInvites: true,
    });
  });

  it('asks whether automatic syncs run, and Calendar sync, the triggers and the summary all say what was chosen', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.record({ afterEdits: fc.boolean(), hourly: fc.boolean() }),
        (zone, autoSync) => {
          const { ws, addon } = loadAddon({ spreadsheetTimeZone: zone });
          const summary = sidebarCall(addon, 'setUpPlan', {
            name: 'Eastside Youth Coalition',
            coordinator: 'Dana Reyes',
            timeZone: zone,
            partners: [],
            calendar: { mode: 'new', autoSync },
          });
          expect(summary.calendar?.autoSync).toEqual(autoSync);
          expect(sidebarCall(addon, 'getCalendarSyncState').autoSync).toEqual(autoSync);
          expect(sidebarCall(addon, 'getSetupForm').calendar.autoSync).toEqual(autoSync);
          const handlers = ws.script
            .triggersFor('ON_EDIT', ws.currentSpreadsheetId)
            .concat(ws.script.triggersFor('CLOCK', ws.currentSpreadsheetId));
          expect(handlers.length).toBe(Number(autoSync.afterEdits) + Number(autoSync.hourly));
          const text = summaryLines(summary).join('\n');
          const words = [autoSync.afterEdits && 'after edits', autoSync.hourly && 'every hour']
            .filter(Boolean)
            .join(' and ');
          if (words) {
            expect(text).toContain(`Automatic syncs run ${words}`);
            expect(text).toContain('events will be created at the first automatic sync');
          } else expect(text).toContain('Automatic syncs are off until you turn them on');
          // A repair asks nothing, so keeps them.
          sidebarCall(addon, 'repairPlan');
          expect(sidebarCall(addon, 'getCalendarSyncState').autoSync).toEqual(autoSync);
        },
      ),
      { numRuns: 6 },
    );
  });

  it('with automatic syncs after edits, a row a partner finishes reaches the calendar without a click', () => {
    const { ws, addon } = loadAddon({ spreadsheetTimeZone: 'Europe/Paris' });
    sidebarCall(addon, 'setUpPlan', {
      name: 'Eastside Youth Coalition',
      coordinator: 'Dana Reyes',
      timeZone: 'Europe/Paris',
      partners: [],
      calendar: { mode: 'new', autoSync: { afterEdits: true, hourly: false } },
    });
    planOneActivity(ws, addon);
    const { calendarId } = sidebarCall(addon, 'getCalendarSyncState');
    expect(ws.calendar.liveEvents(calendarId ?? '').map((e) => e.title)).toEqual([
      'Summer kick-off',
    ]);
    // Set-up again turning them off: off in Calendar sync too.
    sidebarCall(addon, 'setUpPlan', {
      name: 'Eastside Youth Coalition',
      timeZone: 'Europe/Paris',
      calendar: { mode: 'new', autoSync: { afterEdits: false, hourly: false } },
    });
    expect(sidebarCall(addon, 'getCalendarSyncState').autoSync).toEqual({
      afterEdits: false,
      hourly: false,
    });
  });
});
