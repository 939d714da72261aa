// The preview's Google Forms view: a health check round and a community survey answered end to end in the page, as partners would.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  CODE_QUESTION,
  FACTOR_NAMES,
  OPEN_QUESTIONS,
  ORGANISATION_QUESTION,
  STATEMENTS,
} from '../../src/domain/health/questions';
import {
  CATEGORY_QUESTION,
  DESCRIPTION_QUESTION,
  GROUP_QUESTION,
  KIND_NEED,
  KIND_QUESTION,
  MODE_QUESTION,
  MODE_SELF,
} from '../../src/domain/survey/questions';
import { expectAnswer } from '../harness/answers';
import { seriousViolations } from '../harness/axe';
import { showTab } from '../harness/grid';
import { openPreview, openSidebar, type PreviewSession } from '../harness/previewPage';
import { seeded } from '../harness/seeded';

jest.setTimeout(240_000);

/** `UPDATE_SCREENSHOTS=1` refreshes the README's pictures (docs/screenshots/preview-form-*). */
const SHOTS = join(
  __dirname,
  process.env.UPDATE_SCREENSHOTS ? '../../docs/screenshots' : '../../test-output/screenshots',
);
const HEIGHT = 900;
const HEALTH = 'Partnership health check…';
const ASSETS = 'Assets and needs…';

