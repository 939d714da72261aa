// The asset map's chart: the one Sheets chart the add-on draws, kept to a single copy.
import type { AssetMapChart } from '../../domain/assets/layout';
import type { SheetBuilders } from '../google';

/** The asset map's one column chart: made, updated in place, or removed (extra copies too). */
export function writeAssetMapChart(
  builders: SheetBuilders,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  spec: AssetMapChart | null,
): void {
  const charts = sheet.getCharts();
  // Extra charts on a generated tab are the add-on's own leftovers or someone's copy: one is kept.
  for (const extra of charts.slice(spec ? 1 : 0)) sheet.removeChart(extra);
  if (!spec) return;
  const range = sheet.getRange(
    spec.range.row,
    spec.range.column,
    spec.range.rows,
    spec.range.columns,
  );
  const builder = (charts[0] ? charts[0].modify().clearRanges() : sheet.newChart())
    .setChartType(builders.columnChart())
    .addRange(range)
    .setNumHeaders(1)
    .setPosition(spec.anchor.row, spec.anchor.column, 0, 0)
    .setOption('title', spec.title)
    .setOption('legend', { position: 'top' })
    .setOption('colors', ['#188038', '#d93025', '#f9ab00']);
  if (charts[0]) sheet.updateChart(builder.build());
  else sheet.insertChart(builder.build());
}
