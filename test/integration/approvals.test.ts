// Approved people (issue 10): what partners type can at most propose a guest or a share; the coordinator approves.
import type { Addon } from '../../emulator/addon';
import type { Workspace } from '../../emulator/workspace';
import { SETTINGS_KEY } from '../../src/adapters/settings';
import type { SyncReport } from '../../src/domain/calendarSync/report';
import type { TabDef } from '../../src/domain/schema/columns';
import { CALENDAR_TAB, PARTNERS_TAB } from '../../src/domain/schema/tabs';
import type { ApprovalsState } from '../../src/shared/approvalsWire';
import { readersOf, sharedGroupCalendar } from '../harness/groupCalendar';
import { seeded } from '../harness/seeded';
import { sidebarCall } from '../harness/sidebarCall';
import {
  appendRows,
  type Cells,
  calendarRows,
  EXAMPLE_PARTNERS,
  syncFixture,
} from '../harness/syncFixture';
import { PARTNERS, setUp } from '../harness/workbook';
import { loadAddon } from '../harness/workspace';

const COORDINATOR = 'coordinator@example.org';
const PARTNER = 'ben@school.example.org';
const KNOWN = EXAMPLE_PARTNERS.map((p) => String(p.email));

/** The settings as the owner saving them would leave them (for tests that need no sidebar save first). */
function ownedBy(ws: Workspace, owner: string): void {
  const data = ws.properties.document.data;
  const settings = JSON.parse(String(data.get(SETTINGS_KEY)));
  data.set(
    SETTINGS_KEY,
    JSON.stringify({ ...settings, calendar: { ...settings.calendar, owner } }),
  );
}

/** Outside addresses as partners type them: mixed case, spaces around, several domains. */
function outsiders(seed: number, n: number): { typed: string[]; emails: string[] } {
  const rnd = seeded(seed);
  const names = ['alex', 'sam.lee', 'r_ortiz', 'kim+plan', 'ngozi', 'jo'];
  const domains = ['outside.example', 'gmail.example.com', 'ngo.example.net', 'city.example.gov'];
  const emails = new Set<string>();
  while (emails.size < n)
    emails.add(
      `${names[Math.floor(rnd() * names.length)]}${Math.floor(rnd() * 90)}@${domains[Math.floor(rnd() * domains.length)]}`,
    );
  const list = [...emails];
  const typed = list.map((e, i) => (i % 2 ? ` ${e.toUpperCase()} ` : e));
  return { typed, emails: list };
}

function world(seed: number, zone: string) {
  const f = sharedGroupCalendar(zone, { invitePartners: true, sendInvites: true });
  return { ...f, out: outsiders(seed, 3) };
}

const readers = readersOf;

const guestsOf = (ws: Workspace, calendarId: string) =>
  ws.calendar.liveEvents(calendarId).flatMap((e) => e.guests.map((g) => g.email.toLowerCase()));

const invited = (ws: Workspace) => ws.calendar.invitationsSent().map((i) => i.email.toLowerCase());

/** A partner (not the coordinator) types a row into a tab. */
function partnerTypes(ws: Workspace, tab: TabDef, rows: Cells[]): number {
  return ws.as(PARTNER, ws.currentSpreadsheetId, () => appendRows(ws, tab, rows));
}

function hourly(ws: Workspace, addon: Addon): void {
  ws.runtime.advance(3_600_000);
  addon.runDueTriggers();
}

