// Builds the preview's starting point: the example partnership, set up through the add-on itself.
import { Addon } from '../addon';
import { Workspace } from '../workspace';
import { EXAMPLE_FINDINGS } from './findings';
import { EXAMPLE_PARTNERSHIP } from './partnership';
import { writeExamplePlan } from './planTabs';

export interface ExampleOptions {
  codeDir?: string;
  /** Tests pin the clock; the live preview follows real time. */
  virtualClock?: boolean;
  startTime?: Date | number;
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
  });
  const addon = new Addon(workspace, options.codeDir);
  addon.open('FULL');
  seedAssessments(addon);
  return addon;
}

/**
 * Assets and needs: the partners' and the community's findings, added one by one through the
 * sidebar's own function (IDs F1… in order), then the Asset Map built as a coordinator would.
 * The plan tabs are written directly until the workbook set-up seeds them.
 */
function seedAssessments(addon: Addon): void {
  writeExamplePlan(addon.workspace, []);
  for (const finding of EXAMPLE_FINDINGS) {
    addon.run('addAssessmentFinding', {
      ...finding,
      goalId: finding.goal.split(' ')[0] ?? '',
    });
  }
  addon.run('buildAssetMap');
}
