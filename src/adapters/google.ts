// The one place that reaches Apps Script's global services; everything else receives them as values.

/** The part of a property store the adapters use: small enough for a test to fake. */
export type PropertyStore = Pick<
  GoogleAppsScript.Properties.Properties,
  'getProperty' | 'setProperty' | 'getProperties' | 'setProperties' | 'deleteProperty'
>;

/** The part of a cache the adapters use (the column memo, the sync's progress). */
export type CacheStore = Pick<GoogleAppsScript.Cache.Cache, 'get' | 'put'>;

/** The part of a lock the adapters use. */
export type DocumentLock = Pick<GoogleAppsScript.Lock.Lock, 'tryLock' | 'releaseLock' | 'hasLock'>;

/** The part of ScriptApp the adapters use: the sync's triggers and the self-test's probes. */
export type TriggerService = Pick<
  GoogleAppsScript.Script.ScriptApp,
  'getProjectTriggers' | 'getUserTriggers' | 'deleteTrigger' | 'newTrigger'
>;

/** The part of MailApp the digest uses. */
export type MailService = Pick<
  GoogleAppsScript.Mail.MailApp,
  'sendEmail' | 'getRemainingDailyQuota'
>;

/** Builders and enums of SpreadsheetApp that formatting needs (they are not reached from a sheet). */
export interface SheetBuilders {
  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
  /** SpreadsheetApp.ProtectionType.RANGE. */
  rangeProtection(): GoogleAppsScript.Spreadsheet.ProtectionType;
  /** SpreadsheetApp.ProtectionType.SHEET, to find a whole tab's protection (the year's archive). */
  sheetProtection(): GoogleAppsScript.Spreadsheet.ProtectionType;
  /** Charts.ChartType.COLUMN, for the asset map's chart. */
  columnChart(): GoogleAppsScript.Charts.ChartType;
}

/**
 * Everything the add-on uses of Google, read from the globals only when asked (never at load:
 * a simple trigger in AuthMode.NONE may not touch most services).
 */
export interface GoogleServices {
  spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet;
  ui(): GoogleAppsScript.Base.Ui;
  userEmail(): string;
  /**
   * Whose authority this execution runs with (Session.getEffectiveUser): the user at the keyboard
   * for menus and sidebars, the trigger's creator for a trigger (V). Never blank, unlike userEmail.
   */
  effectiveUserEmail(): string;
  /** The running user's own properties (per user, across every document using the add-on). */
  userProperties(): PropertyStore;
  scriptTimeZone(): string;
  /** The document's own properties (per spreadsheet: an add-on is installed in many). */
  documentProperties(): PropertyStore;
  scriptProperties(): PropertyStore;
  /** Null outside a container document (V). */
  documentLock(): DocumentLock | null;
  /** Null outside a container document (V). */
  documentCache(): CacheStore | null;
  triggers(): TriggerService;
  /** True when the event's authMode is FULL (ScriptApp.AuthMode.FULL). */
  isFullAuth(authMode: GoogleAppsScript.Script.AuthMode | undefined): boolean;
  calendarApp(): GoogleAppsScript.Calendar.CalendarApp;
  /** The advanced Calendar service, or null when the manifest does not enable it (V). */
  advancedCalendar(): GoogleAppsScript.Calendar | null;
  /** Utilities.formatDate: Java SimpleDateFormat patterns, IANA zones. */
  formatDate(date: Date, timeZone: string, format: string): string;
  uuid(): string;
  /** Utilities.sleep: a pause inside the execution (counts toward its 6 minutes). */
  sleep(ms: number): void;
  htmlFromFile(file: string): GoogleAppsScript.HTML.HtmlOutput;
  sheetBuilders(): SheetBuilders;
  /** MailApp: the partner digest's mail, sent from the running account. */
  mail(): MailService;
}

/** The real services; index.ts creates one and hands it to every action. */
export function appsScriptServices(): GoogleServices {
  return {
    spreadsheet: () => SpreadsheetApp.getActiveSpreadsheet(),
    ui: () => SpreadsheetApp.getUi(),
    userEmail: () => Session.getActiveUser().getEmail(),
    effectiveUserEmail: () => Session.getEffectiveUser().getEmail(),
    userProperties: () => PropertiesService.getUserProperties(),
    scriptTimeZone: () => Session.getScriptTimeZone(),
    documentProperties: () => PropertiesService.getDocumentProperties(),
    scriptProperties: () => PropertiesService.getScriptProperties(),
    documentLock: () => LockService.getDocumentLock(),
    documentCache: () =>
      typeof CacheService === 'undefined' ? null : CacheService.getDocumentCache(),
    triggers: () => ScriptApp,
    isFullAuth: (authMode) => authMode === ScriptApp.AuthMode.FULL,
    calendarApp: () => CalendarApp,
    advancedCalendar: () => (typeof Calendar === 'undefined' || !Calendar ? null : Calendar),
    formatDate: (date, timeZone, format) => Utilities.formatDate(date, timeZone, format),
    uuid: () => Utilities.getUuid(),
    sleep: (ms) => Utilities.sleep(ms),
    htmlFromFile: (file) => HtmlService.createHtmlOutputFromFile(file),
    sheetBuilders: () => ({
      newDataValidation: () => SpreadsheetApp.newDataValidation(),
      newConditionalFormatRule: () => SpreadsheetApp.newConditionalFormatRule(),
      rangeProtection: () => SpreadsheetApp.ProtectionType.RANGE,
      sheetProtection: () => SpreadsheetApp.ProtectionType.SHEET,
      columnChart: () => Charts.ChartType.COLUMN,
    }),
    mail: () => MailApp,
  };
}
