// Handing the plan over through the bundle: nothing runs as the former coordinator's account afterwards.
import type { Addon } from '../../emulator/addon';
import type { Workspace } from '../../emulator/workspace';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import type { CalendarSyncState } from '../../src/shared/calendarWire';
import type { HandoverResult, HandoverState } from '../../src/shared/handoverWire';
import { appendRows, EXAMPLE_PARTNERS, syncFixture } from '../harness/syncFixture';

const COORDINATOR = 'coordinator@example.org';
/** The next coordinator: an editor of the spreadsheet with a Google account (and calendars) of her own. */
const NEXT = 'ben@school.example.org';
/** The spreadsheet's owner when the coordinator is only an editor (the school's account). */
const PRINCIPAL = 'principal@school.example.org';
const KEEP_ALL = { afterEdits: true, hourly: true, weeklyEmail: true };
const HOUR = 3_600_000;

/** A plan the coordinator runs: a shared group calendar, both automatic syncs, the weekly email on. */
function runningPlan() {
  const fixture = syncFixture({ calendar: { mode: 'none', calendarId: null } });
  const { ws, addon } = fixture;
  ws.sheets.book.state.editors.push(NEXT);
  ws.calendar.addAccount(NEXT, 'America/New_York');
  const state = addon.runFromSidebar('saveCalendarChoice', {
    mode: 'new',
    calendarId: null,
    shareWithPartners: true,
    invitePartners: false,
    sendInvites: false,
  }) as CalendarSyncState;
  addon.runFromSidebar(
    'approvePeople',
    EXAMPLE_PARTNERS.map((p) => String(p.email)),
  );
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

type Keep = typeof KEEP_ALL;
const asNext = <T>(ws: Workspace, addon: Addon, name: string, ...args: unknown[]) =>
  ws.as(NEXT, ws.currentSpreadsheetId, () => addon.runFromSidebar(name, ...args)) as T;
const offer = (addon: Addon, to = NEXT) =>
  addon.runFromSidebar('offerHandover', { to }) as HandoverResult;
const accept = (ws: Workspace, addon: Addon, keep: Keep = KEEP_ALL) =>
  asNext<HandoverResult>(ws, addon, 'acceptHandover', keep);

/** What acts with someone's authority: settings, every trigger, the weekly email, the calendar's rules. */
function authority(ws: Workspace, calendarId: string) {
  const data = ws.properties.documentPropertiesOf(ws.currentSpreadsheetId).data;
  return {
    settings: data.get('sharedWorkPlan.settings'),
    digest: data.get('sharedWorkPlan.digest'),
    triggers: ws.script.toJSON().map((t) => `${t.owner}:${t.handler}`),
    acl: ws.calendar.aclOf(calendarId),
  };
}

const settingsOwner = (ws: Workspace) =>
  (
    JSON.parse(
      ws.properties
        .documentPropertiesOf(ws.currentSpreadsheetId)
        .data.get('sharedWorkPlan.settings') ?? '{}',
    ) as { calendar?: { owner?: string | null } }
  ).calendar?.owner;

/**
 * Records the service calls made with `account`'s authority (the effective user), so a test can
 * say that nothing wrote as that account: no mail, no calendar write, no sheet write.
 */
function callsAs(ws: Workspace, account: string): string[] {
  const seen: string[] = [];
  const call = ws.runtime.call.bind(ws.runtime);
  ws.runtime.call = (method, kind) => {
    // Only inside the add-on's executions: the test's own pastes are a partner's typing.
    const runAs = ws.session.effectiveUserEmail ?? ws.session.userEmail;
    if (ws.runtime.depth > 0 && runAs === account) seen.push(method);
    return call(method, kind);
  };
  return seen;
}

/** A write of any kind: mail, an event or calendar change, a cell, a tab, a property (triggers apart). */
const WRITES =
  /sendEmail|^Calendar\..*\.(insert|patch|update|remove|move)|CalendarApp\..*(create|set|delete|remove|add)|SpreadsheetApp\..*\.(set|append|insert|delete|clear|add|remove|sort|protect|create|copy|move|hide|show|activate|merge|auto)|setPropert|deleteProperty|newTrigger/;

/** A month of the plan's life: hourly triggers, a partner's edit each day, the weekly email. */
function aMonth(ws: Workspace, addon: Addon): void {
  for (let day = 1; day <= 30; day++) {
    appendRows(ws, CALENDAR_TAB, [
      { title: `Day ${day} meeting`, startDate: `2027-04-${String(day).padStart(2, '0')}` },
    ]);
    liveThrough(ws, addon, 1);
  }
}

describe('hand over the plan', () => {
  it('names only an editor of the spreadsheet, in words, and changes nothing until accepted', () => {
    const { ws, addon, calendarId } = runningPlan();
    const before = authority(ws, calendarId);
    expect(() => offer(addon, 'stranger@elsewhere.example')).toThrow(
      'stranger@elsewhere.example cannot take over the plan: they cannot edit this spreadsheet.',
    );
    expect(() => offer(addon, 'not an address')).toThrow('Type the email address');
    expect(() => offer(addon, COORDINATOR)).toThrow('You are the plan’s coordinator already');
    expect(authority(ws, calendarId)).toEqual(before);
    const made = offer(addon, ` ${NEXT.toUpperCase()} `);
    expect(made.message).toContain(`${NEXT} can now accept the plan`);
    expect(made.state.pending).toMatchObject({ from: COORDINATOR, to: NEXT, calendarShared: true });
    // Only the group calendar is shared with them (to manage once they accept); Google mails them.
    const after = authority(ws, calendarId);
    expect({ ...after, acl: before.acl }).toEqual({ ...before, digest: after.digest });
    expect(after.acl).toContainEqual({ role: 'owner', scope: NEXT });
    expect(ws.calendar.sharingNoticesSent().map((n) => n.email)).toContain(NEXT);
    // Someone else cannot accept it, and the coordinator's week goes on as before.
    expect(() => addon.runFromSidebar('acceptHandover', KEEP_ALL)).toThrow(
      `This hand-over is for ${NEXT}: only they can accept it`,
    );
    expect(settingsOwner(ws)).toBe(COORDINATOR);
  });

  it('can be cancelled by the coordinator: their calendar role is put back as it was', () => {
    for (const wasReader of [false, true]) {
      const { ws, addon, calendarId } = runningPlan();
      if (wasReader) {
        addon.runFromSidebar('approvePeople', [NEXT]);
        addon.run('syncCalendar');
      }
      const before = authority(ws, calendarId);
      offer(addon);
      expect(() => asNext(ws, addon, 'cancelHandover')).toThrow(
        `Only ${COORDINATOR} can change who coordinates the plan`,
      );
      const cancelled = addon.runFromSidebar('cancelHandover') as HandoverResult;
      expect(cancelled.message).toContain(`The hand-over to ${NEXT} is cancelled`);
      expect(authority(ws, calendarId)).toEqual(before);
      expect(() => accept(ws, addon)).toThrow('Nobody has offered you the plan');
    }
  });

  it('refuses an offer the plan has outgrown (the spreadsheet’s owner took over meanwhile)', () => {
    const { ws, addon } = runningPlan();
    const book = ws.sheets.book.state;
    book.editors.push(COORDINATOR);
    book.owner = PRINCIPAL;
    offer(addon);
    ws.as(PRINCIPAL, ws.currentSpreadsheetId, () =>
      addon.runFromSidebar('takeOverPlan', { afterEdits: false, hourly: true, weeklyEmail: false }),
    );
    expect(() => accept(ws, addon)).toThrow(/Nobody has offered you the plan/);
    expect(settingsOwner(ws)).toBe(PRINCIPAL);
  });

  it('moves everything to the new coordinator once they accept, keeping what the plan ran', () => {
    const { ws, addon, calendarId } = runningPlan();
    offer(addon);
    const shown = asNext<HandoverState>(ws, addon, 'getHandoverState');
    expect(shown).toMatchObject({ canAccept: true, isOwner: false, keep: KEEP_ALL });
    const done = accept(ws, addon);
    expect(done.message).toContain('You are now the plan’s coordinator');
    expect(settingsOwner(ws)).toBe(NEXT);
    expect(
      ws.script
        .toJSON()
        .filter((t) => t.owner === NEXT)
        .map((t) => t.handler)
        .sort(),
    ).toEqual(['syncCalendarAfterEdit_', 'syncCalendarHourly_']);
    // Sharing follows: the new coordinator's add-on may share the calendar it manages (or says why not).
    const managed = ws.runtime.ambiguities.managerAcl === 'manages';
    expect(done.message).toContain(
      managed
        ? 'You manage the group calendar now'
        : 'Google lets only coordinator@example.org’s account change who it is shared with',
    );
    if (!managed) expect(done.message).toContain('Calendar sync… › “A new group calendar” › Save');
    // The old coordinator can no longer change what the plan runs.
    expect(() => addon.runFromSidebar('setAutoSync', { afterEdits: true, hourly: true })).toThrow(
      `Only ${NEXT} can change`,
    );
    void calendarId;
  });

  it('keeps sharing with approved partners under the new coordinator, whatever Google allows', () => {
    const { ws, addon, calendarId } = runningPlan();
    offer(addon);
    accept(ws, addon);
    const newcomer = 'events@museum.example.org';
    asNext(ws, addon, 'addPartner', { organisation: 'City Museum', email: newcomer });
    asNext(ws, addon, 'syncCalendar');
    const readers = (id: string) =>
      ws.calendar
        .aclOf(id)
        .filter((r) => r.role === 'reader')
        .map((r) => r.scope);
    if (ws.runtime.ambiguities.managerAcl === 'manages') {
      expect(readers(calendarId)).toContain(newcomer);
      return;
    }
    // Google keeps the sharing with the maker: the plan moves to a group calendar of hers.
    expect(readers(calendarId)).not.toContain(newcomer);
    const choice = {
      mode: 'new',
      calendarId: null,
      shareWithPartners: true,
      invitePartners: false,
      sendInvites: false,
    };
    const move = asNext<{ events: number } | null>(ws, addon, 'previewCalendarMove', choice);
    expect(move?.events).toBeGreaterThan(0);
    const saved = asNext<CalendarSyncState>(ws, addon, 'saveCalendarChoice', {
      ...choice,
      confirmMove: move?.events,
    });
    expect(saved.calendarId).not.toBe(calendarId);
    asNext(ws, addon, 'syncCalendar');
    expect(readers(saved.calendarId as string)).toEqual(
      expect.arrayContaining([newcomer, ...EXAMPLE_PARTNERS.map((p) => String(p.email))]),
    );
    expect(ws.calendar.liveEvents(saved.calendarId as string).map((e) => e.title)).toContain(
      'Kick-off',
    );
  });

  it('runs nothing as the old account afterwards, over a month of triggers, edits and mail', () => {
    const { ws, addon, calendarId } = runningPlan();
    liveThrough(ws, addon, 8);
    const mailedBefore = mailFrom(ws, COORDINATOR).length;
    expect(mailedBefore).toBeGreaterThan(0);
    offer(addon);
    accept(ws, addon);
    const old = callsAs(ws, COORDINATOR);
    aMonth(ws, addon);
    // Her triggers did fire (the test is not empty), removed themselves, and wrote nothing.
    expect(old.length).toBeGreaterThan(0);
    expect(old.filter((m) => WRITES.test(m))).toEqual([]);
    expect(ws.script.toJSON().filter((t) => t.owner === COORDINATOR)).toEqual([]);
    expect(mailFrom(ws, COORDINATOR).length).toBe(mailedBefore);
    expect(ws.logs.join('\n')).toContain('It removed this account’s');
    // The plan kept going under the new coordinator: mail from her account, the month's events synced.
    expect(mailFrom(ws, NEXT).length).toBeGreaterThanOrEqual(3 * 3);
    const titles = ws.calendar.liveEvents(calendarId).map((e) => e.title);
    expect(titles).toContain('Day 30 meeting');
  });

  it('lets the spreadsheet’s owner take over when the coordinator’s account is suspended', () => {
    const { ws, addon, calendarId } = runningPlan();
    // The school owns the spreadsheet; the coordinator was an editor who has left.
    const book = ws.sheets.book.state;
    book.editors.push(COORDINATOR);
    book.owner = PRINCIPAL;
    ws.calendar.addAccount(PRINCIPAL, 'America/New_York');
    ws.suspendAccount(COORDINATOR);
    const asPrincipal = <T>(name: string, ...args: unknown[]) =>
      ws.as(PRINCIPAL, ws.currentSpreadsheetId, () => addon.runFromSidebar(name, ...args)) as T;
    expect(() => asNext(ws, addon, 'takeOverPlan', KEEP_ALL)).toThrow(
      `Only the spreadsheet’s owner (${PRINCIPAL}) can take the plan over`,
    );
    expect(asPrincipal<HandoverState>('getHandoverState').canTakeOver).toBe(true);
    const took = asPrincipal<HandoverResult>('takeOverPlan', KEEP_ALL);
    expect(settingsOwner(ws)).toBe(PRINCIPAL);
    // The calendar stays with the suspended account: the way on is said in plain words.
    expect(took.message).toContain('it belongs to coordinator@example.org’s account');
    expect(took.message).toContain('Calendar sync… › “A new group calendar” › Save');
    const moved = asPrincipal<CalendarSyncState>('saveCalendarChoice', {
      mode: 'new',
      calendarId: null,
      shareWithPartners: true,
      invitePartners: false,
      sendInvites: false,
    });
    expect(moved.calendarId).not.toBe(calendarId);
    const old = callsAs(ws, COORDINATOR);
    aMonth(ws, addon);
    expect(old).toEqual([]);
    // Every activity is in the new calendar: the month's, and those the old calendar had.
    expect(ws.calendar.liveEvents(moved.calendarId as string).map((e) => e.title)).toEqual(
      expect.arrayContaining(['Kick-off', 'Day 1 meeting', 'Day 30 meeting']),
    );
    // Approved partners are readers of the new calendar, shared from the principal's account.
    expect(ws.calendar.aclOf(moved.calendarId as string)).toEqual(
      expect.arrayContaining(
        EXAMPLE_PARTNERS.map((p) => ({ role: 'reader', scope: String(p.email).toLowerCase() })),
      ),
    );
    // Should the account come back, its triggers remove themselves before doing anything.
    ws.script.suspended.delete(COORDINATOR);
    const back = callsAs(ws, COORDINATOR);
    liveThrough(ws, addon, 8);
    expect(back.filter((m) => WRITES.test(m))).toEqual([]);
    expect(ws.script.toJSON().filter((t) => t.owner === COORDINATOR)).toEqual([]);
  });
});
