// A plan made and synced by an earlier bundle, then the same workspace opened with today's, for upgrade tests.
import { Addon } from '../../emulator/addon';
import { Workspace } from '../../emulator/workspace';
import { type EarlierRelease, oldBundle } from './oldBundles';
import { runAmbiguities, TEST_START } from './workspace';

export const COORDINATOR = 'coordinator@example.org';
export const LIBRARY = 'outreach@riverside-library.example.org';
export const FOOD_BANK = 'info@northside-food.example.org';

/** How the old plan was left: automatic syncs on, or a stopped sync waiting on its continuation. */
export type OldPlanState = 'automatic syncs on' | 'a pending continuation';

/** What partners type, by header: the same headers in every release. */
export function activity(n: number): Record<string, string> {
  return {
    Title: `Reading club ${n}`,
    'Start date': `2027-04-${String(1 + (n % 28)).padStart(2, '0')}`,
    'Start time': `${9 + (n % 7)}:30`,
    'End time': `${10 + (n % 7)}:15`,
    'Lead partner': n % 2 ? 'Riverside Public Library' : 'Northside Food Bank',
    Participants: n % 3 ? 'Northside Food Bank' : '',
    Location: n % 4 ? `Room ${n}` : '',
    Status: 'Planned',
  };
}

/** Pastes rows below the tab's last typed row as `as` would, cells placed by header. */
export function typeRows(
  ws: Workspace,
  tab: string,
  rows: Record<string, string>[],
  as: string,
): void {
  const table = ws.sheets.table(tab);
  const values = rows.map((r) => table[0].map((h) => r[String(h)] ?? ''));
  const result = ws.sheets.userPasteValues(tab, table.length + 1, 1, values, { as });
  if (!result.ok) throw new Error(`Paste refused: ${result.message}`);
}

/** Runs one execution of the old bundle; a refusal is an error the test should see. */
function call(addon: Addon, name: string, ...args: unknown[]): unknown {
  return addon.run(name, ...args);
}

export interface OldPlan {
  ws: Workspace;
  addon: Addon;
  activities: number;
}

/**
 * Builds a plan the way a coordinator did with `release`: set-up with two partners invited to the
 * events, a new group
 * calendar shared with partners who are invited, 27 activities a partner typed, a sync, and then
 * either automatic syncs (and the weekly email where the release had it) on, or a sync stopped by
 * Google's rate limit after 9 events with its continuation pending (after-edit sync on).
 */
export function oldPlan(release: EarlierRelease, state: OldPlanState): OldPlan {
  const ws = new Workspace({ startTime: TEST_START, ambiguities: runAmbiguities() });
  ws.utilities.deterministicUuids = true;
  ws.sheets.book.state.editors.push(LIBRARY, FOOD_BANK);
  const addon = new Addon(ws, oldBundle(release));
  call(addon, 'setUpPlan', {
    name: 'Riverside partnership',
    partners: [
      { organisation: 'Riverside Public Library', email: LIBRARY, invite: true },
      { organisation: 'Northside Food Bank', email: FOOD_BANK, invite: true },
    ],
    calendar: { mode: 'new' },
  });
  call(addon, 'saveCalendarChoice', {
    mode: 'new',
    calendarId: null,
    shareWithPartners: true,
    invitePartners: true,
    sendInvites: false,
  });
  const activities = 27;
  typeRows(
    ws,
    'Calendar',
    Array.from({ length: activities }, (_, i) => activity(i + 1)),
    LIBRARY,
  );
  if (state === 'automatic syncs on') {
    call(addon, 'syncCalendar');
    call(addon, 'setAutoSync', { afterEdits: true, hourly: true });
    if (addon.topLevelFunctions().includes('setDigestEnabled'))
      call(addon, 'setDigestEnabled', { enabled: true });
  } else {
    call(addon, 'setAutoSync', { afterEdits: true, hourly: false });
    ws.runtime.failAt(/^Calendar\.Events\.insert$|createEvent$/, 10, 'Rate Limit Exceeded', 1000);
    call(addon, 'syncCalendar');
    ws.runtime.clearFaults();
  }
  return { ws, addon, activities };
}

/** The same workspace (sheets, properties, triggers, calendars) opened with today's bundle. */
export function openWithToday(old: Workspace): { ws: Workspace; addon: Addon } {
  const ws = Workspace.fromJSON(old.toJSON(), {
    startTime: old.runtime.now(),
    ambiguities: runAmbiguities(),
  });
  ws.utilities.deterministicUuids = true;
  return { ws, addon: new Addon(ws) };
}
