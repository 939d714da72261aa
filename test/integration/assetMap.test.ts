// The Asset Map through the built bundle: the example partnership, a rebuild after partners edit, the menu.

import { EXAMPLE_FINDINGS } from '../../emulator/example/findings';
import { exampleFindingRows } from '../../emulator/example/rows';
import { createExampleWorkspace } from '../../emulator/example/seed';
import type { FakeSheet } from '../../emulator/spreadsheet';
import type { Workspace } from '../../emulator/workspace';
import { COLUMN_KEY_METADATA, TAB_KEY_METADATA } from '../../src/domain/schema/metadata';
import { ASSESSMENTS_TAB } from '../../src/domain/schema/tabs';
import { exampleId } from '../harness/examplePlan';
import { appendRows, writeAssessmentPlan } from '../harness/planFixture';
import { sidebarCall } from '../harness/sidebarCall';
import { loadAddon, runAmbiguities, TEST_START } from '../harness/workspace';

const MAP = 'Asset Map';

function setUp() {
  const { ws, addon } = loadAddon();
  writeAssessmentPlan(ws);
  ws.runtime.resetCounts();
  return { ws, addon, build: () => sidebarCall(addon, 'buildAssetMap') };
}

const mapSheet = (ws: Workspace) => ws.sheets.spreadsheet.getSheetByName(MAP) as FakeSheet;
const mapText = (ws: Workspace) => ws.sheets.table(MAP).map((row) => row.join(' | '));
/** The Assessments column of a key, 1-based, as the fixture laid it out. */
const column = (key: string) => ASSESSMENTS_TAB.columns.findIndex((c) => c.key === key) + 1;
/** The sheet row of example finding F<n> (header on row 1). */
const rowOf = (id: string) => Number(id.slice(1)) + 1;

describe('buildAssetMap on the example partnership', () => {
  it('returns the counts, matches and gaps the example was designed with', () => {
    const { build } = setUp();
    const summary = build();
    expect(summary.counts).toEqual({
      partners: 8,
      findings: 65,
      assets: 26,
      needs: 39,
      matches: 71,
      needsMatched: 34,
      gaps: 5,
      problems: 0,
    });
    expect(summary.gaps.map((g) => g.findingId)).toEqual(
      [
        'Immigrant families feel',
        'No dental provider',
        'High turnover of front-desk staff',
        'No programs that reflect',
        'No link to the community college',
      ].map(exampleId),
    );
    const tutoring = summary.matches.filter((m) => m.needRef === exampleId('No quiet space'));
    expect(tutoring.map((m) => m.offeredBy)).toEqual([
      'Riverside Elementary School',
      'Riverside Public Library',
      'Riverside YMCA',
    ]);
    expect(summary.message).toMatch(/^Asset Map tab rebuilt: 65 findings from 8 partners/);
  });

  it('writes the tab: what a match means, whom to call, the gaps, the matrix, a chart', () => {
    const { ws, build } = setUp();
    build();
    const text = mapText(ws).join('\n');
    expect(text).toContain('A match pairs a need with an asset that another partner listed');
    expect(text).toContain(
      `Call Priya Natarajan at State University Tutoring Corps on (555) 201-6630 and ask whether “Undergraduate tutors trained in phonics-based reading…” can help with ${exampleId('Not enough adults')} (“Not enough adults`,
    );
    expect(text).toContain('Gaps: needs no partner covers (5)');
    expect(text).toContain('Matches: needs and the partners who can help (71)');
    const sheet = mapSheet(ws);
    expect(sheet.getRange(1, 1).getNote()).toContain('Do not type here');
    expect(
      sheet
        .getDeveloperMetadata()
        .filter((m) => m.getKey() === TAB_KEY_METADATA)
        .map((m) => m.getValue()),
    ).toEqual(['assetMap']);
    const [chart] = sheet.getCharts();
    expect(sheet.getCharts()).toHaveLength(1);
    const [range] = chart.getRanges();
    const table = range.getValues();
    expect(table[0]).toEqual(['Category', 'Assets', 'Needs', 'Needs no partner covers']);
    expect(table.find((r) => r[0] === 'Culture')).toEqual(['Culture', 2, 2, 2]);
    expect(table).toHaveLength(13);
  });

  it('keeps partners’ text literal: a description that looks like a formula stays text', () => {
    const { ws, addon, build } = setUp();
    const row = rowOf(exampleId('No quiet space'));
    addon.userEdit('Assessments', row, column('description'), `'=IMPORTXML("http://x","//a")`);
    build();
    const sheet = mapSheet(ws);
    const values = sheet.getDataRange().getValues();
    const formulas = sheet.getDataRange().getFormulas();
    const at = values.findIndex((r) => String(r[0]).includes('IMPORTXML'));
    expect(values[at][0]).toBe(`${exampleId('No quiet space')} · =IMPORTXML("http://x","//a")`);
    expect(formulas.flat().filter(Boolean)).toEqual([]);
  });
});

