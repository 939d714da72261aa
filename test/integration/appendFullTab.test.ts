// Every action that adds a row works on a tab with no empty row left (issue 12: appends grow the grid).
import type { Workspace } from '../../emulator/workspace';
import type {
  AddFindingResult,
  AssessmentForm,
  GapActivityResult,
} from '../../src/shared/assetsWire';
import type { SaveRowResult } from '../../src/shared/logicModelWire';
import type { AddPartnerResult } from '../../src/shared/setupWire';
import { loadExamplePlan } from '../harness/logicFixture';

function sheet(ws: Workspace, name: string) {
  const found = ws.sheets.app.getActiveSpreadsheet().getSheetByName(name);
  if (!found) throw new Error(`No ${name} tab`);
  return found;
}

/** A partner deletes every empty row below the table: the grid ends at the last row. */
function deleteEmptyRowsBelow(ws: Workspace, name: string): number {
  const s = sheet(ws, name);
  const last = s.getLastRow();
  const max = s.getMaxRows();
  if (max > last) expect(ws.sheets.userDeleteRows(name, last + 1, max - last).ok).toBe(true);
  expect(s.getMaxRows()).toBe(last);
  return last;
}

const cell = (ws: Workspace, name: string, row: number, header: string) => {
  const table = ws.sheets.table(name);
  return table[row - 1]?.[table[0].indexOf(header)];
};

describe('adding a row to a tab whose grid is full', () => {
  it('adds a finding, a gap activity, an outcome, an activity and a partner on the row below', () => {
    const { ws, addon } = loadExamplePlan();

    const form = addon.runFromSidebar('getAssessmentForm') as AssessmentForm;
    const findingsEnd = deleteEmptyRowsBelow(ws, 'Assessments');
    const finding = addon.runFromSidebar('addAssessmentFinding', {
      source: 'Organisational',
      partner: 'Riverside YMCA',
      kind: 'Need',
      category: form.categories[0].name,
      description: 'No quiet room for homework help',
      evidence: '',
      dataSource: '',
      population: '',
      priority: 'High',
      goalId: '',
    }) as AddFindingResult;
    expect(finding.row).toBe(findingsEnd + 1);
    expect(cell(ws, 'Assessments', finding.row, 'Description')).toBe(
      'No quiet room for homework help',
    );

    const activitiesEnd = deleteEmptyRowsBelow(ws, 'Calendar');
    const gap = addon.runFromSidebar('addGapActivity', finding.id) as GapActivityResult;
    expect(gap).toMatchObject({ created: true, row: activitiesEnd + 1 });
    expect(cell(ws, 'Calendar', gap.row, 'Activity ID')).toBe(gap.activityId);

    const outcomesEnd = deleteEmptyRowsBelow(ws, 'Outcomes');
    const outcome = addon.runFromSidebar('saveOutcome', {
      goalId: 'G1',
      term: 'Short term',
      outcome: 'Families borrow books every week',
      indicator: 'Weekly loans',
      baseline: '',
      target: '',
      targetDate: '',
    }) as SaveRowResult;
    expect(outcome).toMatchObject({ created: true, row: outcomesEnd + 1 });
    expect(cell(ws, 'Outcomes', outcome.row, 'Outcome')).toBe('Families borrow books every week');

    const calendarEnd = deleteEmptyRowsBelow(ws, 'Calendar');
    const activity = addon.runFromSidebar('addActivity', {
      goalId: 'G1',
      outcomeId: outcome.id,
      title: 'Book swap',
    }) as SaveRowResult;
    expect(activity).toMatchObject({ created: true, row: calendarEnd + 1 });
    expect(cell(ws, 'Calendar', activity.row, 'Title')).toBe('Book swap');

    const partnersEnd = deleteEmptyRowsBelow(ws, 'Partners');
    const partner = addon.runFromSidebar('addPartner', {
      organisation: 'Corner Bookshop',
    }) as AddPartnerResult;
    expect(partner.row).toBe(partnersEnd + 1);
    expect(cell(ws, 'Partners', partner.row, 'Organisation')).toBe('Corner Bookshop');
  });
});
