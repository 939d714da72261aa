// Wire types of the set-up sidebar: setUpPlan's options and summary, addPartner, the form's defaults.
import type { PartnerRole, PartnerType } from '../domain/schema/tabs';
import type { CalendarMode } from './settings';

/** One partner as typed in the set-up sidebar (type and role are the Partners tab's dropdown values). */
export interface PartnerInput {
  organisation: string;
  type?: PartnerType | '' | null;
  contact?: string | null;
  email?: string | null;
  role?: PartnerRole | '' | null;
  /** Add the contact as a guest of the calendar's events. */
  invite?: boolean | null;
}

export interface SetupOptions {
  name: string;
  purpose?: string | null;
  coordinator?: string | null;
  /** Defaults to the email of the person running set-up. */
  coordinatorEmail?: string | null;
  /** IANA zone; defaults to the spreadsheet's. */
  timeZone?: string | null;
  /** Partners to add to the Partners tab (ones already there are kept as they are). */
  partners?: PartnerInput[] | null;
  /** Keys of the tabs to create (see SetupForm.tabs); default all. Existing plan tabs are always repaired. */
  tabs?: string[] | null;
  /** Which calendar the sync will use; the calendar itself is created by the calendar sync. */
  calendar?: { mode: CalendarMode; calendarId?: string | null } | null;
  /** The coordinator agreed to give the spreadsheet the partnership's name. */
  renameSpreadsheet?: boolean | null;
}

/** One tab in the summary, with its sheet id so the sidebar can open it. */
export interface SetupTabReport {
  key: string;
  name: string;
  sheetId: number;
  /** Plain-words facts: "Added 3 partners.", "Column “Org” is used as Organisation (renamed; kept)." */
  details: string[];
}

export interface SetupRepair {
  tab: string;
  column: string;
  action: 'restored' | 'headerRestored' | 'idAssigned' | 'idReassigned';
  message: string;
}

export interface SetupSummary {
  created: SetupTabReport[];
  /** Existing tabs that set-up changed (columns added, IDs given, rows added). */
  updated: SetupTabReport[];
  /** Existing tabs left as they were (formats and dropdowns refreshed). */
  kept: SetupTabReport[];
  /** Damage someone did that set-up repaired: always listed, never silent. */
  repaired: SetupRepair[];
  warnings: string[];
  partnersAdded: string[];
  schemaVersion: number;
  /** The schema version the sheet was migrated from, or null when no migration ran. */
  migratedFrom: number | null;
  /** The spreadsheet's new name when set-up renamed it, else null. */
  renamedTo?: string | null;
  /** True when set-up deleted the empty, unused Sheet1 a new spreadsheet starts with. */
  removedEmptySheet1?: boolean;
  /** Rows the repair could not read (the sync's words), e.g. "next Tuesday" in a date. */
  rowsToFix?: RowToFix[];
}

/** One row Check and repair found it cannot read, with what to fix. */
export interface RowToFix {
  tab: string;
  row: number;
  /** The row's ID, '' before it has one. */
  id: string;
  message: string;
}

/** What the set-up sidebar shows before the coordinator changes anything. */
export interface SetupForm {
  /** The stored partnership name, else the spreadsheet's own unless Sheets gave it ("Untitled spreadsheet"). */
  name: string;
  /** The spreadsheet's name now, for the "rename it" choice. */
  spreadsheetName: string;
  /** True when Sheets named it ("Untitled spreadsheet"): the rename box starts ticked. */
  spreadsheetNameIsDefault: boolean;
  purpose: string;
  coordinator: string;
  coordinatorEmail: string;
  timeZone: string;
  spreadsheetTimeZone: string;
  calendar: { mode: CalendarMode; calendarId: string | null };
  tabs: Array<{ key: string; name: string; purpose: string; exists: boolean; required: boolean }>;
  /** Organisations already on the Partners tab. */
  partners: string[];
  partnerTypes: PartnerType[];
  partnerRoles: PartnerRole[];
  /** True once set-up has run in this spreadsheet. */
  setUp: boolean;
}

export interface AddPartnerResult {
  id: string;
  organisation: string;
  sheetName: string;
  row: number;
}
