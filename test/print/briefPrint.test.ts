// Each partner brief prints on one page: the preview's .xlsx export of the briefs, turned into a PDF by LibreOffice headless.
// Under test/print, not test/integration: printing has no undocumented Google behaviour to flip, so it runs once.
// In a file of its own so its cost shows: LibreOffice's start (its installation, about 190 s on a
// fresh Debian machine, is npm test's pretest: scripts/ensure-test-programs.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createExampleWorkspace } from '../../emulator/example/seed';
import { workbookXlsx } from '../../preview/export/xlsx';
import { ensurePrograms, PRINT_PROGRAMS } from '../../scripts/debianPackages';
import { sidebarCall } from '../harness/sidebarCall';
import { runAmbiguities } from '../harness/workspace';

// LibreOffice's conversion took 18–84 s here depending on the machine's load.
jest.setTimeout(150_000);

let soffice: string;
let pdfinfo: string;

beforeAll(() => {
  [soffice, pdfinfo] = ensurePrograms(PRINT_PROGRAMS);
});

/** The PDF LibreOffice prints from the briefs' tabs alone, and its page count. */
async function printedPages(tabs: readonly string[], ws: Parameters<typeof workbookXlsx>[0]) {
  const dir = mkdtempSync(join(tmpdir(), 'swp-brief-'));
  const xlsx = join(dir, 'briefs.xlsx');
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
  const info = execFileSync(pdfinfo, [join(dir, 'briefs.pdf')], { encoding: 'utf8' });
  const pages = /^Pages:\s+(\d+)/m.exec(info);
  if (!pages) throw new Error(`pdfinfo said: ${info}`);
  return Number(pages[1]);
}

describe('the partner briefs in print', () => {
  it('print on one page each, for every partner of the example plan mid-year', async () => {
    const addon = createExampleWorkspace({
      virtualClock: true,
      startTime: Date.UTC(2027, 7, 1, 14),
      ambiguities: runAmbiguities(),
    });
    const summary = sidebarCall(addon, 'buildPartnerBriefs', null);
    expect(summary.tabs).toHaveLength(9);
    const tabs = summary.tabs.map((t) => t.tab);
    expect(await printedPages(tabs, addon.workspace)).toBe(tabs.length);
  });
});
