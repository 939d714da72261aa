// What the community survey section of the Assets and needs sidebar and the server exchange (it crosses google.script.run).

export interface SurveyView {
  id: string;
  /** The link to send respondents and surveyors. */
  url: string;
  /** The form in the coordinator's Drive. */
  editUrl: string;
  /** The day it was made, in the spreadsheet's locale. */
  made: string;
  names: boolean;
}

/** One answer waiting for the coordinator: a proposed community finding. */
export interface SurveyProposalView {
  /** What accept and decline take. */
  key: string;
  /** The day it was sent, in the spreadsheet's locale. */
  day: string;
  kind: 'Asset' | 'Need';
  category: string;
  description: string;
  evidence: string;
  population: string;
  /** '' unless the survey asked for names. */
  respondent: string;
}

export interface CommunitySurveyState {
  surveys: SurveyView[];
  proposals: SurveyProposalView[];
  /** Answers with no finding in them, counted and left out. */
  skipped: number;
  accepted: number;
  declined: number;
  /** False for anyone but the coordinator: the sidebar shows the sentence instead of the buttons. */
  canRun: boolean;
  refusal: string | null;
  /** Surveys whose form could not be opened, in plain words. */
  notes: string[];
  message: string;
}

export interface MakeSurveyRequest {
  /** Ask respondents for their name and email (both optional). Off unless the coordinator ticks it. */
  names: boolean;
}
