// Sheet data is shown as text everywhere: markup typed into the plan never runs, in the grid, the calendar or a sidebar.

import type { Frame, Page } from 'playwright-core';
import {
  openPreview,
  openSidebar,
  type PreviewSession,
  sidebarFrame,
  typeInto,
} from '../harness/previewPage';
import { sidebarCall } from '../harness/sidebarCall';

jest.setTimeout(120_000);

/** Each would run script if a page put it in as HTML: alert() raises a dialog, the others set a flag. */
const PARTNER = '<img src=x onerror=alert(1)>';
const FINDING = '<img src=x onerror="window.__xss=1"> no room for homework';
const GOAL = '<svg onload="window.__xss=1"></svg> families read together';
const ACTIVITY = '<img src=x onerror="window.__xss=1"><b>Reading fair</b>';

let session: PreviewSession;
let page: Page;

beforeAll(async () => {
  session = await openPreview({ fresh: true });
  page = session.page;
  // The add-on's own functions put two of the values in, as the sidebars would.
  const addon = session.preview.addon();
  sidebarCall(addon, 'addPartner', { organisation: PARTNER });
  sidebarCall(addon, 'addAssessmentFinding', {
    source: 'Organisational',
    partner: PARTNER,
    kind: 'Need',
    category: 'Institutions',
    description: FINDING,
    evidence: '',
    dataSource: '',
    population: '',
    priority: 'High',
    goalId: 'G1',
  });
});

afterAll(() => session?.close());

async function noScriptRan(target: Page | Frame): Promise<void> {
  const flag = await target.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
  expect(flag).toBeUndefined();
  expect(session.nativeDialogs).toEqual([]);
}

/** Types into the first row whose column B is empty (Goal, Title), column by header, as a partner would. */
async function typeRow(tab: string, values: Record<string, string>): Promise<void> {
  await page.locator(`[data-sheet="${tab}"]`).click();
  await page.locator(`[data-sheet="${tab}"][aria-current="page"]`).waitFor();
  const columnB = await page.locator('table.grid tbody tr td:nth-child(3)').allTextContents();
  const row = columnB.findIndex((text, i) => i > 0 && text === '') + 1;
  for (const [header, text] of Object.entries(values)) await typeInto(page, header, row, text);
}

// One flow in steps that share the page: each step names what it checks, and a slow machine
// spends each step's time budget on that step alone.
describe('values from the sheet are text, never markup', () => {
  it('shows hostile goal and activity texts typed in the grid literally', async () => {
    await page.goto(session.preview.url);
    await page.locator('[data-sheet="Partners"]').waitFor();
    // Two more typed in the grid: a goal and an activity.
    await typeRow('Goals', { Goal: GOAL });
    await typeRow('Calendar', {
      Title: ACTIVITY,
      'Start date': '2027-10-20',
      'Start time': '17:00',
      'End time': '18:00',
      // Published once its Status is ready (one rule for a click and a trigger).
      Status: 'Planned',
    });
    await page.getByRole('cell', { name: ACTIVITY }).waitFor();
    await page.locator('[data-sheet="Partners"]').click();
    await page.getByRole('cell', { name: PARTNER }).waitFor();
    await noScriptRan(page);
  });

  it('shows them literally in the set-up sidebar', async () => {
    const setup = await openSidebar(page, 'Set up the work plan…', 'Set up the work plan');
    await setup.locator('#existing-partners').getByText(PARTNER).waitFor();
    await setup.getByRole('button', { name: 'Save and repair the plan' }).click();
    await setup.locator('#result-lines').waitFor();
    await noScriptRan(sidebarFrame(page));
  });

  it('shows them literally in the assets and needs sidebar', async () => {
    const assess = await openSidebar(page, 'Assets and needs…', 'Assets and needs');
    await assess.locator('#partner option', { hasText: PARTNER }).waitFor({ state: 'attached' });
    await assess.getByRole('button', { name: 'Build the asset map' }).click();
    await assess.locator('#gaps').getByText(FINDING).waitFor();
    await noScriptRan(sidebarFrame(page));
  });

  it('shows them literally in the logic model sidebar', async () => {
    const logic = await openSidebar(page, 'Logic model…', 'Logic model');
    const goal = logic.getByLabel('Goal', { exact: true });
    const option = logic.locator('#goal option', { hasText: GOAL });
    await option.waitFor({ state: 'attached' });
    await goal.selectOption((await option.getAttribute('value')) ?? '');
    await logic
      .locator('#goal-row')
      .getByText(/^Goals row \d+$/)
      .waitFor();
    await logic.getByRole('button', { name: 'Build the logic model' }).click();
    await logic.locator('#status.success').waitFor();
    await logic.getByLabel('Goal', { exact: true }).selectOption('G1');
    await logic.getByText(FINDING).first().waitFor();
    await noScriptRan(sidebarFrame(page));
  });

  it('shows them literally in the calendar sidebar, the synced events and the asset map', async () => {
    const sync = await openSidebar(page, 'Calendar sync…', 'Calendar sync');
    await sync.getByRole('button', { name: 'Preview' }).click();
    await sync
      .getByRole('list', { name: 'Changes the sync would make' })
      .getByText(ACTIVITY, { exact: false })
      .waitFor();
    await sync.getByRole('button', { name: 'Sync now' }).click();
    await sync.locator('#status.success').getByText('Sync finished.').waitFor();
    await noScriptRan(sidebarFrame(page));

    await page.getByRole('button', { name: 'Google Calendar' }).click();
    await page.locator('.event strong', { hasText: ACTIVITY }).waitFor();
    await page.getByRole('button', { name: 'Spreadsheet' }).click();
    await page.locator('[data-sheet="Asset Map"]').click();
    await page.locator('table.grid td', { hasText: FINDING }).first().waitFor();
    await noScriptRan(page);
    for (const frame of page.frames()) await noScriptRan(frame);
  });
});
