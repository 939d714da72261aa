// The Asset Map's layout and the gap drafts: pure, so shape and wording are checked without a sheet.

import { exampleFindingRows } from '../../emulator/example/rows';
import { findGapActivity, gapActivityCells } from '../../src/domain/assets/gapActivity';
import { ASSET_MAP_NOTE, assetMapLayout, MATCH_MEANING } from '../../src/domain/assets/layout';
import { assetMapSummary } from '../../src/domain/assets/summary';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import { cellWidth } from '../../src/domain/table/textFit';
import { analyseExample, exampleId } from '../harness/examplePlan';
import { tabRecords } from '../harness/records';

describe('assetMapLayout', () => {
  const analysis = analyseExample();
  const layout = assetMapLayout(analysis, '1 Mar 2027, 09:00');

  it('is one rectangle of values with a format for every cell', () => {
    const width = layout.values[0].length;
    for (const grid of [layout.values, layout.fontWeights, layout.fontColors, layout.backgrounds]) {
      expect(grid).toHaveLength(layout.values.length);
      expect(grid.every((row) => row.length === width)).toBe(true);
    }
    expect(width).toBe(14); // partner column, 12 categories, total
  });

  it('says what the tab is, what a match means and when it was built', () => {
    expect(layout.note).toBe(ASSET_MAP_NOTE);
    const column = layout.values.map((r) => r[0]);
    expect(column).toContain(MATCH_MEANING);
    expect(column[1]).toMatch(
      /^Built 1 Mar 2027, 09:00\. 65 findings from 8 partners: 34 of 39 needs matched \(71 matches\), 5 gaps, 0 data problems\.$/,
    );
  });

  it('points the chart at the per-category table and colours the matrix by what a cell holds', () => {
    const chart = layout.chart;
    if (!chart) throw new Error('no chart');
    expect(layout.values[chart.range.row - 1].slice(0, 4)).toEqual([
      'Category',
      'Assets',
      'Needs',
      'Needs no partner covers',
    ]);
    expect(layout.values[chart.range.row + chart.range.rows - 2][0]).toBe('Relationships');
    const header = layout.values.find((r) => r[0] === 'Partner') ?? [];
    const ymca = layout.values.findIndex((r) => r[0] === 'Riverside YMCA');
    const staffing = header.indexOf('Staffing');
    expect(layout.values[ymca][staffing]).toBe('1 asset, 1 need');
    expect(layout.backgrounds[ymca][staffing]).toBe('#fef7e0');
    const culture = header.indexOf('Culture');
    expect(layout.backgrounds[ymca][culture]).toBe('#fce8e6');
  });

  it('wraps only the columns whose text is wider than they may be', () => {
    expect(layout.wrap.length).toBeGreaterThan(0);
    for (const block of layout.wrap) {
      const widest = Math.max(
        ...layout.values.map((r, i) =>
          layout.merges.some((m) => m.row === i + 1)
            ? 0
            : cellWidth(String(r[block.column - 1]), { bold: true }),
        ),
      );
      expect(widest).toBeGreaterThan(layout.columnWidths[block.column - 1]);
    }
  });

  it('gives the sidebar the same counts as the tab', () => {
    const summary = assetMapSummary(analysis, 'Asset Map');
    expect(summary.message).toBe(
      `Asset Map tab rebuilt: ${layout.values[1][0].toString().replace(/^Built [^.]+\. /, '')}`,
    );
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });
});

describe('gap drafts', () => {
  const analysis = analyseExample(exampleFindingRows());
  const need = (text: string) => {
    const found = analysis.findings.find((f) => f.ref === exampleId(text));
    if (!found) throw new Error(text);
    return found;
  };

  it('finds a draft by its need’s marker only, never by a longer ID that starts the same', () => {
    const f1Like = { ...need('No dental provider'), ref: 'F1' };
    const calendar = tabRecords(CALENDAR_TAB, [
      { id: 'A1', title: 'Other', notes: 'Added from the Asset Map for need F12: …' },
    ]).records;
    expect(findGapActivity(f1Like, calendar)).toBeNull();
    expect(findGapActivity({ ...f1Like, ref: 'F12' }, calendar)?.id).toBe('A1');
  });

  it('falls back to the title when the notes were rewritten, unless they name another need', () => {
    const dental = need('No dental provider');
    const { title } = gapActivityCells(dental, 'A9') as { title: string };
    const rewritten = tabRecords(CALENDAR_TAB, [
      { id: 'A3', title, type: 'Capacity building', notes: 'Asked the county' },
    ]).records;
    expect(findGapActivity(dental, rewritten)?.id).toBe('A3');
    const other = tabRecords(CALENDAR_TAB, [
      {
        id: 'A4',
        title,
        type: 'Capacity building',
        notes: 'Added from the Asset Map for need F99',
      },
    ]).records;
    expect(findGapActivity(dental, other)).toBeNull();
  });

  it('shortens a long need into a title at a word boundary', () => {
    const long = { ...need('No dental provider'), description: `${'word '.repeat(40)}end` };
    const { title } = gapActivityCells(long, 'A1') as { title: string };
    expect(title.length).toBeLessThanOrEqual('Build capacity: '.length + 90);
    expect(title).toMatch(/word…$/);
  });
});
