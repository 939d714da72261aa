// The Health check tab prints on one page with many rounds, several organisations and open answers; and a brief carrying the health section still does.
// Under test/print for the same reasons as briefPrint.test.ts (LibreOffice's start is its cost).
import { createExampleWorkspace } from '../../emulator/example/seed';
import { ensurePrograms, PRINT_PROGRAMS } from '../../scripts/debianPackages';
import { runHealthRounds } from '../harness/healthRounds';
import { printedPages } from '../harness/print';
import { sidebarCall } from '../harness/sidebarCall';
import { runAmbiguities } from '../harness/workspace';

jest.setTimeout(300_000);

let soffice: string;
let pdfinfo: string;

beforeAll(() => {
  [soffice, pdfinfo] = ensurePrograms(PRINT_PROGRAMS);
});

const ORGS = [
  'Riverside Public Library',
  'Eastside Community Health Clinic',
  'State University Tutoring Corps',
  'Riverside Parent Association',
  'Northside Food Bank',
  'Main Street Business Alliance',
];

describe('the Health check tab in print', () => {
  it('prints on one page after six rounds, with six organisations split out and open answers, and so does each brief', async () => {
    const addon = createExampleWorkspace({
      virtualClock: true,
      startTime: Date.UTC(2027, 1, 1, 14),
      ambiguities: runAmbiguities(),
    });
    runHealthRounds(addon, { rounds: 6, organisations: ORGS, perOrg: 4 });
    sidebarCall(addon, 'buildHealthCheck');
    const briefs = sidebarCall(addon, 'buildPartnerBriefs', null).tabs.map((t) => t.tab);
    const shown = addon.workspace.sheets.spreadsheet
      .getSheetByName('Health check')!
      .getDataRange()
      .getDisplayValues()
      .flat()
      .join(' ');
    // The case is the heavy one: every organisation split out, both open questions quoted.
    expect(ORGS.filter((o) => shown.includes(`${o}, 4 people: lowest`))).toHaveLength(4);
    expect(shown).toMatch(/2 more organisations with 3 or more answers/);
    expect(shown).toMatch(/What one change would help/);
    expect(await printedPages(soffice, pdfinfo, ['Health check'], addon.workspace)).toBe(1);
    expect(await printedPages(soffice, pdfinfo, briefs, addon.workspace)).toBe(briefs.length);
  });
});
