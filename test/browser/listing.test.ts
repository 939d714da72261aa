// The Marketplace listing's assets: icons drawn from one SVG and 1280×800 screenshots of the preview (UPDATE_SCREENSHOTS=1 refreshes docs/listing/).
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ICON_SIZES, iconFile, LISTING_DIR, renderIcons } from '../../scripts/assets';
import { openPreview, openSidebar, type PreviewSession } from '../harness/previewPage';

jest.setTimeout(150_000);

const UPDATE = Boolean(process.env.UPDATE_SCREENSHOTS);
const SHOTS = UPDATE ? LISTING_DIR : join(__dirname, '../../test-output/listing');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('listing icons', () => {
  it('are drawn at every size the store listing asks for, and the committed ones match those sizes', async () => {
    const dir = UPDATE ? LISTING_DIR : mkdtempSync(join(tmpdir(), 'swp-icons-'));
    const files = await renderIcons(dir);
    expect(files).toHaveLength(ICON_SIZES.length);
    ICON_SIZES.forEach((size, i) => {
      expect(pngSize(files[i])).toEqual({ width: size, height: size });
      expect(pngSize(iconFile(size))).toEqual({ width: size, height: size });
    });
  });
});

describe('listing screenshots', () => {
  let session: PreviewSession;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    session = await openPreview({ fresh: true });
    page = session.page;
    await page.goto(session.preview.url);
    await page.locator('[data-sheet="Calendar"]').waitFor();
  });

  afterAll(() => session?.close());

  async function shot(name: string): Promise<void> {
    const path = join(SHOTS, name);
    await page.screenshot({ path });
    // The store listing takes 1280×800 (docs/publishing.md): the page is that size, not the device's.
    expect(pngSize(path)).toEqual({ width: 1280, height: 800 });
  }

  it('shows the calendar sync beside the Calendar tab', async () => {
    await page.locator('[data-sheet="Calendar"]').click();
    const sidebar = await openSidebar(page, 'Calendar sync…', 'Calendar sync');
    await sidebar
      .getByRole('button', { name: /sync now/i })
      .first()
      .waitFor();
    await shot('listing-calendar-sync.png');
  });

  /** Brings a tab of the plan to the front, as a coordinator clicks it in the tab bar. */
  async function showTab(name: string): Promise<void> {
    await page.locator(`[data-sheet="${name}"]`).click();
    await page.locator(`[data-sheet="${name}"][aria-current="page"]`).waitFor();
  }

  it('shows partners’ assets and needs beside the asset map', async () => {
    await showTab('Asset Map');
    await openSidebar(page, 'Assets and needs…', 'Assets and needs');
    await shot('listing-assets-and-needs.png');
  });

  it('shows the goals and their progress beside the Progress tab', async () => {
    await showTab('Progress');
    await openSidebar(page, 'Goals, outcomes and progress…', 'Goals and progress');
    await shot('listing-goals.png');
  });
});
