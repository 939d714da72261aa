// Every generated tab read in real Chromium at 100 %: no cut cell, merged headlines, charts drawn, every tab reachable.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  EXAMPLE_ACTIVITIES,
  EXAMPLE_FINDINGS,
  EXAMPLE_OUTCOMES,
} from '../../emulator/example/logicModel';
import { ASSESSMENTS_TAB, CALENDAR_TAB, OUTCOMES_TAB } from '../../src/domain/schema/tabs';
import { textWidth } from '../../src/domain/table/textFit';
import { cutCells, showTab } from '../harness/grid';
import { appendExampleRows } from '../harness/planTabs';

type ExampleRow = Parameters<typeof appendExampleRows>[2][number];

import { openPreview, type PreviewSession } from '../harness/previewPage';
import { seeded } from '../harness/seeded';

jest.setTimeout(240_000);

const SHOTS = join(__dirname, '../../test-output/screenshots');
const GENERATORS = [
  'buildDashboardFromMenu',
  'buildPartnerBriefsFromMenu',
  'buildAssetMapFromMenu',
  'buildLogicModelFromMenu',
];

let session: PreviewSession;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  session = await openPreview({ fresh: true });
  page = session.page;
  await page.setViewportSize({ width: 1400, height: 900 });
});

afterAll(() => session?.close());

/** Runs every generator as the menu would, then opens the page on the result. */
async function generate(): Promise<string[]> {
  const addon = session.preview.addon();
  for (const fn of GENERATORS) addon.run(fn);
  await page.goto(session.preview.url);
  await page.locator('#tabs button').first().waitFor();
  const names = await page.locator('#tabs button').allTextContents();
  return names.filter((n) => /^(Dashboard|Asset Map|Logic Model|Brief · )/.test(n));
}

/** Each generated tab on screen in turn: the cells whose text is cut, by tab. */
async function cutsByTab(tabs: readonly string[], shot: string): Promise<Record<string, unknown>> {
  const cuts: Record<string, unknown> = {};
  for (const tab of tabs) {
    await showTab(page, tab);
    const cut = await cutCells(page);
    if (cut.length) cuts[tab] = cut;
    await page.screenshot({ path: join(SHOTS, `${shot}-${tab.replace(/\W+/g, '-')}.png`) });
  }
  return cuts;
}

describe('the generated tabs of the example plan', () => {
  let tabs: string[];
  beforeAll(async () => {
    tabs = await generate();
  });

  it('are all there: the dashboard, a brief per partner, the asset map and the logic model', () => {
    expect(tabs).toEqual(expect.arrayContaining(['Dashboard', 'Asset Map', 'Logic Model']));
    expect(tabs.filter((t) => t.startsWith('Brief · ')).length).toBeGreaterThan(3);
  });

  it('have no cell whose text is cut', async () => {
    expect(await cutsByTab(tabs, 'example')).toEqual({});
  });

  it('draw the dashboard’s headline merged across the tab, and its charts', async () => {
    await showTab(page, 'Dashboard');
    const title = page.locator('td[data-cell="A1"]');
    expect(Number(await title.getAttribute('colspan'))).toBeGreaterThan(5);
    await expect(page.locator('figure.sheet-chart').count()).resolves.toBeGreaterThanOrEqual(1);
    await expect(
      page.locator('figure.sheet-chart svg[aria-label^="Chart: "]').first().isVisible(),
    ).resolves.toBe(true);
  });

  it('can all be reached from the tab bar, however many tabs there are', async () => {
    const names = await page.locator('#tabs button').allTextContents();
    expect(names.length).toBeGreaterThan(15);
    const last = names[names.length - 1];
    // The arrows scroll the bar until the last tab is in view…
    const bar = await page.locator('#tabs').boundingBox();
    for (let i = 0; i < 20; i++) {
      const box = await page.locator(`[data-sheet="${last}"]`).boundingBox();
      if (box && bar && box.x + box.width <= bar.x + bar.width + 1) break;
      await page.locator('#tabs-right').click();
      await page.waitForTimeout(350);
    }
    const box = await page.locator(`[data-sheet="${last}"]`).boundingBox();
    expect(box && bar && box.x + box.width <= bar.x + bar.width + 1).toBe(true);
    // …and the all-sheets list opens any tab by name.
    await page.locator('#all-sheets').click();
    await page.locator(`[data-sheet-item="${names[14]}"]`).click();
    await page.locator(`[data-sheet="${names[14]}"][aria-current="page"]`).waitFor();
  });
});

describe('the generated tabs of a big plan', () => {
  it('have no cell whose text is cut either', async () => {
    const ws = session.preview.addon().workspace;
    const copies = (rows: readonly ExampleRow[], prefix: string) =>
      Array.from({ length: 6 }, (_, n) =>
        rows.map((r) => ({
          ...r,
          id: `${prefix}${200 + n * rows.length + Number(String(r.id).slice(1))}`,
        })),
      ).flat();
    appendExampleRows(ws, OUTCOMES_TAB, copies(EXAMPLE_OUTCOMES, 'O'));
    appendExampleRows(ws, CALENDAR_TAB, copies(EXAMPLE_ACTIVITIES, 'A'));
    appendExampleRows(ws, ASSESSMENTS_TAB, copies(EXAMPLE_FINDINGS, 'F'));
    const tabs = await generate();
    expect(await cutsByTab(tabs, 'big')).toEqual({});
  });
});

describe('the width table the layouts measure with', () => {
  it('is never narrower than Chromium draws the grid’s font', async () => {
    const next = seeded(7);
    const alphabet =
      'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;’“”()·–-%$€/éüçñ…';
    const texts = Array.from({ length: 200 }, () =>
      Array.from(
        { length: 1 + Math.floor(next() * 60) },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join(''),
    );
    await page.goto(session.preview.url);
    const drawn = await page.evaluate((list) => {
      const probe = document.createElement('span');
      probe.style.cssText = 'position:absolute;white-space:pre;font-family:Arial,sans-serif';
      document.body.append(probe);
      const out: { normal: number; bold: number; big: number }[] = [];
      for (const text of list) {
        probe.textContent = text;
        probe.style.fontSize = '10pt';
        probe.style.fontWeight = 'normal';
        const normal = probe.getBoundingClientRect().width;
        probe.style.fontWeight = 'bold';
        const bold = probe.getBoundingClientRect().width;
        probe.style.fontSize = '14pt';
        const big = probe.getBoundingClientRect().width;
        out.push({ normal, bold, big });
      }
      return out;
    }, texts);
    texts.forEach((text, i) => {
      expect(drawn[i].normal).toBeLessThanOrEqual(textWidth(text) + 0.5);
      expect(drawn[i].bold).toBeLessThanOrEqual(textWidth(text, { bold: true }) + 0.5);
      expect(drawn[i].big).toBeLessThanOrEqual(textWidth(text, { bold: true, size: 14 }) + 0.5);
    });
  });
});
