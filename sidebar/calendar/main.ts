// Calendar sync sidebar: choose the calendar, preview, sync with progress, resolve Calendar-side changes, ICS.
import type {
  CalendarSyncState,
  ConflictInfo,
  SyncChange,
  SyncReport,
} from '../../src/shared/calendarWire';
import { plural } from '../../src/shared/plural';
import { syncOutcome } from '../../src/shared/syncOutcome';
import { callServer } from '../common/bridge';
import { actionButton, byId, el, setStatus, withBusy } from '../common/dom';
import { startSidebar } from '../common/start';
import { confirmMove, confirmRemovals, mountApprovals } from './approvals';
import { mountProposals } from './proposals';

/**
 * Re-reads what an action may have changed — the calendar (a first sync creates it), the last run,
 * the owner, the approvals — so the sidebar never shows a state older than its own last action.
 */
let refreshAll: () => Promise<void> = async () => {};

const KIND_WORDS: Record<SyncChange['kind'], string> = {
  create: 'New',
  update: 'Update',
  delete: 'Delete',
  conflict: 'Changed in Calendar',
};

const checkbox = (id: string) => byId<HTMLInputElement>(id);

function rowLink(row: number | null): Node | string {
  if (row === null) return '(removed row)';
  const button = el('button', { class: 'link', type: 'button' }, `row ${row}`);
  button.addEventListener('click', () => {
    void withBusy(`Going to row ${row}…`, () => callServer('goToCalendarRow', row));
  });
  return button;
}

/** The last state read: whether this user may confirm rows without a Status. */
let lastState: CalendarSyncState | null = null;

function showState(state: CalendarSyncState): void {
  lastState = state;
  checkbox('mode-new').checked = state.mode !== 'existing';
  checkbox('mode-existing').checked = state.mode === 'existing';
  checkbox('share').checked = state.shareWithPartners;
  checkbox('invite').checked = state.invitePartners;
  checkbox('send-invites').checked = state.sendInvites;
  checkbox('auto-edit').checked = state.autoSync.afterEdits;
  checkbox('auto-hourly').checked = state.autoSync.hourly;
  byId('existing-row').hidden = state.mode !== 'existing';
  showSummary(state);
}

/** What the server says now (calendar, owner, last run); the form's unsaved choices stay as typed. */
function showSummary(state: CalendarSyncState): void {
  lastState = state;
  byId('current').textContent = state.calendarId
    ? `Now syncing to “${state.calendarName ?? 'a calendar that no longer exists'}”.`
    : state.mode === 'new'
      ? `A new calendar “${state.planName}” will be created by the first sync.`
      : 'No calendar chosen yet.';
  showOwner(state);
  byId('last-run').textContent = state.lastRun ? `Last run: ${state.lastRun}` : '';
}

/** The settings' owner changes them; everyone else sees them read-only, with whom to ask. */
function showOwner(state: CalendarSyncState): void {
  byId('owner').textContent = state.isOwner
    ? state.owner
      ? 'You own these settings: the automatic syncs act with your account.'
      : 'Nobody owns these settings yet: saving them, or turning an automatic sync on, makes you their owner.'
    : `Only ${state.owner} can change these settings (their automatic syncs act with their account). You can still sync now with your own account.`;
  for (const id of [
    'mode-new',
    'mode-existing',
    'share',
    'invite',
    'send-invites',
    'auto-edit',
    'auto-hourly',
  ])
    checkbox(id).disabled = !state.isOwner;
  byId<HTMLSelectElement>('calendar-select').disabled = !state.isOwner;
  byId('save').hidden = !state.isOwner;
}

async function loadCalendars(selected: string | null): Promise<void> {
  const calendars = await withBusy('Listing your calendars…', () => callServer('listCalendars'));
  if (!calendars) return;
  byId('calendar-select').replaceChildren(
    ...calendars.map((c) =>
      el('option', { value: c.id, selected: c.id === selected }, `${c.name} (${c.timeZone})`),
    ),
  );
}

function conflictBlock(c: ConflictInfo): HTMLElement {
  const keepSheet = el(
    'button',
    { type: 'button', 'data-busy-disable': true },
    'Keep the sheet’s version',
  );
  const pull = el(
    'button',
    { type: 'button', class: 'action', 'data-busy-disable': true },
    'Use Calendar’s change',
  );
  const resolve = (choice: 'sheet' | 'calendar') => async () => {
    const report = await withBusy('Applying your choice…', () =>
      callServer('resolveCalendarChange', c.activityId, choice),
    );
    if (report) showReport(report);
    await refreshAll();
  };
  keepSheet.addEventListener('click', resolve('sheet'));
  pull.addEventListener('click', resolve('calendar'));
  return el(
    'div',
    { class: 'conflict' },
    el(
      'div',
      {},
      `${c.activityId}, `,
      rowLink(c.row),
      `: ${c.changed.join(', ')} changed in Google Calendar${c.side === 'both' ? ' and in the sheet' : ''}.`,
    ),
    el(
      'div',
      { class: 'secondary' },
      `Sheet: ${c.sheet.title} · ${c.sheet.when}${c.sheet.location ? ` · ${c.sheet.location}` : ''}`,
    ),
    el(
      'div',
      { class: 'secondary' },
      `Calendar: ${c.calendar.title} · ${c.calendar.when}${c.calendar.location ? ` · ${c.calendar.location}` : ''}`,
    ),
    keepSheet,
    pull,
  );
}

