// The set-up flow in the preview, in real Chromium: the sidebar repairs the plan and adds a partner.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type Preview, startPreview } from '../../preview/server';
import { launchChromium } from '../harness/browser';

jest.setTimeout(120_000);

let preview: Preview;
let browser: Browser;

beforeAll(async () => {
  // Port 0 and a state file of its own: runs beside the other preview test.
  [preview, browser] = await Promise.all([
    startPreview({
      port: 0,
      stateFile: join(mkdtempSync(join(tmpdir(), 'swp-setup-')), 's.json'),
      fresh: true,
    }),
    launchChromium(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

/** The coordinator opens Extensions › Set up the work plan… on the example partnership. */
async function openSetup(): Promise<{ page: Page; sidebar: ReturnType<Page['frameLocator']> }> {
  const page = await browser.newPage();
  await page.goto(preview.url);
  await page.getByRole('button', { name: 'Extensions' }).click();
  await page.getByRole('menuitem', { name: 'Set up the work plan…' }).click();
  const sidebar = page.frameLocator('#sidebar-frame');
  await sidebar.getByLabel('Partnership name').waitFor();
  return { page, sidebar };
}

describe('set-up sidebar in the preview', () => {
  it('shows the stored plan, saves changes, reports what it did and adds a partner', async () => {
    const { page, sidebar } = await openSetup();
    await expect(sidebar.getByLabel('Partnership name').inputValue()).resolves.toBe(
      'Riverside Community Schools Partnership',
    );
    await expect(sidebar.locator('#existing-partners').textContent()).resolves.toContain(
      'Riverside Public Library',
    );
    await sidebar.getByLabel('Purpose').fill('Every child reads at grade level by grade 3.');
    await sidebar.getByRole('button', { name: 'Save and repair the plan' }).click();
    const lines = sidebar.locator('#result-lines');
    await lines.getByText('Already in order:').waitFor();
    await expect(
      sidebar.getByRole('button', { name: 'Open Partners', exact: true }).count(),
    ).resolves.toBe(1);

    await sidebar.getByLabel('Organisation').fill('=IMPORTXML("http://x","//a")');
    await sidebar.getByRole('button', { name: 'Add to the Partners tab' }).click();
    await sidebar
      .getByText('Added =IMPORTXML("http://x","//a") as P10 on row 11 of Partners.')
      .waitFor();

    const ws = preview.addon().workspace;
    expect(ws.sheets.table('Partners')[10][1]).toBe('=IMPORTXML("http://x","//a")');
    const profile = ws.sheets.table('Partnership').find((row) => row.includes('Purpose'));
    expect(profile).toContain('Every child reads at grade level by grade 3.');
    await page.close();
  });

  it('says in plain words what is wrong with the form', async () => {
    const { page, sidebar } = await openSetup();
    await sidebar.getByLabel('Time zone').fill('Riverside/Standard');
    await sidebar.getByRole('button', { name: 'Save and repair the plan' }).click();
    await sidebar
      .locator('#status.error')
      .getByText('“Riverside/Standard” is not a time zone')
      .waitFor();
    await page.close();
  });
});
