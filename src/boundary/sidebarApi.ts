// The functions a sidebar may call through google.script.run, each with the schemas of its arguments.
import { checkArguments, type InferArgs, nullish, type Schema } from './schema';
import {
  ACTIVITY_ID,
  ADD_ACTIVITY,
  AUTO_SYNC,
  CALENDAR_CHOICE,
  CONFIRM_NO_STATUS,
  CONFIRM_REMOVALS,
  CONFLICT_CHOICE,
  DIGEST_SWITCH,
  EMAILS,
  EVENT_IDS,
  FACTOR,
  FINDING_ID,
  FINDING_INPUT,
  GOAL_ID,
  HANDOVER_KEEP,
  HANDOVER_OFFER,
  IMPORT_MODE,
  MAKE_SURVEY,
  OPEN_ROUND,
  PARTNER_ID,
  PARTNER_INPUT,
  RECORD_PROGRESS,
  ROW,
  SAVE_GOAL,
  SAVE_GOAL_DETAILS,
  SAVE_OUTCOME,
  SETUP_OPTIONS,
  SURVEY_KEYS,
  TAB,
} from './wireSchemas';

/**
 * Exactly the sidebar-callable functions (menu and trigger functions are not here): the bridge's
 * type and the server's checks both read this one list.
 */
export const SIDEBAR_API = {
  getPlanOverview: [],
  getSetupForm: [],
  setUpPlan: [SETUP_OPTIONS],
  repairPlan: [],
  addPartner: [PARTNER_INPUT],
  openPlanTab: [TAB, nullish(ROW)],
  getAssessmentForm: [],
  addAssessmentFinding: [FINDING_INPUT],
  buildAssetMap: [],
  addGapActivity: [FINDING_ID],
  buildLogicModel: [],
  getLogicModelDraft: [nullish(GOAL_ID)],
  saveGoalDetails: [SAVE_GOAL_DETAILS],
  saveOutcome: [SAVE_OUTCOME],
  addActivity: [ADD_ACTIVITY],
  syncCalendar: [nullish(CONFIRM_REMOVALS), nullish(CONFIRM_NO_STATUS)],
  getGoalsForm: [],
  saveGoal: [SAVE_GOAL],
  recordProgress: [RECORD_PROGRESS],
  buildDashboard: [],
  buildPartnerBriefs: [nullish(PARTNER_ID)],
  getDigestPreview: [],
  setDigestEnabled: [DIGEST_SWITCH],
  previewSync: [],
  getCalendarSyncState: [],
  listCalendars: [],
  saveCalendarChoice: [CALENDAR_CHOICE],
  previewCalendarMove: [CALENDAR_CHOICE],
  setAutoSync: [AUTO_SYNC],
  getSyncProgress: [],
  resolveCalendarChange: [ACTIVITY_ID, CONFLICT_CHOICE],
  exportIcs: [],
  goToCalendarRow: [ROW],
  getApprovals: [],
  approvePeople: [EMAILS],
  unapprovePeople: [EMAILS],
  getImportProposals: [],
  acceptImports: [EVENT_IDS],
  declineImports: [EVENT_IDS],
  setImportMode: [IMPORT_MODE],
  getHandoverState: [],
  offerHandover: [HANDOVER_OFFER],
  cancelHandover: [],
  acceptHandover: [HANDOVER_KEEP],
  takeOverPlan: [HANDOVER_KEEP],
  getHealthCheck: [],
  openHealthRound: [OPEN_ROUND],
  sendHealthLinks: [],
  closeHealthRound: [],
  setHealthLinkInDigest: [DIGEST_SWITCH],
  draftHealthActivity: [FACTOR],
  buildHealthCheck: [],
  getCommunitySurvey: [],
  makeCommunitySurvey: [MAKE_SURVEY],
  acceptSurveyAnswers: [SURVEY_KEYS],
  acceptAllSurveyAnswers: [SURVEY_KEYS],
  declineSurveyAnswers: [SURVEY_KEYS],
} as const satisfies Record<string, readonly Schema[]>;

export type SidebarFunctionName = keyof typeof SIDEBAR_API;

/** The checked arguments of a sidebar function, typed by its schemas. */
export type SidebarArgs<K extends SidebarFunctionName> = InferArgs<(typeof SIDEBAR_API)[K]>;

/**
 * The arguments a sidebar sent, checked against the function's schemas (unknown fields dropped);
 * a malformed call is answered with one plain sentence and reaches no code that writes.
 */
export function acceptCall<K extends SidebarFunctionName>(
  name: K,
  args: readonly unknown[],
): SidebarArgs<K> {
  // checkArguments walks the very schemas SidebarArgs reads, so the values have the inferred types.
  return checkArguments(SIDEBAR_API[name], args) as SidebarArgs<K>;
}
