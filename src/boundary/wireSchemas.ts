// One schema per wire input type, checked at compile time to describe exactly the shared wire type.
import { PRIORITIES } from '../domain/schema/columns';
import {
  ACTIVITY_TYPES,
  DATA_SOURCES,
  FINDING_KINDS,
  FINDING_SOURCES,
  PARTNER_ROLES,
  PARTNER_TYPES,
  USER_TABS,
} from '../domain/schema/tabs';
import type { FindingInput } from '../shared/assetsWire';
import type { AutoSyncSettings, CalendarChoiceInput, ConflictChoice } from '../shared/calendarWire';
import type { DigestSwitch } from '../shared/digestWire';
import type { RecordProgressRequest, SaveGoalRequest } from '../shared/goalsWire';
import type { HandoverKeep, HandoverOffer } from '../shared/handoverWire';
import type { OpenRoundRequest } from '../shared/healthWire';
import type {
  AddActivityRequest,
  SaveGoalDetailsRequest,
  SaveOutcomeRequest,
} from '../shared/logicModelWire';
import type { ImportMode } from '../shared/settings';
import type { PartnerInput, SetupOptions } from '../shared/setupWire';
import type { MakeSurveyRequest } from '../shared/surveyWire';
import {
  flag,
  type Infer,
  labelled,
  list,
  nullish,
  oneOf,
  optional,
  record,
  text,
  whole,
} from './schema';

/** IDs the sidebars got from the server (G3, O12, F7, "row 14", an event tag): short by nature. */
const id = () => text(200);
const blankOr = <T extends string>(options: readonly T[]) => oneOf<T | ''>(['', ...options]);

export const PARTNER_INPUT = record({
  organisation: text(),
  type: nullish(blankOr(PARTNER_TYPES)),
  contact: nullish(text()),
  email: nullish(text(320)),
  role: nullish(blankOr(PARTNER_ROLES)),
  invite: nullish(flag()),
});

/** Whether the sync runs by itself: set-up asks it, Calendar sync changes it. */
export const AUTO_SYNC = record({ afterEdits: flag(), hourly: flag() });

export const SETUP_OPTIONS = record({
  name: text(),
  purpose: nullish(text()),
  coordinator: nullish(text()),
  coordinatorEmail: nullish(labelled('Coordinator’s email', text(320))),
  timeZone: nullish(text(200)),
  partners: nullish(labelled('Partner', list(PARTNER_INPUT, 1_000))),
  tabs: nullish(labelled('Tab', list(oneOf(USER_TABS.map((t) => t.key)), USER_TABS.length))),
  calendar: nullish(
    record({
      mode: labelled('Calendar choice', oneOf(['none', 'new', 'existing'] as const)),
      calendarId: nullish(labelled('Calendar', text(1_000))),
      shareWithPartners: optional(flag()),
      invitePartners: optional(flag()),
      sendInvites: optional(flag()),
      autoSync: nullish(AUTO_SYNC),
    }),
  ),
  renameSpreadsheet: nullish(flag()),
  leadOrganisation: nullish(labelled('Lead organisation', text(1_000))),
});

export const FINDING_INPUT = record({
  source: blankOr(FINDING_SOURCES),
  partner: text(),
  kind: blankOr(FINDING_KINDS),
  category: text(),
  description: text(),
  evidence: text(),
  dataSource: blankOr(DATA_SOURCES),
  population: text(),
  priority: blankOr(PRIORITIES),
  goalId: labelled('Goal', id()),
});

const goalDetailFields = {
  problem: optional(text()),
  impact: optional(text()),
  inputs: optional(text()),
  assumptions: optional(text()),
  externalFactors: optional(text()),
};

export const SAVE_GOAL_DETAILS = record({
  goalId: labelled('Goal', id()),
  ...goalDetailFields,
  loaded: optional(record(goalDetailFields)),
});

// Term, priority and status are text here: a sidebar sends back a cell as the partner typed it
// ("short") when the coordinator left it alone; the action checks only the fields that changed.
const outcomeFields = {
  term: text(200),
  outcome: text(),
  indicator: text(),
  baseline: text(),
  target: text(),
  targetDate: text(200),
};

export const SAVE_OUTCOME = record({
  goalId: labelled('Goal', id()),
  outcomeId: optional(labelled('Outcome', id())),
  ...outcomeFields,
  loaded: optional(
    record({
      term: optional(outcomeFields.term),
      outcome: optional(text()),
      indicator: optional(text()),
      baseline: optional(text()),
      target: optional(text()),
      targetDate: optional(text(200)),
    }),
  ),
});

export const ADD_ACTIVITY = record({
  goalId: labelled('Goal', id()),
  outcomeId: labelled('Outcome', id()),
  title: text(),
  type: optional(blankOr(ACTIVITY_TYPES)),
  startDate: optional(text(200)),
  lead: optional(text()),
  participants: optional(text()),
  output: optional(text()),
});

const goalFields = {
  goal: text(),
  priority: text(200),
  problem: text(),
  owner: text(),
  status: text(200),
};

