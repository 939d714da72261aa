// Saves that are refused write nothing: every field and limit is checked before the first write.
import type { Addon } from '../../emulator/addon';
import type { Workspace } from '../../emulator/workspace';
import { loadExamplePlan } from '../harness/logicFixture';
import { sidebarCall } from '../harness/sidebarCall';
import { setUp } from '../harness/workbook';
import { loadAddon } from '../harness/workspace';

const state = (ws: Workspace) => JSON.stringify(ws.toJSON());

/** Formula-looking text is kept literal with an apostrophe: 50,000 typed characters become 50,001. */
const justTooLong = `=${'x'.repeat(49_999)}`;

function refusedWithoutWriting(ws: Workspace, save: () => unknown): string {
  const before = state(ws);
  let message = '';
  try {
    save();
  } catch (error) {
    message = error instanceof Error ? error.message : String(error);
  }
  expect(message).not.toBe('');
  expect(state(ws)).toBe(before);
  return message;
}

const firstOutcome = (addon: Addon) => {
  const outcome = sidebarCall(addon, 'getLogicModelDraft', 'G1').outcomes[0];
  if (!outcome) throw new Error('The example plan has an outcome for G1');
  return outcome;
};

describe('refused saves', () => {
  it('saveGoalDetails: a field too long for its cell leaves the earlier fields unwritten', () => {
    const { ws, addon } = loadExamplePlan();
    const message = refusedWithoutWriting(ws, () =>
      sidebarCall(addon, 'saveGoalDetails', {
        goalId: 'G1',
        problem: 'Few books at home',
        impact: 'Readers for life',
        inputs: justTooLong,
      }),
    );
    expect(message).toMatch(/too long for one cell .*at most 50,000 characters.*nothing was saved/);
  });

  it('saveOutcome: a refused field leaves the outcome as it was', () => {
    const { ws, addon } = loadExamplePlan();
    const outcome = firstOutcome(addon);
    const message = refusedWithoutWriting(ws, () =>
      sidebarCall(addon, 'saveOutcome', {
        goalId: 'G1',
        outcomeId: outcome.id,
        term: outcome.term,
        outcome: 'A changed outcome',
        indicator: outcome.indicator,
        baseline: justTooLong,
        target: outcome.target,
        targetDate: outcome.targetDate,
        loaded: outcome,
      }),
    );
    expect(message).toMatch(/^Baseline: too long for one cell/);
  });

  it('saveOutcome and addActivity: a new row too long for its cells is not added', () => {
    const { ws, addon } = loadExamplePlan();
    refusedWithoutWriting(ws, () =>
      sidebarCall(addon, 'saveOutcome', {
        goalId: 'G1',
        term: 'Short term',
        outcome: justTooLong,
        indicator: '',
        baseline: '',
        target: '',
        targetDate: '',
      }),
    );
    refusedWithoutWriting(ws, () =>
      sidebarCall(addon, 'addActivity', { goalId: 'G1', outcomeId: '', title: justTooLong }),
    );
  });

  it.each([
    ['a 10,000-character purpose', 'p'.repeat(10_000)],
    ['a purpose of 5,000 accented letters (10,000 bytes)', 'é'.repeat(5_000)],
  ])('setUpPlan with %s creates no tab and stores nothing', (_label, purpose) => {
    const { ws, addon } = loadAddon();
    const message = refusedWithoutWriting(ws, () =>
      sidebarCall(addon, 'setUpPlan', { name: 'Riverside', purpose }),
    );
    expect(message).toMatch(
      /too long to store together: [\d,]+ bytes.*at most 9,216.*nothing was changed/,
    );
    expect(ws.sheets.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
  });

  it('setUpPlan and addPartner: a partner too long for its cell adds no tab and no row', () => {
    const { ws, addon } = loadAddon();
    refusedWithoutWriting(ws, () =>
      sidebarCall(addon, 'setUpPlan', {
        name: 'Riverside',
        partners: [{ organisation: 'Library' }, { organisation: justTooLong }],
      }),
    );
    setUp(addon);
    const message = refusedWithoutWriting(ws, () =>
      sidebarCall(addon, 'addPartner', { organisation: 'Clinic', contact: justTooLong }),
    );
    expect(message).toMatch(/^Contact: too long for one cell/);
  });

  it('saveCalendarChoice: a calendar that is not one of yours is refused before anything is saved', () => {
    const { ws, addon } = loadAddon();
    setUp(addon);
    const message = refusedWithoutWriting(ws, () =>
      sidebarCall(addon, 'saveCalendarChoice', {
        mode: 'existing',
        calendarId: 'someone-else@group.calendar.google.com',
        shareWithPartners: false,
        invitePartners: false,
        sendInvites: false,
      }),
    );
    expect(message).toBe('Choose one of your calendars in the list.');
  });
});
