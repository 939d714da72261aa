// What crosses google.script.run for "Hand over the plan": the offer, its acceptance and the section's state.

/** What keeps running, with the new coordinator's account, once they accept. */
export interface HandoverKeep {
  afterEdits: boolean;
  hourly: boolean;
  weeklyEmail: boolean;
}

/** The owner names the next coordinator (an editor of the spreadsheet). */
export interface HandoverOffer {
  to: string;
}

/** An offer waiting for the named person to accept from their own account. */
export interface PendingHandover {
  from: string;
  to: string;
  /** When it was made: the spreadsheet's day, written in the spreadsheet locale's short date (src/domain/time/localeDate.ts). */
  offeredOn: string;
  /** True when the group calendar was shared with them to manage (taken back if cancelled). */
  calendarShared: boolean;
}

export interface HandoverState {
  /** Who owns the plan's settings (the coordinator); null before anyone does. */
  owner: string | null;
  /** The account this sidebar runs as. */
  me: string;
  isOwner: boolean;
  pending: PendingHandover | null;
  /** True for the person an offer names. */
  canAccept: boolean;
  /** True for the spreadsheet's owner when they are not the coordinator (the coordinator is gone). */
  canTakeOver: boolean;
  /** The spreadsheet's editors the owner may name (without the owner). */
  editors: string[];
  /** What the plan runs now: the acceptance's starting choices. */
  keep: HandoverKeep;
}

export interface HandoverResult {
  state: HandoverState;
  /** What happened, in plain words, for the answer line. */
  message: string;
}
