// The Assets and needs sidebar's Community survey section in Chromium at 300 px: make the form, answers arrive, accept one, decline one.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  CATEGORY_QUESTION,
  DESCRIPTION_QUESTION,
  EVIDENCE_QUESTION,
  GROUP_QUESTION,
  KIND_ASSET,
  KIND_NEED,
  KIND_QUESTION,
  MODE_QUESTION,
  MODE_SELF,
} from '../../src/domain/survey/questions';
import { expectAnswer } from '../harness/answers';
import { seriousViolations } from '../harness/axe';
import {
  openPreview,
  openSidebar,
  type PreviewSession,
  sidebarFrame,
} from '../harness/previewPage';

jest.setTimeout(120_000);

const HEIGHT = 900;
/** `UPDATE_SCREENSHOTS=1` refreshes the README's picture (docs/screenshots/community-survey.png). */
const SHOTS = join(
  __dirname,
  process.env.UPDATE_SCREENSHOTS ? '../../docs/screenshots' : '../../test-output/screenshots',
);
let session: PreviewSession;
let page: Page;

beforeAll(async () => {
  session = await openPreview({ fresh: true });
  page = session.page;
  await page.setViewportSize({ width: 1400, height: HEIGHT });
});

afterAll(() => session?.close());

function answer(description: string, kind: string) {
  const forms = session.preview.addon().workspace.forms;
  const form = [...forms.forms.values()].at(-1)!;
  forms.submit(form.id, {
    [MODE_QUESTION]: MODE_SELF,
    [GROUP_QUESTION]: 'Youth',
    [KIND_QUESTION]: kind,
    [CATEGORY_QUESTION]: 'Physical space',
    [DESCRIPTION_QUESTION]: description,
    [EVIDENCE_QUESTION]: 'We asked at the youth club',
  });
}

describe('the Community survey section', () => {
  it('makes the form, lists answers as they arrive, accepts one into Assessments and declines another', async () => {
    await page.goto(session.preview.url);
    const sidebar = await openSidebar(page, 'Assets and needs…', 'Assets and needs');
    const section = sidebar.locator('#survey');
    await section.getByRole('heading', { name: 'Community survey' }).waitFor();
    const names = section.getByLabel(/Ask for a name and email/);
    await expect(names.isChecked()).resolves.toBe(false);
    await section.getByRole('button', { name: 'Make the survey form' }).click();
    await expectAnswer(page, sidebar, 'success', /^Survey 1 is ready: .*collects no names/, {
      height: HEIGHT,
    });
    await section.getByText(/^No answers waiting\.$/).waitFor();
    // The form's response tab is hidden: no tab for it in the bar, listed as hidden in All sheets.
    await page
      .locator('[data-sheet-item="Form Responses 1"]')
      .getByText('(hidden)')
      .waitFor({ state: 'attached' });
    await expect(page.locator('[data-sheet="Form Responses 1"]').count()).resolves.toBe(0);

    answer('A skate park the youth club looks after', KIND_ASSET);
    answer('Nowhere dry to wait for the late bus', KIND_NEED);
    // Coming back to the sidebar re-reads it: the answers that arrived meanwhile are listed.
    await sidebarFrame(page).evaluate(() => window.dispatchEvent(new Event('focus')));
    await section
      .getByRole('list', { name: 'Answers waiting (2)' })
      .getByText('Nowhere dry to wait for the late bus')
      .waitFor();
    await section.getByRole('button', { name: 'Accept all 2 answers' }).waitFor();
    expect(await seriousViolations(sidebarFrame(page))).toEqual([]);
    const width = await sidebarFrame(page).evaluate(() => document.documentElement.clientWidth);
    expect(width).toBeLessThanOrEqual(300);

    // A third answer arrives after the list was drawn: Accept all 2 adds nothing and the list is re-read.
    answer('The library lends laptops to families', KIND_ASSET);
    await section.getByRole('button', { name: 'Accept all 2 answers' }).click();
    await expectAnswer(
      page,
      sidebar,
      'error',
      /^3 answers are waiting now, not 2: nothing was added\./,
      {
        height: HEIGHT,
      },
    );
    await section.getByRole('list', { name: 'Answers waiting (3)' }).waitFor();

    await section
      .getByRole('button', { name: /^Accept asset “A skate park the youth club/ })
      .click();
    await expectAnswer(
      page,
      sidebar,
      'success',
      /^Added 1 finding to the Assessments tab \(F\d+\), from row \d+\.$/,
      { height: HEIGHT },
    );
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'community-survey.png') });
    await section.getByRole('button', { name: /^Decline need “Nowhere dry/ }).click();
    await expectAnswer(page, sidebar, 'success', /^Declined 1 answer: not proposed again\./, {
      height: HEIGHT,
    });
    await section.getByText(/^1 answer accepted; 1 declined\.$/).waitFor();
    const rows = session.preview
      .addon()
      .workspace.sheets.table('Assessments')
      .filter((r) => r.includes('A skate park the youth club looks after'));
    expect(rows).toHaveLength(1);
  });
});
