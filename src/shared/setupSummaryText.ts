// The set-up summary in plain sentences: shown in the sidebar and in the repair alert.
import { plural } from './plural';
import type { SetupSummary, SetupTabReport } from './setupWire';

const names = (tabs: readonly SetupTabReport[]) => tabs.map((t) => t.name).join(', ');

export function summaryLines(summary: SetupSummary): string[] {
  const lines: string[] = [];
  // What needs someone first: rows the repair cannot read are not "in order".
  const toFix = summary.rowsToFix ?? [];
  if (toFix.length)
    lines.push(
      `${plural(toFix.length, 'row')} to fix (the sync cannot read ${toFix.length === 1 ? 'it' : 'them'} as typed):`,
      ...toFix.map((r) => `${r.tab} row ${r.row}${r.id ? ` (${r.id})` : ''}: ${r.message}`),
    );
  if (summary.migratedFrom !== null)
    lines.push(`Brought the plan from schema ${summary.migratedFrom} to ${summary.schemaVersion}.`);
  if (summary.created.length) lines.push(`Created: ${names(summary.created)}.`);
  if (summary.updated.length) lines.push(`Updated: ${names(summary.updated)}.`);
  if (summary.kept.length) lines.push(`Already in order: ${names(summary.kept)}.`);
  if (summary.renamedTo) lines.push(`Renamed the spreadsheet to “${summary.renamedTo}”.`);
  if (summary.removedEmptySheet1)
    lines.push('Removed the empty Sheet1 the spreadsheet started with.');
  if (summary.partnersAdded.length)
    lines.push(`Partners added: ${summary.partnersAdded.join(', ')}.`);
  for (const tab of [...summary.created, ...summary.updated])
    for (const detail of tab.details) lines.push(`${tab.name}: ${detail}`);
  for (const repair of summary.repaired) lines.push(`Repaired on ${repair.tab}: ${repair.message}`);
  lines.push(...summary.warnings);
  return lines;
}
