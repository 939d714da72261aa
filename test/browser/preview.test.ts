// npm start's preview in real Chromium: the menu opens the real sidebar, which reaches the bundle over the bridge.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { type Preview, startPreview } from '../../preview/server';
import { seriousViolations } from '../harness/axe';
import { launchChromium } from '../harness/browser';

jest.setTimeout(120_000);

let preview: Preview;
let browser: Browser;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'swp-preview-'));
  preview = await startPreview({ port: 0, stateFile: join(dir, 'state.json'), fresh: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

describe('preview', () => {
  it('opens the set-up sidebar from the add-on menu and calls the server through the bridge', async () => {
    const page = await browser.newPage();
    await page.goto(preview.url);
    await page.getByRole('button', { name: 'Extensions' }).click();
    await page.getByRole('menuitem', { name: 'Set up the work plan…' }).click();
    const sidebar = page.frameLocator('#sidebar-frame');
    await sidebar.locator('#spreadsheet-name').waitFor();
    await expect(sidebar.locator('#spreadsheet-name').textContent()).resolves.toBe(
      'Riverside Community Schools Partnership',
    );
    await page.close();
  });

  it('has no serious or critical accessibility violations in the page and the sidebar', async () => {
    const page = await browser.newPage();
    await page.goto(preview.url);
    await page.getByRole('button', { name: 'Extensions' }).click();
    await page.getByRole('menuitem', { name: 'Set up the work plan…' }).click();
    await page.frameLocator('#sidebar-frame').locator('#spreadsheet-name').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const frame = page.frames().find((f) => f.url().includes('/sidebar/'));
    expect(frame).toBeDefined();
    if (frame) expect(await seriousViolations(frame)).toEqual([]);
    await page.close();
  });
});
