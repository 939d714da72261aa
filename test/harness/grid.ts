// Drives the preview grid by cell address and header, as a person at the keyboard would, and reads the sheet back.
import type { Locator, Page } from 'playwright-core';
import type { Addon } from '../../emulator/addon';
import { gridSettled } from './previewPage';

/** Shows a tab and waits until the grid draws it. */
export async function showTab(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Spreadsheet', exact: true }).click();
  await page.locator(`[data-sheet="${name}"]`).click();
  await page.locator(`[data-sheet="${name}"][aria-current="page"]`).waitFor();
  await page.locator(`table.grid[aria-label="Sheet ${name}"][data-detailed="true"]`).waitFor();
}

/** The sheet's column (1-based) under a header, from the server's copy of the sheet. */
export function columnOf(addon: Addon, tab: string, header: string): number {
  const headers = addon.workspace.sheets.table(tab)[0].map(String);
  const col = headers.indexOf(header) + 1;
  if (col < 1) throw new Error(`No column ${header} on ${tab}: ${headers.join(', ')}`);
  return col;
}

/** The first row whose cell under `header` is empty, below the header row. */
export function firstEmptyRow(addon: Addon, tab: string, header: string): number {
  const col = columnOf(addon, tab, header);
  const rows = addon.workspace.sheets.table(tab);
  const at = rows.findIndex((row, i) => i > 0 && String(row[col - 1] ?? '') === '');
  return at < 0 ? rows.length + 1 : at + 1;
}

export function cellAt(page: Page, row: number, col: number): Locator {
  return page.locator(`table.grid td[data-row="${row}"][data-col="${col}"]`);
}

export function rowHeader(page: Page, row: number): Locator {
  return page.locator(`table.grid tbody th[data-row="${row}"]`);
}

/** What a person sees in a row of the emulated sheet (display values), from the server. */
export function shownRow(addon: Addon, tab: string, row: number): string[] {
  const sheet = addon.workspace.sheets.app.getActiveSpreadsheet().getSheetByName(tab);
  if (!sheet) throw new Error(`No tab ${tab}`);
  return sheet.getRange(row, 1, 1, sheet.getLastColumn()).getDisplayValues()[0];
}

/**
 * Clicks the first cell and types each value at `delay` ms a key, pressing Tab at once after each
 * and Enter after the last, never waiting for the server in between.
 */
export async function typeAcross(
  page: Page,
  row: number,
  firstCol: number,
  values: readonly string[],
  delay = 30,
): Promise<void> {
  await cellAt(page, row, firstCol).click();
  for (const [i, value] of values.entries()) {
    if (value) await page.keyboard.type(value, { delay });
    await page.keyboard.press(i === values.length - 1 ? 'Enter' : 'Tab');
  }
}

export { gridSettled };

/** A cell of the preview whose text does not fit its box, as a person would see it cut. */
export interface CutCell {
  cell: string;
  text: string;
}

/**
 * Every cell of the tab on screen whose text overflows its box: a cell that does not wrap and
 * whose text is wider than the cell (and the empty cells to its right it may run over), or a
 * wrapping cell whose text is taller than its row (a set height, or a merged block).
 */
export async function cutCells(page: Page): Promise<CutCell[]> {
  return page.locator('table.grid').evaluate((table) => {
    const cut: { cell: string; text: string }[] = [];
    for (const td of Array.from(table.querySelectorAll<HTMLElement>('td[data-cell]'))) {
      const box = td.querySelector<HTMLElement>('.text');
      if (!box || box.textContent === '') continue;
      const wraps = td.classList.contains('wrap');
      // Text at the sheet's last column runs on into the empty columns beyond it.
      const wide =
        !wraps && td.dataset.spillEnd !== 'edge' && box.scrollWidth > box.clientWidth + 1;
      const tall = box.scrollHeight > box.clientHeight + 1 || td.scrollHeight > td.clientHeight + 1;
      if (wide || (wraps && tall))
        cut.push({ cell: td.dataset.cell ?? '', text: box.textContent ?? '' });
    }
    return cut;
  });
}
