// Opens the sidebars: each is a self-contained HTML file that the build writes to dist/.
import { SIDEBAR_TITLES } from '../shared/messages';

/** (V) Sidebars are 300 px wide; the title shows in the sidebar's header. */
export function showSidebar(ui: GoogleAppsScript.Base.Ui, file: string, title: string): void {
  const html = HtmlService.createHtmlOutputFromFile(file).setTitle(title);
  ui.showSidebar(html);
}

export const SIDEBARS = {
  setup: { file: 'setup', title: SIDEBAR_TITLES.setup },
  assessment: { file: 'assessment', title: SIDEBAR_TITLES.assessment },
  calendar: { file: 'calendar', title: SIDEBAR_TITLES.calendar },
  logicModel: { file: 'logicModel', title: SIDEBAR_TITLES.logicModel },
} as const;
