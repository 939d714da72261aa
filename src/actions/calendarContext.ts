// What every calendar action reads first: settings, zones, the Calendar tab and the partners.

import {
  type CalendarInfo,
  checkTargetCalendar,
  createGroupCalendar,
} from '../adapters/calendar/target';
import type { GoogleServices } from '../adapters/google';
import { loadSettings, saveSettings } from '../adapters/settings';
import { keptColumnMemo } from '../adapters/sheets/columnIdentity';
import { readPartnerContacts } from '../adapters/sheets/partners';
import { rewriteProfileCalendar } from '../adapters/sheets/profileBlock';
import { type ReadTab, readTab } from '../adapters/sheets/readTab';
import { cachedZoneTables, utilitiesZoneOracle } from '../adapters/zoneOracle';
import type { ActivityContext } from '../domain/calendarSync/activity';
import { CALENDAR_TAB } from '../domain/schema/tabs';
import { yearTableOracle } from '../domain/time/yearTableOracle';
import type { ZoneOracle } from '../domain/time/zones';
import { UserError } from '../shared/errors';
import { CALENDAR_TEXT } from '../shared/messages';
import { DEFAULT_CALENDAR_SETTINGS, type PlanSettings } from '../shared/settings';
import { requireSettingsOwner } from './authority';

/** The add-on-owned columns of the Calendar tab the sync writes. */
export const ADDON_KEYS = [
  'id',
  'eventId',
  'lastSynced',
  'syncStatus',
  'attendance',
  'exceptions',
  'syncFingerprint',
] as const;
const REQUIRED_KEYS = ['id', 'eventId', 'syncStatus'];

export interface PlanBasics {
  services: GoogleServices;
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  settings: PlanSettings;
  /** Identifies this plan's events in a shared calendar: the spreadsheet's id. */
  planKey: string;
  oracle: ZoneOracle;
  sheetZone: string;
}

/** Settings as saved by set-up, or what a sheet never set up implies (its name and zone). */
export function planBasics(services: GoogleServices): PlanBasics {
  const spreadsheet = services.spreadsheet();
  const sheetZone = spreadsheet.getSpreadsheetTimeZone();
  const saved = loadSettings(services.documentProperties());
  const settings: PlanSettings = saved ?? {
    name: spreadsheet.getName(),
    purpose: '',
    coordinator: '',
    coordinatorEmail: '',
    timeZone: sheetZone,
    calendar: { ...DEFAULT_CALENDAR_SETTINGS },
    schemaVersion: 0,
  };
  return {
    services,
    spreadsheet,
    settings,
    planKey: spreadsheet.getId(),
    // Each Utilities.formatDate is a service call: ~60 per zone and year instead of several per row,
    // and those once per six hours, not every sync (the tables are kept in the document cache).
    oracle: yearTableOracle(
      utilitiesZoneOracle(services.formatDate),
      cachedZoneTables(services.documentCache()),
    ),
    sheetZone,
  };
}

export interface CalendarTabContext extends PlanBasics {
  tab: ReadTab;
  activity: ActivityContext;
}

/**
 * The Calendar tab (one read), the partners (one read) and the context to parse rows with. A sync
 * writes the document anyway (its last run, the Sync Log), so it keeps the tabs' column memos in
 * the document too (`document`): a sync more than six hours after the last, when Google's cache has
 * dropped them, then reads them instead of sweeping both tabs' columns (~120 calls). A read that
 * may write nothing (a preview, the .ics export, Check and repair's list) keeps them in the cache.
 */
export function calendarTabContext(
  basics: PlanBasics,
  memo: 'cache' | 'document' = 'cache',
): CalendarTabContext {
  const documentCache = basics.services.documentCache();
  const cache =
    memo === 'document'
      ? keptColumnMemo(documentCache, basics.services.documentProperties())
      : documentCache;
  const tab = readTab(basics.spreadsheet, CALENDAR_TAB, cache);
  // A plan set up before (settings saved) had the tab: someone deleted it.
  if (!tab)
    throw new UserError(
      basics.settings.schemaVersion > 0
        ? CALENDAR_TEXT.calendarTabMissing
        : CALENDAR_TEXT.noCalendarTab,
    );
  const missing = REQUIRED_KEYS.filter((k) => tab.location.index[k] < 0);
  if (missing.length)
    throw new UserError(
      CALENDAR_TEXT.missingColumns(
        missing.map((k) => `“${CALENDAR_TAB.columns.find((c) => c.key === k)?.header}”`),
      ),
    );
  const { settings } = basics;
  const activity: ActivityContext = {
    sheetZone: basics.sheetZone,
    planZone: settings.timeZone || basics.sheetZone,
    oracle: basics.oracle,
    partners: readPartnerContacts(basics.spreadsheet, cache),
    invitePartners: settings.calendar.invitePartners,
    planName: settings.name,
    sheetUrl: `${basics.spreadsheet.getUrl()}#gid=${tab.sheet.getSheetId()}`,
    // Dates typed as text follow the sheet's locale; a date without a year is the next from today.
    locale: basics.spreadsheet.getSpreadsheetLocale(),
    today: basics.oracle(Date.now(), basics.sheetZone),
  };
  return { ...basics, tab, activity };
}

/** The target calendar, checked for write access before anything is written. */
export function targetCalendar(basics: PlanBasics): CalendarInfo {
  const id = basics.settings.calendar.calendarId;
  if (basics.settings.calendar.mode === 'none' || !id)
    throw new UserError(CALENDAR_TEXT.noCalendarChosen);
  return checkTargetCalendar(basics.services, id);
}

/**
 * Set-up's "a new group calendar" is only a choice until the first sync: true while that calendar
 * has not been created yet, so a preview plans against an empty calendar and a sync creates it.
 */
export function calendarStillToCreate(basics: PlanBasics): boolean {
  return basics.settings.calendar.mode === 'new' && !basics.settings.calendar.calendarId;
}

/** What a preview plans against before the new calendar exists: nothing to list yet. */
export function calendarToCreate(basics: PlanBasics): CalendarInfo {
  return {
    id: '',
    name: basics.settings.name,
    timeZone: basics.settings.timeZone || basics.sheetZone,
    accessRole: 'owner',
  };
}

/**
 * Creates the partnership's calendar chosen at set-up (once: the id is saved before any event is
 * written, and the caller holds the document lock, so two first syncs cannot make two calendars).
 */
export function createChosenCalendar(basics: PlanBasics): PlanBasics {
  // The calendar is made in the account of whoever runs this: only the settings' owner may.
  requireSettingsOwner(basics.services, basics.settings);
  const created = createGroupCalendar(
    basics.services,
    basics.settings.name,
    basics.settings.timeZone || basics.sheetZone,
  );
  const settings: PlanSettings = {
    ...basics.settings,
    calendar: { ...basics.settings.calendar, calendarId: created.id },
  };
  saveSettings(basics.services.documentProperties(), settings);
  // The profile said "A new group calendar": it names the calendar now that it exists.
  rewriteProfileCalendar(basics.spreadsheet, settings);
  return { ...basics, settings };
}
