// The plan's tabs and their columns: the one definition every generator, reader and sync shares.

import { CATEGORY_KINDS, DEFAULT_CATEGORIES } from './categories';
import { type ColumnDef, defineTab, PRIORITIES, type TabDef } from './columns';

/** Bumped whenever a tab or column is added or changed; set-up migrates older sheets (see workbook). */
export const SCHEMA_VERSION = 4;

export const PARTNER_TYPES = [
  'School',
  'School district',
  'Community organisation',
  'Nonprofit',
  'Business',
  'Government agency',
  'Higher education',
  'Faith-based organisation',
  'Health provider',
  'Funder',
  'Parent or family group',
  'Youth group',
  'Other',
] as const;

/** The role set-up gives the lead organisation's row (which one it is, is the coordinator's setting). */
export const LEAD_ORGANISATION_ROLE = 'Lead organisation';

export const PARTNER_ROLES = [
  LEAD_ORGANISATION_ROLE,
  'Lead',
  'Core partner',
  'Supporting partner',
  'Funder',
  'Advisor',
  'Other',
] as const;

export const MOU_STATUSES = [
  'Not started',
  'Drafting',
  'Under review',
  'Signed',
  'Expired',
] as const;

export const STEP_STATUSES = ['Not started', 'In progress', 'Done', 'Not needed'] as const;

/** The eight steps to a partnership (docs/partnership-practice.md, "Eight steps to a partnership"). */
export const PARTNERSHIP_STEPS = [
  'Preliminary work',
  'Getting to know each other',
  'Find common ground',
  'Define scope and team',
  'Executive plan',
  'Communicate',
  'Evaluate',
  'Improve and develop',
] as const;

export const GOAL_STATUSES = [
  'Not started',
  'On track',
  'At risk',
  'Off track',
  'Achieved',
] as const;

export const OUTCOME_TERMS = ['Short term', 'Medium term', 'Long term'] as const;

export const FINDING_SOURCES = ['Organisational', 'Community'] as const;
export const FINDING_KINDS = ['Asset', 'Need'] as const;
export const DATA_SOURCES = [
  'Self-assessment',
  'Survey',
  'Focus group',
  'Interview',
  'Public data',
  'Observation',
  'Other',
] as const;

export const ACTIVITY_TYPES = [
  'Capacity building',
  'Meeting',
  'Training',
  'Event',
  'Workshop',
  'Outreach',
  'Deadline',
  'Other',
] as const;

export const ACTIVITY_STATUSES = ['Draft', 'Planned', 'Confirmed', 'Done', 'Cancelled'] as const;

/**
 * The statuses a sync publishes, for a click and a trigger alike (docs/calendar-sync.md, "What a
 * sync publishes"). Written once here: the Status column's note and the sync read the same list.
 */
export const PUBLISHED_STATUSES = ['Planned', 'Confirmed', 'Done'] as const;

/** "Planned, Confirmed or Done". */
const publishedWords = `${PUBLISHED_STATUSES.slice(0, -1).join(', ')} or ${PUBLISHED_STATUSES[PUBLISHED_STATUSES.length - 1]}`;

/** The publish rule in the Status column's note: the words partners read are the rule the sync applies. */
export const STATUS_NOTE = `A sync (Sync now or automatic) sends a row to the calendar once its Title and Start date are filled and its Status is ${publishedWords}. Rows with no Status wait until the coordinator sends them as Planned (Calendar sync › Sync now asks, with their number). Draft rows are not sent; setting Draft or Cancelled removes the row’s event. An event already in the calendar whose Status is emptied or not in the list stays as last synced.`;

/** Suggestions for the Recurrence column; any text the recurrence parser understands is accepted. */
export const RECURRENCE_SUGGESTIONS = [
  'Weekly',
  'Every 2 weeks',
  'Monthly',
  'Weekly, 10 times',
  'Biweekly for 10 weeks',
  'Daily for 2 weeks',
  'Weekly for 3 months',
  'Weekly until 2027-06-30',
] as const;

