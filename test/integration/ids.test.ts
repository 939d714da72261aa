// IDs are never reused and links go by ID only (issue 12): deleted findings, gap drafts, the sync.
import type { Workspace } from '../../emulator/workspace';
import { ASSESSMENTS_TAB, CALENDAR_TAB } from '../../src/domain/schema/tabs';
import type {
  AddFindingResult,
  AssetMapSummary,
  FindingInput,
  GapActivityResult,
} from '../../src/shared/assetsWire';
import type { SaveRowResult } from '../../src/shared/logicModelWire';
import { loadExamplePlan } from '../harness/logicFixture';
import { appendRows, readKeyedRows } from '../harness/planFixture';
import { appendRows as calendarAppend, calendarRows, syncFixture } from '../harness/syncFixture';
import { setUp } from '../harness/workbook';

function need(addon: ReturnType<typeof loadExamplePlan>['addon'], description: string) {
  const input: FindingInput = {
    source: 'Organisational',
    partner: 'Riverside YMCA',
    kind: 'Need',
    category: 'Volunteers',
    description,
    evidence: '',
    dataSource: '',
    population: '',
    priority: '',
    goalId: '',
  };
  return addon.runFromSidebar('addAssessmentFinding', input) as AddFindingResult;
}

const rowWithId = (ws: Workspace, name: string, id: string) =>
  ws.sheets.table(name).findIndex((r) => r[0] === id) + 1;

describe('IDs are never handed out twice', () => {
  it('a finding added after the last one was deleted gets a new ID and none of its gap activity', () => {
    const { ws, addon } = loadExamplePlan();
    const first = need(addon, 'No quiet room for homework help');
    const draft = addon.runFromSidebar('addGapActivity', first.id) as GapActivityResult;
    expect(draft.created).toBe(true);
    expect(ws.sheets.userDeleteRows('Assessments', first.row).ok).toBe(true);

    const second = need(addon, 'No transport to evening events');
    expect(second.id).not.toBe(first.id);
    const number = (id: string) => Number(id.slice(1));
    expect(number(second.id)).toBe(number(first.id) + 1);
    const map = addon.runFromSidebar('buildAssetMap') as AssetMapSummary;
    expect(map.gaps.find((g) => g.findingId === second.id)?.activity).toBeNull();
    const again = addon.runFromSidebar('addGapActivity', second.id) as GapActivityResult;
    expect(again.created).toBe(true);
    expect(again.activityId).not.toBe(draft.activityId);
  });

  it('outcomes and activities continue after deleted ones, the sync too', () => {
    const { ws, addon } = loadExamplePlan();
    const add = () =>
      addon.runFromSidebar('addActivity', {
        goalId: 'G1',
        outcomeId: '',
        title: 'Book swap',
      }) as SaveRowResult;
    const a = add();
    expect(ws.sheets.userDeleteRows('Calendar', a.row).ok).toBe(true);
    const b = add();
    expect(b.id).not.toBe(a.id);
    const outcome = () =>
      addon.runFromSidebar('saveOutcome', {
        goalId: 'G1',
        term: 'Short term',
        outcome: 'Families borrow books every week',
        indicator: '',
        baseline: '',
        target: '',
        targetDate: '',
      }) as SaveRowResult;
    const o = outcome();
    expect(ws.sheets.userDeleteRows('Outcomes', o.row).ok).toBe(true);
    expect(outcome().id).not.toBe(o.id);
  });
});

describe('the sync numbers new rows after every ID handed out', () => {
  it('a row added after the last one was deleted and synced away does not take its ID', () => {
    const { ws, addon } = syncFixture();
    const day = (d: number) => ({
      title: `Session ${d}`,
      type: 'Meeting',
      startDate: `2027-04-0${d}`,
    });
    calendarAppend(ws, CALENDAR_TAB, [day(1), day(2), day(3)]);
    addon.run('syncCalendar');
    const ids = calendarRows(ws).map((r) => String(r.id));
    expect(ids).toHaveLength(3);
    expect(ws.sheets.userDeleteRows('Calendar', 4).ok).toBe(true);
    addon.run('syncCalendar');
    calendarAppend(ws, CALENDAR_TAB, [day(4)]);
    addon.run('syncCalendar');
    const after = calendarRows(ws).map((r) => String(r.id));
    expect(after.slice(0, 2)).toEqual(ids.slice(0, 2));
    expect(after).toHaveLength(3);
    expect(ids).not.toContain(after[2]);
  });
});

describe('a gap draft is linked to its need by ID', () => {
  it('a need typed without an ID gets one with its draft; a repair and a deleted blank row keep one draft', () => {
    const { ws, addon } = loadExamplePlan();
    setUp(addon, { partners: [] });
    const at = appendRows(ws, ASSESSMENTS_TAB, [
      {
        source: 'Organisational',
        partner: 'Riverside YMCA',
        kind: 'Need',
        category: 'Volunteers',
        description: 'Nobody to fix the computer lab',
      },
    ]);
    // The need has no ID yet, so the map knows it by its row.
    const map = addon.runFromSidebar('buildAssetMap') as AssetMapSummary;
    const gap = map.gaps.find((g) => g.need.includes('Nobody to fix the computer lab'));
    expect(gap?.findingId).toBe(`row ${at}`);

    const draft = addon.runFromSidebar('addGapActivity', gap?.findingId) as GapActivityResult;
    const findingId = String(ws.sheets.table('Assessments')[at - 1][0]);
    expect(findingId).toMatch(/^F\d+$/);
    expect(draft.message).toContain(findingId);
    const notes = readKeyedRows(ws, CALENDAR_TAB).find((r) => r.id === draft.activityId)?.notes;
    expect(String(notes)).toContain(`need ${findingId}`);

    // A blank row above it is deleted and the plan is repaired: still one draft, on the same need.
    ws.sheets.userInsertRows('Assessments', 3);
    addon.runFromSidebar('repairPlan');
    expect(ws.sheets.userDeleteRows('Assessments', 3).ok).toBe(true);
    const after = addon.runFromSidebar('buildAssetMap') as AssetMapSummary;
    expect(after.gaps.find((g) => g.findingId === findingId)?.activity?.id).toBe(draft.activityId);
    const twice = addon.runFromSidebar('addGapActivity', findingId) as GapActivityResult;
    expect(twice).toMatchObject({ created: false, activityId: draft.activityId });
    const drafts = readKeyedRows(ws, CALENDAR_TAB).filter((r) =>
      String(r.notes).includes('computer lab'),
    );
    expect(drafts.length).toBeLessThanOrEqual(1);
    expect(rowWithId(ws, 'Assessments', findingId)).toBe(at);
  });
});
