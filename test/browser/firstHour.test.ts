// A new coordinator's first hour, typed at 60 ms a key from a blank spreadsheet: every answer in view and announced, set-up's choices carried, no generated tab cut, no console error.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { type AnswerKind, expectAnswer as expectAnswerIn } from '../harness/answers';
import { seriousViolations } from '../harness/axe';
import { cutCells, showTab } from '../harness/grid';
import {
  cellUnder,
  gridSettled,
  openPreview,
  openSidebar,
  type PreviewSession,
  sidebarFrame,
} from '../harness/previewPage';

jest.setTimeout(240_000);

/** `UPDATE_SCREENSHOTS=1` refreshes the README's walk-through pictures (docs/screenshots/first-hour-*). */
const SHOTS = join(
  __dirname,
  process.env.UPDATE_SCREENSHOTS ? '../../docs/screenshots' : '../../test-output/screenshots',
);
const WIDTH = 1400;
const HEIGHT = 900;
/** A person's typing speed: each key its own event, as the sidebars and the grid receive them. */
const KEY_DELAY = 60;
const PLAN = 'Eastside Reading Partnership';
const SCHOOL = 'Eastside Elementary School';
const PARTNERS = [
  ['Eastside Public Library', 'lena@library.example.org'],
  ['Eastside Food Bank', 'omar@foodbank.example.org'],
] as const;

let session: PreviewSession;
let page: Page;
const consoleErrors: string[] = [];

