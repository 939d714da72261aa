// User-facing strings in one place, so wording stays consistent across menu, sidebars and reports.
import { word } from './plural';

export const ADDON_NAME = 'Shared Work Plan';

export const MENU = {
  setUp: 'Set up the work plan…',
  repair: 'Check and repair the plan',
  assessments: 'Assets and needs…',
  buildAssetMap: 'Build the asset map',
  calendarSync: 'Calendar sync…',
  syncNow: 'Sync the calendar now',
  logicModel: 'Logic model…',
  buildLogicModel: 'Build the logic model',
  goals: 'Goals, outcomes and progress…',
  dashboard: 'Update the dashboard',
  briefs: 'Write the partner briefs',
  newYear: 'Start the next year…',
} as const;

export const SIDEBAR_TITLES = {
  setup: 'Set up the work plan',
  assessment: 'Assets and needs',
  logicModel: 'Logic model',
  calendar: 'Calendar sync',
  goals: 'Goals and progress',
} as const;

/** In the description of every calendar the add-on creates: how it knows its own older ones. */
export const CALENDAR_MARK = 'kept in step by the Shared Work Plan add-on';

/** Everything the calendar sync says to the coordinator. */
export const CALENDAR_TEXT = {
  noService:
    'The Google Calendar service is not enabled for this add-on. Ask the person who installed it to enable the Calendar advanced service (v3).',
  noCalendarChosen:
    'Choose or create the partnership’s calendar first: Extensions › Shared Work Plan › Calendar sync…',
  calendarMissing:
    'The chosen calendar no longer exists or is no longer shared with you. Open Calendar sync… and choose or create another calendar.',
  chooseFromList: 'Choose one of your calendars in the list.',
  readOnly: (name: string) =>
    `You can see the calendar “${name}” but not change its events. Ask its owner to share it with you with “Make changes to events”, or choose or create another calendar in Calendar sync…`,
  primaryNotShared:
    'The add-on never shares your main (primary) calendar. To share the activities with partners, choose “A new group calendar”, which the add-on creates for the plan and may share.',
  notCreatedNotShared:
    'The add-on shares only a calendar it created for the plan, not one of your own calendars. To share the activities with partners, choose “A new group calendar”, or share your calendar yourself in Google Calendar.',
  cannotShare: (why: string) =>
    `The calendar could not be shared with the partners (only its owner can share it): ${why}`,
  notSharedYet: (emails: readonly string[]) =>
    `Google did not let the calendar be shared yet with ${emails.join(', ')} (this happens for a while after a calendar is created). The next sync tries again.`,
  calendarDescription: (plan: string) =>
    `Activities of the shared work plan “${plan}”, ${CALENDAR_MARK}. Change them in the plan’s Calendar tab.`,
  noCalendarTab:
    'This spreadsheet has no Calendar tab yet. Run Extensions › Shared Work Plan › Set up the work plan… first.',
  calendarTabMissing:
    'The Calendar tab is missing (deleted?), so nothing was synced. Run Extensions › Shared Work Plan › Check and repair the plan to make it again (File › Version history can bring back its rows). The plan’s events stay in Google Calendar: no sync removes them until you confirm.',
  missingColumns: (headers: readonly string[]) =>
    `The Calendar tab has no ${headers.join(', ')} ${word(headers.length, 'column')}, which the sync needs. Run Extensions › Shared Work Plan › Check and repair the plan to restore ${word(headers.length, 'it', 'them')}.`,
  busy: 'Another calendar sync is running in this spreadsheet right now (started by you or a partner). Wait a minute and try again.',
  timeLimit: 'the 6-minute time limit was near',
  continues: {
    trigger: 'It continues by itself in about a minute.',
    triggerInAnHour: 'It tries again by itself in an hour.',
    hourly: 'The hourly sync finishes it.',
    manual: 'Run the sync again to finish.',
  },
  noSuchActivity: (id: string) => `No row of the Calendar tab has the activity ID ${id} any more.`,
  noSuchConflict: (id: string) =>
    `Activity ${id} has no change in Google Calendar waiting for a choice (maybe it was resolved already).`,
} as const;

