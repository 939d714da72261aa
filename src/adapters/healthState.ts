// The health check's rounds (form, response tab, dates, who was invited and who has answered) in document properties.
import { loadChunked, saveChunked } from './chunkedProperty';
import type { PropertyStore } from './google';

export const HEALTH_KEY = 'sharedWorkPlan.health';

/** One person invited to a round. Who answered is kept apart from any answer (codes are blanked). */
export interface HealthInvitation {
  email: string;
  partner: string;
  code: string;
  sentMs: number | null;
  remindedMs: number | null;
  answered: boolean;
}

export interface HealthRound {
  id: string;
  formId: string;
  url: string;
  editUrl: string;
  /** The response tab's sheet id (Form.setDestination made it): found by id, never by name. */
  sheetId: number;
  opens: string;
  closes: string;
  closed: boolean;
  /** False once the coordinator turns the weekly email's link off for this round; absent means on. */
  inDigest?: boolean;
  invitations: HealthInvitation[];
}

export interface HealthState {
  /** Stored-format version: a later add-on reads every earlier one. */
  version: 1;
  rounds: HealthRound[];
}

export const emptyHealthState = (): HealthState => ({ version: 1, rounds: [] });

export function loadHealthState(store: PropertyStore): HealthState {
  const text = loadChunked(store, HEALTH_KEY);
  if (!text) return emptyHealthState();
  try {
    const parsed = JSON.parse(text) as Partial<HealthState>;
    return { version: 1, rounds: Array.isArray(parsed.rounds) ? parsed.rounds : [] };
  } catch {
    return emptyHealthState();
  }
}

export function saveHealthState(store: PropertyStore, state: HealthState): void {
  saveChunked(store, HEALTH_KEY, JSON.stringify(state));
}

/** The round still taking answers, if any (only one at a time). */
export const openRound = (state: HealthState): HealthRound | null =>
  state.rounds.find((r) => !r.closed) ?? null;
