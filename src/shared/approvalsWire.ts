// What the calendar sidebar's approvals section receives and sends.
import type { EmailSource } from '../domain/people/approvals';

export interface ApprovedPerson {
  email: string;
  /** Who approved ('' when unknown). */
  by: string;
  /** When, ms since the epoch. */
  at: number;
  /** The day it was approved, as the spreadsheet's cells write dates (its zone and locale). */
  on: string;
}

export interface WaitingPerson {
  email: string;
  /** Where it was typed (tab name, row, activity ID): a few places, for links. */
  sources: EmailSource[];
  firstSeen: number;
}

export interface ApprovalsState {
  approved: ApprovedPerson[];
  waiting: WaitingPerson[];
  caps: { guestsPerEvent: number; invitationsPerRun: number };
  /** The settings owner, when known; null before anyone owns the settings. */
  owner: string | null;
  /** False for anyone but the owner: the section is read-only for them. */
  canChange: boolean;
  /** Problems with the calendar's sharing, in words (e.g. a rule that could not be removed). */
  problems: string[];
}
