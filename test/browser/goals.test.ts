// A new coordinator in real Chromium, from a blank spreadsheet: set-up → a goal → its outcome → two measurements → the dashboard.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { seriousViolations } from '../harness/axe';
import {
  openPreview,
  openSidebar,
  type PreviewSession,
  sidebarFrame,
} from '../harness/previewPage';

jest.setTimeout(120_000);

/** As in e2e.test.ts: `UPDATE_SCREENSHOTS=1` refreshes the README's committed screenshots. */
const SHOTS = join(
  __dirname,
  process.env.UPDATE_SCREENSHOTS ? '../../docs/screenshots' : '../../test-output/screenshots',
);

let session: PreviewSession;
let page: Page;
let goals: FrameLocator;

/** yyyy-mm-dd `days` from now (the preview runs on the real clock; margins of weeks keep it stable). */
const dayFromNow = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  session = await openPreview({ blank: true });
  page = session.page;
});

afterAll(() => session?.close());

describe('the goals path on a new spreadsheet', () => {
  it('sets up the plan with one partner', async () => {
    await page.goto(session.preview.url);
    await page.locator('[data-sheet="Sheet1"]').waitFor();
    const setup = await openSidebar(page, 'Set up the work plan…', 'Set up the work plan');
    await setup.getByLabel('Partnership name').fill('Westside Reading Partnership');
    await setup.locator('#partner-1-organisation').fill('Westside Public Library');
    await setup.getByRole('button', { name: 'Set up the plan' }).click();
    await setup
      .locator('#status.success')
      .getByText(/^Done: \d+ tabs created\.$/)
      .waitFor();
    await page.locator('[data-sheet="Progress"]').waitFor();
  });

  it('adds a goal from the goals sidebar, with its ID at once', async () => {
    goals = await openSidebar(page, 'Goals, outcomes and progress…', 'Goals and progress');
    await goals
      .locator('#goal-owner option', { hasText: 'Westside Public Library' })
      .waitFor({ state: 'attached' });
    await goals
      .getByLabel('Goal', { exact: true })
      .fill('Every child reads at grade level by grade 3');
    await goals.getByLabel('Priority').selectOption('High');
    await goals.getByLabel('Why it matters').fill('Only 41% of third graders read at grade level.');
    await goals.getByLabel('Owner partner').selectOption('Westside Public Library');
    await goals.getByRole('button', { name: 'Add the goal' }).click();
    await goals
      .locator('#status.success')
      .getByText(/^Added goal G1 to Goals row 2\./)
      .waitFor();
    await expect(goals.getByLabel('Choose a goal').inputValue()).resolves.toBe('G1');
    expect(await seriousViolations(sidebarFrame(page))).toEqual([]);
  });

  it('gives the goal an outcome with an indicator, baseline, target and date', async () => {
    await goals.locator('#new-term').selectOption('Medium term');
    await goals.locator('#new-outcome').fill('More third graders read at grade level');
    await goals.locator('#new-indicator').fill('Share of grade 3 at benchmark');
    await goals.locator('#new-baseline').fill('40%');
    await goals.locator('#new-target').fill('60%');
    await goals.locator('#new-targetDate').fill(dayFromNow(365));
    await goals.getByRole('button', { name: 'Add the outcome' }).click();
    await goals
      .locator('#status.success')
      .getByText(/^Added outcome O1 to Outcomes row 2, linked to G1\./)
      .waitFor();
    await goals.getByText('not measured yet').waitFor();
  });

  it('records two measurements, kept as two rows of the Progress tab', async () => {
    for (const [days, value] of [
      [-60, '40%'],
      [-10, '46%'],
    ] as const) {
      await goals.getByText('Record a measurement').click();
      await goals.locator('#O1-progress-date').fill(dayFromNow(days));
      await goals.locator('#O1-progress-value').fill(value);
      await goals.getByRole('button', { name: 'Record the measurement' }).click();
      await goals
        .locator('#status.success')
        .getByText(new RegExp(`^Recorded ${value} for O1`))
        .waitFor();
    }
    await goals.getByText(/latest 46% on .* \(2 measured\)/).waitFor();
    const progress = session.preview.addon().workspace.sheets.table('Progress');
    expect(progress).toHaveLength(3);
  });

  it('updates the dashboard, which shows the indicator on track', async () => {
    await goals.getByRole('button', { name: 'Update the dashboard' }).click();
    await goals
      .locator('#status.success')
      .getByText(/^Dashboard updated: /)
      .waitFor();
    await page.getByRole('button', { name: 'Spreadsheet', exact: true }).click();
    await page.locator('[data-sheet="Dashboard"]').click();
    await page.locator('[data-sheet="Dashboard"][aria-current="page"]').waitFor();
    const row = page.locator('table.grid tbody tr', {
      hasText: 'O1 · More third graders read at grade level',
    });
    await row.getByText('On track', { exact: true }).waitFor();
    // The README's picture: the sidebar closed, the indicator and participation tables in view.
    await page.getByRole('button', { name: 'Close sidebar' }).click();
    await page
      .locator('table.grid tbody tr', { hasText: 'Participation per partner' })
      .evaluate((tr) => tr.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(SHOTS, 'dashboard.png') });
  });

  it('writes the partner’s one-page brief from the same sidebar', async () => {
    goals = await openSidebar(page, 'Goals, outcomes and progress…', 'Goals and progress');
    await goals
      .locator('#brief-partner option', { hasText: 'Westside Public Library' })
      .waitFor({ state: 'attached' });
    await goals
      .getByLabel('For', { exact: true })
      .selectOption({ label: 'Westside Public Library' });
    await goals.getByRole('button', { name: 'Write the briefs' }).click();
    await goals
      .locator('#status.success')
      .getByText(
        /^Brief for Westside Public Library written to the Brief · Westside Public Library tab/,
      )
      .waitFor();
    await page.getByRole('button', { name: 'Close sidebar' }).click();
    await page.getByRole('button', { name: 'Spreadsheet', exact: true }).click();
    await page.locator('[data-sheet="Brief · Westside Public Library"]').click();
    await page.getByRole('cell', { name: 'Our goals and priorities' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'partner-brief.png') });
  });

  it('previews the weekly email to partners and turns it on, saying who is left out and why', async () => {
    goals = await openSidebar(page, 'Goals, outcomes and progress…', 'Goals and progress');
    await goals.getByRole('button', { name: 'Preview the emails' }).click();
    // Set-up's partner has no address: the preview says so, with a link to its row.
    await goals.getByText(/^Westside Public Library: no email address/).waitFor();
    const toggle = goals.getByLabel('Send each partner its weekly email');
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    await goals
      .locator('#status.success')
      .getByText(/^The weekly email is on: 0 partners/)
      .waitFor();
    expect(await seriousViolations(sidebarFrame(page))).toEqual([]);
  });

  it('turned on while a sync finishes in the background, says it starts once that is done', async () => {
    const toggle = goals.getByLabel('Send each partner its weekly email');
    await toggle.uncheck();
    await goals.locator('#status.success').getByText('The weekly email is off.').waitFor();
    // A sync that stopped early left its continuation: the one clock trigger this account may hold.
    const ws = session.preview.addon().workspace;
    ws.script.triggers.push({
      id: 'trigger-background-sync',
      handler: 'continueCalendarSync_',
      eventType: 'CLOCK',
      nextDueMs: ws.runtime.now() + 86_400_000,
      owner: ws.session.userEmail,
      documentId: ws.currentSpreadsheetId,
    });
    await toggle.check();
    const said = 'It starts once the calendar sync finishing in the background is done.';
    await goals.locator('#status.success').getByText(said).waitFor();
    await goals.locator('#digest-view p.hint').getByText(said, { exact: true }).waitFor();
    expect(await toggle.isChecked()).toBe(true);
  });
});
