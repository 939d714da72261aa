// The add-on's public surface: every export becomes a top-level Apps Script function in dist/Code.js.

import { addPartner as addPartnerAction } from './actions/addPartner';
import {
  approvalsState,
  approveIfOwner,
  approvePeople as approvePeopleAction,
  unapprovePeople as unapprovePeopleAction,
} from './actions/approvals';
import {
  addFindingAction,
  addGapActivityAction,
  assessmentFormAction,
  buildAssetMapAction,
} from './actions/assetMap';
import { claimSettings, triggerMayAct } from './actions/authority';
import { buildBriefs } from './actions/brief';
import { planBasics } from './actions/calendarContext';
import {
  calendarSyncState,
  listCalendars as listCalendarChoices,
  previewCalendarMove as previewMove,
  saveCalendarChoice as saveChoice,
  setAutoSync as setTriggersFor,
} from './actions/calendarSettings';
import * as survey from './actions/communitySurvey';
import * as dashboard from './actions/dashboard';
import * as digest from './actions/digest';
import { setHealthLinkInDigest as healthDigestLink } from './actions/digestHealthLink';
import { approveEarlierPeople } from './actions/earlierPeople';
import { exportIcs as exportActivities } from './actions/exportIcs';
import * as goals from './actions/goals';
import * as handover from './actions/handover';
import * as health from './actions/healthCheck';
import { sendHealthLinks as sendLinks } from './actions/healthLinks';
import * as imports from './actions/importEvents';
import { inPlainWords, RUN_WORDS } from './actions/inPlainWords';
import { renewLegacyTriggers } from './actions/legacyTriggers';
import * as logicModel from './actions/logicModel';
import { newYearPreview, startNextYear } from './actions/newYear';
import { NEW_YEAR_TITLE, newYearText } from './actions/newYearText';
import { planOverview } from './actions/overview';
import {
  triggerMayRun as permissionsLetTriggerRun,
  reauthorise as reauthoriseAction,
  reauthoriseCaption,
} from './actions/reauthorisation';
import { resolveCalendarChange as resolveChange } from './actions/resolveCalendarChange';
import { repairPlan as repairPlanAction, setUpPlan as setUpPlanAction } from './actions/setUpPlan';
import { activatePlanTab, setupForm } from './actions/setupForm';
import { clickUnfinished, type RunKind, runCalendarSync } from './actions/syncCalendar';
import { triggerMayRun as coordinatorsTriggerMayRun } from './actions/triggerGuard';
import { appsScriptServices } from './adapters/google';
import {
  runSelfTest as runSelfTestOn,
  selfTestMenuItems,
  selfTestSwitchedOn,
} from './adapters/selfTest';
import { noteFormSubmitEvent } from './adapters/selfTestFormSubmit';
import { noteProbeTriggerFired } from './adapters/selfTestTrigger';
import { loadSettings, saveSettings } from './adapters/settings';
import { findPlanSheet } from './adapters/sheets/readTab';
import { getProgress } from './adapters/syncServices';
import { acceptCall } from './boundary/sidebarApi';
import { CALENDAR_TAB } from './domain/schema/tabs';
import type { SelfTestReport } from './domain/selfTest/verdict';
import type { ApprovalsState } from './shared/approvalsWire';
import type {
  AddFindingResult,
  AssessmentForm,
  AssetMapSummary,
  FindingInput,
  GapActivityResult,
} from './shared/assetsWire';
import type {
  AutoSyncSettings,
  CalendarChoice,
  CalendarChoiceInput,
  CalendarMovePreview,
  CalendarSyncState,
  ConflictChoice,
  IcsFile,
  SyncProgress,
  SyncReport,
} from './shared/calendarWire';
import type { DigestPreview, DigestSwitch } from './shared/digestWire';
import { UserError } from './shared/errors';
import type {
  BriefSummary,
  DashboardSummary,
  GoalsForm,
  RecordProgressRequest,
  SaveGoalRequest,
} from './shared/goalsWire';
import type {
  HandoverKeep,
  HandoverOffer,
  HandoverResult,
  HandoverState,
} from './shared/handoverWire';
import type { HealthCheckState, OpenRoundRequest } from './shared/healthWire';
import type { ImportResult, ImportState } from './shared/importWire';
import type {
  AddActivityRequest,
  LogicModelDraft,
  LogicModelSummary,
  SaveGoalDetailsRequest,
  SaveOutcomeRequest,
  SaveResult,
  SaveRowResult,
} from './shared/logicModelWire';
import { ASSETS_TEXT, SETUP_MESSAGES } from './shared/messages';
import type { ImportMode } from './shared/settings';
import { summaryLines } from './shared/setupSummaryText';
import type {
  AddPartnerResult,
  PartnerInput,
  SetupForm,
  SetupOptions,
  SetupSummary,
} from './shared/setupWire';
import type { CommunitySurveyState, MakeSurveyRequest } from './shared/surveyWire';
import type { PlanOverview } from './shared/wire';
import { buildMenu } from './ui/menu';
import { SIDEBARS, showSidebar } from './ui/sidebars';

