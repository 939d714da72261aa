// A small plan over several school years, set up and synced through the bundle, for the "Start the next year" tests.
import type { Addon } from '../../emulator/addon';
import type { ExampleRow } from '../../emulator/example/typeRows';
import { typeRowsByKey } from '../../emulator/example/typeRows';
import type { Workspace } from '../../emulator/workspace';
import { SETTINGS_KEY } from '../../src/adapters/settings';
import type { SyncReport } from '../../src/domain/calendarSync/report';
import { sidebarCall } from './sidebarCall';
import { PARTNERS, setUp } from './workbook';
import { loadAddon } from './workspace';

/** 15 August 2028 (afternoon UTC): the coordinator starts 2028–29, closing 2027–28. */
export const ROLLOVER_DAY = Date.UTC(2028, 7, 15, 14);

export interface PlanSpec {
  activities: ExampleRow[];
  measurements: { outcomeId: 'O1' | 'O2'; date: string; value: string }[];
}

export const GOAL_REF = 'G1 · Every child reads at grade level by grade 3';
export const OUTCOME_REFS = {
  O1: 'O1 · More third graders read at grade level',
  O2: 'O2 · Families come to reading nights',
};

/** Set up, one goal with two outcomes, the activities typed, measurements recorded, synced, dashboard built. */
export function yearsPlan(spec: PlanSpec, options: Parameters<typeof loadAddon>[0] = {}) {
  const { ws, addon } = loadAddon(options);
  setUp(addon);
  sidebarCall(addon, 'saveGoal', {
    goal: 'Every child reads at grade level by grade 3',
    priority: 'High',
    problem: 'Only 41% of third graders read at grade level.',
    owner: PARTNERS[0].organisation,
    status: 'Not started',
  });
  sidebarCall(addon, 'saveOutcome', {
    goalId: 'G1',
    term: 'Medium term',
    outcome: 'More third graders read at grade level',
    indicator: 'Share of grade 3 at benchmark',
    baseline: '40%',
    target: '60%',
    targetDate: '2029-06-30',
  });
  sidebarCall(addon, 'saveOutcome', {
    goalId: 'G1',
    term: 'Short term',
    outcome: 'Families come to reading nights',
    indicator: 'Families at each reading night',
    baseline: '12 families',
    target: '30 families',
    targetDate: '2029-06-30',
  });
  addon.runFromSidebar('saveCalendarChoice', {
    mode: 'new',
    calendarId: null,
    shareWithPartners: false,
    invitePartners: false,
    sendInvites: false,
  });
  if (spec.activities.length) typeRowsByKey(ws, 'Calendar', spec.activities);
  for (const m of spec.measurements) sidebarCall(addon, 'recordProgress', { ...m, note: '' });
  const report = sidebarCall(addon, 'syncCalendar') as SyncReport;
  sidebarCall(addon, 'buildDashboard');
  ws.runtime.advance(ROLLOVER_DAY - ws.runtime.now());
  return { ws, addon, report };
}

export const calendarIdOf = (ws: Workspace) =>
  JSON.parse(String(ws.properties.document.data.get(SETTINGS_KEY))).calendar.calendarId as string;

/** The menu item, as the coordinator chooses it (the confirmation answers Yes unless queued otherwise). */
export const startNextYear = (addon: Addon) => addon.run('startNextYearFromMenu');
