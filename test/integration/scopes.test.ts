// Least privilege: every feature works on the manifest's scopes, each scope is needed, a missing one fails.
import { Addon, DEFAULT_CODE_DIR, manifestScopes } from '../../emulator/addon';
import type { Workspace } from '../../emulator/workspace';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import type { ApprovalsState } from '../../src/shared/approvalsWire';
import type { CalendarSyncState } from '../../src/shared/calendarWire';
import { appendRows, syncFixture } from '../harness/syncFixture';

const MANIFEST = manifestScopes(DEFAULT_CODE_DIR) ?? [];

/**
 * What a coordinator does once: set up, open the menu and sidebar, create and share the group
 * calendar, turn automatic sync on, sync; then switch to one of their own calendars and sync.
 * Each step may fail (that is what a missing scope does); the failures are returned.
 */
function tour(ws: Workspace, addon: Addon): string[] {
  const failures: string[] = [];
  const step = (what: string, fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      failures.push(`${what}: ${(error as Error).message}`);
    }
  };
  const own = ws.calendar.addCalendar({ name: 'My team', timeZone: 'UTC' });
  step('set-up', () =>
    addon.runFromSidebar('setUpPlan', {
      name: 'Riverside Community Schools Partnership',
      calendar: { mode: 'none' },
    }),
  );
  step('menu', () => addon.open('FULL'));
  step('sidebar', () => addon.run('showCalendarSidebar'));
  step('new calendar', () =>
    addon.runFromSidebar('saveCalendarChoice', {
      mode: 'new',
      calendarId: null,
      shareWithPartners: true,
      invitePartners: true,
      sendInvites: false,
    }),
  );
  step('automatic sync', () =>
    addon.runFromSidebar('setAutoSync', { afterEdits: false, hourly: true }),
  );
  step('rows', () =>
    appendRows(ws, CALENDAR_TAB, [{ title: 'Kick-off', startDate: '2027-03-10' }]),
  );
  step('sync', () => addon.run('syncCalendar'));
  // Sharing reaches only approved people (docs/approvals.md): the coordinator approves who waits.
  step('approve', () => {
    const waiting = (addon.runFromSidebar('getApprovals') as ApprovalsState).waiting;
    addon.runFromSidebar(
      'approvePeople',
      waiting.map((w) => w.email),
    );
  });
  step('sync after approving', () => addon.run('syncCalendar'));
  // The weekly partner email: previewed, turned on, and its daily check run (it sends mail).
  step('digest', () => {
    addon.runFromSidebar('getDigestPreview');
    addon.runFromSidebar('setDigestEnabled', { enabled: true });
    addon.run('sendPartnerDigest_');
    if (ws.mail.sent.length === 0) throw new Error('no weekly email went out');
  });
  step('list', () => addon.runFromSidebar('listCalendars'));
  step('own calendar', () => {
    const choice = {
      mode: 'existing',
      calendarId: own,
      shareWithPartners: false,
      invitePartners: false,
      sendInvites: false,
    };
    // Switching moves the plan's events: the sidebar asks with the count, then saves with it.
    const move = addon.runFromSidebar('previewCalendarMove', choice) as { events: number } | null;
    addon.runFromSidebar('saveCalendarChoice', { ...choice, confirmMove: move?.events ?? null });
  });
  step('sync again', () => addon.run('syncCalendar'));
  step('state', () => addon.runFromSidebar('getCalendarSyncState') as CalendarSyncState);
  // The partnership health check: a form made and linked here, its links mailed, then closed.
  step('health check', () => {
    addon.runFromSidebar('openHealthRound', { closes: '2027-03-20' });
    addon.runFromSidebar('sendHealthLinks');
    addon.runFromSidebar('closeHealthRound');
  });
  return failures;
}

function withScopes(scopes: readonly string[]) {
  const { ws } = syncFixture({ calendar: { mode: 'none', calendarId: null } });
  return { ws, addon: new Addon(ws, DEFAULT_CODE_DIR, { scopes }) };
}

describe('OAuth scopes', () => {
  it('asks for narrow scopes only: no full calendar, spreadsheets or Drive access', () => {
    expect(MANIFEST).not.toContain('https://www.googleapis.com/auth/calendar');
    expect(MANIFEST).not.toContain('https://www.googleapis.com/auth/spreadsheets');
    expect(MANIFEST.some((s) => s.includes('drive'))).toBe(false);
  });

  it('runs every feature on the manifest’s scopes, and needs each of them', () => {
    const { ws, addon } = withScopes(MANIFEST);
    expect(tour(ws, addon)).toEqual([]);
    expect(ws.runtime.scopeRefusals).toEqual([]);
    // Each scope was the only granted one allowing some call: none is there for nothing.
    expect([...ws.runtime.scopesNeeded].sort()).toEqual([...MANIFEST].sort());
  });

  it.each(MANIFEST)('fails as Google does without %s', (missing) => {
    const { ws, addon } = withScopes(MANIFEST.filter((s) => s !== missing));
    tour(ws, addon);
    // Refused (the add-on may catch the error and report it in words, as it does for sharing).
    expect(ws.runtime.scopeRefusals.length).toBeGreaterThan(0);
  });

  it('answers a refused advanced-service call with Google’s 403', () => {
    const { ws } = withScopes(MANIFEST.filter((s) => !s.endsWith('calendar.acls')));
    ws.runtime.beginExecution();
    try {
      const acl = (ws.calendar.advanced as { Acl: { list(id: string): unknown } }).Acl;
      expect(() => acl.list('primary')).toThrow(
        'API call to calendar.acl.list failed with error: Request had insufficient authentication scopes.',
      );
    } finally {
      ws.runtime.endExecution();
    }
  });

  it('refuses the full-calendar CalendarApp service with the manifest’s scopes', () => {
    const { ws } = withScopes(MANIFEST);
    ws.runtime.beginExecution();
    try {
      expect(() =>
        (ws.calendar.calendarApp as { getDefaultCalendar(): unknown }).getDefaultCalendar(),
      ).toThrow(
        'Specified permissions are not sufficient to call CalendarApp.getDefaultCalendar. Required permissions: https://www.googleapis.com/auth/calendar',
      );
    } finally {
      ws.runtime.endExecution();
    }
  });
});