/** Kinds of change in the order a coordinator reads them, with the noun they count. */
const KIND_NOUNS: ReadonlyArray<[SyncChange['kind'], string]> = [
  ['delete', 'event'],
  ['update', 'event'],
  ['create', 'activity'],
];

/** Lists this long or shorter stay open; longer ones fold behind their count ("New: 48 activities"). */
const OPEN_UP_TO = 5;

/** One kind of change as a fold: "New: 48 activities", the rows inside. */
function changeFold(
  report: SyncReport,
  kind: SyncChange['kind'],
  noun: string,
): HTMLElement | null {
  const changes = report.changes.filter((c) => c.kind === kind);
  if (!changes.length) return null;
  const fold = el(
    'details',
    { class: 'fold', open: changes.length <= OPEN_UP_TO },
    el(
      'summary',
      {},
      `${KIND_WORDS[kind]}: ${plural(changes.length, noun, noun === 'activity' ? 'activities' : undefined)}`,
    ),
    el(
      'ul',
      {
        class: 'changes',
        'aria-label': `${report.preview ? 'Changes the sync would make' : 'Changes made'}: ${KIND_WORDS[kind]}`,
      },
      ...changes.map((c) => el('li', {}, `${c.title} (`, rowLink(c.row), `): ${c.detail}`)),
    ),
  );
  return fold;
}

/** A list of rows with their message, folded behind its count when long. */
function rowFold(
  label: string,
  items: ReadonlyArray<{ row: number | null; message: string }>,
  className: string,
): HTMLElement | null {
  if (!items.length) return null;
  return el(
    'details',
    { class: 'fold', open: items.length <= OPEN_UP_TO },
    el('summary', { class: className }, `${label}: ${plural(items.length, 'row')}`),
    el(
      'ul',
      { class: `changes ${className}`, 'aria-label': label },
      ...items.map((e) => el('li', {}, rowLink(e.row), `: ${e.message}`)),
    ),
  );
}

/** The owner sees "20 rows have no Status. Send them as Planned?"; anyone else, whom to ask. */
function noStatusBlock(report: SyncReport): HTMLElement | null {
  const count = report.noStatus;
  if (!count) return null;
  const rows = plural(count, 'row');
  const question = `${rows} ${count === 1 ? 'has' : 'have'} no Status. Send ${count === 1 ? 'it' : 'them'} as Planned?`;
  const box = el('div', {
    class: 'conflict',
    role: 'group',
    'aria-label': 'Rows without a Status',
  });
  if (!lastState?.isOwner) {
    box.append(
      el(
        'p',
        {},
        `${rows} ${count === 1 ? 'has' : 'have'} no Status, so ${count === 1 ? 'it is' : 'they are'} not sent. Only ${lastState?.owner ?? 'the coordinator'} can send them as Planned; or choose a Status in each row.`,
      ),
    );
    return box;
  }
  box.append(
    el('p', {}, question),
    actionButton(`Send ${rows} as Planned`, undefined, () => void runSync(null, count), true),
    actionButton('Not now', undefined, () => box.remove()),
  );
  return box;
}

/** Errors and what waits for a decision first; then the changes, each kind folded behind its count. */
function showReport(report: SyncReport): void {
  const parts: Array<HTMLElement | null> = [
    el('p', {}, report.summary),
    rowFold(
      report.preview ? 'Rows that would not sync' : 'Rows that could not be synced',
      report.errors,
      'error',
    ),
    ...report.conflictList.map(conflictBlock),
    report.heldBackDeletions && !report.preview
      ? confirmRemovals(report.heldBackDeletions, (count) => void runSync(count, null))
      : null,
    noStatusBlock(report),
    ...KIND_NOUNS.map(([kind, noun]) => changeFold(report, kind, noun)),
    rowFold('Rows read with a note', report.notes, 'note'),
  ];
  byId('report').replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
  const outcome = syncOutcome(report);
  setStatus(outcome.kind, outcome.text);
}

async function pollProgress(running: { on: boolean }): Promise<void> {
  while (running.on) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    if (!running.on) return;
    const p = await callServer('getSyncProgress').catch(() => null);
    if (p?.running) byId('progress').textContent = `Written ${p.done} of ${p.total} changes…`;
  }
}

async function runSync(confirmed: number | null, noStatus: number | null): Promise<void> {
  const running = { on: true };
  void pollProgress(running);
  const report = await withBusy('Syncing…', () => callServer('syncCalendar', confirmed, noStatus));
  running.on = false;
  byId('progress').textContent = '';
  if (report) showReport(report);
  await refreshAll();
}

