// The add-on menu: built in onOpen, which may run in AuthMode.NONE, so it touches no data.
import { MENU } from '../shared/messages';

/** One menu entry: its caption and the public function (exported by src/index.ts) it calls. */
export interface MenuItem {
  caption: string;
  functionName: string;
}

/** `null` is a separator. Every functionName must be exported by src/index.ts (a test checks). */
export const MENU_ITEMS: Array<MenuItem | null> = [
  { caption: MENU.setUp, functionName: 'showSetupSidebar' },
  { caption: MENU.repair, functionName: 'checkAndRepairPlan' },
  null,
  { caption: MENU.goals, functionName: 'showGoalsSidebar' },
  { caption: MENU.dashboard, functionName: 'buildDashboardFromMenu' },
  { caption: MENU.briefs, functionName: 'buildPartnerBriefsFromMenu' },
  null,
  { caption: MENU.assessments, functionName: 'showAssessmentSidebar' },
  { caption: MENU.buildAssetMap, functionName: 'buildAssetMapFromMenu' },
  null,
  { caption: MENU.logicModel, functionName: 'showLogicModelSidebar' },
  { caption: MENU.buildLogicModel, functionName: 'buildLogicModelFromMenu' },
  null,
  { caption: MENU.calendarSync, functionName: 'showCalendarSidebar' },
  { caption: MENU.syncNow, functionName: 'syncCalendarNow' },
  null,
  { caption: MENU.newYear, functionName: 'startNextYearFromMenu' },
];

/** (V) Editor add-ons put their items under Extensions › add-on name via createAddonMenu. */
export function buildMenu(ui: GoogleAppsScript.Base.Ui, maintainerItems: MenuItem[] = []): void {
  const menu = ui.createAddonMenu();
  const items = maintainerItems.length ? [...MENU_ITEMS, null, ...maintainerItems] : MENU_ITEMS;
  for (const item of items) {
    if (item === null) menu.addSeparator();
    else menu.addItem(item.caption, item.functionName);
  }
  menu.addToUi();
}
