// The set-up summary in plain sentences: shown in the sidebar and in the repair alert.
import { plural, word } from './plural';
import type { SetupCalendarReport, SetupSummary, SetupTabReport } from './setupWire';

/** Said while a plan from before the lead organisation existed has not been told which one leads. */
export const LEAD_QUESTION_PENDING =
  'Which organisation leads this partnership? Nothing is assumed until you choose it in Set up the work plan… (the school, the coalition’s host…).';

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
  const lead = summary.leadOrganisation;
  if (lead)
    lines.push(
      `Lead organisation: ${lead.name}${lead.added ? ' (added to the Partners tab: record its assets, needs and responsibilities like any partner’s)' : ''}.`,
    );
  else if (lead === null) lines.push(LEAD_QUESTION_PENDING);
  if (summary.calendar) lines.push(...calendarLines(summary.calendar));
  for (const tab of [...summary.created, ...summary.updated])
    for (const detail of tab.details) lines.push(`${tab.name}: ${detail}`);
  for (const repair of summary.repaired) lines.push(`Repaired on ${repair.tab}: ${repair.message}`);
  lines.push(...summary.warnings);
  return lines;
}

/** Where the coordinator acts; in brackets, so no full stop follows the menu's ellipsis. */
const SIDEBAR = 'Calendar sync (Extensions › Shared Work Plan › Calendar sync…)';

/** "A, B and C". */
const listed = (names: readonly string[]) =>
  names.length < 2
    ? names.join('')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/** Who gets the events: the guests, whether they are emailed, and who cannot be invited yet. */
function guestLines(c: SetupCalendarReport): string[] {
  if (!c.invitePartners)
    return [
      'Partners are not added to the events as guests (you can turn that on in Calendar sync).',
    ];
  const lines = [
    c.guests.length
      ? `Guests of every event: ${listed(c.guests)} (ticked “Calendar invite”)${c.sendInvites ? ', each sent an email invitation' : ', without an invitation email'}.`
      : 'Guests: nobody yet. Tick “Calendar invite” for a partner with an email address on the Partners tab.',
  ];
  if (c.guestsWithoutEmail.length)
    lines.push(
      `${listed(c.guestsWithoutEmail)} ${word(c.guestsWithoutEmail.length, 'has', 'have')} no email address yet, so cannot be invited: add ${word(c.guestsWithoutEmail.length, 'it', 'them')} on the Partners tab.`,
    );
  return lines;
}

/**
 * The calendar choices set-up stored, said plainly: what will happen, and what waits until the
 * coordinator acts (nothing reaches the calendar before the first Sync now).
 */
export function calendarLines(c: SetupCalendarReport): string[] {
  if (c.mode === 'none')
    return [
      `Calendar: none chosen yet, so nothing is synced. Choose one in ${SIDEBAR} when you are ready.`,
    ];
  const name = c.calendarName ? `“${c.calendarName}”` : 'the chosen calendar';
  const lines = [
    c.exists
      ? `Calendar: ${name}.`
      : `Calendar: a new group calendar, ${name}, made by the first sync.`,
  ];
  if (c.mode === 'new')
    lines.push(
      c.shareWithPartners
        ? `It ${c.exists ? 'is' : 'will be'} shared (to see, not change) with the partners’ approved email addresses.`
        : 'It is not shared with the partners.',
    );
  lines.push(...guestLines(c));
  const auto = [c.autoSync.afterEdits && 'after edits', c.autoSync.hourly && 'every hour'].filter(
    Boolean,
  );
  const first = auto.length
    ? `at the first automatic sync or when you press Sync now in ${SIDEBAR}`
    : `when you press Sync now in ${SIDEBAR}`;
  lines.push(
    c.synced
      ? auto.length
        ? 'The Calendar tab has been synced before: today’s changes go at the next automatic sync, or press Sync now in Calendar sync.'
        : 'The Calendar tab has been synced before: press Sync now in Calendar sync to send today’s changes.'
      : `Nothing is in the calendar yet: events will be created ${first}.`,
    auto.length
      ? `Automatic syncs run ${auto.join(' and ')} (rows with no Status wait until you confirm them in Calendar sync).`
      : 'Automatic syncs are off until you turn them on in Calendar sync.',
  );
  return lines;
}
