// The set-up sidebar names the lead organisation (new plan) and asks for it (a plan from before), in real Chromium.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type Preview, startPreview } from '../../preview/server';
import { SETTINGS_KEY } from '../../src/adapters/settings';
import { SCHEMA_VERSION_METADATA } from '../../src/domain/schema/metadata';
import type { PlanSettings } from '../../src/shared/settings';
import { launchChromium } from '../harness/browser';
import { openSidebar } from '../harness/previewPage';

jest.setTimeout(120_000);

let browser: Browser;
const previews: Preview[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const p of previews) await p.close();
});

async function start(options: { blank?: boolean; fresh?: boolean }): Promise<Preview> {
  const preview = await startPreview({
    port: 0,
    stateFile: join(mkdtempSync(join(tmpdir(), 'swp-lead-')), 's.json'),
    ...options,
  });
  previews.push(preview);
  return preview;
}

/** The coordinator opens Extensions › Set up the work plan… at 1400×900. */
async function openSetup(preview: Preview) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(preview.url);
  const sidebar = await openSidebar(page, 'Set up the work plan…', 'Set up the work plan');
  await sidebar.getByLabel('Partnership name').waitFor();
  return { page, sidebar };
}

const settingsOf = (preview: Preview) =>
  JSON.parse(
    String(preview.addon().workspace.properties.document.data.get(SETTINGS_KEY)),
  ) as PlanSettings;

async function done(page: Page): Promise<void> {
  await page.close();
}

describe('the lead organisation in the set-up sidebar', () => {
  it('on a new plan follows the partnership’s name until another is typed, and adds its row', async () => {
    const preview = await start({ blank: true });
    const { page, sidebar } = await openSetup(preview);
    const led = sidebar.getByLabel('Led by', { exact: true });
    await sidebar.getByLabel('Partnership name').pressSequentially('Hillside Reads', { delay: 20 });
    await expect(led.inputValue()).resolves.toBe('Hillside Reads');
    await led.fill('Hillside Elementary School');
    await sidebar.getByLabel('Partnership name').fill('Hillside Reads Together');
    await expect(led.inputValue()).resolves.toBe('Hillside Elementary School');
    await sidebar.getByRole('button', { name: 'Set up the plan' }).click();
    await sidebar
      .locator('#result-lines')
      .getByText('Lead organisation: Hillside Elementary School (added to the Partners tab', {
        exact: false,
      })
      .waitFor();
    const partners = preview.addon().workspace.sheets.table('Partners');
    expect(partners[1].slice(0, 2)).toEqual(['P1', 'Hillside Elementary School']);
    expect(settingsOf(preview).leadOrganisation).toEqual({
      partnerId: 'P1',
      name: 'Hillside Elementary School',
    });
    await done(page);
  });

  it('on a plan from before asks which organisation leads, and records the partner chosen', async () => {
    const preview = await start({ fresh: true });
    // The example plan as an older add-on left it: schema 3, no lead organisation recorded.
    const ws = preview.addon().workspace;
    const { leadOrganisation: _gone, ...older } = settingsOf(preview);
    ws.properties.document.data.set(SETTINGS_KEY, JSON.stringify(older));
    ws.sheets.spreadsheet
      .createDeveloperMetadataFinder()
      .withKey(SCHEMA_VERSION_METADATA)
      .find()[0]
      .setValue('3');
    const before = ws.sheets.table('Partners');
    const { page, sidebar } = await openSetup(preview);
    await sidebar.getByText('Which organisation leads this partnership?').waitFor();
    const choice = sidebar.getByLabel('Choose who leads');
    await expect(choice.inputValue()).resolves.toBe('');
    await choice.selectOption('Riverside Public Library');
    await sidebar.getByRole('button', { name: 'Save and repair the plan' }).click();
    await sidebar
      .locator('#result-lines')
      .getByText('Lead organisation: Riverside Public Library.')
      .waitFor();
    expect(settingsOf(preview).leadOrganisation).toEqual({
      partnerId: 'P2',
      name: 'Riverside Public Library',
    });
    expect(ws.sheets.table('Partners')).toEqual(before);
    await expect(
      sidebar.getByText('Which organisation leads this partnership?').isHidden(),
    ).resolves.toBe(true);
    await done(page);
  });
});
