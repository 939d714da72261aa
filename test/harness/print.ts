// Prints tabs of an emulated workbook to PDF with LibreOffice headless and counts the pages.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workbookXlsx } from '../../preview/export/xlsx';

/** The PDF LibreOffice prints from these tabs alone, and its page count. */
export async function printedPages(
  soffice: string,
  pdfinfo: string,
  tabs: readonly string[],
  ws: Parameters<typeof workbookXlsx>[0],
) {
  const dir = mkdtempSync(join(tmpdir(), 'swp-print-'));
  const xlsx = join(dir, 'tabs.xlsx');
  writeFileSync(xlsx, await workbookXlsx(ws, (name) => tabs.includes(name)));
  // A profile of its own: a LibreOffice already running for the user would otherwise take the job.
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      xlsx,
    ],
    { stdio: 'pipe', timeout: 140_000 },
  );
  const info = execFileSync(pdfinfo, [join(dir, 'tabs.pdf')], { encoding: 'utf8' });
  const pages = /^Pages:\s+(\d+)/m.exec(info);
  if (!pages) throw new Error(`pdfinfo said: ${info}`);
  return Number(pages[1]);
}
