// What "Start the next year" says before it asks and after it ran (JSON-shaped: it may cross google.script.run).

export interface NewYearPreview {
  /** The closed school year ("2027–28") and the one that starts ("2028–29"). */
  closing: string;
  starting: string;
  /** The archive tab's name. */
  archiveTab: string;
  activities: number;
  measurements: number;
  /** Rows that stay in the live tabs (dated later, or with a date nobody can read). */
  keptActivities: number;
  keptMeasurements: number;
  baselines: number;
  /** True when an earlier start was interrupted: running finishes it. */
  resuming: boolean;
  /** The confirmation's words, counts included. */
  text: string;
}

export interface NewYearResult {
  archiveTab: string;
  activities: number;
  measurements: number;
  baselines: number;
  message: string;
}
