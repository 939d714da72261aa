// The add-on's public surface: every export becomes a top-level Apps Script function in dist/Code.js.

import {
  addFindingAction,
  addGapActivityAction,
  assessmentFormAction,
  buildAssetMapAction,
} from './actions/assetMap';
import * as logicModel from './actions/logicModel';
import { planOverview } from './actions/overview';
import { google } from './adapters/google';
import type {
  AddFindingResult,
  AssessmentForm,
  AssetMapSummary,
  FindingInput,
  GapActivityResult,
} from './shared/assetsWire';
import type {
  AddActivityRequest,
  LogicModelDraft,
  LogicModelSummary,
  SaveGoalDetailsRequest,
  SaveOutcomeRequest,
  SaveResult,
  SaveRowResult,
} from './shared/logicModelWire';
import { ASSETS_TEXT } from './shared/messages';
import type { PlanOverview } from './shared/wire';
import { buildMenu } from './ui/menu';
import { SIDEBARS, showSidebar } from './ui/sidebars';

/** Simple trigger: may run in AuthMode.NONE before the add-on is enabled, so it only builds the menu. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(SpreadsheetApp.getUi());
}

/** Runs in AuthMode.FULL when the add-on is installed: show the menu right away (V). */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** Menu: opens the set-up sidebar. */
export function showSetupSidebar(): void {
  showSidebar(google.ui(), SIDEBARS.setup.file, SIDEBARS.setup.title);
}

/** Sidebar: the spreadsheet's name, zone, user and which plan tabs exist. */
export function getPlanOverview(): PlanOverview {
  return planOverview(google);
}

// ---- Assets and needs (issue 4): assessments, the Asset Map tab, drafts for gaps ----

/** Menu: opens the sidebar where partners add assets and needs and the coordinator sees the map. */
export function showAssessmentSidebar(): void {
  showSidebar(google.ui(), SIDEBARS.assessment.file, SIDEBARS.assessment.title);
}

/** Sidebar: partners, categories and goals to choose from when adding a finding. */
export function getAssessmentForm(): AssessmentForm {
  return assessmentFormAction(google);
}

/** Sidebar: appends one asset or need to the Assessments tab (refuses an exact repeat). */
export function addAssessmentFinding(input: FindingInput): AddFindingResult {
  return addFindingAction(google, input);
}

/** Sidebar: rebuilds the Asset Map tab and returns its counts, matches, gaps and data problems. */
export function buildAssetMap(): AssetMapSummary {
  return buildAssetMapAction(google);
}

/** Menu: rebuilds the Asset Map tab, shows it, and says what it found in a toast. */
export function buildAssetMapFromMenu(): void {
  const summary = buildAssetMapAction(google);
  google.spreadsheet().toast(summary.message, ASSETS_TEXT.mapTitle, 10);
}

/** Sidebar: adds a Draft capacity-building activity for a need (a gap) to the Calendar tab, once. */
export function addGapActivity(findingId: string): GapActivityResult {
  return addGapActivityAction(google, findingId);
}

// ---- Logic model builder (issue 5): the Logic Model tab and its sidebar ----

/** Menu: opens the logic-model sidebar (goal by goal: problem, inputs, activities, outcomes…). */
export function showLogicModelSidebar(): void {
  showSidebar(google.ui(), SIDEBARS.logicModel.file, SIDEBARS.logicModel.title);
}

/** Menu and sidebar: (re)builds the Logic Model tab; returns what it holds and the check report. */
export function buildLogicModel(): LogicModelSummary {
  const summary = logicModel.buildLogicModel(google);
  google.spreadsheet().toast(summary.message, 'Logic model');
  return summary;
}

/** Sidebar: everything shown for one goal (the first when goalId is empty), pre-filled. */
export function getLogicModelDraft(goalId?: string | null): LogicModelDraft {
  return logicModel.logicModelDraft(google, goalId);
}

/** Sidebar: writes the goal's problem, impact, inputs, assumptions and external factors cells. */
export function saveGoalDetails(request: SaveGoalDetailsRequest): SaveResult {
  return logicModel.saveGoalDetails(google, request);
}

/** Sidebar: updates an outcome row, or appends a new one linked to the goal. */
export function saveOutcome(request: SaveOutcomeRequest): SaveRowResult {
  return logicModel.saveOutcome(google, request);
}

/** Sidebar: appends a Draft activity to the Calendar tab, linked to the goal and outcome. */
export function addActivity(request: AddActivityRequest): SaveRowResult {
  return logicModel.addActivity(google, request);
}
