// What the calendar sidebar's Proposals section receives and sends (events others added to the calendar).
import type { ImportMode } from './settings';

export interface ProposalInfo {
  eventId: string;
  title: string;
  /** When it happens, in words, in the sheet's zone ("Wed 10 Mar 2027 18:00 → 19:30 (Europe/London)"). */
  when: string;
  /** Who made it (an email; '' when Google did not say). */
  by: string;
  repeats: boolean;
  /** Accepted, its row written, its event still to be tagged (the next sync finishes it). */
  accepted: boolean;
}

export interface ImportState {
  mode: ImportMode;
  /** Only the settings' owner accepts, declines or changes the mode. */
  canChange: boolean;
  owner: string | null;
  proposals: ProposalInfo[];
  /** What the last action did, in words ('' when nothing to say). */
  message: string;
}

export interface ImportResult {
  state: ImportState;
  message: string;
}
