// Plan sources for the logic model's unit tests: example rows turned into records as readTab gives them.
import {
  EXAMPLE_ACTIVITIES,
  EXAMPLE_FINDINGS,
  EXAMPLE_GOALS,
  EXAMPLE_OUTCOMES,
  type ExampleRow,
} from '../../emulator/example/logicModel';
import type { PlanSources, SourceTab } from '../../src/domain/logicModel/parse';
import type { TabDef } from '../../src/domain/schema/columns';
import {
  ASSESSMENTS_TAB,
  CALENDAR_TAB,
  GOALS_TAB,
  OUTCOMES_TAB,
} from '../../src/domain/schema/tabs';
import { intlZoneOracle } from './intlZoneOracle';

/** Records of `rows` under a header row, every schema key present ('' when not given), rows from 2. */
export function sourceTab(
  tab: TabDef,
  rows: readonly ExampleRow[],
  sheetName = tab.name,
): SourceTab {
  return {
    sheetName,
    records: rows.map((row, i) => ({
      row: i + 2,
      cells: Object.fromEntries(tab.columns.map((c) => [c.key, row[c.key] ?? ''])),
    })),
  };
}

export interface ExampleEdits {
  goals?: ExampleRow[];
  outcomes?: ExampleRow[];
  findings?: ExampleRow[];
  activities?: ExampleRow[];
}

/** The example partnership's plan, with any tab's rows replaced. */
export function exampleSources(edits: ExampleEdits = {}): PlanSources {
  return {
    goals: sourceTab(GOALS_TAB, edits.goals ?? EXAMPLE_GOALS),
    outcomes: sourceTab(OUTCOMES_TAB, edits.outcomes ?? EXAMPLE_OUTCOMES),
    assessments: sourceTab(ASSESSMENTS_TAB, edits.findings ?? EXAMPLE_FINDINGS),
    calendar: sourceTab(CALENDAR_TAB, edits.activities ?? EXAMPLE_ACTIVITIES),
    sheetZone: 'America/New_York',
    oracle: intlZoneOracle,
    locale: 'en_US',
  };
}
