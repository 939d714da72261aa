// Opens the sidebars: each is a self-contained HTML file that the build writes to dist/.
import type { GoogleServices } from '../adapters/google';
import { SIDEBAR_TITLES } from '../shared/messages';

/** (V) Sidebars are 300 px wide; the title shows in the sidebar's header. */
export function showSidebar(services: GoogleServices, file: string, title: string): void {
  const html = services.htmlFromFile(file).setTitle(title);
  services.ui().showSidebar(html);
}

export const SIDEBARS = {
  setup: { file: 'setup', title: SIDEBAR_TITLES.setup },
  assessment: { file: 'assessment', title: SIDEBAR_TITLES.assessment },
  calendar: { file: 'calendar', title: SIDEBAR_TITLES.calendar },
  logicModel: { file: 'logicModel', title: SIDEBAR_TITLES.logicModel },
  goals: { file: 'goals', title: SIDEBAR_TITLES.goals },
  health: { file: 'health', title: SIDEBAR_TITLES.health },
} as const;