/**
 * The Recurrence note, made from the examples above (one source, test/unit/recurrenceNote.test.ts
 * reads every phrase back). No list rule goes with it: Sheets flags every value a list lacks, and
 * this column takes any phrase the parser reads ("Weekly for 8 weeks"); the sync says in the row
 * when it cannot read one.
 */
export const RECURRENCE_NOTE = `e.g. ${RECURRENCE_SUGGESTIONS.join(' · ')}.`;

/** Keyed 'id' as a literal, so a tab defined `as const` knows its ID column by name. */
const id = (prefix: string, what: string): ColumnDef & { readonly key: 'id' } => ({
  key: 'id',
  header: `${prefix} ID`,
  note: `A stable ID the add-on gives each ${what}. Do not type or change it: links use it.`,
  kind: 'id',
  owner: 'addon',
  width: 70,
});

const notes: ColumnDef & { readonly key: 'notes' } = {
  key: 'notes',
  header: 'Notes',
  note: 'Anything else worth knowing.',
  kind: 'longText',
  width: 220,
};

export const PARTNERSHIP_TAB = defineTab({
  key: 'partnership',
  name: 'Partnership',
  purpose: 'The partnership steps checklist: where the partnership stands and who moves each step.',
  owner: 'user',
  idPrefix: 'S',
  tabColor: '#1a73e8',
  columns: [
    id('Step', 'step'),
    {
      key: 'step',
      header: 'Step',
      note: 'One of the eight steps to a partnership (you can add your own).',
      kind: 'text',
      required: true,
      width: 200,
    },
    {
      key: 'status',
      header: 'Status',
      note: 'Where this step stands.',
      kind: 'enum',
      options: STEP_STATUSES,
      width: 110,
    },
    {
      key: 'owner',
      header: 'Owner',
      note: 'The partner who moves this step forward.',
      kind: 'partner',
      width: 170,
    },
    {
      key: 'dueDate',
      header: 'Due date',
      note: 'When this step should be done (a date).',
      kind: 'date',
      width: 100,
    },
    {
      key: 'actions',
      header: 'Concrete actions',
      note: 'What will be done in this step.',
      kind: 'longText',
      width: 260,
    },
    {
      key: 'obstacles',
      header: 'Potential obstacles',
      note: 'What could get in the way, and how you will handle it.',
      kind: 'longText',
      width: 220,
    },
    notes,
  ],
});

export const PARTNERS_TAB = defineTab({
  key: 'partners',
  name: 'Partners',
  purpose: 'Who the partners are, how to reach them, and what each has agreed to bring.',
  owner: 'user',
  idPrefix: 'P',
  tabColor: '#188038',
  columns: [
    id('Partner', 'partner'),
    {
      key: 'organisation',
      header: 'Organisation',
      aliases: ['Organization', 'Partner', 'Name'],
      note: 'The partner organisation’s name, as everyone should see it in dropdowns.',
      kind: 'text',
      required: true,
      width: 200,
    },
    {
      key: 'type',
      header: 'Type',
      note: 'What kind of organisation this is.',
      kind: 'enum',
      options: PARTNER_TYPES,
      width: 150,
    },
    {
      key: 'contact',
      header: 'Contact',
      aliases: ['Contact name'],
      note: 'The person to call about this partnership.',
      kind: 'text',
      width: 150,
    },
    {
      key: 'email',
      header: 'Email',
      note: 'The contact’s email address (used for calendar invitations and sharing).',
      kind: 'email',
      width: 200,
    },
    {
      key: 'phone',
      header: 'Phone',
      note: 'The contact’s phone number.',
      kind: 'phone',
      width: 120,
    },
    {
      key: 'role',
      header: 'Role',
      note: 'The partner’s role in the partnership. “Lead organisation” marks the one the partnership starts from (the school, the coalition’s host); which one it is, set-up records.',
      kind: 'enum',
      options: PARTNER_ROLES,
      width: 130,
    },
    {
      key: 'invite',
      header: 'Calendar invite',
      note: 'Tick to add this contact as a guest to the partnership’s calendar events.',
      kind: 'boolean',
      width: 80,
    },
    {
      key: 'mouStatus',
      header: 'MOU status',
      note: 'Where the memorandum of understanding (the agreement) stands.',
      kind: 'enum',
      options: MOU_STATUSES,
      width: 110,
    },
    {
      key: 'agreementStart',
      header: 'Agreement start',
      note: 'When the agreement starts (a date).',
      kind: 'date',
      width: 100,
    },
    {
      key: 'agreementEnd',
      header: 'Agreement end',
      note: 'When the agreement ends (a date). Flagged when it is less than 60 days away.',
      kind: 'date',
      width: 100,
    },
    {
      key: 'responsibilities',
      header: 'Responsibilities',
      note: 'What this partner has agreed to do.',
      kind: 'longText',
      width: 260,
    },
    {
      key: 'inKind',
      header: 'In-kind contribution',
      note: 'Space, staff time, materials… that this partner contributes.',
      kind: 'longText',
      width: 200,
    },
    {
      key: 'inKindValue',
      header: 'In-kind value',
      note: 'Estimated value of the in-kind contribution (funders accept it as match). The total shows in the profile on the Partnership tab.',
      kind: 'currency',
      width: 110,
    },
    {
      key: 'digestOptOut',
      header: 'No weekly email',
      note: 'Tick to stop the weekly update email to this partner (sent only when the coordinator turned it on, and only to approved addresses).',
      kind: 'boolean',
      width: 90,
    },
    notes,
  ],
});