/** Google's services, created once here and handed to every action and adapter. */
const google = appsScriptServices();

/**
 * Simple trigger: runs in AuthMode.NONE where the add-on is only installed and LIMITED where it is
 * enabled, so it builds the menu and calls nothing that needs authorization. Where the document is
 * reachable it reads one property: whether automatic syncs wait for the owner's permission.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  let reauth: 'plain' | 'needed' = 'plain';
  try {
    reauth = reauthoriseCaption(google, google.reachesDocument(e?.authMode));
  } catch {
    // The menu matters more than the note: an unreadable property leaves the plain caption.
  }
  buildMenu(google.ui(), selfTestMenuItems(google, e), reauth === 'needed');
}

/** Menu: "Re-authorise…": says all is granted, or shows the link to Google's permission page. */
export function reauthorise(): void {
  reauthoriseAction(google);
}

/** Runs in AuthMode.FULL when the add-on is installed: show the menu right away (V). */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** Menu: opens the set-up sidebar. */
export function showSetupSidebar(): void {
  showSidebar(google, SIDEBARS.setup.file, SIDEBARS.setup.title);
}

/** Sidebar: the spreadsheet's name, zone, user and which plan tabs exist. */
export function getPlanOverview(): PlanOverview {
  return planOverview(google);
}

// ---- The plan workbook: set-up sidebar, repair, partners (issue 3) ----

/** Sidebar: the set-up form's starting values (stored settings, or the spreadsheet's defaults). */
export function getSetupForm(): SetupForm {
  return setupForm(google);
}

/**
 * Sidebar: creates the plan's tabs, or repairs them; safe to run again. Returns what was
 * created, updated, kept and repaired.
 */
export function setUpPlan(options: SetupOptions): SetupSummary {
  const [checked] = acceptCall('setUpPlan', [options]);
  const summary = setUpPlanAction(google, checked);
  // The partners the coordinator listed at set-up are approved for sharing and invitations.
  approveIfOwner(
    google,
    (checked.partners ?? []).map((p) => p.email ?? ''),
  );
  return summary;
}

/** Sidebar: the same repair as the menu item, with the stored settings. */
export function repairPlan(): SetupSummary {
  return repairPlanAction(google);
}

/** Sidebar: adds one partner to the Partners tab (new ID, text kept literal). */
export function addPartner(partner: PartnerInput): AddPartnerResult {
  const [checked] = acceptCall('addPartner', [partner]);
  const added = addPartnerAction(google, checked);
  // The coordinator adding a partner approves their address; one typed into the tab waits.
  approveIfOwner(google, [checked.email ?? '']);
  return added;
}

/** Sidebar: opens a plan tab by its key or name, and selects `row` when given; returns its name. */
export function openPlanTab(key: string, row?: number | null): string {
  const [tab, at] = acceptCall('openPlanTab', [key, row]);
  return activatePlanTab(google, tab, at);
}

/** Menu: repairs the plan and says what it did in a dialog. */
export function checkAndRepairPlan(): void {
  const ui = google.ui();
  try {
    const lines = summaryLines(inPlainWords(RUN_WORDS.repair, () => repairPlanAction(google)));
    ui.alert(SETUP_MESSAGES.repairTitle, lines.join('\n'), ui.ButtonSet.OK);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    ui.alert(SETUP_MESSAGES.repairTitle, error.message, ui.ButtonSet.OK);
  }
}

// ---- Hand over the plan (issue 25): the next coordinator accepts from their own account ----