/** yyyy-mm-dd `days` from now (the preview runs on the real clock; margins of weeks keep it stable). */
const dayFromNow = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  session = await openPreview({ blank: true });
  page = session.page;
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${m.text()} (${m.location().url})`);
  });
});

afterAll(() => session?.close());

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `first-hour-${name}.png`) });

/** Clicks a field and types into it key by key. */
async function typeSlowly(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.pressSequentially(text, { delay: KEY_DELAY });
}

/** A partner clicks a grid cell, types over it key by key and presses Enter. */
async function typeInCell(header: string, row: number, text: string): Promise<void> {
  await (await cellUnder(page, header, row)).click();
  await page.keyboard.type(text, { delay: KEY_DELAY });
  await page.keyboard.press('Enter');
  await gridSettled(page);
}

/** The answer to the last action: in the 900 px window, focused (`focus`), announced. */
const expectAnswer = (sidebar: FrameLocator, kind: AnswerKind, text: RegExp, focus = 'status') =>
  expectAnswerIn(page, sidebar, kind, text, { height: HEIGHT, focus });

async function expectAccessibleSidebar(): Promise<void> {
  expect(await seriousViolations(sidebarFrame(page))).toEqual([]);
}

describe('a coordinator’s first hour on a blank spreadsheet, typed at 60 ms a key', () => {
  it('sets up the plan: the school leads, two partners are invited, a new group calendar', async () => {
    await page.goto(session.preview.url);
    await page.locator('[data-sheet="Sheet1"]').waitFor();
    const setup = await openSidebar(page, 'Set up the work plan…', 'Set up the work plan');
    await typeSlowly(setup.getByLabel('Partnership name'), PLAN);
    const lead = setup.getByLabel('Led by');
    await lead.fill('');
    await typeSlowly(lead, SCHOOL);
    await typeSlowly(setup.getByLabel('Coordinator', { exact: true }), 'Ana Ruiz');
    for (const [i, [organisation, email]] of PARTNERS.entries()) {
      if (i > 0) await setup.getByRole('button', { name: 'Add a partner' }).click();
      await typeSlowly(setup.locator(`#partner-${i + 1}-organisation`), organisation);
      await typeSlowly(setup.locator(`#partner-${i + 1}-email`), email);
      await setup.locator(`[data-partner="${i + 1}"] [data-field="invite"]`).check();
    }
    await setup.getByRole('radio', { name: 'A new group calendar' }).check();
    await setup.getByRole('button', { name: 'Set up the plan' }).click();
    await expectAnswer(setup, 'success', /^Done: \d+ tabs created\.$/);
    await page.locator('#doc-title', { hasText: PLAN }).waitFor();
    const summary = setup.locator('#result-lines');
    await summary.getByText(`Lead organisation: ${SCHOOL}`, { exact: false }).waitFor();
    await summary
      .getByText(/^Guests of every event: Eastside Public Library and Eastside Food Bank/)
      .waitFor();
    await summary
      .getByText('Automatic syncs are off until you turn them on in Calendar sync.')
      .waitFor();
    await expect(setup.locator('#overview').textContent()).resolves.not.toMatch(
      /Untitled spreadsheet|No plan tabs yet/,
    );
    await expectAccessibleSidebar();
    await shot('1-setup');
  });

  it('finds set-up’s choices in Calendar sync, with nobody waiting for approval', async () => {
    const sync = await openSidebar(page, 'Calendar sync…', 'Calendar sync');
    for (const label of [
      'Share the calendar with the partners’ emails',
      'Add partners ticked “Calendar invite” as guests',
      'Email them invitations (new events and new guests only)',
    ])
      await expect(sync.getByLabel(label).isChecked()).resolves.toBe(true);
    await sync.getByText('Nobody is waiting.').waitFor();
    await expectAccessibleSidebar();
  });

  it('adds a goal, its outcome and a measurement from the goals sidebar', async () => {
    const goals = await openSidebar(page, 'Goals, outcomes and progress…', 'Goals and progress');
    // A click with nothing typed: the error is beside the button, then clears as the goal is typed.
    await goals.getByRole('button', { name: 'Add the goal' }).click();
    await expectAnswer(goals, 'error', /^Write the goal \(in a sentence\) before saving\.$/);
    await typeSlowly(
      goals.getByLabel('Goal', { exact: true }),
      'Every child reads at grade level by grade 3',
    );
    await expect(goals.locator('#status').textContent()).resolves.toBe('');
    await goals.getByLabel('Priority').selectOption('High');
    await goals.getByRole('button', { name: 'Add the goal' }).click();
    await expectAnswer(goals, 'success', /^Added goal G1 to Goals row 2\./);

    await goals.locator('#new-term').selectOption('Medium term');
    await typeSlowly(goals.locator('#new-outcome'), 'More third graders read at grade level');
    await typeSlowly(goals.locator('#new-indicator'), 'Share of grade 3 at benchmark');
    await typeSlowly(goals.locator('#new-baseline'), '40%');
    await typeSlowly(goals.locator('#new-target'), '60%');
    await goals.locator('#new-targetDate').fill(dayFromNow(365));
    await goals.getByRole('button', { name: 'Add the outcome' }).click();
    await expectAnswer(goals, 'success', /^Added outcome O1 to Outcomes row 2, linked to G1\./);

    await goals.getByText('Record a measurement').click();
    await goals.locator('#O1-progress-date').fill(dayFromNow(-10));
    await typeSlowly(goals.locator('#O1-progress-value'), '46%');
    await goals.getByRole('button', { name: 'Record the measurement' }).click();
    await expectAnswer(goals, 'success', /^Recorded 46% for O1/);
    await expectAccessibleSidebar();
    await shot('2-goals');
  });

  it('records assets and needs, the school’s among them, and builds the asset map', async () => {
    const assess = await openSidebar(page, 'Assets and needs…', 'Assets and needs');
    await assess.locator('#partner option', { hasText: SCHOOL }).waitFor({ state: 'attached' });
    const finding = async (
      partner: string,
      kind: 'Asset' | 'Need',
      category: string,
      text: string,
    ) => {
      await assess.getByLabel('Your organisation').selectOption(partner);
      await assess.getByRole('radio', { name: new RegExp(`^${kind}`) }).check();
      await assess.getByLabel('Category').selectOption(category);
      await typeSlowly(assess.getByLabel('Description'), text);
      await assess.getByRole('button', { name: 'Add to Assessments' }).click();
      // Announced in view; focus goes back to Description, since findings come several in a row.
      await expectAnswer(assess, 'success', /^Added F\d+ to the Assessments tab/, 'description');
    };
    await finding(PARTNERS[0][0], 'Asset', 'Volunteers', 'Twelve volunteer reading buddies');
    await finding(SCHOOL, 'Need', 'Volunteers', 'Second graders need one-to-one reading time');
    await finding(PARTNERS[1][0], 'Need', 'Physical space', 'No room to pack weekend food bags');
    await assess.getByRole('button', { name: 'Build the asset map' }).click();
    await expectAnswer(assess, 'success', /./);
    await assess.locator('#gaps').getByText('No room to pack weekend food bags').waitFor();
    await expectAccessibleSidebar();
    await shot('3-assets');
  });

  it('builds the logic model from the goals and findings', async () => {
    const logic = await openSidebar(page, 'Logic model…', 'Logic model');
    await logic.getByRole('button', { name: 'Build the logic model' }).click();
    await expectAnswer(logic, 'success', /^Logic Model tab built/);
    await expectAccessibleSidebar();
  });

  it('takes activities typed in the Calendar tab as a partner types them', async () => {
    await showTab(page, 'Calendar');
    await typeInCell('Title', 2, 'Reading buddies');
    await typeInCell('Type', 2, 'Meeting');
    await typeInCell('Start date', 2, dayFromNow(30));
    await typeInCell('Start time', 2, '3:30 pm');
    await typeInCell('End time', 2, '4:30 pm');
    await typeInCell('Status', 2, 'Planned');
    // A second row a partner has not finished: no Status yet.
    await typeInCell('Title', 3, 'Family reading night');
    await typeInCell('Start date', 3, dayFromNow(45));
    await typeInCell('Start time', 3, '18:00');
    // Rows partners add get their checkboxes without a repair.
    await expect(
      (await cellUnder(page, 'All day', 3)).locator('input[type="checkbox"]').count(),
    ).resolves.toBe(1);
    await shot('4-calendar-tab');
  });

  it('syncs: the ready row is published, the unfinished one waits for the coordinator', async () => {
    const sync = await openSidebar(page, 'Calendar sync…', 'Calendar sync');
    await sync.getByRole('button', { name: 'Sync now' }).click();
    await expectAnswer(sync, 'success', /^Sync finished/);
    const events = () =>
      session.preview
        .addon()
        .workspace.calendar.listCalendars()
        .flatMap((c) => session.preview.addon().workspace.calendar.allEvents(c.id))
        .filter((e) => e.status !== 'cancelled')
        .map((e) => e.title);
    expect(events()).toEqual(['Reading buddies']);
    // The unfinished row is counted, and only the coordinator's confirmation sends it.
    await sync.getByText(/^1 row has no Status\. Send it as Planned\?/).waitFor();
    await sync.getByRole('button', { name: /^Send .* as Planned$/ }).click();
    await expectAnswer(sync, 'success', /^Sync finished/);
    expect(events().sort()).toEqual(['Family reading night', 'Reading buddies']);
    await expectAccessibleSidebar();
    await shot('5-sync');
  });

  it('updates the dashboard, writes the briefs and previews the weekly email', async () => {
    const goals = await openSidebar(page, 'Goals, outcomes and progress…', 'Goals and progress');
    await goals.getByRole('button', { name: 'Update the dashboard' }).click();
    await expectAnswer(goals, 'success', /^Dashboard updated: /);
    await goals.getByRole('button', { name: 'Write the briefs' }).click();
    await expectAnswer(goals, 'success', /^\d+ briefs written, one tab per partner/);
    await goals.getByRole('button', { name: 'Preview the emails' }).click();
    await expectAnswer(goals, 'success', /^Preview ready: 2 emails below, one per partner\./);
    // The preview opens where the button is: one email per invited partner, greeted by name.
    const first = goals.locator('#digest-view details').first();
    await first.locator('summary').waitFor();
    const box = await first.boundingBox();
    expect(box && box.y + Math.min(box.height, 40) <= HEIGHT).toBe(true);
    await first.locator('summary').click();
    await first.getByText(/^Hello /).waitFor();
    await expectAccessibleSidebar();
  });

  it('exports the calendar as .ics', async () => {
    const ics = await page.request.get(new URL('/export/calendar.ics', session.preview.url).href);
    expect(ics.status()).toBe(200);
    expect(await ics.text()).toContain('SUMMARY:Reading buddies');
  });

  it('leaves no generated tab with a cut cell at 100 %', async () => {
    await page.getByRole('button', { name: 'Close sidebar' }).click();
    const names = await page.locator('#tabs button').allTextContents();
    const generated = names.filter((n) => /^(Dashboard|Asset Map|Logic Model|Brief · )/.test(n));
    expect(generated).toEqual(expect.arrayContaining(['Dashboard', 'Asset Map', 'Logic Model']));
    expect(generated.filter((n) => n.startsWith('Brief · ')).length).toBeGreaterThanOrEqual(3);
    const cuts: Record<string, unknown> = {};
    for (const tab of generated) {
      await showTab(page, tab);
      const cut = await cutCells(page);
      if (cut.length) cuts[tab] = cut;
      if (tab === 'Dashboard') await shot('6-dashboard');
    }
    expect(cuts).toEqual({});
  });

  it('raised no console error and no native dialog along the way', () => {
    expect(consoleErrors).toEqual([]);
    expect(session.nativeDialogs).toEqual([]);
  });
});
