// The one place that reaches Apps Script's global services; everything else receives them as values.

/** The services an action needs, read from the globals only when an action runs (never at load). */
export interface GoogleServices {
  spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet;
  ui(): GoogleAppsScript.Base.Ui;
  userEmail(): string;
  scriptTimeZone(): string;
}

export const google: GoogleServices = {
  spreadsheet: () => SpreadsheetApp.getActiveSpreadsheet(),
  ui: () => SpreadsheetApp.getUi(),
  userEmail: () => Session.getActiveUser().getEmail(),
  scriptTimeZone: () => Session.getScriptTimeZone(),
};
