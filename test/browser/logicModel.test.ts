// The preview in real Chromium: the Logic Model tab is there, and the sidebar walks a goal and saves to the sheet.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { type Preview, startPreview } from '../../preview/server';
import { launchChromium } from '../harness/browser';

jest.setTimeout(120_000);

let preview: Preview;
let browser: Browser;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'swp-logic-'));
  preview = await startPreview({ port: 0, stateFile: join(dir, 'state.json'), fresh: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

describe('logic model in the preview', () => {
  it('shows the built tab and a sidebar pre-filled from the plan that saves into the Goals tab', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(preview.url);
    await page.getByRole('button', { name: 'Logic Model' }).click();
    await expect(page.locator('#grid-wrap').textContent()).resolves.toContain(
      'G1 · Every child reads at grade level by the end of grade 3',
    );
    await page.getByRole('button', { name: 'Extensions' }).click();
    await page.getByRole('menuitem', { name: 'Logic model…' }).click();
    const sidebar = page.frameLocator('#sidebar-frame');
    const problem = sidebar.getByLabel('The need this goal answers');
    await problem.waitFor();
    await expect(problem.inputValue()).resolves.toMatch(/^Only 41% of third graders/);
    await sidebar.getByLabel('Goal', { exact: true }).selectOption('G2');
    await expect(sidebar.locator('#goal-row').textContent()).resolves.toBe('Goals row 3');
    await sidebar.getByLabel('External factors').fill('Bus routes change in 2028');
    await sidebar.getByRole('button', { name: 'Save goal' }).click();
    const saved = sidebar.locator('#status.success');
    await saved.waitFor();
    await expect(saved.textContent()).resolves.toMatch(
      /^Saved .*External factors in Goals row 3\. Show it$/,
    );
    expect(
      preview.addon().workspace.sheets.table('Goals')[2].includes('Bus routes change in 2028'),
    ).toBe(true);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: process.env.SCREENSHOTS });
    await page.close();
  });
});
