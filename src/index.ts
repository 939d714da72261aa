// The add-on's public surface: every export becomes a top-level Apps Script function in dist/Code.js.

import { planOverview } from './actions/overview';
import { google } from './adapters/google';
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