/** The approvals and proposals sections' refreshers, once mounted. */
let approvals: (() => Promise<void>) | null = null;
let proposals: (() => Promise<void>) | null = null;

/** The calendar choice as the form holds it. */
const choice = () => ({
  mode: checkbox('mode-existing').checked ? ('existing' as const) : ('new' as const),
  calendarId: byId<HTMLSelectElement>('calendar-select').value || null,
  shareWithPartners: checkbox('share').checked,
  invitePartners: checkbox('invite').checked,
  sendInvites: checkbox('send-invites').checked,
});

/** Saves the choice (with the number of events to move, once the owner confirmed it). */
async function saveChoice(confirmMove: number | null): Promise<void> {
  const saved = await withBusy(confirmMove ? 'Moving the plan’s events…' : 'Saving…', () =>
    callServer('saveCalendarChoice', { ...choice(), confirmMove }),
  );
  if (!saved) return;
  showState(saved);
  await approvals?.();
  // A move's words (how many moved, or how far it got) are the last run's summary.
  setStatus(
    'success',
    confirmMove && saved.lastRun ? saved.lastRun : `Saved: syncing to “${saved.calendarName}”.`,
  );
}

/** Which calendar: new or existing (listing the existing ones when picked), and Save. */
function wireCalendarChoice(state: CalendarSyncState): void {
  for (const id of ['mode-new', 'mode-existing']) {
    checkbox(id).addEventListener('change', () => {
      const existing = checkbox('mode-existing').checked;
      byId('existing-row').hidden = !existing;
      if (existing) void loadCalendars(state.calendarId);
    });
  }
  byId('save').addEventListener('click', async () => {
    byId('move-confirm').replaceChildren();
    // Another calendar moves the plan's events there: ask first, with the count.
    const move = await withBusy('Saving…', () => callServer('previewCalendarMove', choice()));
    if (move === undefined) return;
    if (move) byId('move-confirm').replaceChildren(confirmMove(move, (n) => void saveChoice(n)));
    else await saveChoice(null);
  });
}

/** The two automatic-sync boxes: each change is saved at once, and the state read again. */
function wireAutoSync(): void {
  const saveAuto = async () => {
    const auto = await withBusy('Saving automatic sync…', () =>
      callServer('setAutoSync', {
        afterEdits: checkbox('auto-edit').checked,
        hourly: checkbox('auto-hourly').checked,
      }),
    );
    if (!auto) return;
    checkbox('auto-edit').checked = auto.afterEdits;
    checkbox('auto-hourly').checked = auto.hourly;
    // Both off hands the settings over: say so from the server's own state.
    await refreshAll();
    setStatus('success', 'Automatic sync saved.');
  };
  checkbox('auto-edit').addEventListener('change', saveAuto);
  checkbox('auto-hourly').addEventListener('change', saveAuto);
}

/** The .ics download, with how many activities it holds and which rows it left out. */
function wireIcs(): void {
  byId('ics').addEventListener('click', async () => {
    const file = await withBusy('Building the .ics file…', () => callServer('exportIcs'));
    if (!file) return;
    const url = URL.createObjectURL(new Blob([file.content], { type: 'text/calendar' }));
    const a = el('a', { href: url, download: file.fileName }, file.fileName);
    document.body.append(a);
    a.click();
    a.remove();
    setStatus(
      'success',
      `${plural(file.events, 'activity', 'activities')} in ${file.fileName}${file.skippedRows ? ` (${plural(file.skippedRows, 'row')} left out: drafts, rows without a Planned, Confirmed or Done Status, or rows to fix)` : ''}.`,
    );
  });
}

async function start(): Promise<void> {
  const state = await withBusy('Reading the calendar settings…', () =>
    callServer('getCalendarSyncState'),
  );
  if (!state) return;
  showState(state);
  if (state.mode === 'existing') await loadCalendars(state.calendarId);
  const refreshSummary = async () => {
    const now = await callServer('getCalendarSyncState').catch(() => null);
    if (now) showSummary(now);
  };
  refreshAll = async () => {
    await refreshSummary();
    await approvals?.();
    // A sync finds events others added (and imports them in automatic mode).
    await proposals?.();
  };
  wireCalendarChoice(state);
  byId('preview').addEventListener('click', async () => {
    const report = await withBusy('Comparing the Calendar tab with the calendar…', () =>
      callServer('previewSync'),
    );
    if (report) showReport(report);
  });
  byId('sync').addEventListener('click', () => void runSync(null, null));
  approvals = mountApprovals(byId('target'), () => void refreshSummary());
  proposals = mountProposals(byId('approvals'), () => void refreshSummary());
  wireAutoSync();
  wireIcs();
}

// Coming back after a sync from the menu (or another person's) shows the fresh last run.
startSidebar(start, () => refreshAll());
