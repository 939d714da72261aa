// Writes the Dashboard tab in a fixed number of calls: values (links as HYPERLINKs), styles, two charts.
import type { DashboardChart, DashboardLayout } from '../../domain/dashboard/layout';
import { plainTextCell } from '../../domain/table/literal';
import { ensureGridSize, resetGeneratedTab, shapeLayout } from './generatedTab';
import { mergeRows } from './mergeRows';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A formula string literal: quotes doubled (Sheets' own escape). */
const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * One reset, three merge calls, one number format, one setValues, three style arrays, a few widths and wraps, and at most two
 * charts removed and two drawn: the count depends on the layout's shape, never on the plan's rows.
 * Text is kept as typed (plain-text format: "Mar 2027" must not become a date); links open the
 * plan row (`#gid=…&range=A5`), and a tab that is gone leaves the label alone.
 */
export function writeDashboard(
  sheet: Sheet,
  layout: DashboardLayout,
  sheetIds: ReadonlyMap<string, number>,
): void {
  resetGeneratedTab(sheet);
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  const rows = layout.values.length;
  const columns = layout.values[0]?.length ?? 1;
  ensureGridSize(sheet, rows, columns);
  mergeRows(sheet, layout.merges, columns);
  const values: unknown[][] = layout.values.map((row) => row.map(plainTextCell));
  for (const link of layout.links) {
    const id = sheetIds.get(link.target.tab);
    if (id === undefined) continue;
    values[link.row - 1][link.column - 1] =
      `=HYPERLINK(${quoted(`#gid=${id}&range=A${link.target.row}`)},${quoted(link.label)})`;
  }
  const all = sheet.getRange(1, 1, rows, columns);
  all.setNumberFormat('@');
  all.setValues(values);
  all.setFontWeights(layout.fontWeights);
  all.setFontColors(layout.fontColors);
  all.setBackgrounds(layout.backgrounds);
  shapeLayout(sheet, layout, all);
  for (const chart of layout.charts) drawChart(sheet, chart);
}

function drawChart(sheet: Sheet, spec: DashboardChart): void {
  const range = sheet.getRange(
    spec.range.row,
    spec.range.column,
    spec.range.rows,
    spec.range.columns,
  );
  const builder = sheet.newChart();
  const typed = spec.kind === 'line' ? builder.asLineChart() : builder.asColumnChart();
  const chart = typed
    .addRange(range)
    .setNumHeaders(1)
    .setPosition(spec.anchor.row, spec.anchor.column, 0, 0)
    .setOption('title', spec.title)
    .setOption('legend', { position: 'top' })
    .build();
  sheet.insertChart(chart);
}
