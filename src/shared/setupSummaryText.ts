// The set-up summary in plain sentences: shown in the sidebar and in the repair alert.
import type { SetupSummary, SetupTabReport } from './setupWire';

/** Said while a plan from before the lead organisation existed has not been told which one leads. */
export const LEAD_QUESTION_PENDING =
  'Which organisation leads this partnership? Nothing is assumed until you choose it in Set up the work plan… (the school, the coalition’s host…).';

const names = (tabs: readonly SetupTabReport[]) => tabs.map((t) => t.name).join(', ');

export function summaryLines(summary: SetupSummary): string[] {
  const lines: string[] = [];
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
  const lead = summary.leadOrganisation;
  if (lead)
    lines.push(
      `Lead organisation: ${lead.name}${lead.added ? ' (added to the Partners tab: record its assets, needs and responsibilities like any partner’s)' : ''}.`,
    );
  else if (lead === null) lines.push(LEAD_QUESTION_PENDING);
  for (const tab of [...summary.created, ...summary.updated])
    for (const detail of tab.details) lines.push(`${tab.name}: ${detail}`);
  for (const repair of summary.repaired) lines.push(`Repaired on ${repair.tab}: ${repair.message}`);
  lines.push(...summary.warnings);
  return lines;
}
