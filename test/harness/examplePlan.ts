// Names the example partnership's findings the way the tests talk about them: by their text.
import { EXAMPLE_FINDINGS } from '../../emulator/example/findings';
import {
  exampleFindingRows,
  exampleGoalRows,
  examplePartnerRows,
} from '../../emulator/example/rows';
import { analyseAssessments } from '../../src/domain/assets/analysis';
import {
  ASSESSMENTS_TAB,
  CALENDAR_TAB,
  CATEGORIES_TAB,
  GOALS_TAB,
  PARTNERS_TAB,
} from '../../src/domain/schema/tabs';
import { intlZoneOracle } from './intlZoneOracle';
import { exampleCategoryRows } from './planTabs';
import { type KeyedRow, tabRecords } from './records';

/** The ID the example gives the finding whose description starts with this text. */
export function exampleId(description: string): string {
  const at = EXAMPLE_FINDINGS.findIndex((f) => f.description.startsWith(description));
  if (at < 0) throw new Error(`No example finding starts with “${description}”`);
  if (EXAMPLE_FINDINGS.findIndex((f, i) => i > at && f.description.startsWith(description)) >= 0)
    throw new Error(`More than one example finding starts with “${description}”`);
  return `F${at + 1}`;
}

/** The example's analysis, optionally with other Assessments rows or some Calendar rows. */
export function analyseExample(
  findings: KeyedRow[] = exampleFindingRows(),
  calendar: KeyedRow[] = [],
) {
  return analyseAssessments({
    partners: tabRecords(PARTNERS_TAB, examplePartnerRows()).records,
    assessments: tabRecords(ASSESSMENTS_TAB, findings),
    categories: tabRecords(CATEGORIES_TAB, exampleCategoryRows()).records,
    goals: tabRecords(GOALS_TAB, exampleGoalRows()).records,
    calendar: tabRecords(CALENDAR_TAB, calendar).records,
    dates: { sheetZone: 'America/New_York', oracle: intlZoneOracle, locale: 'en_US' },
  });
}
