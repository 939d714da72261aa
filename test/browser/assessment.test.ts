// The Assets and needs sidebar in the preview, in real Chromium: add a finding, build the map, add a draft for a gap.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { type Preview, startPreview } from '../../preview/server';
import { seriousViolations } from '../harness/axe';
import { launchChromium } from '../harness/browser';

jest.setTimeout(120_000);

const SHOTS = join(__dirname, '../../test-output');
let preview: Preview;
let browser: Browser;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'swp-assets-'));
  preview = await startPreview({ port: 0, stateFile: join(dir, 'state.json'), fresh: true });
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

describe('Assets and needs sidebar', () => {
  it('adds a finding, builds the map and adds a Calendar draft for a gap', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(preview.url);
    // The seeded example opens on its generated Asset Map.
    await page.locator('[data-sheet="Asset Map"]').waitFor();
    await page.getByRole('button', { name: 'Extensions' }).click();
    await page.getByRole('menuitem', { name: 'Assets and needs…' }).click();
    const sidebar = page.frameLocator('#sidebar-frame');
    await sidebar.locator('#partner option').nth(8).waitFor({ state: 'attached' });

    await sidebar.getByLabel('Your organisation').selectOption('Riverside YMCA');
    await sidebar.getByRole('radio', { name: /^Asset/ }).check();
    await sidebar.getByLabel('Category').selectOption('Culture');
    await sidebar.getByLabel('Description').fill('Staff who run a Somali and Latino dance club');
    await sidebar.getByRole('button', { name: 'Add to Assessments' }).click();
    await expect(sidebar.locator('#status').textContent()).resolves.toBeDefined();
    await sidebar.locator('#status.success').waitFor();
    await expect(sidebar.locator('#status').textContent()).resolves.toMatch(
      /^Added F\d+ to the Assessments tab, row \d+\. Build the asset map to see its matches\. Show it$/,
    );

    await sidebar.getByRole('button', { name: 'Build the asset map' }).click();
    await sidebar.locator('#gaps').waitFor();
    // The dental-screening need stays a gap: no partner listed an Institutions asset.
    const dental = sidebar.locator('#gaps > li', { hasText: 'No dental provider' });
    await dental.getByRole('button', { name: /^Add activity for F\d+$/ }).click();
    await dental.getByText(/^On the Calendar: A\d+ \(Draft\)$/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'assessment-sidebar.png') });
    const frame = page.frames().find((f) => f.url().includes('/sidebar/'));
    expect(frame).toBeDefined();
    if (frame) expect(await seriousViolations(frame)).toEqual([]);
    await page.locator('[data-sheet="Asset Map"]').click();
    await page.getByText(/^Matches: needs and the partners who can help/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'asset-map.png') });
    await page.locator('[data-sheet="Calendar"]').click();
    await page
      .getByText('Build capacity: No dental provider for on-site screenings')
      .first()
      .waitFor();
    await page.close();
  });
});
