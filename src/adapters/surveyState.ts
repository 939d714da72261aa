// The community surveys (their forms) and every answer the coordinator accepted or declined, in document properties.
import type { SurveyDecision } from '../domain/survey/proposals';
import { loadChunked, saveChunked } from './chunkedProperty';
import type { PropertyStore } from './google';

export const SURVEY_KEY = 'sharedWorkPlan.survey';

export interface SurveyForm {
  /** "Survey 1", "Survey 2", …: named in the accepted rows' notes. */
  id: string;
  formId: string;
  url: string;
  editUrl: string;
  /** The response tab's sheet id (Form.setDestination made it). */
  sheetId: number;
  createdMs: number;
  names: boolean;
}

export interface SurveyState {
  /** Stored-format version: a later add-on reads every earlier one. */
  version: 1;
  surveys: SurveyForm[];
  /** By answer key (survey id and the form's response id): accepted or declined, for good. */
  decisions: Record<string, SurveyDecision>;
}

export const emptySurveyState = (): SurveyState => ({ version: 1, surveys: [], decisions: {} });

export function loadSurveyState(store: PropertyStore): SurveyState {
  const text = loadChunked(store, SURVEY_KEY);
  if (!text) return emptySurveyState();
  try {
    const parsed = JSON.parse(text) as Partial<SurveyState>;
    return {
      version: 1,
      surveys: Array.isArray(parsed.surveys) ? parsed.surveys : [],
      decisions:
        parsed.decisions && typeof parsed.decisions === 'object' ? { ...parsed.decisions } : {},
    };
  } catch {
    return emptySurveyState();
  }
}

export function saveSurveyState(store: PropertyStore, state: SurveyState): void {
  saveChunked(store, SURVEY_KEY, JSON.stringify(state));
}
