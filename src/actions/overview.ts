// getPlanOverview: what a sidebar needs to know about the open spreadsheet before anything else.
import type { GoogleServices } from '../adapters/google';
import { findPlanSheets } from '../adapters/sheets/observeTab';
import { readSchemaVersion } from '../adapters/sheets/schemaVersion';
import { USER_TABS } from '../domain/schema/tabs';
import type { PlanOverview } from '../shared/wire';

export function planOverview(services: GoogleServices): PlanOverview {
  const spreadsheet = services.spreadsheet();
  // Plan tabs by identity, so a renamed tab still counts (and shows under its new name).
  const found = findPlanSheets(spreadsheet, USER_TABS);
  return {
    spreadsheetName: spreadsheet.getName(),
    spreadsheetUrl: spreadsheet.getUrl(),
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
    userEmail: services.userEmail(),
    existingTabs: USER_TABS.flatMap((tab) => {
      const sheet = found.get(tab.key)?.sheet;
      return sheet ? [sheet.getName()] : [];
    }),
    schemaVersion: readSchemaVersion(spreadsheet),
  };
}
