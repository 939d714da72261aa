// Answers where the eye is (issue 22): after each action the answer is in view, focused, announced with its role, and cleared when fixed.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import { expectAnswer as expectAnswerIn } from '../harness/answers';
import { seriousViolations } from '../harness/axe';
import {
  openPreview,
  openSidebar,
  type PreviewSession,
  sidebarFrame,
} from '../harness/previewPage';
import { sidebarCall } from '../harness/sidebarCall';
import { appendRows } from '../harness/syncFixture';

jest.setTimeout(120_000);

const SHOTS = join(__dirname, '../../test-output/screenshots');
const HEIGHT = 900;
const PARTNERS = [
  ['Westside Public Library', 'desk@westside-library.example.org'],
  ['Westside YMCA', 'front@westside-ymca.example.org'],
  ['Parent Association', 'pta@westside.example.org'],
] as const;

let session: PreviewSession;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  session = await openPreview({ blank: true });
  page = session.page;
  await page.setViewportSize({ width: 1400, height: HEIGHT });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  page.on('console', (m) => {
    // The preview has no favicon yet (issue 22 item 9, another change): the browser's 404 for it is not ours.
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico'))
      consoleErrors.push(m.text());
  });
});

afterAll(() => session?.close());

/** The answer to the last action: in this 900 px window, focused, announced. */
const expectAnswer = (sidebar: FrameLocator, kind: 'success' | 'error', text: RegExp) =>
  expectAnswerIn(page, sidebar, kind, text, { height: HEIGHT });

