// The health check's Google Form: made from the question bank, linked to this spreadsheet, opened and closed.
import {
  CODE_QUESTION,
  FORM_DESCRIPTION,
  OPEN_QUESTIONS,
  ORGANISATION_QUESTION,
  ORGANISATION_UNSAID,
  SCALE,
  STATEMENTS,
} from '../domain/health/questions';
import type { GoogleServices } from './google';

type Form = GoogleAppsScript.Forms.Form;

export interface MadeForm {
  formId: string;
  url: string;
  editUrl: string;
  sheetId: number;
}

/**
 * Creates the round's form in the coordinator's Drive and links it to this spreadsheet. The
 * response tab Google adds is found as the one sheet id that was not there before: its name and
 * place are Google's to choose (docs/google-facts.md, "Forms").
 */
export function makeHealthForm(
  services: GoogleServices,
  title: string,
  organisations: readonly string[],
): MadeForm {
  const spreadsheet = services.spreadsheet();
  const before = new Set(spreadsheet.getSheets().map((s) => s.getSheetId()));
  const formApp = services.forms();
  const form = formApp.create(title);
  form.setDescription(FORM_DESCRIPTION);
  form.setCollectEmail(false);
  form.setConfirmationMessage(
    'Thank you. Your answers are counted with everyone else’s; no one sees them on their own.',
  );
  for (const s of STATEMENTS)
    form
      .addScaleItem()
      .setTitle(s.text)
      .setBounds(SCALE.lower, SCALE.upper)
      .setLabels(SCALE.lowerLabel, SCALE.upperLabel);
  form
    .addMultipleChoiceItem()
    .setTitle(ORGANISATION_QUESTION)
    .setHelpText(
      'Optional. Shown only as totals for an organisation where 3 or more people answered.',
    )
    .setChoiceValues([...organisations, ORGANISATION_UNSAID]);
  for (const q of OPEN_QUESTIONS) form.addParagraphTextItem().setTitle(q.text);
  form
    .addTextItem()
    .setTitle(CODE_QUESTION)
    .setHelpText(
      'It only tells the coordinator that you answered, so you get no reminder. It is removed from the answers at once.',
    );
  form.setDestination(formApp.DestinationType.SPREADSHEET, spreadsheet.getId());
  const added = spreadsheet.getSheets().find((s) => !before.has(s.getSheetId()));
  if (!added) throw new Error('Google did not add the form’s response tab.');
  // Hidden, so partners browsing the plan do not meet one row per person (docs/health-check.md).
  added.hideSheet();
  return {
    formId: form.getId(),
    url: form.getPublishedUrl(),
    editUrl: form.getEditUrl(),
    sheetId: added.getSheetId(),
  };
}

export function openForm(services: GoogleServices, formId: string): Form {
  return services.forms().openById(formId);
}

/** A personal link: the form with the invitation code filled in. */
export function personalLink(form: Form, code: string): string {
  const item = form.getItems().find((i) => i.getTitle() === CODE_QUESTION);
  if (!item) return form.getPublishedUrl();
  return form
    .createResponse()
    .withItemResponse(item.asTextItem().createResponse(code))
    .toPrefilledUrl();
}

/** The response tab's values (header first), found by sheet id; [] when the tab is gone or empty. */
export function responseValues(services: GoogleServices, sheetId: number): unknown[][] {
  const sheet = services
    .spreadsheet()
    .getSheets()
    .find((s) => s.getSheetId() === sheetId);
  return sheet && sheet.getLastRow() > 0 ? sheet.getDataRange().getValues() : [];
}

/** The sheet id of the tab a form-submit event's row is in. */
export const eventSheetId = (range: GoogleAppsScript.Spreadsheet.Range | undefined) =>
  range?.getSheet().getSheetId();

/** Blanks the invitation code in the event's row, when the cell still holds that code. */
export function blankCode(range: GoogleAppsScript.Spreadsheet.Range, code: string): void {
  const sheet = range.getSheet();
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  const col = header.findIndex((h) => String(h).trim() === CODE_QUESTION);
  if (col < 0) return;
  const cell = sheet.getRange(range.getRow(), col + 1);
  if (String(cell.getValue()).trim() === code) cell.setValue('');
}
