// A health check round walked in the preview: opened from the sidebar, answered through the emulated form, the Health check tab and the dashboard rebuilt, no cut cell, every answer in view and announced, no console error.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import {
  OPEN_QUESTIONS,
  ORGANISATION_QUESTION,
  ORGANISATION_UNSAID,
} from '../../src/domain/health/questions';
import { localeDay } from '../../src/domain/time/localeDate';
import { type AnswerKind, expectAnswer as expectAnswerIn } from '../harness/answers';
import { seriousViolations } from '../harness/axe';
import { cutCells, showTab } from '../harness/grid';
import { healthAnswers } from '../harness/healthRounds';
import {
  openPreview,
  openSidebar,
  type PreviewSession,
  sidebarFrame,
} from '../harness/previewPage';
import { seeded } from '../harness/seeded';

jest.setTimeout(240_000);

/** `UPDATE_SCREENSHOTS=1` refreshes the README's pictures (docs/screenshots/health-*). */
const SHOTS = join(
  __dirname,
  process.env.UPDATE_SCREENSHOTS ? '../../docs/screenshots' : '../../test-output/screenshots',
);
const WIDTH = 1400;
const HEIGHT = 900;
const SIDEBAR = 'Partnership health check…';
const HEADING = 'Partnership health check';

let session: PreviewSession;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  session = await openPreview({ fresh: true });
  page = session.page;
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${m.text()} (${m.location().url})`);
  });
});

afterAll(() => session?.close());

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `health-${name}.png`) });

const expectAnswer = (sidebar: FrameLocator, kind: AnswerKind, text: RegExp) =>
  expectAnswerIn(page, sidebar, kind, text, { height: HEIGHT });

/** People answering the round's form, as the emulated Google Forms receives them. */
function answerTheForm(people: { organisation: string }[], seed: number): void {
  const ws = session.preview.addon().workspace;
  const form = [...ws.forms.forms.values()].at(-1)!;
  const rnd = seeded(seed);
  people.forEach(({ organisation }, i) => {
    ws.forms.submit(form.id, {
      ...healthAnswers(rnd, 'communication'),
      [ORGANISATION_QUESTION]: organisation,
      [OPEN_QUESTIONS[0].text]: i % 2 ? 'The shared calendar: everyone knows what is on.' : '',
      [OPEN_QUESTIONS[1].text]: i % 3 ? '' : 'Minutes sent within a week of each meeting.',
    });
  });
}

describe('a health check round in the preview', () => {
  it('opens a round from the sidebar: the answer says until when, in view and announced', async () => {
    await page.goto(session.preview.url);
    const health = await openSidebar(page, SIDEBAR, HEADING);
    await health.getByText('No round yet.').waitFor();
    // The closing day the form offers, as the sheet's cells write dates (its locale's short date).
    const closes = await health.locator('#closes').inputValue();
    const locale = session.preview.addon().workspace.sheets.spreadsheet.getSpreadsheetLocale();
    await health.getByRole('button', { name: 'Open the round' }).click();
    const until = localeDay(closes, locale).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    await expectAnswer(health, 'success', new RegExp(`^Round R1 is open until ${until}\\.`));
    await health.getByRole('link', { name: 'The form as partners see it' }).waitFor();
    await health
      // The preview's plan has the weekly email off: the line says so and where to turn it on.
      .getByText(
        /The weekly email would carry the link, but it is off \(Goals sidebar › Weekly email to partners\)/,
      )
      .waitFor();
    expect(
      await health.getByLabel(/Also put each contact’s link in the weekly email/).isChecked(),
    ).toBe(true);
    expect(await seriousViolations(sidebarFrame(page))).toEqual([]);
  });

  it('previews the weekly email with each contact’s own link, wrapped inside the sidebar, and turns it off', async () => {
    const goals = await openSidebar(page, 'Goals, outcomes and progress…', 'Goals and progress');
    await goals.getByRole('button', { name: 'Preview the emails' }).click();
    await expectAnswer(goals, 'success', /^Preview ready: /);
    const first = goals.locator('#digest-view details').first();
    await first.locator('summary').click();
    const body = first.locator('pre.digest-text');
    await body.getByText(/Partnership health check:/).waitFor();
    // The preview, open to any editor, shows where each reader's own link goes, not anyone's code.
    expect(await body.textContent()).toContain('Your own link: (each reader’s own link goes here');
    expect(await body.textContent()).not.toMatch(/viewform/);
    const fits = await body.evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(fits).toBe(true);

    const health = await openSidebar(page, SIDEBAR, HEADING);
    // A click, then the answer: the section is drawn again from the server's answer, so the box
    // Playwright clicked may be replaced before it could read its state.
    const inDigest = () => health.getByLabel(/Also put each contact’s link in the weekly email/);
    await expect(inDigest().isChecked()).resolves.toBe(true);
    await inDigest().click();
    await expectAnswer(health, 'success', /^The weekly email no longer carries round R1’s link\./);
    await health.getByText(/The weekly email does not carry the link/).waitFor();
    await expect(inDigest().isChecked()).resolves.toBe(false);
    await inDigest().click();
    await expectAnswer(health, 'success', /^The weekly email carries round R1’s link/);
    await expect(inDigest().isChecked()).resolves.toBe(true);
  });

  it('counts the answers that arrive, and turns the weakest factors into suggestions', async () => {
    const library = 'Riverside Public Library';
    answerTheForm(
      [
        ...Array(3).fill({ organisation: library }),
        { organisation: 'Northside Food Bank' },
        ...Array(3).fill({ organisation: ORGANISATION_UNSAID }),
      ],
      7,
    );
    const health = await openSidebar(page, SIDEBAR, HEADING);
    await health.getByRole('button', { name: 'Update the Health check tab' }).click();
    await expectAnswer(health, 'success', /^The Health check tab is rebuilt from the round\./);
    await health.getByText(/^R1: .* open — 7 answers/).waitFor();
    await health.getByText(/^Communication is the weakest factor/).waitFor();
    await health
      .getByRole('button', { name: 'Draft it in the Calendar tab: Communication' })
      .click();
    await expectAnswer(health, 'success', /^Drafted “Monthly partner check-in”/);
    await health.getByText(/^Drafted in row \d+ of the Calendar tab\.$/).waitFor();
    await shot('sidebar');
  });

  it('closes the round; the Health check tab and the dashboard show it without a cut cell', async () => {
    const health = await openSidebar(page, SIDEBAR, HEADING);
    await health.getByRole('button', { name: 'Close the round' }).click();
    await expectAnswer(health, 'success', /^Round R1 is closed: the form takes no more answers\./);
    const goals = await openSidebar(page, 'Goals, outcomes and progress…', 'Goals and progress');
    await goals.getByRole('button', { name: 'Update the dashboard' }).click();
    await expectAnswer(goals, 'success', /^Dashboard updated: /);
    await page.getByRole('button', { name: 'Close sidebar' }).click();

    await showTab(page, 'Health check');
    expect(await cutCells(page)).toEqual([]);
    await page
      .locator('table.grid')
      .getByText(/^Riverside Public Library, 3 people: lowest/)
      .waitFor();
    await shot('tab');

    await showTab(page, 'Dashboard');
    expect(await cutCells(page)).toEqual([]);
    const headline = page
      .locator('table.grid')
      .getByText(/^Health check, round R1 \(closed /)
      .first();
    await headline.scrollIntoViewIfNeeded();
    // Down to the section, but from column A: the merged headline would scroll the grid sideways.
    await headline.evaluate((el) => {
      for (let at = el.parentElement; at; at = at.parentElement) at.scrollLeft = 0;
    });
    await shot('dashboard');
  });

  it('raised no console error and no native dialog along the way', () => {
    expect(consoleErrors).toEqual([]);
    expect(session.nativeDialogs).toEqual([]);
  });
});
