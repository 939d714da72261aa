// getSetupForm: what the set-up sidebar shows first (stored settings or sensible defaults, tabs, partners).
import type { GoogleServices } from '../adapters/google';
import { loadSettings } from '../adapters/settings';
import { showRow } from '../adapters/sheets/cells';
import { isDefaultSpreadsheetName } from '../adapters/sheets/defaultSheet';
import { findPlanSheets } from '../adapters/sheets/observeTab';
import { readTab } from '../adapters/sheets/readTab';
import { PARTNER_ROLES, PARTNER_TYPES, PARTNERS_TAB, USER_TABS } from '../domain/schema/tabs';
import { leadName, mustAskLead } from '../domain/workbook/lead';
import { REQUIRED_TABS } from '../domain/workbook/options';
import { nextFreeRow } from '../domain/workbook/rows';
import { UserError } from '../shared/errors';
import type { CalendarSharing, SetupForm } from '../shared/setupWire';
import { autoSyncNow } from './setupCalendarReport';

/**
 * A first set-up's answer to "who gets the events": the partners ticked "Calendar invite" are
 * guests and get an invitation, and the group calendar is shared with them; nothing is sent
 * before the coordinator's first Sync now (set-up's summary says so).
 */
export const FIRST_SHARING: CalendarSharing = {
  shareWithPartners: true,
  invitePartners: true,
  sendInvites: true,
};

const sharingOf = (c: CalendarSharing): CalendarSharing => ({
  shareWithPartners: c.shareWithPartners,
  invitePartners: c.invitePartners,
  sendInvites: c.sendInvites,
});

export function setupForm(services: GoogleServices): SetupForm {
  const spreadsheet = services.spreadsheet();
  const settings = loadSettings(services.documentProperties());
  const found = findPlanSheets(spreadsheet, USER_TABS);
  const partners = found.has(PARTNERS_TAB.key)
    ? readTab(spreadsheet, PARTNERS_TAB, services.documentCache())
    : null;
  const sheetZone = spreadsheet.getSpreadsheetTimeZone();
  const spreadsheetName = spreadsheet.getName();
  return {
    name: settings?.name ?? (isDefaultSpreadsheetName(spreadsheetName) ? '' : spreadsheetName),
    spreadsheetName,
    spreadsheetNameIsDefault: isDefaultSpreadsheetName(spreadsheetName),
    purpose: settings?.purpose ?? '',
    coordinator: settings?.coordinator ?? '',
    coordinatorEmail: settings?.coordinatorEmail ?? services.userEmail(),
    timeZone: settings?.timeZone ?? sheetZone,
    spreadsheetTimeZone: sheetZone,
    calendar: {
      mode: settings?.calendar.mode ?? 'none',
      calendarId: settings?.calendar.calendarId ?? null,
      ...(settings ? sharingOf(settings.calendar) : FIRST_SHARING),
      autoSync: autoSyncNow(services, settings),
    },
    tabs: USER_TABS.map((tab) => ({
      key: tab.key,
      name: found.get(tab.key)?.sheet.getName() ?? tab.name,
      purpose: tab.purpose,
      exists: found.has(tab.key),
      required: (REQUIRED_TABS as readonly string[]).includes(tab.key),
    })),
    partners: (partners?.records ?? [])
      .map((r) => String(r.cells.organisation ?? '').trim())
      .filter(Boolean),
    partnerTypes: [...PARTNER_TYPES],
    partnerRoles: [...PARTNER_ROLES],
    setUp: settings !== null,
    // The row's name now (a renamed lead stays the lead); '' while the coordinator has not said.
    leadOrganisation: leadName(settings?.leadOrganisation, partners?.records ?? []),
    askLeadOrganisation: mustAskLead(settings),
  };
}

/**
 * Opens a plan tab (by key or name), and selects one of its rows when given (the sidebars' links to the tabs and
 * rows their summaries name). A row beyond the tab's end opens the tab only.
 */
export function activatePlanTab(
  services: GoogleServices,
  key: string,
  row?: number | null,
): string {
  // By key, or by the schema's tab name that summaries print ("Outcomes row 2").
  const tab = USER_TABS.find((t) => t.key === key || t.name === key);
  const found = tab ? findPlanSheets(services.spreadsheet(), [tab]).get(tab.key) : undefined;
  if (!tab || !found) throw new UserError('That tab is not in this spreadsheet (yet).');
  if (!row) return showRow(found.sheet, null, 0);
  // Past the last row anyone typed in (an unticked box is empty): the tab, not an empty row.
  const read = readTab(services.spreadsheet(), tab, services.documentCache());
  const last = read ? nextFreeRow(read.raw.rows, read.raw.headerRow, new Set(), read.empty) - 1 : 0;
  return showRow(found.sheet, row, last);
}
