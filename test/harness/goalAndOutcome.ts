// G1 and its outcome O1 added from the goals sidebar, as a coordinator starts a plan.
import type { Addon } from '../../emulator/addon';
import { sidebarCall } from './sidebarCall';

/** Adds goal G1 and outcome O1 (short term, an indicator from 10 to 40) through the sidebar. */
export function addGoalAndOutcome(addon: Addon, goal = 'Every child reads at grade level'): void {
  sidebarCall(addon, 'saveGoal', { goal, priority: '', problem: '', owner: '', status: '' });
  sidebarCall(addon, 'saveOutcome', {
    goalId: 'G1',
    term: 'Short term',
    outcome: 'Families borrow books weekly',
    indicator: 'Weekly loans',
    baseline: '10',
    target: '40',
    targetDate: '',
  });
}
