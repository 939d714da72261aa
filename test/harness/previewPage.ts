// Drives npm start's preview page in Chromium as a person would: the add-on menu, its sidebar, typing in the grid.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import { type Preview, type PreviewOptions, startPreview } from '../../preview/server';
import { launchChromium } from './browser';

export interface PreviewSession {
  preview: Preview;
  browser: Browser;
  page: Page;
  /** Native dialogs (alert, confirm) the page raised: the add-on's own dialogs are HTML. */
  nativeDialogs: string[];
  close(): Promise<void>;
}

/** A preview on a state file of its own (never the developer's), and a 1280×800 page. */
export async function openPreview(
  options: Pick<PreviewOptions, 'blank' | 'fresh'>,
): Promise<PreviewSession> {
  const [preview, browser] = await Promise.all([
    startPreview({
      port: 0,
      stateFile: join(mkdtempSync(join(tmpdir(), 'swp-browser-')), 'state.json'),
      ...options,
    }),
    launchChromium(),
  ]);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const nativeDialogs: string[] = [];
  page.on('dialog', (d) => {
    nativeDialogs.push(d.message());
    void d.dismiss();
  });
  return {
    preview,
    browser,
    page,
    nativeDialogs,
    close: async () => {
      await browser.close();
      await preview.close();
    },
  };
}

/** Extensions › Shared Work Plan › caption; resolves once the new sidebar shows its heading. */
export async function openSidebar(
  page: Page,
  caption: string,
  heading: string,
): Promise<FrameLocator> {
  // Each opening loads /sidebar/N with a new N: wait for a page other than the one on screen, or
  // reopening the same sidebar finds its heading in the old page while the frame reloads.
  const shownPath = () =>
    page.evaluate(() => {
      const f = document.getElementById('sidebar-frame') as HTMLIFrameElement | null;
      return f?.contentDocument?.location.pathname ?? null;
    });
  const before = await shownPath();
  await page.getByRole('button', { name: 'Extensions' }).click();
  await page.getByRole('menuitem', { name: caption }).click();
  await page.waitForFunction((old) => {
    const f = document.getElementById('sidebar-frame') as HTMLIFrameElement | null;
    const doc = f?.contentDocument;
    return (
      !!doc &&
      doc.location.pathname.startsWith('/sidebar/') &&
      doc.location.pathname !== old &&
      doc.readyState === 'complete'
    );
  }, before);
  const sidebar = page.frameLocator('#sidebar-frame');
  await sidebar.getByRole('heading', { level: 1, name: heading }).waitFor();
  return sidebar;
}

/** The sidebar's frame itself, for checks that run inside it (axe, script flags). */
export function sidebarFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().includes('/sidebar/'));
  if (!frame) throw new Error('No sidebar is open');
  return frame;
}

/** The grid cell under the header `header` (row 1), in `row` of the tab on screen. */
export async function cellUnder(page: Page, header: string, row: number) {
  const rows = page.locator('table.grid tbody tr');
  const headers = await rows.first().locator('td').allTextContents();
  const col = headers.indexOf(header);
  if (col < 0) throw new Error(`No column ${header}: ${headers.join(', ')}`);
  return rows
    .nth(row - 1)
    .locator('td')
    .nth(col);
}

/**
 * A partner clicks a cell and types over it, then presses Enter; resolves once the edit was
 * applied and the grid redrawn from the server.
 */
export async function typeInto(
  page: Page,
  header: string,
  row: number,
  text: string,
): Promise<void> {
  await (await cellUnder(page, header, row)).click();
  const editor = page.getByRole('textbox', { name: /^Edit / });
  await editor.fill(text);
  await editor.press('Enter');
  await gridSettled(page);
}

/** Every queued change answered and the state read again. */
export async function gridSettled(page: Page): Promise<void> {
  await page.locator('#grid-wrap[data-busy="false"]').waitFor({ state: 'attached' });
}
