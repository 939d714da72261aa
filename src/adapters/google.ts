// The one place that reaches Apps Script's global services; everything else receives them as values.

/** The services an action needs, read from the globals only when an action runs (never at load). */
export interface GoogleServices {
  spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet;
  ui(): GoogleAppsScript.Base.Ui;
  userEmail(): string;
  scriptTimeZone(): string;
  /** The document's own properties (per spreadsheet: an add-on is installed in many). */
  documentProperties(): PropertyStore;
}

/** The part of a property store the adapters use: small enough for a test to fake. */
export type PropertyStore = Pick<
  GoogleAppsScript.Properties.Properties,
  'getProperty' | 'setProperty' | 'getProperties' | 'setProperties' | 'deleteProperty'
>;

export const google: GoogleServices = {
  spreadsheet: () => SpreadsheetApp.getActiveSpreadsheet(),
  ui: () => SpreadsheetApp.getUi(),
  userEmail: () => Session.getActiveUser().getEmail(),
  scriptTimeZone: () => Session.getScriptTimeZone(),
  documentProperties: () => PropertiesService.getDocumentProperties(),
};