/** Sidebar: who coordinates the plan, any hand-over waiting, and what the viewer may do. */
export function getHandoverState(): HandoverState {
  return handover.handoverState(google);
}

/** Sidebar (coordinator only): names the next coordinator, an editor; nothing changes until they accept. */
export function offerHandover(offer: HandoverOffer): HandoverResult {
  const [checked] = acceptCall('offerHandover', [offer]);
  return handover.offerHandover(google, checked);
}

/** Sidebar (coordinator only): takes a waiting hand-over back. */
export function cancelHandover(): HandoverResult {
  return handover.cancelHandover(google);
}

/** Sidebar (the person named only, from their own account): accepts the plan, keeping what it runs. */
export function acceptHandover(keep: HandoverKeep): HandoverResult {
  const [checked] = acceptCall('acceptHandover', [keep]);
  return handover.acceptHandover(google, checked);
}

/** Sidebar (the spreadsheet's owner only): takes the plan over when its coordinator is gone. */
export function takeOverPlan(keep: HandoverKeep): HandoverResult {
  const [checked] = acceptCall('takeOverPlan', [keep]);
  return handover.takeOverPlan(google, checked);
}

// ---- Assets and needs (issue 4): assessments, the Asset Map tab, drafts for gaps ----

/** Menu: opens the sidebar where partners add assets and needs and the coordinator sees the map. */
export function showAssessmentSidebar(): void {
  showSidebar(google, SIDEBARS.assessment.file, SIDEBARS.assessment.title);
}

/** Sidebar: partners, categories and goals to choose from when adding a finding. */
export function getAssessmentForm(): AssessmentForm {
  return assessmentFormAction(google);
}

/** Sidebar: appends one asset or need to the Assessments tab (refuses an exact repeat). */
export function addAssessmentFinding(input: FindingInput): AddFindingResult {
  const [checked] = acceptCall('addAssessmentFinding', [input]);
  return addFindingAction(google, checked);
}

/** Sidebar: rebuilds the Asset Map tab and returns its counts, matches, gaps and data problems. */
export function buildAssetMap(): AssetMapSummary {
  return buildAssetMapAction(google);
}

/**
 * Runs a menu item: a problem written for the coordinator (no plan yet, a missing tab, Google
 * failing the run, said in words by `inPlainWords`) is shown in a dialog instead of escaping as a
 * script error.
 */
function fromMenu(title: string, what: string, action: () => void): void {
  try {
    inPlainWords(what, action);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    const ui = google.ui();
    ui.alert(title, error.message, ui.ButtonSet.OK);
  }
}

/** Menu: rebuilds the Asset Map tab, shows it, and says what it found in a toast. */
export function buildAssetMapFromMenu(): void {
  fromMenu(ASSETS_TEXT.mapTitle, RUN_WORDS.assetMap, () => {
    const summary = buildAssetMapAction(google);
    google.spreadsheet().toast(summary.message, ASSETS_TEXT.mapTitle, 10);
  });
}

/** Sidebar: adds a Draft capacity-building activity for a need (a gap) to the Calendar tab, once. */
export function addGapActivity(findingId: string): GapActivityResult {
  const [id] = acceptCall('addGapActivity', [findingId]);
  return addGapActivityAction(google, id);
}

// ---- Logic model builder (issue 5): the Logic Model tab and its sidebar ----

/** Menu: opens the logic-model sidebar (goal by goal: problem, inputs, activities, outcomes…). */
export function showLogicModelSidebar(): void {
  showSidebar(google, SIDEBARS.logicModel.file, SIDEBARS.logicModel.title);
}

const LOGIC_MODEL_TITLE = 'Logic model';

/** Sidebar: (re)builds the Logic Model tab; returns what it holds and the check report. */
export function buildLogicModel(): LogicModelSummary {
  return inPlainWords(RUN_WORDS.logicModel, () => {
    const summary = logicModel.buildLogicModel(google);
    google.spreadsheet().toast(summary.message, LOGIC_MODEL_TITLE);
    return summary;
  });
}

/** Menu: (re)builds the Logic Model tab and says what it holds in a toast (problems in a dialog). */
export function buildLogicModelFromMenu(): void {
  fromMenu(LOGIC_MODEL_TITLE, RUN_WORDS.logicModel, () => {
    const summary = logicModel.buildLogicModel(google);
    google.spreadsheet().toast(summary.message, LOGIC_MODEL_TITLE);
  });
}