describe.each([
  [11, 'America/New_York'],
  [29, 'Asia/Kolkata'],
  [47, 'Pacific/Auckland'],
])('approved people (seed %i, %s)', (seed, zone) => {
  it('never shares with or invites a partner-typed address until the coordinator approves it', () => {
    const { ws, addon, calendarId, out } = world(seed, zone);
    sidebarCall(addon, 'setAutoSync', { afterEdits: false, hourly: true });
    const [viaPartners, viaParticipants, both] = out.typed;
    const partnerRow = partnerTypes(ws, PARTNERS_TAB, [
      { organisation: 'Outside Org', email: viaPartners, invite: 'TRUE' },
      { organisation: 'Both Ways', email: both, invite: 'TRUE' },
    ]);
    const activityRow = partnerTypes(ws, CALENDAR_TAB, [
      {
        title: 'Family fair',
        startDate: '2027-04-10',
        startTime: '10:00',
        status: 'Planned',
        participants: `${viaParticipants}, ${KNOWN[0]}, ${both}`,
      },
    ]);
    hourly(ws, addon);

    for (const e of out.emails) {
      expect(readers(ws, calendarId)).not.toContain(e);
      expect(guestsOf(ws, calendarId)).not.toContain(e);
      expect(invited(ws)).not.toContain(e);
    }
    // The approved partners are shared with and invited as before.
    expect(readers(ws, calendarId)).toEqual([...KNOWN].sort());
    expect(guestsOf(ws, calendarId)).toContain(KNOWN[0]);
    const [row] = calendarRows(ws);
    expect(String(row.syncStatus)).toMatch(
      /^OK: event created\. 3 guests wait for the coordinator’s approval: /,
    );
    for (const e of out.emails) expect(String(row.syncStatus)).toContain(e);

    const state = sidebarCall(addon, 'getApprovals') as ApprovalsState;
    const waiting = new Map(state.waiting.map((w) => [w.email, w.sources]));
    expect([...waiting.keys()].sort()).toEqual([...out.emails].sort());
    expect(waiting.get(out.emails[0])).toEqual([
      { tab: 'partners', row: partnerRow, activityId: '' },
    ]);
    expect(waiting.get(out.emails[1])).toEqual([
      { tab: 'calendar', row: activityRow, activityId: '' },
    ]);
    expect(
      waiting
        .get(out.emails[2])
        ?.map((s) => s.tab)
        .sort(),
    ).toEqual(['calendar', 'partners']);

    // A manual sync by the coordinator does not share or invite them either.
    sidebarCall(addon, 'syncCalendar');
    for (const e of out.emails) expect(invited(ws)).not.toContain(e);

    // Approved: the next sync shares with and invites them, and the row says OK.
    sidebarCall(addon, 'approvePeople', [out.typed[0].trim(), out.emails[1], out.emails[2]]);
    hourly(ws, addon);
    expect(readers(ws, calendarId)).toEqual([...KNOWN, out.emails[0], out.emails[2]].sort());
    for (const e of out.emails) {
      expect(guestsOf(ws, calendarId)).toContain(e);
      expect(invited(ws)).toContain(e);
    }
    expect(String(calendarRows(ws)[0].syncStatus)).not.toContain('approval');
    expect((sidebarCall(addon, 'getApprovals') as ApprovalsState).waiting).toEqual([]);
  });

  it('refuses approval and un-approval from anyone but the settings owner, on the server', () => {
    const { ws, addon, out } = world(seed, zone);
    partnerTypes(ws, PARTNERS_TAB, [{ organisation: 'Outside Org', email: out.typed[0] }]);
    sidebarCall(addon, 'syncCalendar');
    const doc = ws.currentSpreadsheetId;
    const before = ws.properties.document.data.get('sharedWorkPlan.approvals');
    expect(() => addon.runAs(PARTNER, doc, 'approvePeople', [out.emails[0]])).toThrow(
      /Only coordinator@example\.org/,
    );
    expect(() => addon.runAs(PARTNER, doc, 'unapprovePeople', [KNOWN[0]])).toThrow(
      /Only coordinator@example\.org/,
    );
    expect(ws.properties.document.data.get('sharedWorkPlan.approvals')).toBe(before);
    // The partner sees the lists read-only.
    const seen = addon.runAs(PARTNER, doc, 'getApprovals') as ApprovalsState;
    expect(seen).toMatchObject({ canChange: false, owner: COORDINATOR });
    expect(seen.waiting.map((w) => w.email)).toEqual([out.emails[0]]);
  });

  it('un-approving removes the reader rule the add-on added, never one someone else added, and the guest goes at the next sync', () => {
    const { ws, addon, calendarId } = world(seed, zone);
    // Someone shared the calendar with the library by hand before the add-on ran.
    ws.calendar.advanced.Acl.insert(
      { role: 'reader', scope: { type: 'user', value: KNOWN[1] } },
      calendarId,
    );
    appendRows(ws, CALENDAR_TAB, [
      { title: 'Board meeting', startDate: '2027-05-03', startTime: '18:00', status: 'Confirmed' },
    ]);
    sidebarCall(addon, 'syncCalendar');
    expect(readers(ws, calendarId)).toEqual([...KNOWN].sort());
    expect(guestsOf(ws, calendarId).sort()).toEqual([KNOWN[0], KNOWN[1]].sort());

    sidebarCall(addon, 'unapprovePeople', [KNOWN[0], KNOWN[1]]);
    // The add-on's rule for the school is gone at once; the hand-made one for the library stays.
    expect(readers(ws, calendarId)).toEqual([KNOWN[1], KNOWN[2]].sort());
    sidebarCall(addon, 'syncCalendar');
    expect(readers(ws, calendarId)).toEqual([KNOWN[1], KNOWN[2]].sort());
    expect(guestsOf(ws, calendarId)).toEqual([]);
    expect(String(calendarRows(ws)[0].syncStatus)).toContain(
      '2 guests wait for the coordinator’s approval',
    );

    // Removing a partner from the tab removes the add-on's rule too.
    ws.sheets.userDeleteRows('Partners', 4, 1);
    sidebarCall(addon, 'syncCalendar');
    expect(readers(ws, calendarId)).toEqual([KNOWN[1]]);
  });
});