export const GOALS_TAB = defineTab({
  key: 'goals',
  name: 'Goals',
  purpose:
    'The collaborative goals and priorities, with the problem each answers and what it needs.',
  owner: 'user',
  idPrefix: 'G',
  tabColor: '#f9ab00',
  columns: [
    id('Goal', 'goal'),
    {
      key: 'goal',
      header: 'Goal',
      note: 'A goal the partners share, in a sentence.',
      kind: 'text',
      required: true,
      width: 240,
    },
    {
      key: 'priority',
      header: 'Priority',
      note: 'How much this goal matters this year.',
      kind: 'enum',
      options: PRIORITIES,
      width: 90,
    },
    {
      key: 'problem',
      header: 'Problem statement',
      note: 'The need this goal answers (the logic model pre-fills it from linked needs).',
      kind: 'longText',
      width: 240,
    },
    {
      key: 'impact',
      header: 'Impact',
      note: 'The long-term change in the community this goal contributes to.',
      kind: 'longText',
      width: 220,
    },
    {
      key: 'inputs',
      header: 'Inputs / resources',
      note: 'Resources this goal draws on beyond the partners’ listed assets.',
      kind: 'longText',
      width: 200,
    },
    {
      key: 'assumptions',
      header: 'Assumptions',
      note: 'What must be true for the activities to lead to the outcomes.',
      kind: 'longText',
      width: 200,
    },
    {
      key: 'externalFactors',
      header: 'External factors',
      note: 'Things outside the partnership’s control that affect success.',
      kind: 'longText',
      width: 200,
    },
    {
      key: 'owner',
      header: 'Owner partner',
      note: 'The partner accountable for this goal.',
      kind: 'partner',
      width: 170,
    },
    {
      key: 'status',
      header: 'Status',
      note: 'How the goal is going.',
      kind: 'enum',
      options: GOAL_STATUSES,
      width: 100,
    },
    notes,
  ],
});

