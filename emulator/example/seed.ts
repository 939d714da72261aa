// Builds the preview's starting point: the example partnership, set up through the add-on itself.

import { Addon } from '../addon';
import type { Ambiguities } from '../ambiguities';
import { Workspace } from '../workspace';
import { seedActivities } from './activities';
import { EXAMPLE_FINDINGS } from './findings';
import { seedLogicModel, writeExamplePlan } from './logicModel';
import { EXAMPLE_PARTNERSHIP } from './partnership';
import { seedWorkbook } from './workbook';

export interface ExampleOptions {
  codeDir?: string;
  /** Tests pin the clock; the live preview follows real time. */
  virtualClock?: boolean;
  startTime?: Date | number;
  /** Which plausible behaviour to play where Google's is undocumented (emulator/ambiguities.ts). */
  ambiguities?: Partial<Ambiguities>;
}

/**
 * A fresh workspace with the example partnership's spreadsheet, opened with the add-on installed.
 * Every later feature seeds its part here through the add-on's own public functions, so the
 * preview starts on what a coordinator would really have after using the add-on.
 */
export function createExampleWorkspace(options: ExampleOptions = {}): Addon {
  const workspace = new Workspace({
    spreadsheetName: EXAMPLE_PARTNERSHIP.name,
    spreadsheetTimeZone: EXAMPLE_PARTNERSHIP.timeZone,
    calendarTimeZone: EXAMPLE_PARTNERSHIP.timeZone,
    userEmail: EXAMPLE_PARTNERSHIP.coordinatorEmail,
    virtualClock: options.virtualClock ?? false,
    startTime: options.startTime,
    ambiguities: options.ambiguities,
  });
  const addon = new Addon(workspace, options.codeDir);
  addon.open('FULL');
  seedWorkbook(addon);
  seedAssessments(addon);
  seedLogicModel(addon);
  seedActivities(addon);
  return addon;
}

/**
 * Assets and needs, before the logic model is built from them: set-up has made the tabs, the
 * partners, the three goals and the default categories; the logic-model example's own rows (F1–F11,
 * A1–A7) come next, then the partners' and the community's findings added one by one through the
 * sidebar's own function, and the Asset Map built as a coordinator would.
 */
function seedAssessments(addon: Addon): void {
  writeExamplePlan(addon.workspace);
  for (const finding of EXAMPLE_FINDINGS) {
    addon.run('addAssessmentFinding', {
      ...finding,
      goalId: finding.goal.split(' ')[0] ?? '',
    });
  }
  addon.run('buildAssetMap');
}