/** Sidebar: everything shown for one goal (the first when goalId is empty), pre-filled. */
export function getLogicModelDraft(goalId?: string | null): LogicModelDraft {
  const [id] = acceptCall('getLogicModelDraft', [goalId]);
  return logicModel.logicModelDraft(google, id);
}

/** Sidebar: writes the goal's problem, impact, inputs, assumptions and external factors cells. */
export function saveGoalDetails(request: SaveGoalDetailsRequest): SaveResult {
  const [checked] = acceptCall('saveGoalDetails', [request]);
  return logicModel.saveGoalDetails(google, checked);
}

/** Sidebar: updates an outcome row, or appends a new one linked to the goal. */
export function saveOutcome(request: SaveOutcomeRequest): SaveRowResult {
  const [checked] = acceptCall('saveOutcome', [request]);
  return logicModel.saveOutcome(google, checked);
}

/** Sidebar: appends a Draft activity to the Calendar tab, linked to the goal and outcome. */
export function addActivity(request: AddActivityRequest): SaveRowResult {
  const [checked] = acceptCall('addActivity', [request]);
  return logicModel.addActivity(google, checked);
}

// ---- Goals, progress and the dashboard (issue 14) ----

/** Menu: opens the goals sidebar (goals, their outcomes and indicators, progress, the dashboard). */
export function showGoalsSidebar(): void {
  showSidebar(google, SIDEBARS.goals.file, SIDEBARS.goals.title);
}

/** Sidebar: the goals, their outcomes with what was measured, and the choices to offer. */
export function getGoalsForm(): GoalsForm {
  return goals.goalsForm(google);
}

/** Sidebar: adds a goal (its ID given at once) or saves the changed cells of one. */
export function saveGoal(request: SaveGoalRequest): SaveRowResult {
  const [checked] = acceptCall('saveGoal', [request]);
  return goals.saveGoal(google, checked);
}

/** Sidebar: appends one dated measurement of an outcome's indicator to the Progress tab. */
export function recordProgress(request: RecordProgressRequest): SaveRowResult {
  const [checked] = acceptCall('recordProgress', [request]);
  return goals.recordProgress(google, checked);
}

const DASHBOARD_TITLE = 'Dashboard';

/** Sidebar: rebuilds the Dashboard tab and returns what it says. */
export function buildDashboard(): DashboardSummary {
  return inPlainWords(RUN_WORDS.dashboard, () => {
    const summary = dashboard.buildDashboard(google);
    google.spreadsheet().getSheetByName(summary.tab)?.activate();
    return summary;
  });
}

/** Menu: rebuilds the Dashboard tab, shows it, and says the partnership's state in a toast. */
export function buildDashboardFromMenu(): void {
  fromMenu(DASHBOARD_TITLE, RUN_WORDS.dashboard, () => {
    const summary = dashboard.buildDashboard(google);
    google.spreadsheet().getSheetByName(summary.tab)?.activate();
    google.spreadsheet().toast(summary.summary, DASHBOARD_TITLE, 10);
  });
}

/** Sidebar: writes the brief of one partner (by ID), or of every partner when none is given. */
export function buildPartnerBriefs(partnerId?: string | null): BriefSummary {
  const [id] = acceptCall('buildPartnerBriefs', [partnerId]);
  return inPlainWords(RUN_WORDS.briefs, () => {
    const summary = buildBriefs(google, id ?? null);
    if (summary.tabs.length === 1)
      google.spreadsheet().getSheetByName(summary.tabs[0].tab)?.activate();
    return summary;
  });
}

/** Menu: writes every partner's brief and says where in a toast. */
export function buildPartnerBriefsFromMenu(): void {
  fromMenu('Partner briefs', RUN_WORDS.briefs, () => {
    const summary = buildBriefs(google, null);
    google.spreadsheet().toast(summary.message, 'Partner briefs', 10);
  });
}

// ---- A new school year (issue 25): archive the closed year, carry the plan forward ----

/**
 * Menu (settings owner only): says exactly what starting the next year does, counts included, and
 * does it once confirmed. An interrupted start is finished by choosing it again; Google's own words
 * go to the log, the coordinator reads a sentence.
 */