export const OUTCOMES_TAB = defineTab({
  key: 'outcomes',
  name: 'Outcomes',
  purpose: 'The outcomes of each goal, short to long term, with measurable indicators.',
  owner: 'user',
  idPrefix: 'O',
  tabColor: '#f9ab00',
  columns: [
    id('Outcome', 'outcome'),
    {
      key: 'goal',
      header: 'Goal',
      note: 'The goal this outcome belongs to (pick from the list).',
      kind: 'goalRef',
      required: true,
      width: 220,
    },
    {
      key: 'term',
      header: 'Term',
      note: 'Short term (1–3 years is long term; within a year is short term).',
      kind: 'enum',
      options: OUTCOME_TERMS,
      width: 100,
    },
    {
      key: 'outcome',
      header: 'Outcome',
      note: 'The change you expect, in a sentence.',
      kind: 'text',
      required: true,
      width: 240,
    },
    {
      key: 'indicator',
      header: 'Indicator',
      note: 'How you will know: something you can count or observe.',
      kind: 'text',
      width: 220,
    },
    {
      key: 'baseline',
      header: 'Baseline',
      note: 'Where the indicator stands today.',
      kind: 'text',
      width: 90,
    },
    {
      key: 'target',
      header: 'Target',
      note: 'Where the indicator should be by the target date.',
      kind: 'text',
      width: 90,
    },
    {
      key: 'targetDate',
      header: 'Target date',
      note: 'When the target should be reached (a date).',
      kind: 'date',
      width: 100,
    },
    {
      key: 'owner',
      header: 'Owner partner',
      note: 'The partner who measures this outcome.',
      kind: 'partner',
      width: 170,
    },
    {
      key: 'status',
      header: 'Status',
      note: 'How the outcome is going.',
      kind: 'enum',
      options: GOAL_STATUSES,
      width: 100,
    },
    notes,
  ],
});

export const ASSESSMENTS_TAB = defineTab({
  key: 'assessments',
  name: 'Assessments',
  purpose: 'Findings of the organisational and community assessments, each an asset or a need.',
  owner: 'user',
  idPrefix: 'F',
  tabColor: '#a142f4',
  columns: [
    id('Finding', 'finding'),
    {
      key: 'source',
      header: 'Source',
      note: 'Organisational (a partner about itself) or Community (surveys, focus groups, data).',
      kind: 'enum',
      options: FINDING_SOURCES,
      required: true,
      width: 120,
    },
    {
      key: 'partner',
      header: 'Partner',
      note: 'The partner this finding is about (organisational) or who gathered it (community).',
      kind: 'partner',
      width: 170,
    },
    {
      key: 'kind',
      header: 'Asset or need',
      note: 'Asset: something that can be shared. Need: something missing.',
      kind: 'enum',
      options: FINDING_KINDS,
      required: true,
      width: 90,
    },
    {
      key: 'category',
      header: 'Category',
      note: 'The category from the Categories tab (assets and needs are matched by category).',
      kind: 'category',
      required: true,
      width: 170,
    },
    {
      key: 'description',
      header: 'Description',
      note: 'The finding, in a sentence.',
      kind: 'longText',
      required: true,
      width: 260,
    },
    {
      key: 'evidence',
      header: 'Evidence',
      note: 'What this is based on (a number, a quote, a document).',
      kind: 'longText',
      width: 200,
    },
    {
      key: 'dataSource',
      header: 'Data source',
      note: 'How the finding was gathered.',
      kind: 'enum',
      options: DATA_SOURCES,
      width: 120,
    },
    {
      key: 'population',
      header: 'Population',
      note: 'Who the finding is about (community findings): e.g. families of K–2 students.',
      kind: 'text',
      width: 160,
    },
    {
      key: 'priority',
      header: 'Priority',
      note: 'How much this matters: High, Medium or Low.',
      kind: 'enum',
      options: PRIORITIES,
      width: 90,
    },
    {
      key: 'goal',
      header: 'Linked goal',
      note: 'The goal this finding relates to (pick from the list).',
      kind: 'goalRef',
      width: 220,
    },
    notes,
  ],
});

export const CATEGORIES_TAB = defineTab({
  key: 'categories',
  name: 'Categories',
  purpose: 'The asset and need categories; edit or add your own. Findings are matched by category.',
  owner: 'user',
  tabColor: '#a142f4',
  columns: [
    {
      key: 'category',
      header: 'Category',
      note: 'A category name, as it appears in the Assessments dropdown.',
      kind: 'text',
      required: true,
      width: 200,
    },
    {
      key: 'kind',
      header: 'Applies to',
      note: 'Community assets (asset-based community development), organisational capacity, or both.',
      kind: 'enum',
      options: CATEGORY_KINDS,
      width: 170,
    },
    {
      key: 'description',
      header: 'Description',
      note: 'What belongs in this category.',
      kind: 'longText',
      width: 320,
    },
  ],
});

