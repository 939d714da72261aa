// What the Health check sidebar and the server exchange (JSON-shaped: it crosses google.script.run).

export interface HealthRoundView {
  id: string;
  /** The days it opens and closes, as the sheet's cells write dates (its locale's short date). */
  opens: string;
  closes: string;
  open: boolean;
  url: string;
  answers: number;
  invited: number;
  /** How many of those invited have answered: a count, never who. */
  answered: number;
  /** True while this open round's link goes out in the weekly email (to those who have not answered). */
  inDigest: boolean;
}

export interface HealthSuggestionView {
  factor: string;
  name: string;
  line: string;
  keyAction: string;
  /** The Calendar row already drafted for it, if any. */
  draftedRow: number | null;
}

export interface HealthCheckState {
  rounds: HealthRoundView[];
  suggestions: HealthSuggestionView[];
  /** False for anyone but the plan's coordinator: the sidebar shows the sentence instead of the buttons. */
  canRun: boolean;
  refusal: string | null;
  /** The day a new round would close by default (ISO), two weeks from today. */
  defaultCloses: string;
  today: string;
  message: string;
  /** Whether the weekly email to partners is on (it carries an open round's link only then). */
  weeklyEmailOn: boolean;
}

export interface OpenRoundRequest {
  closes: string;
}
