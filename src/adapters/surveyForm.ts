// The community survey's Google Form: made in the coordinator's Drive and linked to this spreadsheet; its responses read through FormApp.

import type { SurveyResponse } from '../domain/survey/proposals';
import {
  CATEGORY_QUESTION,
  CONFIRMATION,
  COUNT_QUESTION,
  DESCRIPTION_QUESTION,
  EMAIL_QUESTION,
  EVIDENCE_QUESTION,
  GROUP_QUESTION,
  GROUPS,
  KIND_ASSET,
  KIND_NEED,
  KIND_QUESTION,
  MODE_QUESTION,
  MODE_SELF,
  MODE_SURVEYOR,
  NAME_QUESTION,
  surveyDescription,
} from '../domain/survey/questions';
import type { GoogleServices } from './google';
import type { SurveyForm } from './surveyState';

/**
 * Creates the survey's form and links it to this spreadsheet. The response tab Google adds is
 * found as the one sheet id that was not there before (its name and place are Google's).
 */
export function makeSurveyForm(
  services: GoogleServices,
  request: { id: string; title: string; planName: string; names: boolean; categories: string[] },
): SurveyForm {
  const spreadsheet = services.spreadsheet();
  const before = new Set(spreadsheet.getSheets().map((s) => s.getSheetId()));
  const formApp = services.forms();
  const form = formApp.create(request.title);
  form.setDescription(surveyDescription(request.planName, request.names));
  // Emails are never collected by Google's own setting: a name, when wanted, is a question one may skip.
  form.setCollectEmail(false);
  form.setConfirmationMessage(CONFIRMATION);
  const choice = (title: string, choices: readonly string[], help = '') =>
    form
      .addMultipleChoiceItem()
      .setTitle(title)
      .setHelpText(help)
      .setChoiceValues([...choices])
      .setRequired(true);
  choice(MODE_QUESTION, [MODE_SELF, MODE_SURVEYOR]);
  choice(
    GROUP_QUESTION,
    GROUPS,
    'For yourself: the one that fits you best. Surveyors: the people you asked.',
  );
  form
    .addTextItem()
    .setTitle(COUNT_QUESTION)
    .setHelpText('Leave it empty if you are answering for yourself.');
  choice(KIND_QUESTION, [KIND_ASSET, KIND_NEED]);
  choice(CATEGORY_QUESTION, request.categories);
  form.addParagraphTextItem().setTitle(DESCRIPTION_QUESTION).setRequired(true);
  form
    .addParagraphTextItem()
    .setTitle(EVIDENCE_QUESTION)
    .setHelpText('Optional: a story, a number, a place.');
  if (request.names) {
    form.addTextItem().setTitle(NAME_QUESTION);
    form.addTextItem().setTitle(EMAIL_QUESTION);
  }
  form.setDestination(formApp.DestinationType.SPREADSHEET, spreadsheet.getId());
  const added = spreadsheet.getSheets().find((s) => !before.has(s.getSheetId()));
  if (!added) throw new Error('Google did not add the survey’s response tab.');
  // Hidden, so partners browsing the plan do not meet one row per person (and names, when asked for).
  added.hideSheet();
  return {
    id: request.id,
    formId: form.getId(),
    url: form.getPublishedUrl(),
    editUrl: form.getEditUrl(),
    sheetId: added.getSheetId(),
    createdMs: Date.now(),
    names: request.names,
  };
}

/**
 * Every response to the survey, read through FormApp: each has a stable id, whatever is done to
 * the response tab's rows, and its answers come back as the strings people typed (V).
 */
export function surveyResponses(services: GoogleServices, survey: SurveyForm): SurveyResponse[] {
  const form = services.forms().openById(survey.formId);
  return form.getResponses().map((r) => {
    const answers: Record<string, string> = {};
    for (const item of r.getItemResponses()) {
      const value = item.getResponse();
      answers[item.getItem().getTitle()] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    return {
      key: `${survey.id}:${r.getId()}`,
      survey: survey.id,
      atMs: r.getTimestamp().getTime(),
      answers,
    };
  });
}
