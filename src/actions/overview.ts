// getPlanOverview: what a sidebar needs to know about the open spreadsheet before anything else.
import type { GoogleServices } from '../adapters/google';
import type { PlanOverview } from '../shared/wire';

/** Names of the tabs a full plan has; the workbook schema extends this as tabs are added. */
export const PLAN_TAB_NAMES = ['Partnership', 'Partners', 'Goals', 'Assessments', 'Calendar'];

export const SCHEMA_VERSION_KEY = 'sharedWorkPlan.schemaVersion';

export function planOverview(services: GoogleServices): PlanOverview {
  const spreadsheet = services.spreadsheet();
  const tabs = new Set(spreadsheet.getSheets().map((sheet) => sheet.getName()));
  const versionMeta = spreadsheet
    .createDeveloperMetadataFinder()
    .withKey(SCHEMA_VERSION_KEY)
    .find();
  const version = versionMeta.length > 0 ? Number(versionMeta[0].getValue()) : null;
  return {
    spreadsheetName: spreadsheet.getName(),
    spreadsheetUrl: spreadsheet.getUrl(),
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
    userEmail: services.userEmail(),
    existingTabs: PLAN_TAB_NAMES.filter((name) => tabs.has(name)),
    schemaVersion: Number.isFinite(version) ? version : null,
  };
}
