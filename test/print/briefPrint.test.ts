// Each partner brief prints on one page: the preview's .xlsx export of the briefs, turned into a PDF by LibreOffice headless.
// Under test/print, not test/integration: printing has no undocumented Google behaviour to flip, so it runs once.
// In a file of its own so its cost shows: LibreOffice's start (its installation, about 190 s on a
// fresh Debian machine, is npm test's pretest: scripts/ensure-test-programs.ts).
import { createExampleWorkspace } from '../../emulator/example/seed';
import { ensurePrograms, PRINT_PROGRAMS } from '../../scripts/debianPackages';
import { printedPages } from '../harness/print';
import { sidebarCall } from '../harness/sidebarCall';
import { runAmbiguities } from '../harness/workspace';

// LibreOffice's conversion took 18–84 s here depending on the machine's load.
jest.setTimeout(150_000);

let soffice: string;
let pdfinfo: string;

beforeAll(() => {
  [soffice, pdfinfo] = ensurePrograms(PRINT_PROGRAMS);
});

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
    expect(await printedPages(soffice, pdfinfo, tabs, addon.workspace)).toBe(tabs.length);
  });
});