export function startNextYearFromMenu(): void {
  const ui = google.ui();
  try {
    const preview = newYearPreview(google);
    if (ui.alert(NEW_YEAR_TITLE, preview.text, ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
    const result = startNextYear(google, preview);
    ui.alert(NEW_YEAR_TITLE, result.message, ui.ButtonSet.OK);
  } catch (error) {
    if (error instanceof UserError) ui.alert(NEW_YEAR_TITLE, error.message, ui.ButtonSet.OK);
    else {
      console.log(`Start the next year stopped: ${String(error)}`);
      ui.alert(NEW_YEAR_TITLE, newYearText.stopped, ui.ButtonSet.OK);
    }
  }
}

// ---- The partner digest (issue 14): a weekly email to approved partners, off until the owner turns it on ----

/** Sidebar: each partner's email as it would go out now, who is left out and why, the quota. */
export function getDigestPreview(): DigestPreview {
  return digest.digestPreview(google);
}

/** Sidebar (settings owner only): turns the weekly email on or off. */
export function setDigestEnabled(wanted: DigestSwitch): DigestPreview {
  const [checked] = acceptCall('setDigestEnabled', [wanted]);
  return digest.setDigestEnabled(google, checked.enabled);
}

/**
 * Every trigger's first question. Permissions first: without a scope a new version added, even
 * asking who this account is may fail (userinfo.email); then whether this account still
 * coordinates the plan (a former coordinator's trigger removes itself and does nothing).
 */
function triggerMayRun(handler: string, what: string, finishesAClick = false): boolean {
  return (
    permissionsLetTriggerRun(google, handler) &&
    coordinatorsTriggerMayRun(google, what, finishesAClick)
  );
}

/** Time-driven trigger (private): the digest's daily check; the week's round goes out when due. */
export function sendPartnerDigest_(): void {
  if (!triggerMayRun('sendPartnerDigest_', 'The weekly email')) return;
  digest.digestCheck(google);
}

// ---------------------------------------------------------------------------------------------
// Calendar sync (issue 6): the Calendar tab kept in step with the partnership's Google Calendar.
// ---------------------------------------------------------------------------------------------

/** Menu: opens the calendar sidebar (choose the calendar, preview, sync, conflicts, ICS). */
export function showCalendarSidebar(): void {
  showSidebar(google, SIDEBARS.calendar.file, SIDEBARS.calendar.title);
}

/**
 * Sidebar / script: runs one sync now and returns its report. Removals above the threshold go
 * only with `confirmRemovals` equal to their number (the sidebar asks after its preview); rows
 * with no Status are sent as Planned only with `confirmNoStatus` equal to their number, and only
 * by the coordinator.
 */
export function syncCalendar(
  confirmRemovals?: number | null,
  confirmNoStatus?: number | null,
): SyncReport {
  const [confirmed, noStatus] = acceptCall('syncCalendar', [confirmRemovals, confirmNoStatus]);
  return runCalendarSync(google, {
    preview: false,
    run: 'manual',
    confirmRemovals: confirmed ?? null,
    confirmNoStatus: noStatus ?? null,
  });
}

/** Sidebar: what a sync would do (counts and the list of changes), writing nothing. */
export function previewSync(): SyncReport {
  return runCalendarSync(google, { preview: true, run: 'manual' });
}

/** Menu: syncs and tells the coordinator the result in a toast (errors as an alert). */
export function syncCalendarNow(): void {
  const spreadsheet = google.spreadsheet();
  try {
    const report = runCalendarSync(google, { preview: false, run: 'manual' });
    spreadsheet.toast(report.summary, 'Calendar sync', 10);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    google.ui().alert(error.message);
  }
}

/** Sidebar: the current calendar choice, options, automatic syncs and the last run. */
export function getCalendarSyncState(): CalendarSyncState {
  return calendarSyncState(google);
}

/** Sidebar: calendars the user may add events to. */
export function listCalendars(): CalendarChoice[] {
  return listCalendarChoices(google);
}

/** Sidebar: saves the calendar choice (creating the partnership's calendar once). */
export function saveCalendarChoice(input: CalendarChoiceInput): CalendarSyncState {
  const [checked] = acceptCall('saveCalendarChoice', [input]);
  return saveChoice(google, checked);
}

/** Sidebar: how many of the plan's events saving this calendar choice would move (null: none). */
export function previewCalendarMove(input: CalendarChoiceInput): CalendarMovePreview | null {
  const [checked] = acceptCall('previewCalendarMove', [input]);
  return previewMove(google, checked);
}

/** Sidebar: turns the after-edit and hourly syncs on or off. */
export function setAutoSync(wanted: AutoSyncSettings): AutoSyncSettings {
  const [checked] = acceptCall('setAutoSync', [wanted]);
  const state = setTriggersFor(google, checked);
  // The digest shares the plan's one time-driven trigger with the hourly sync (see digest.ts).
  digest.keepDigestScheduled(google);
  return state;
}

/** Sidebar: progress of a sync under way (polled). */
export function getSyncProgress(): SyncProgress | null {
  return getProgress(google.documentCache());
}

/** Sidebar: keep the sheet's version of a row changed in Calendar, or pull Calendar's change in. */
export function resolveCalendarChange(activityId: string, choice: ConflictChoice): SyncReport {
  const [id, checkedChoice] = acceptCall('resolveCalendarChange', [activityId, choice]);
  return resolveChange(google, id, checkedChoice);
}

/**
 * Sidebar: the approved people, those waiting for approval, and the caps. The owner's first look
 * at a plan from before approvals approves the people it had already reached (earlierPeople.ts).
 */
export function getApprovals(): ApprovalsState {
  const settings = loadSettings(google.documentProperties());
  if (settings) approveEarlierPeople(google, settings);
  return approvalsState(google);
}

/** Sidebar (settings owner only): approves addresses for sharing and invitations. */
export function approvePeople(emails: string[]): ApprovalsState {
  const [checked] = acceptCall('approvePeople', [emails]);
  return approvePeopleAction(google, checked);
}

/** Sidebar (settings owner only): takes approvals back and removes the add-on's reader rules. */
export function unapprovePeople(emails: string[]): ApprovalsState {
  const [checked] = acceptCall('unapprovePeople', [emails]);
  return unapprovePeopleAction(google, checked);
}

/** Sidebar: events others added to the calendar, proposed for the plan, and the import mode. */
export function getImportProposals(): ImportState {
  return imports.importState(google);
}

/** Sidebar (settings owner only): brings proposed events in as Calendar-tab rows, tagged as the plan's. */
export function acceptImports(eventIds: string[]): ImportResult {
  const [checked] = acceptCall('acceptImports', [eventIds]);
  return imports.acceptProposals(google, checked);
}

/** Sidebar (settings owner only): declines proposals; they are not proposed again. */
export function declineImports(eventIds: string[]): ImportResult {
  const [checked] = acceptCall('declineImports', [eventIds]);
  return imports.declineProposals(google, checked);
}

/** Sidebar (settings owner only): off, propose (the default) or automatic. */
export function setImportMode(mode: ImportMode): ImportState {
  const [checked] = acceptCall('setImportMode', [mode]);
  return imports.setImportMode(google, checked);
}

/** Sidebar: the activities as an RFC 5545 file to download. */
export function exportIcs(): IcsFile {
  return exportActivities(google);
}

/** Sidebar: selects a row of the Calendar tab (links from the report to rows that failed). */
export function goToCalendarRow(row: number): void {
  const [at] = acceptCall('goToCalendarRow', [row]);
  const sheet = findPlanSheet(google.spreadsheet(), CALENDAR_TAB);
  if (sheet) sheet.getRange(at, 1, 1, sheet.getLastColumn()).activate();
}

function automaticSync(run: RunKind): void {
  try {
    // Only the settings' owner's triggers act: a trigger runs with its creator's authority (V).
    const basics = planBasics(google);
    const store = google.documentProperties();
    const click = run === 'continuation' && clickUnfinished(store);
    const verdict = triggerMayAct(google, basics.settings, click);
    if (!verdict.act) {
      console.log(`Calendar sync (${run}) did nothing: ${verdict.reason}`);
      return;
    }
    // Settings stored before owners existed: the trigger's creator set up automatic sync. Settings
    // given up stay given up: finishing a click takes nothing.
    const { owner, releasedBy } = basics.settings.calendar;
    if (owner === null && !releasedBy && loadSettings(store))
      saveSettings(google.documentProperties(), claimSettings(google, basics.settings));
    runCalendarSync(google, { preview: false, run, lockWaitMs: run === 'afterEdit' ? 0 : 30_000 });
  } catch (error) {
    // Automatic runs have nobody to answer: a busy lock or a missing calendar is logged, not thrown.
    if (!(error instanceof UserError)) throw error;
    console.log(`Calendar sync (${run}) skipped: ${error.message}`);
  }
}

/**
 * Installable onEdit trigger: syncs after a partner edits the Calendar tab. Private (its name ends
 * in "_"): google.script.run cannot call it (docs/security.md).
 */
export function syncCalendarAfterEdit_(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!triggerMayRun('syncCalendarAfterEdit_', 'Calendar sync (afterEdit)')) return;
  const edited = e?.range?.getSheet();
  if (edited) {
    // By identity, not name: partners may rename the tab.
    const calendar = findPlanSheet(google.spreadsheet(), CALENDAR_TAB);
    if (!calendar || calendar.getSheetId() !== edited.getSheetId()) return;
  }
  automaticSync('afterEdit');
}

/** Time-driven trigger (private): the hourly sync. */
export function syncCalendarHourly_(): void {
  if (!triggerMayRun('syncCalendarHourly_', 'Calendar sync (hourly)')) return;
  automaticSync('hourly');
  // The hourly trigger carries the digest's daily check (one time-driven trigger per user and plan).
  digest.digestCheck(google);
}

/** Time-driven one-shot trigger (private): finishes a sync that stopped early. */
export function continueCalendarSync_(): void {
  const click = clickUnfinished(google.documentProperties());
  if (!triggerMayRun('continueCalendarSync_', 'Calendar sync (continuation)', click)) return;
  automaticSync('continuation');
}

// ---- Partnership health check (issue 24): docs/health-check.md ----

/** Menu: opens the health check sidebar. */
export function showHealthSidebar(): void {
  showSidebar(google, SIDEBARS.health.file, SIDEBARS.health.title);
}

/** Sidebar: the rounds (counts only), the latest round's suggestions, and whether this user may run it. */
export function getHealthCheck(): HealthCheckState {
  return health.healthCheckState(google);
}

/** Sidebar (coordinator only): opens a round until the given day: a form linked to this spreadsheet. */
export function openHealthRound(request: OpenRoundRequest): HealthCheckState {
  const [checked] = acceptCall('openHealthRound', [request]);
  return health.openHealthRound(google, checked);
}

/** Sidebar (coordinator only): personal links to approved contacts, reminders to those who have not answered. */
export function sendHealthLinks(): HealthCheckState {
  acceptCall('sendHealthLinks', []);
  return sendLinks(google);
}

/** Sidebar (coordinator only): the open round's link in the weekly email on or off. */
export function setHealthLinkInDigest(wanted: DigestSwitch): HealthCheckState {
  const [checked] = acceptCall('setHealthLinkInDigest', [wanted]);
  return healthDigestLink(google, checked.enabled);
}

/** Sidebar (coordinator only): closes the open round. */
export function closeHealthRound(): HealthCheckState {
  acceptCall('closeHealthRound', []);
  return health.closeHealthRound(google);
}

/** Sidebar (coordinator only): drafts a suggestion's activity in the Calendar tab, once a round. */
export function draftHealthActivity(factor: string): HealthCheckState {
  const [checked] = acceptCall('draftHealthActivity', [factor]);
  return health.draftHealthActivity(google, checked);
}

/** Sidebar: rebuilds the Health check tab (totals only, so anyone may). */
export function buildHealthCheck(): HealthCheckState {
  acceptCall('buildHealthCheck', []);
  return health.healthCheckState(google, health.buildHealthCheck(google));
}

/**
 * Installable form-submit trigger of this spreadsheet (private): a health check answer arrived.
 * Only the plan owner's trigger acts (it runs with its creator's authority (V)).
 */
export function onHealthFormSubmit_(e?: health.FormSubmitEvent): void {
  const verdict = triggerMayAct(google, planBasics(google).settings);
  if (!verdict.act) {
    console.log(`Health check answer not recorded by this trigger: ${verdict.reason}`);
    return;
  }
  try {
    health.onHealthFormSubmit(google, e ?? {});
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    console.log(`Health check answer: ${error.message}`);
  }
}

// ---- Community survey (issue 24): docs/community-survey.md ----

/** Sidebar (Assets and needs): the surveys, and for the coordinator the answers waiting as proposed findings. */
export function getCommunitySurvey(): CommunitySurveyState {
  return survey.communitySurveyState(google);
}

/** Sidebar (coordinator only): makes a survey form in their Drive, linked to this spreadsheet. */
export function makeCommunitySurvey(request: MakeSurveyRequest): CommunitySurveyState {
  const [checked] = acceptCall('makeCommunitySurvey', [request]);
  return survey.makeCommunitySurvey(google, checked);
}

/** Sidebar (coordinator only): accepts answers into the Assessments tab, each once. */
export function acceptSurveyAnswers(keys: string[]): CommunitySurveyState {
  const [checked] = acceptCall('acceptSurveyAnswers', [keys]);
  return survey.acceptSurveyAnswers(google, checked);
}

/** Sidebar (coordinator only): accepts every waiting answer when exactly those shown wait. */
export function acceptAllSurveyAnswers(shown: string[]): CommunitySurveyState {
  const [checked] = acceptCall('acceptAllSurveyAnswers', [shown]);
  return survey.acceptAllSurveyAnswers(google, checked);
}

/** Sidebar (coordinator only): declines answers; they are never proposed again. */
export function declineSurveyAnswers(keys: string[]): CommunitySurveyState {
  const [checked] = acceptCall('declineSurveyAnswers', [keys]);
  return survey.declineSurveyAnswers(google, checked);
}

// ---- Live self-test (issue 13): a maintainer runs it from the Apps Script editor (docs/self-test.md) ----

/**
 * Apps Script editor (or `clasp run`): checks on Google the facts the add-on relies on, in a
 * scratch tab and a scratch calendar it removes; writes the "Self-test report" tab, logs the
 * report and returns it.
 */
export function runSelfTest(): SelfTestReport & { notCleanedUp: string[] } {
  return runSelfTestOn(google, google.spreadsheet());
}

/** Maintainers' menu item (script property SWP_SELF_TEST=on): runs it and says the result. */
export function runSelfTestFromMenu(): void {
  if (!selfTestSwitchedOn(google))
    throw new UserError(
      'The self-test is for maintainers: it runs from this menu only while the script property SWP_SELF_TEST is on. Nothing was run.',
    );
  const report = runSelfTestOn(google, google.spreadsheet());
  const ui = google.ui();
  ui.alert('Self-test', `${report.summary} See the Self-test report tab.`, ui.ButtonSet.OK);
}

/**
 * Handler of the self-test's throwaway triggers (private): the listed-only ones never fire; the
 * time trigger of the `privateTriggerFires` probe notes that it fired, for the next self-test run.
 */
export function selfTestTriggerProbe_(e?: { triggerUid?: string; namedValues?: unknown }): void {
  // The same private handler serves the form-submit probe: its event alone has namedValues.
  if (e?.namedValues !== undefined) noteFormSubmitEvent(google, e as Record<string, unknown>);
  else noteProbeTriggerFired(google, e?.triggerUid);
}

// ---- Handler names released before the handlers became private (issue 10): forwarding stubs ----
// A trigger names its function, and a name that is gone fails every hour in Apps Script, so every
// handler name ever released stays here for good (test/integration/upgrade.test.ts finds them all
// in the earlier bundles). Each renews the plan's old-named triggers, then runs today's handler.

/** Released by the first version as the after-edit trigger's handler; forwards to syncCalendarAfterEdit_. */
export function syncCalendarAfterEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (renewLegacyTriggers(google, 'syncCalendarAfterEdit')) syncCalendarAfterEdit_(e);
}

/** Released by the first version as the hourly trigger's handler; forwards to syncCalendarHourly_. */
export function syncCalendarHourly(): void {
  if (renewLegacyTriggers(google, 'syncCalendarHourly')) syncCalendarHourly_();
}

/** Released by the first version as the continuation's handler; forwards to continueCalendarSync_. */
export function continueCalendarSync(): void {
  if (renewLegacyTriggers(google, 'continueCalendarSync')) continueCalendarSync_();
}

/** Released with the first self-test as its probe triggers' handler; forwards to selfTestTriggerProbe_. */
export function selfTestTriggerProbe(e?: { triggerUid?: string }): void {
  selfTestTriggerProbe_(e);
}