export const SETUP_MESSAGES = {
  busy: 'Someone else is setting up or repairing this plan right now. Try again in a minute.',
  notSetUp:
    'This spreadsheet has no work plan yet. Open Extensions › Shared Work Plan › Set up the work plan… first.',
  settingsTooBig: (bytes: number, limit: number) =>
    `The plan’s name, purpose and coordinator are too long to store together: ${bytes.toLocaleString('en-US')} bytes, and Google keeps at most ${limit.toLocaleString('en-US')} in one setting. Shorten the purpose (or the name) and try again; nothing was changed.`,
  newerSchema: (version: number) =>
    `This plan was set up by a newer version of Shared Work Plan (schema ${version}). Update the add-on before setting it up again; nothing was changed.`,
  zoneChanged: (from: string, to: string) =>
    `The spreadsheet’s time zone is now ${to} (it was ${from}), so dates and times in the sheet are read in the plan’s zone.`,
  dependencyAdded: (tab: string) =>
    `The ${tab} tab was included too: other tabs’ dropdowns read from it.`,
  /** `seeded`: what a new tab of this kind starts with ("the 12 default categories"), or null. */
  tabRecreated: (tab: string, seeded: string | null) =>
    `The ${tab} tab was missing (deleted?), so it was created again, ${seeded ? `with ${seeded} only: your own rows are not in it` : 'empty'}. File › Version history can bring back its old content.`,
  partnersKept: (names: readonly string[]) =>
    `Already on the Partners tab, kept as they were: ${names.join(', ')}.`,
  partnersTabMissing:
    'There is no Partners tab yet. Run Extensions › Shared Work Plan › Set up the work plan… first.',
  partnerExists: (name: string, row: number) =>
    `${name} is already on the Partners tab (row ${row}).`,
  partnerColumnMissing:
    'The Partners tab has no Organisation column. Run Extensions › Shared Work Plan › Check and repair the plan first.',
  repairTitle: 'Check and repair the plan',
} as const;

/** Assessments and the asset map. */
export const ASSETS_TEXT = {
  missingTab: (tab: string) =>
    `There is no ${tab} tab yet. Run Extensions › ${ADDON_NAME} › ${MENU.setUp.replace('…', '')} first.`,
  missingColumns: (tab: string, headers: string[]) =>
    `The ${tab} tab has no ${headers.join(', ')} column, so nothing was added. Run set-up to repair the tab.`,
  noPartners: 'The Partners tab has no partners yet: add the organisations there first.',
  findingAdded: (id: string, tab: string, row: number) =>
    `Added ${id ? `${id} ` : ''}to the ${tab} tab, row ${row}. Build the asset map to see its matches.`,
  findingGone: (ref: string) =>
    `${ref || 'That finding'} is no longer a usable finding in the Assessments tab. Build the asset map again to see the current gaps.`,
  notANeed: (ref: string) =>
    `${ref} is an asset, not a need: only needs get a capacity-building activity.`,
  activityAdded: (ref: string, id: string, tab: string, row: number) =>
    `Added ${id || 'a draft activity'} for need ${ref} to the ${tab} tab, row ${row}, as a Draft: pick a date and set it to Planned to sync it.`,
  activityExists: (ref: string, id: string, tab: string, row: number) =>
    `Need ${ref} already has ${id || 'an activity'} on the ${tab} tab, row ${row}: nothing was added.`,
  mapTitle: 'Asset map',
} as const;

/** A hand-made tab that bears a plan tab's name: left alone, and said so. */
export const TAB_TEXT = {
  ownTabLeftAlone: (own: string, made: string) =>
    `A tab called “${own}” that the add-on did not make was left as it is; this one is on “${made}”.`,
} as const;
