// The caps on guests per event and invitations per run, and how many people one write emails.
import type { WriteOperation } from './types';

/**
 * Guests per event. Google states no number for its Calendar use limits on invitations (I), so the
 * add-on stays far below what a partnership meeting needs to reach its organisations and far below
 * the 100 email recipients a consumer account may send a day through Apps Script (V, quotas page).
 */
export const GUESTS_PER_EVENT = 50;

/**
 * Emailed guests per run: one after-edit or hourly run never mails more than this (the rest wait
 * for the next run). At least GUESTS_PER_EVENT, so any one event's invitations fit in a run.
 */
export const INVITATIONS_PER_RUN = 100;

export const CAPS = { guestsPerEvent: GUESTS_PER_EVENT, invitationsPerRun: INVITATIONS_PER_RUN };

/** The guests a write's notice mails: a new event's guests, or a changed one's when guests were added, or a removed one's. */
export function mailedBy(op: WriteOperation, sendInvites: boolean): number {
  if (!sendInvites) return 0;
  if (op.kind === 'create') return op.desired.guests.length;
  if (op.kind === 'delete') return op.existing.guests.length;
  const before = new Set(op.existing.guests);
  // Google's sendUpdates has no "only the new guests": a patch that adds one mails them all (V).
  return op.desired.guests.some((g) => !before.has(g)) ? op.desired.guests.length : 0;
}