let session: PreviewSession;
let page: Page;
const consoleErrors: string[] = [];
/** Each respondent's scale answers, in STATEMENTS order. */
const given: number[][] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  session = await openPreview({ fresh: true });
  page = session.page;
  await page.setViewportSize({ width: 1400, height: HEIGHT });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${m.text()} (${m.location().url})`);
  });
});

afterAll(() => session?.close());

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `preview-form-${name}.png`) });
const forms = () => session.preview.addon().workspace.forms;
const newestForm = () => [...forms().forms.values()].at(-1)!;
const card = (title: string) => page.locator('.gform-question', { hasText: title });

/**
 * Opens a sidebar and waits until the frame shows that new one: reopening the sidebar on screen
 * would otherwise find its heading in the old page and click there while the frame reloads.
 */
async function sidebar(caption: string, heading: string) {
  const frame = await openSidebar(page, caption, heading);
  const index = session.preview.addon().workspace.sheets.ui.sidebars.length - 1;
  await page.waitForFunction((i) => {
    const f = document.getElementById('sidebar-frame') as HTMLIFrameElement | null;
    const doc = f?.contentDocument;
    return doc?.location.pathname === `/sidebar/${i}` && doc.readyState === 'complete';
  }, index);
  await frame.getByRole('heading', { level: 1, name: heading }).waitFor();
  return frame;
}

/** The radio for `value` in a question: a scale's ends are named with their label too. */
const pick = (title: string, value: string) =>
  card(title)
    .getByRole('radio', {
      name: new RegExp(`^${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(|$)`),
    })
    .check();

/** One partner answers the health check in the page: every statement, varied, an organisation, maybe words. */
async function answerHealthCheck(rnd: () => number, organisation: string, words: string) {
  const scores: number[] = [];
  for (const s of STATEMENTS) {
    const score = 1 + Math.floor(rnd() * 5);
    scores.push(score);
    await pick(s.text, String(score));
  }
  await pick(ORGANISATION_QUESTION, organisation);
  if (words) await card(OPEN_QUESTIONS[0].text).getByRole('textbox').fill(words);
  await page.getByRole('button', { name: 'Submit' }).click();
  await page
    .getByRole('status')
    .getByText(/^Thank you\./)
    .waitFor();
  return scores;
}

// Three describes in file order, one state: each step starts where the one before left off.
describe('the Forms view of the preview: a health check round', () => {
  it('opens a health check round, answers its form three times in the page, and the sidebar counts them', async () => {
    await page.goto(session.preview.url);
    const health = await sidebar(HEALTH, 'Partnership health check');
    await health.getByRole('button', { name: 'Open the round' }).click();
    await expectAnswer(page, health, 'success', /^Round R1 is open until /, { height: HEIGHT });

    // The sidebar's link opens the form here, not at Google.
    await health.getByRole('link', { name: 'The form as partners see it' }).click();
    const title = newestForm().title;
    await page.getByRole('heading', { level: 2, name: title }).waitFor();
    await card(STATEMENTS[0].text).getByRole('radio', { name: /^5 \(/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const organisations = forms()
      .forms.get(newestForm().id)!
      .items.find((i) => i.title === ORGANISATION_QUESTION)!.choices!;
    const rnd = seeded(24);
    given.push(
      await answerHealthCheck(
        rnd,
        organisations[0],
        'The shared calendar: everyone knows what is on.',
      ),
    );
    await page.getByRole('button', { name: 'Submit another response' }).click();
    given.push(await answerHealthCheck(rnd, organisations[0], ''));

    // A personal link (a prefilled link, as the invitation email carries) opens with its code filled in.
    // Made with the emulated FormApp, as the add-on's personalLink does (typed as Google's FormApp).
    const formApp = (forms().app as unknown as GoogleAppsScript.Forms.FormApp).openById(
      newestForm().id,
    );
    const codeItem = formApp.getItems().find((i) => i.getTitle() === CODE_QUESTION)!;
    const link = formApp
      .createResponse()
      .withItemResponse(codeItem.asTextItem().createResponse('K7Q2'))
      .toPrefilledUrl();
    await page.getByRole('button', { name: '‹ All forms' }).click();
    await page.getByRole('list', { name: 'Forms' }).getByText('2 responses').waitFor();
    await page.getByLabel(/^Open a form link/).fill(link);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(card(CODE_QUESTION).getByRole('textbox').inputValue()).resolves.toBe('K7Q2');
    await pick(STATEMENTS[0].text, '1');
    await shot('health');
    given.push(await answerHealthCheck(rnd, organisations.at(-1)!, 'Minutes sent within a week.'));
    expect(newestForm().responses).toHaveLength(3);

    await sidebar(HEALTH, 'Partnership health check');
    await health.getByRole('button', { name: 'Update the Health check tab' }).click();
    await expectAnswer(
      page,
      health,
      'success',
      /^The Health check tab is rebuilt from the round\./,
      {
        height: HEIGHT,
      },
    );
    await health.getByText(/^R1: .* open — 3 answers/).waitFor();
  });
});

describe('the Forms view of the preview: the round closed', () => {
  it('closes the round: the form says it takes no more answers, and the Health check tab shows the scores', async () => {
    const health = await sidebar(HEALTH, 'Partnership health check');
    await health.getByRole('button', { name: 'Close the round' }).click();
    await expectAnswer(page, health, 'success', /^Round R1 is closed/, { height: HEIGHT });
    await page.getByRole('button', { name: 'Google Forms' }).click();
    const row = page.locator(`[data-form="${newestForm().id}"]`);
    await row.getByText('Closed').waitFor();
    await row.getByText('3 responses').waitFor();
    await shot('list');
    expect(await seriousViolations(page)).toEqual([]);
    await row.getByRole('button').click();
    await page.getByText('This form is no longer accepting responses').waitFor();
    await expect(page.getByRole('button', { name: 'Submit' }).count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Spreadsheet' }).click();
    await showTab(page, 'Health check');
    // The scores the three answers make, as the tab shows them: the first factor's mean, rounded to 0.1.
    const rowOf = async (label: string) => {
      const row = page.locator('table.grid tbody tr', {
        has: page.locator('td', { hasText: new RegExp(`^${label}$`) }),
      });
      const cells = (await row.first().locator('td').allTextContents()).map((t) => t.trim());
      return cells.slice(cells.indexOf(label) + 1);
    };
    await page.locator('table.grid').getByText('People who answered').waitFor();
    expect((await rowOf('People who answered'))[0]).toBe('3');
    const factor = STATEMENTS[0].factor;
    const picked = given.flatMap((scores) =>
      STATEMENTS.map((st, i) => (st.factor === factor ? scores[i] : null)).filter(
        (n): n is number => n !== null,
      ),
    );
    const mean = Math.round((picked.reduce((a, b) => a + b, 0) / picked.length) * 10) / 10;
    expect(Number((await rowOf(FACTOR_NAMES[factor]))[0])).toBe(mean);
    await shot('scores');
  });
});

describe('the Forms view of the preview: the community survey', () => {
  it('makes the community survey, answers it in the page (required questions named first) and accepts the finding', async () => {
    const assets = await sidebar(ASSETS, 'Assets and needs');
    const section = assets.locator('#survey');
    await section.getByRole('button', { name: 'Make the survey form' }).click();
    await expectAnswer(page, assets, 'success', /^Survey 1 is ready/, { height: HEIGHT });
    await section.getByRole('link', { name: 'The form to send' }).click();
    await page.getByRole('heading', { level: 2, name: newestForm().title }).waitFor();

    // Submit with required questions blank: each is marked, nothing is sent.
    await pick(MODE_QUESTION, MODE_SELF);
    await page.getByRole('button', { name: 'Submit' }).click();
    const required = newestForm().items.filter((i) => i.required).length;
    await page.getByText(`${required - 1} required questions have no answer yet.`).waitFor();
    await expect(page.getByText('This is a required question').count()).resolves.toBe(required - 1);
    expect(newestForm().responses).toHaveLength(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shot('required');

    const need = 'No safe place to cross the ring road near the school';
    await pick(GROUP_QUESTION, 'Parents');
    await pick(KIND_QUESTION, KIND_NEED);
    const category = newestForm().items.find((i) => i.title === CATEGORY_QUESTION)!.choices![0];
    await pick(CATEGORY_QUESTION, category);
    await card(DESCRIPTION_QUESTION).getByRole('textbox').fill(need);
    await expect(page.getByText('This is a required question').count()).resolves.toBe(required - 1);
    await page.getByRole('button', { name: 'Submit' }).click();
    await page
      .getByRole('status')
      .getByText(/^Thank you/)
      .waitFor();
    expect(newestForm().responses).toHaveLength(1);

    await assets.locator('html').evaluate(() => window.dispatchEvent(new Event('focus')));
    await section.getByRole('list', { name: 'Answers waiting (1)' }).getByText(need).waitFor();
    await section.getByRole('button', { name: /^Accept need “No safe place/ }).click();
    await expectAnswer(page, assets, 'success', /^Added 1 finding to the Assessments tab/, {
      height: HEIGHT,
    });
    const rows = session.preview
      .addon()
      .workspace.sheets.table('Assessments')
      .filter((r) => r.includes(need));
    expect(rows).toHaveLength(1);
  });

  it('raised no console error and no native dialog along the way', () => {
    expect(consoleErrors).toEqual([]);
    expect(session.nativeDialogs).toEqual([]);
  });
});
