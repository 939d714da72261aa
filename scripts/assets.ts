// `npm run assets`: the Marketplace listing's icons (32, 48, 96, 128 px PNG) drawn from assets/icon.svg by Chromium, offline.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from './findChromium';

/** The sizes the Google Workspace Marketplace SDK's store listing asks for (docs/publishing.md). */
export const ICON_SIZES = [32, 48, 96, 128] as const;

export const ICON_SVG = join(__dirname, '..', 'assets', 'icon.svg');
export const LISTING_DIR = join(__dirname, '..', 'docs', 'listing');

export const iconFile = (size: number): string => join(LISTING_DIR, `icon-${size}.png`);

/**
 * Each size is drawn from the vector by the browser (not scaled down from a bitmap), on a
 * transparent page with no network: the SVG is inlined into the page, so nothing is fetched.
 */
export async function renderIcons(outDir = LISTING_DIR): Promise<string[]> {
  const svg = readFileSync(ICON_SVG, 'utf8');
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const written: string[] = [];
    for (const size of ICON_SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`,
      );
      const path = join(outDir, `icon-${size}.png`);
      await page.screenshot({
        path,
        omitBackground: true,
        clip: { x: 0, y: 0, width: size, height: size },
      });
      await page.close();
      written.push(path);
    }
    return written;
  } finally {
    await browser.close();
  }
}

if (require.main === module)
  renderIcons().then(
    (files) => console.log(`Wrote ${files.join(', ')}`),
    (error) => {
      console.error((error as Error).message);
      process.exitCode = 1;
    },
  );
