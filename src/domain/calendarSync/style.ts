// How an activity looks in Google Calendar: its colour by type and its description.
import type { ACTIVITY_TYPES } from '../schema/tabs';

/**
 * Google Calendar's event colours are ids "1".."11" (V: colors.get / CalendarApp.EventColor).
 * One per activity type so partners can tell a training from a deadline at a glance.
 */
export const TYPE_COLORS: Record<(typeof ACTIVITY_TYPES)[number], string> = {
  'Capacity building': '2', // Sage
  Meeting: '9', // Blueberry
  Training: '5', // Banana
  Event: '11', // Tomato
  Workshop: '3', // Grape
  Outreach: '10', // Basil
  Deadline: '4', // Flamingo
  Other: '8', // Graphite
};

export const DEFAULT_COLOR = TYPE_COLORS.Other;

export interface DescriptionParts {
  activityId: string;
  type: string;
  lead: string;
  participants: string[];
  goal: string;
  outcome: string;
  output: string;
  notes: string;
  planName: string;
  sheetUrl: string;
}

/**
 * The event's description: who leads it, who takes part, what it serves, and a link back to the
 * plan. It holds no row number, so sorting the tab does not rewrite every event.
 */
export function describeActivity(p: DescriptionParts): string {
  const lines: string[] = [];
  if (p.type) lines.push(`Type: ${p.type}`);
  lines.push(`Lead partner: ${p.lead || 'not set'}`);
  if (p.participants.length) lines.push(`Participants: ${p.participants.join(', ')}`);
  if (p.goal) lines.push(`Linked goal: ${p.goal}`);
  if (p.outcome) lines.push(`Linked outcome: ${p.outcome}`);
  if (p.output) lines.push(`Expected output: ${p.output}`);
  if (p.notes) lines.push('', p.notes);
  lines.push(
    '',
    `From the shared work plan “${p.planName}” (activity ${p.activityId}): ${p.sheetUrl}`,
    'Change this activity in the plan’s Calendar tab; the next sync updates this event.',
  );
  return lines.join('\n');
}