describe('rebuilding after partners change rows', () => {
  it('replaces the tab in place: new matches, fewer gaps, nothing left over', () => {
    const { ws, addon, build } = setUp();
    build();
    // Someone types into the generated tab; the rebuild replaces it (its note says so).
    addon.userEdit(MAP, 200, 3, 'my own note');
    // The Business Alliance adds a Culture asset: both Culture gaps now have a match.
    appendRows(ws, ASSESSMENTS_TAB, [
      {
        id: 'F66',
        source: 'Organisational',
        partner: 'Main Street Business Alliance',
        kind: 'Asset',
        category: 'Culture',
        description: 'Members sponsor the Eastside cultural festival',
      },
    ]);
    // The YMCA deletes its front-desk need; the school marks its dental need as an asset by mistake.
    ws.sheets.userDeleteRows('Assessments', rowOf(exampleId('High turnover')));
    const dental = rowOf(exampleId('No dental provider'));
    addon.userEdit('Assessments', dental, column('kind'), 'Strength');

    const summary = build();
    expect(summary.gaps.map((g) => g.findingId)).toEqual([
      exampleId('No link to the community college'),
    ]);
    const culture = summary.matches.filter((m) => m.category === 'Culture');
    expect(culture.map((m) => [m.needRef, m.offeredBy, m.assetRef])).toEqual([
      [exampleId('Immigrant families feel'), 'Main Street Business Alliance', 'F66'],
      [exampleId('No programs that reflect'), 'Main Street Business Alliance', 'F66'],
    ]);
    expect(summary.problems).toEqual([
      {
        tab: 'Assessments',
        row: dental,
        message: `Asset or need “Strength” should be Asset or Need. Did you mean “Asset”?`,
        effect: 'excluded',
      },
    ]);
    expect(ws.sheets.spreadsheet.getSheets().filter((s) => s.getName() === MAP)).toHaveLength(1);
    expect(mapText(ws).join('\n')).not.toContain('my own note');
    expect(ws.sheets.table(MAP).length).toBe(mapSheet(ws).getLastRow());
    expect(mapSheet(ws).getCharts()).toHaveLength(1);
  });

  it('finds its tab by metadata after a rename, and never writes to the Assessments tab', () => {
    const { ws, build } = setUp();
    build();
    ws.sheets.userRenameSheet(MAP, 'Our asset map');
    const before = ws.sheets.table('Assessments');
    const summary = build();
    expect(summary.sheetName).toBe('Our asset map');
    expect(ws.sheets.spreadsheet.getSheetByName(MAP)).toBeNull();
    expect(ws.sheets.table('Assessments')).toEqual(before);
  });

  it('locates the Assessments columns by metadata when partners move them', () => {
    const { ws, build } = setUp();
    const expected = build().counts;
    ws.sheets.userMoveColumn('Assessments', column('description'), 2);
    const sheet = ws.sheets.spreadsheet.getSheetByName('Assessments') as FakeSheet;
    const keys = sheet
      .getRange(1, 2, 1, 1)
      .getSheet()
      .createDeveloperMetadataFinder()
      .withKey(COLUMN_KEY_METADATA)
      .withValue('description')
      .find()
      .map((m) => m.getLocation().getColumn()?.getColumn());
    expect(keys).toEqual([2]);
    expect(build().counts).toEqual(expected);
  });
});