/**
 * Defined with its literal column keys, so the sync's records are typed by its column keys:
 * `cells.strtDate` is a compile error (see calendarCells).
 */
export const CALENDAR_TAB = defineTab({
  key: 'calendar',
  name: 'Calendar',
  purpose:
    'The shared calendar of activities. The sync turns each row into a Google Calendar event.',
  owner: 'user',
  idPrefix: 'A',
  tabColor: '#d93025',
  columns: [
    id('Activity', 'activity'),
    {
      key: 'title',
      header: 'Title',
      note: 'The event’s title as partners will see it in their calendars.',
      kind: 'text',
      required: true,
      width: 220,
    },
    {
      key: 'type',
      header: 'Type',
      note: 'What kind of activity this is (sets the event’s colour).',
      kind: 'enum',
      options: ACTIVITY_TYPES,
      width: 130,
    },
    {
      key: 'startDate',
      header: 'Start date',
      note: 'The day it starts. Understood: 2027-03-04 · 4 Mar 2027 · March 4, 2027 · 3/4/2027 (day and month in this sheet’s order) · 3/4 (no year: the next such day) · 3/4/2027 2:00 PM (with a time: the start time when Start time is empty).',
      kind: 'date',
      required: true,
      width: 100,
    },
    {
      key: 'startTime',
      header: 'Start time',
      note: 'Leave empty for an all-day activity (unless Start date holds a time). Understood: 09:30 · 14:00 · 2:15 pm · 9am · 4pm · 16h · 16.00 (each then shown as the sheet shows times; a bare “4” could be morning or afternoon, so the row asks).',
      kind: 'time',
      width: 80,
    },
    {
      key: 'endDate',
      header: 'End date',
      note: 'The last day (for multi-day activities); empty means the start date. Typed like Start date; a time here is the end time when End time is empty.',
      kind: 'date',
      width: 100,
    },
    {
      key: 'endTime',
      header: 'End time',
      note: 'When it ends; empty means one hour after the start. Understood: 11:00 · 4:30 pm · 5pm · 17h · 17.00.',
      kind: 'time',
      width: 80,
    },
    {
      key: 'allDay',
      header: 'All day',
      note: 'Tick for an all-day activity (times are then ignored).',
      kind: 'boolean',
      width: 70,
    },
    {
      key: 'recurrence',
      header: 'Recurrence',
      note: RECURRENCE_NOTE,
      kind: 'text',
      width: 170,
    },
    {
      key: 'timeZone',
      header: 'Time zone',
      note: 'Optional: an IANA zone (e.g. Europe/Paris) when this activity’s times are in another zone than the plan’s.',
      kind: 'timeZone',
      width: 130,
    },
    {
      key: 'location',
      header: 'Location',
      note: 'Where it happens (an address or a video link).',
      kind: 'text',
      width: 180,
    },
    {
      key: 'lead',
      header: 'Lead partner',
      note: 'The partner who leads this activity.',
      kind: 'partner',
      width: 170,
    },
    {
      key: 'participants',
      header: 'Participants',
      note: 'Partners taking part, separated by commas.',
      kind: 'partners',
      width: 200,
    },
    {
      key: 'goal',
      header: 'Linked goal',
      note: 'The goal this activity serves (pick from the list).',
      kind: 'goalRef',
      width: 200,
    },
    {
      key: 'outcome',
      header: 'Linked outcome',
      note: 'The outcome this activity serves (pick from the list).',
      kind: 'outcomeRef',
      width: 200,
    },
    {
      key: 'output',
      header: 'Expected output',
      note: 'What the activity produces that you can count (e.g. 12 tutors trained).',
      kind: 'text',
      width: 180,
    },
    {
      key: 'status',
      header: 'Status',
      note: STATUS_NOTE,
      kind: 'enum',
      options: ACTIVITY_STATUSES,
      width: 100,
    },
    notes,
    {
      key: 'eventId',
      header: 'Event ID',
      note: 'Set by the sync: the Google Calendar event of this row. Do not edit.',
      kind: 'text',
      owner: 'addon',
      width: 120,
      hidden: true,
    },
    {
      key: 'lastSynced',
      header: 'Last synced',
      note: 'Set by the sync: when this row was last written to the calendar.',
      kind: 'dateTime',
      owner: 'addon',
      width: 130,
    },
    {
      key: 'syncStatus',
      header: 'Sync status',
      note: 'Set by the sync: OK, or what to fix in this row.',
      kind: 'text',
      owner: 'addon',
      width: 220,
    },
    {
      key: 'attendance',
      header: 'Attendance',
      note: 'Set by the sync: how the event’s guests answered in Google Calendar (yes, no, maybe, no answer).',
      kind: 'text',
      owner: 'addon',
      width: 160,
    },
    {
      key: 'exceptions',
      header: 'Exceptions',
      note: 'Set by the sync: single occurrences of this repeating activity moved or cancelled in Google Calendar.',
      kind: 'text',
      owner: 'addon',
      width: 220,
    },
    {
      key: 'syncFingerprint',
      header: 'Sync fingerprint',
      note: 'Set by the sync: a summary of what was last written, to spot changes. Do not edit.',
      kind: 'text',
      owner: 'addon',
      width: 80,
      hidden: true,
    },
  ],
});