describe('partners added through the sidebar', () => {
  it('are approved at once when the owner adds them; when anyone else does, they wait like typed ones', () => {
    const { ws, addon } = world(3, 'Europe/Madrid');
    sidebarCall(addon, 'addPartner', {
      organisation: 'Corner Bookshop',
      email: ' Shop@Corner.example.org ',
      invite: true,
    });
    addon.runAs(PARTNER, ws.currentSpreadsheetId, 'addPartner', {
      organisation: 'Night Club',
      email: 'door@club.example.org',
      invite: true,
    });
    sidebarCall(addon, 'syncCalendar');
    const state = sidebarCall(addon, 'getApprovals') as ApprovalsState;
    expect(state.approved.find((p) => p.email === 'shop@corner.example.org')).toMatchObject({
      by: COORDINATOR,
    });
    expect(state.approved.map((p) => p.email)).not.toContain('door@club.example.org');
    expect(state.waiting.map((p) => p.email)).toEqual(['door@club.example.org']);
  });

  it('are approved at once when the coordinator lists them at set-up', () => {
    const { addon } = loadAddon();
    setUp(addon);
    const approved = (sidebarCall(addon, 'getApprovals') as ApprovalsState).approved.map(
      (p) => p.email,
    );
    const listed = PARTNERS.map((p) => String(p.email ?? '').toLowerCase()).filter(Boolean);
    expect(listed.length).toBeGreaterThan(0);
    expect(approved.sort()).toEqual([...new Set(listed)].sort());
  });
});

describe('caps on guests and invitations', () => {
  it('invites at most the cap per event and emails at most the cap per run; the rest wait for the next run', () => {
    const { ws, addon, calendarId } = syncFixture({
      calendar: { invitePartners: false, sendInvites: true },
    });
    ownedBy(ws, COORDINATOR);
    const state = sidebarCall(addon, 'getApprovals') as ApprovalsState;
    const { guestsPerEvent, invitationsPerRun } = state.caps;
    const people = Array.from(
      { length: guestsPerEvent + 7 },
      (_, i) => `guest${i}@club.example.org`,
    );
    sidebarCall(addon, 'approvePeople', people);
    // Enough full events to pass the per-run cap.
    const events = Math.ceil(invitationsPerRun / guestsPerEvent) + 1;
    appendRows(
      ws,
      CALENDAR_TAB,
      Array.from({ length: events }, (_, i) => ({
        title: `Forum ${i + 1}`,
        startDate: `2027-06-${String(10 + i).padStart(2, '0')}`,
        status: 'Planned',
        participants: people.join(', '),
      })),
    );
    const first = sidebarCall(addon, 'syncCalendar') as SyncReport;
    const live = ws.calendar.liveEvents(calendarId);
    for (const e of live) expect(e.guests.length).toBe(guestsPerEvent);
    expect(invited(ws).length).toBeLessThanOrEqual(invitationsPerRun);
    expect(first.deferredForInvitations).toBeGreaterThan(0);
    expect(first.summary).toContain(`at most ${invitationsPerRun} invitations go out per run`);
    const rows = calendarRows(ws);
    expect(
      rows.some((r) => String(r.syncStatus).startsWith('Waiting: this change would email')),
    ).toBe(true);
    expect(String(rows[0].syncStatus)).toContain('7 guests left out');

    sidebarCall(addon, 'syncCalendar');
    expect(ws.calendar.liveEvents(calendarId)).toHaveLength(events);
    expect(invited(ws).length).toBe(events * guestsPerEvent);
  });
});
