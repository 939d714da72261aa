// "Hand over the plan" in the set-up sidebar, in real Chromium: offer to an editor, the answer in view, cancel.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { type Preview, startPreview } from '../../preview/server';
import { launchChromium } from '../harness/browser';

jest.setTimeout(120_000);

const NEXT = 'ben@school.example.org';
let preview: Preview;
let browser: Browser;

beforeAll(async () => {
  [preview, browser] = await Promise.all([
    startPreview({
      port: 0,
      stateFile: join(mkdtempSync(join(tmpdir(), 'swp-handover-')), 's.json'),
      fresh: true,
    }),
    launchChromium(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

describe('hand over the plan in the set-up sidebar', () => {
  it('offers the plan to an editor, says what happens next, and cancels', async () => {
    const ws = preview.addon().workspace;
    ws.sheets.book.state.editors.push(NEXT);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(preview.url);
    await page.getByRole('button', { name: 'Extensions' }).click();
    await page.getByRole('menuitem', { name: 'Set up the work plan…' }).click();
    const sidebar = page.frameLocator('#sidebar-frame');
    const section = sidebar.locator('#handover');
    await section.getByRole('heading', { name: 'Hand over the plan' }).waitFor();
    // A refusal in words for someone who cannot edit the spreadsheet.
    await section.getByLabel('Next coordinator’s email').fill('stranger@elsewhere.example');
    await section.getByRole('button', { name: 'Hand over the plan' }).click();
    await sidebar.locator('#status.error').getByText('they cannot edit this spreadsheet').waitFor();
    await section.getByLabel('Next coordinator’s email').fill(NEXT);
    await section.getByRole('button', { name: 'Hand over the plan' }).click();
    await sidebar.getByText(`${NEXT} can now accept the plan`).waitFor();
    await section.getByText(`Waiting for ${NEXT} to accept`).waitFor();
    if (process.env.UPDATE_SCREENSHOTS)
      await page.screenshot({ path: join(__dirname, '../../docs/screenshots/handover.png') });
    // The 300 px sidebar keeps the section whole: nothing cut at the right edge.
    const overflow = await section.evaluate((node) => node.scrollWidth - node.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await section.getByRole('button', { name: 'Cancel the hand-over' }).click();
    await sidebar.getByText(`The hand-over to ${NEXT} is cancelled`).waitFor();
    await section.getByLabel('Next coordinator’s email').waitFor();
    await page.close();
  });
});