/**
 * One row per measurement of an outcome's indicator, so the history is kept: the dashboard reads
 * the latest value and the trend. Partners may type rows; the goals sidebar appends them.
 */
export const PROGRESS_TAB = defineTab({
  key: 'progress',
  name: 'Progress',
  purpose: 'Measurements of each outcome’s indicator over time, one row per measurement.',
  owner: 'user',
  tabColor: '#f9ab00',
  columns: [
    {
      key: 'outcome',
      header: 'Outcome',
      note: 'The outcome whose indicator was measured (pick from the list).',
      kind: 'outcomeRef',
      required: true,
      width: 240,
    },
    {
      key: 'date',
      header: 'Date',
      note: 'When it was measured (a date, e.g. 2027-03-04).',
      kind: 'date',
      required: true,
      width: 100,
    },
    {
      key: 'value',
      header: 'Value',
      note: 'What the indicator measured, as a number (45, 45%, 1,200), in the same unit as its baseline and target.',
      kind: 'text',
      required: true,
      width: 90,
    },
    {
      key: 'recordedBy',
      header: 'Recorded by',
      note: 'Who measured or recorded it.',
      kind: 'text',
      width: 160,
    },
    notes,
  ],
});

/** The tabs partners fill in, in the order set-up creates them. */
export const USER_TABS: readonly TabDef[] = [
  PARTNERSHIP_TAB,
  PARTNERS_TAB,
  GOALS_TAB,
  OUTCOMES_TAB,
  PROGRESS_TAB,
  ASSESSMENTS_TAB,
  CATEGORIES_TAB,
  CALENDAR_TAB,
];

export function tabByKey(key: string): TabDef {
  const tab = USER_TABS.find((t) => t.key === key);
  if (!tab) throw new Error(`Unknown tab ${key}`);
  return tab;
}

export function columnByKey(tab: TabDef, key: string): ColumnDef {
  const column = tab.columns.find((c) => c.key === key);
  if (!column) throw new Error(`Tab ${tab.name} has no column ${key}`);
  return column;
}

export { DEFAULT_CATEGORIES };

export type PartnerType = (typeof PARTNER_TYPES)[number];
export type PartnerRole = (typeof PARTNER_ROLES)[number];
export type OutcomeTerm = (typeof OUTCOME_TERMS)[number];
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export type DataSource = (typeof DATA_SOURCES)[number];
