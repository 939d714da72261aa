// Wire types of the set-up sidebar: setUpPlan's options and summary, addPartner, the form's defaults.
import type { PartnerRole, PartnerType } from '../domain/schema/tabs';
import type { CalendarMode, CalendarSettings } from './settings';

/** Who gets the plan's events: asked at set-up, changed later in Calendar sync (one setting). */
export type CalendarSharing = Pick<
  CalendarSettings,
  'shareWithPartners' | 'invitePartners' | 'sendInvites'
>;

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
  /**
   * Which calendar the sync will use (the calendar itself is created by the calendar sync), and
   * who gets its events: the same settings the calendar sidebar changes. A flag left out keeps
   * what is stored (a repair sends none).
   */
  calendar?:
    | ({
        mode: CalendarMode;
        calendarId?: string | null;
        /** Whether the sync runs by itself (after edits, every hour); left out keeps what runs now. */
        autoSync?: { afterEdits: boolean; hourly: boolean } | null;
      } & Partial<CalendarSharing>)
    | null;
  /** The coordinator agreed to give the spreadsheet the partnership's name. */
  renameSpreadsheet?: boolean | null;
  /**
   * The lead organisation's name: a partner already on the Partners tab or a new one (added as a
   * row). Blank keeps the answer given before; on a new plan, blank means the partnership's name.
   */
  leadOrganisation?: string | null;
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
  /** The calendar settings set-up left, in the summary's words (what happens, and what waits). */
  calendar?: SetupCalendarReport;
  /** The lead organisation after set-up, or null while the coordinator has not said which. */
  leadOrganisation?: { name: string; partnerId: string; row: number | null; added: boolean } | null;
  /** Rows the repair could not read (the sync's words), e.g. "next Tuesday" in a date. */
  rowsToFix?: RowToFix[];
}

/** What the calendar will do after set-up, and what waits for the coordinator. */
export interface SetupCalendarReport extends CalendarSharing {
  mode: CalendarMode;
  /** The calendar's name once it exists (or the name a new one will get), else null. */
  calendarName: string | null;
  /** True once the calendar exists (a first sync created it, or an existing one was chosen). */
  exists: boolean;
  /** Partners ticked "Calendar invite" with an email address: the guests of every event. */
  guests: string[];
  /** Partners ticked "Calendar invite" with no email address: they cannot be invited yet. */
  guestsWithoutEmail: string[];
  /** True once a sync has run. */
  synced: boolean;
  autoSync: { afterEdits: boolean; hourly: boolean };
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
  calendar: {
    mode: CalendarMode;
    calendarId: string | null;
    /** The automatic syncs running now (the owner's), asked again at set-up. */
    autoSync: { afterEdits: boolean; hourly: boolean };
  } & CalendarSharing;
  tabs: Array<{ key: string; name: string; purpose: string; exists: boolean; required: boolean }>;
  /** Organisations already on the Partners tab. */
  partners: string[];
  partnerTypes: PartnerType[];
  partnerRoles: PartnerRole[];
  /** True once set-up has run in this spreadsheet. */
  setUp: boolean;
  /** The lead organisation's name as answered, '' when not answered yet. */
  leadOrganisation: string;
  /**
   * True for a plan set up before the add-on knew the lead organisation, until the coordinator
   * answers: the sidebar asks "Which organisation leads this partnership?" and nothing is assumed.
   */
  askLeadOrganisation: boolean;
}

export interface AddPartnerResult {
  id: string;
  organisation: string;
  sheetName: string;
  row: number;
}