describe('the menu', () => {
  it('offers the two items and builds the map with a toast naming the tab', () => {
    const { ws, addon } = setUp();
    addon.open('FULL');
    const captions = ws.sheets.ui.menus[0].entries.flatMap((e) =>
      e.kind === 'item' ? [e.caption] : [],
    );
    expect(captions).toEqual(expect.arrayContaining(['Assets and needs…', 'Build the asset map']));
    addon.run('buildAssetMapFromMenu');
    const toast = ws.sheets.spreadsheet.toasts.at(-1);
    expect(toast?.title).toBe('Asset map');
    expect(toast?.message).toMatch(
      /^Asset Map tab rebuilt: .*34 of 39 needs matched \(71 matches\), 5 gaps/,
    );
    expect(ws.sheets.spreadsheet.getActiveSheet().getName()).toBe(MAP);
  });

  it('says what to do when the plan has not been set up', () => {
    const { addon } = loadAddon();
    expect(() => sidebarCall(addon, 'buildAssetMap')).toThrow(
      'There is no Assessments tab yet. Run Extensions › Shared Work Plan › Set up the work plan first.',
    );
  });

  it('opens the Assets and needs sidebar', () => {
    const { ws, addon } = setUp();
    addon.run('showAssessmentSidebar');
    expect(ws.sheets.ui.sidebars.at(-1)?.title).toBe('Assets and needs');
  });
});

describe('cost', () => {
  /** Service calls of one build, by method, on the example with its findings repeated `times`. */
  function callsFor(times: number): Record<string, number> & { columns: number } {
    const { ws, addon } = loadAddon();
    const rows = exampleFindingRows();
    const many = Array.from({ length: times }, (_, copy) =>
      rows.map((r, i) => ({
        ...r,
        id: `F${copy * rows.length + i + 1}`,
        description: `${r.description} (${copy + 1})`,
      })),
    ).flat();
    writeAssessmentPlan(ws, many);
    ws.runtime.resetCounts();
    sidebarCall(addon, 'buildAssetMap');
    return { ...ws.runtime.counts_(), columns: ws.sheets.table('Asset Map')[0].length };
  }

  it('reads each source tab once and writes a fixed number of times, whatever the row count', () => {
    const small = callsFor(1);
    const large = callsFor(5);
    // 5 × 65 findings give 25 × 71 matches: more rows than a new tab has, so it grows once.
    expect(large['SpreadsheetApp.Sheet.insertRowsAfter']).toBe(1);
    delete large['SpreadsheetApp.Sheet.insertRowsAfter'];
    expect(large).toEqual(small);
    expect(small['SpreadsheetApp.Range.getValues']).toBe(5);
    expect(small['SpreadsheetApp.Range.setValues']).toBe(1);
    expect(small['SpreadsheetApp.Sheet.clear']).toBe(1);
    // Writes to the sheet (chart-builder steps are local until insertChart): values, formats,
    // note, merges, one wrap call, the title's height, the new tab and its chart, and one width
    // call per run of equal widths (at most one per column: widths come from the text).
    const writes = Object.entries(small).filter(([name]) =>
      /^SpreadsheetApp\.(Spreadsheet|Sheet|Range|RangeList)\.(set|insert|clear|remove|update|add|merge|break)/.test(
        name,
      ),
    );
    const widths = small['SpreadsheetApp.Sheet.setColumnWidths'] ?? 0;
    expect(widths).toBeLessThanOrEqual(small.columns);
    expect(writes.reduce((n, [, count]) => n + count, 0) - widths).toBeLessThanOrEqual(20);
  });
});

describe('the preview’s example', () => {
  it('adds the 65 findings through the sidebar’s function after the plan’s own, and builds the map', () => {
    const addon = createExampleWorkspace({
      virtualClock: true,
      startTime: TEST_START,
      ambiguities: runAmbiguities(),
    });
    const ws = addon.workspace;
    const rows = ws.sheets.table('Assessments').slice(1);
    const ours = rows.slice(-EXAMPLE_FINDINGS.length);
    expect(ours.map((r) => r[0])).toEqual(
      EXAMPLE_FINDINGS.map((_, i) => `F${rows.length - EXAMPLE_FINDINGS.length + i + 1}`),
    );
    expect(ours.map((r) => r[5])).toEqual(EXAMPLE_FINDINGS.map((f) => f.description));
    const summary = sidebarCall(addon, 'buildAssetMap');
    expect(summary.counts.findings).toBe(rows.length);
    expect(summary.problems).toEqual([]);
    expect(ws.sheets.spreadsheet.getSheetByName('Logic Model')).not.toBeNull();
  });
});