describe('answers in every sidebar, from a blank spreadsheet', () => {
  it('set-up answers beside its button, then reads the spreadsheet’s name and tabs again', async () => {
    await page.goto(session.preview.url);
    await page.locator('[data-sheet="Sheet1"]').waitFor();
    const setup = await openSidebar(page, 'Set up the work plan…', 'Set up the work plan');
    await setup.getByText('No plan tabs yet: set-up will create them.').waitFor();
    await setup.getByLabel('Partnership name').fill('Westside Reading Partnership');
    await setup.getByLabel('Led by').fill('Westside Elementary School');
    for (const [i, [organisation, email]] of PARTNERS.entries()) {
      if (i > 0) await setup.getByRole('button', { name: 'Add a partner' }).click();
      await setup.locator(`#partner-${i + 1}-organisation`).fill(organisation);
      await setup.locator(`#partner-${i + 1}-email`).fill(email);
      await setup.locator(`[data-partner="${i + 1}"] [data-field="invite"]`).check();
    }
    await setup.getByRole('radio', { name: 'A new group calendar' }).check();
    await expect(
      setup.getByLabel('Add partners ticked “Calendar invite” as guests').isChecked(),
    ).resolves.toBe(true);
    await setup.getByRole('button', { name: 'Set up the plan' }).click();
    await expectAnswer(setup, 'success', /^Done: \d+ tabs created\.$/);
    // The header is read again: the new name and the tabs, not "Untitled spreadsheet".
    await setup.locator('#spreadsheet-name').getByText('Westside Reading Partnership').waitFor();
    await setup.getByText(/^Plan tabs already here: /).waitFor();
    await setup
      .getByText(
        'Already on the Partners tab: Westside Elementary School, Westside Public Library, Westside YMCA, Parent Association.',
      )
      .waitFor();
    await setup.getByRole('button', { name: 'Save and repair the plan' }).waitFor();
    await expect(setup.locator('#overview').textContent()).resolves.not.toMatch(
      /Untitled spreadsheet|No plan tabs yet/,
    );
    // The summary says who is invited and what waits for the coordinator.
    const summary = setup.locator('#result-lines');
    await summary
      .getByText(
        /^Guests of every event: Westside Public Library, Westside YMCA and Parent Association/,
      )
      .waitFor();
    await summary.getByText(/events will be created when you press Sync now/).waitFor();
    await summary
      .getByText('Automatic syncs are off until you turn them on in Calendar sync.')
      .waitFor();
    expect(await seriousViolations(sidebarFrame(page))).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'answers-setup.png') });
    await setup.locator('#result').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'answers-setup-summary.png') });
  });

  it('the calendar sidebar shows set-up’s choices', async () => {
    const sync = await openSidebar(page, 'Calendar sync…', 'Calendar sync');
    await sync.getByText(/will be created by the first sync/).waitFor();
    for (const label of [
      'Share the calendar with the partners’ emails',
      'Add partners ticked “Calendar invite” as guests',
      'Email them invitations (new events and new guests only)',
    ])
      await expect(sync.getByLabel(label).isChecked()).resolves.toBe(true);
    // The partners set-up named are approved: nobody waits.
    await sync.getByText('Nobody is waiting.').waitFor();
    await sync.getByRole('button', { name: 'Preview' }).click();
    await expectAnswer(sync, 'success', /./);
    await expect(sync.locator('#last-run').textContent()).resolves.toBe('');
    // A sync from the menu while the sidebar is open: coming back to the sidebar shows its run.
    appendRows(session.preview.addon().workspace, CALENDAR_TAB, [
      {
        title: 'Family reading night',
        startDate: '2027-10-07',
        startTime: '18:00',
        status: 'Planned',
      },
    ]);
    await page.getByRole('button', { name: 'Extensions' }).click();
    await page.getByRole('menuitem', { name: 'Sync the calendar now' }).click();
    await page.locator('#toast:not([hidden])').waitFor();
    expect(sidebarCall(session.preview.addon(), 'getCalendarSyncState').lastRun).toMatch(
      /1 event created/,
    );
    await sync.getByRole('heading', { level: 1, name: 'Calendar sync' }).click();
    await sync
      .locator('#last-run')
      .getByText(/^Last run: /)
      .waitFor();
    await sync.getByText(/^Now syncing to “/).waitFor();
    expect(await seriousViolations(sidebarFrame(page))).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'answers-calendar.png') });
  });

  it('the goals sidebar’s error stands beside the button, is announced, and clears once the field is fixed', async () => {
    const goals = await openSidebar(page, 'Goals, outcomes and progress…', 'Goals and progress');
    await goals.getByRole('button', { name: 'Add the goal' }).click();
    await expectAnswer(goals, 'error', /^Write the goal \(in a sentence\) before saving\.$/);
    await page.screenshot({ path: join(SHOTS, 'answers-goals-error.png') });
    await goals.getByLabel('Goal', { exact: true }).pressSequentially('Every child reads', {
      delay: 20,
    });
    await goals.locator('#status.idle').waitFor({ state: 'attached' });
    await expect(goals.locator('#status').textContent()).resolves.toBe('');
    await goals.getByRole('button', { name: 'Add the goal' }).click();
    await expectAnswer(goals, 'success', /^Added goal G1 to Goals row 2\./);
    expect(await seriousViolations(sidebarFrame(page))).toEqual([]);
  });

  it('the assets sidebar and the logic model answer in view too', async () => {
    const assess = await openSidebar(page, 'Assets and needs…', 'Assets and needs');
    await assess.getByRole('button', { name: 'Add to Assessments' }).click();
    await expectAnswer(assess, 'error', /./);
    await assess.getByRole('button', { name: 'Build the asset map' }).click();
    await expectAnswer(assess, 'success', /./);
    // A finding added after the map was built: the map says it no longer counts everything.
    await assess.locator('#partner').selectOption({ index: 1 });
    await assess.locator('#category').selectOption({ index: 1 });
    await assess.locator('#description').fill('Volunteer readers on Saturdays');
    await assess.getByRole('button', { name: 'Add to Assessments' }).click();
    await assess
      .locator('#status.success')
      .getByText(/^Added F\d+/)
      .waitFor();
    await assess
      .locator('#map-stale')
      .getByText(/build the asset map again/)
      .waitFor();
    expect(await seriousViolations(sidebarFrame(page))).toEqual([]);
    const logic = await openSidebar(page, 'Logic model…', 'Logic model');
    await logic.getByLabel('External factors').fill('Bus routes change in 2028');
    await logic.getByRole('button', { name: 'Save goal' }).click();
    await expectAnswer(logic, 'success', /^Saved /);
    expect(await seriousViolations(sidebarFrame(page))).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'answers-logic-model.png') });
    expect(consoleErrors).toEqual([]);
  });
});
