// A Sheets error during set-up, the repair or a build reaches the coordinator as one sentence; Google's words go to the log.
import fc from 'fast-check';
import type { Addon } from '../../emulator/addon';
import type { Workspace } from '../../emulator/workspace';
import { addGoalAndOutcome } from '../harness/goalAndOutcome';
import { setUp } from '../harness/workbook';
import { loadAddon } from '../harness/workspace';

/** What Google says when Sheets fails a call (texts Apps Script users report, docs/google-facts.md). */
const SHEETS_ERRORS = [
  'Service error: Spreadsheets',
  'Service Spreadsheets timed out while accessing document with id 1x2y3z.',
  'Service Spreadsheets failed while accessing document with id 1x2y3z.',
];

const SENTENCE = /^.*(stopped before it finished|stopped on an error from Google).* run it again/;

const ZONES = ['America/Chicago', 'Europe/Berlin', 'Asia/Kolkata'];

/** A plan set up from the sidebar, with a goal and an outcome, in the given zone. */
function plan(zone: string, setUpFirst = true): { ws: Workspace; addon: Addon } {
  const loaded = loadAddon({ spreadsheetTimeZone: zone });
  if (!setUpFirst) return loaded;
  setUp(loaded.addon);
  addGoalAndOutcome(loaded.addon);
  return loaded;
}

interface Run {
  /** The public function (sidebar) and its menu twin, which answers in a dialog. */
  sidebar: string;
  menu: string | null;
  args: unknown[];
  /** Set-up runs on a spreadsheet that is not a plan yet; every other run on a plan. */
  fresh: boolean;
}

const RUNS: Run[] = [
  { sidebar: 'setUpPlan', menu: null, args: [{ name: 'Riverside Partnership' }], fresh: true },
  { sidebar: 'repairPlan', menu: 'checkAndRepairPlan', args: [], fresh: false },
  { sidebar: 'buildAssetMap', menu: 'buildAssetMapFromMenu', args: [], fresh: false },
  { sidebar: 'buildLogicModel', menu: 'buildLogicModelFromMenu', args: [], fresh: false },
  { sidebar: 'buildDashboard', menu: 'buildDashboardFromMenu', args: [], fresh: false },
  { sidebar: 'buildPartnerBriefs', menu: 'buildPartnerBriefsFromMenu', args: [null], fresh: false },
];

/** Every Sheets call but the dialogs that say what happened (a failed dialog cannot say anything). */
const sheetsCalls = /^SpreadsheetApp\.(?!Ui\.|getUi$)/;

/** How many Sheets calls the run makes when nothing fails (the same plan, built the same way). */
function callsOf(run: Run, zone: string): number {
  const { ws, addon } = plan(zone, !run.fresh);
  ws.runtime.resetCounts();
  addon.runFromSidebar(run.sidebar, ...run.args);
  return ws.runtime.count(sheetsCalls);
}

describe.each(RUNS)('a Google error during $sidebar', (run) => {
  const counts = new Map(ZONES.map((zone) => [zone, callsOf(run, zone)]));

  it('reads as one sentence at any Sheets call, with Google’s words in the log, and the next run works', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.constantFrom(...SHEETS_ERRORS),
        fc.boolean(),
        (zone, at, raw, fromMenu) => {
          const { ws, addon } = plan(zone, !run.fresh);
          const atCall = 1 + Math.floor(at * (counts.get(zone) ?? 1));
          ws.runtime.failAt(sheetsCalls, atCall, raw);
          const viaMenu = fromMenu && run.menu !== null;
          const dialogs = ws.sheets.ui.dialogs.length;
          let said = '';
          try {
            if (viaMenu && run.menu) addon.run(run.menu);
            else addon.runFromSidebar(run.sidebar, ...run.args);
          } catch (error) {
            said = error instanceof Error ? error.message : String(error);
          }
          if (viaMenu) said = ws.sheets.ui.dialogs.slice(dialogs).at(-1)?.prompt ?? said;
          expect(said).toMatch(SENTENCE);
          expect(said).not.toContain(raw);
          expect(said).not.toMatch(/Service|Spreadsheets|Exception/);
          expect(ws.logs.join('\n')).toContain(raw);
          ws.runtime.clearFaults();
          expect(() => addon.runFromSidebar(run.sidebar, ...run.args)).not.toThrow();
        },
      ),
      { numRuns: 6 },
    );
  });
});