export const SAVE_GOAL = record({
  goalId: optional(labelled('Goal', id())),
  ...goalFields,
  loaded: optional(
    record({
      goal: optional(text()),
      priority: optional(goalFields.priority),
      problem: optional(text()),
      owner: optional(text()),
      status: optional(goalFields.status),
    }),
  ),
});

export const RECORD_PROGRESS = record({
  outcomeId: labelled('Outcome', id()),
  date: text(200),
  value: labelled('Value', text(200)),
  note: text(),
});

export const CALENDAR_CHOICE = record({
  mode: labelled('Calendar choice', oneOf(['new', 'existing'] as const)),
  calendarId: nullish(labelled('Calendar', text(1_000))),
  shareWithPartners: flag(),
  invitePartners: flag(),
  sendInvites: flag(),
  confirmMove: nullish(labelled('Events to move', whole(0, 1_000_000))),
});

export const DIGEST_SWITCH = record({ enabled: flag() });
export const HANDOVER_OFFER = record({ to: labelled('Email', text(320)) });
export const HANDOVER_KEEP = record({ afterEdits: flag(), hourly: flag(), weeklyEmail: flag() });

export const CONFLICT_CHOICE = labelled('Choice', oneOf<ConflictChoice>(['sheet', 'calendar']));

/** A 1-based row of a tab (a sheet has at most 10 million cells). */
export const ROW = labelled('Row', whole(1, 10_000_000));
export const GOAL_ID = labelled('Goal', id());
export const FINDING_ID = labelled('Finding', id());
export const PARTNER_ID = labelled('Partner', id());
export const ACTIVITY_ID = labelled('Activity', id());
export const TAB = labelled('Tab', text(200));
/** Addresses to approve or take back (the waiting list is at most a few thousand long). */
export const EMAILS = labelled('Email', list(text(320), 5_000));
/** Google Calendar event IDs of import proposals (5 to 1,024 characters (V); a few hundred at most). */
export const EVENT_IDS = labelled('Event', list(text(1_024), 1_000));
export const IMPORT_MODE = labelled('Import', oneOf<ImportMode>(['off', 'propose', 'automatic']));
/** The number of removals the coordinator confirmed ("This will remove 19 events. Continue?"). */
export const CONFIRM_REMOVALS = labelled('Removals to confirm', whole(0, 1_000_000));
export const CONFIRM_NO_STATUS = labelled('Rows without a Status to send', whole(0, 1_000_000));

/** A health check round: the day it closes (yyyy-mm-dd, checked by the action). */
export const OPEN_ROUND = record({ closes: labelled('Closing day', text(20)) });
/** One of the health check's factors (checked against the list by the action). */
export const FACTOR = labelled('Factor', text(40));

/** The community survey: whether it asks for names (off unless ticked). */
export const MAKE_SURVEY = record({ names: flag() });
/** Survey answer keys (survey id and Google's response id, well under 200 characters). */
export const SURVEY_KEYS = labelled('Answer', list(text(300), 5_000));

/** True when A and B accept the same values (each assignable to the other). */
/** Mutual assignability alone lets a schema miss an optional field (it would then be dropped): keys must match too. */
type SameKeys<A, B> = [keyof A] extends [keyof B]
  ? [keyof B] extends [keyof A]
    ? true
    : false
  : false;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? SameKeys<A, B> : false) : false;
type Assert<T extends true> = T;
/** Compiles only while every schema accepts exactly its wire type (no code in the bundle). */
export type WireSchemasMatchTheirTypes = [
  Assert<Same<Infer<typeof PARTNER_INPUT>, PartnerInput>>,
  Assert<Same<Infer<typeof SETUP_OPTIONS>, SetupOptions>>,
  Assert<Same<Infer<typeof FINDING_INPUT>, FindingInput>>,
  Assert<Same<Infer<typeof SAVE_GOAL_DETAILS>, SaveGoalDetailsRequest>>,
  Assert<Same<Infer<typeof SAVE_OUTCOME>, SaveOutcomeRequest>>,
  Assert<Same<Infer<typeof ADD_ACTIVITY>, AddActivityRequest>>,
  Assert<Same<Infer<typeof SAVE_GOAL>, SaveGoalRequest>>,
  Assert<Same<Infer<typeof RECORD_PROGRESS>, RecordProgressRequest>>,
  Assert<Same<Infer<typeof CALENDAR_CHOICE>, CalendarChoiceInput>>,
  Assert<Same<Infer<typeof AUTO_SYNC>, AutoSyncSettings>>,
  Assert<Same<Infer<typeof DIGEST_SWITCH>, DigestSwitch>>,
  Assert<Same<Infer<typeof HANDOVER_OFFER>, HandoverOffer>>,
  Assert<Same<Infer<typeof HANDOVER_KEEP>, HandoverKeep>>,
  Assert<Same<Infer<typeof OPEN_ROUND>, OpenRoundRequest>>,
  Assert<Same<Infer<typeof MAKE_SURVEY>, MakeSurveyRequest>>,
];
