// The calendar sidebar's "Approved people" section: who may be shared with and invited, who waits, and the caps.
import type { ApprovalsState, WaitingPerson } from '../../src/shared/approvalsWire';
import type { CalendarMovePreview } from '../../src/shared/calendarWire';
import { plural } from '../../src/shared/plural';
import { callServer } from '../common/bridge';
import { actionButton, countDraw, el, mountSection, setStatus, withBusy } from '../common/dom';
import { rowLink } from '../common/links';

const TAB_WORDS: Record<string, string> = { partners: 'Partners', calendar: 'Calendar' };

function sourceLinks(person: WaitingPerson): Node[] {
  const out: Node[] = [];
  for (const s of person.sources) {
    if (out.length) out.push(document.createTextNode(', '));
    const label = `${TAB_WORDS[s.tab] ?? s.tab} row ${s.row}${s.activityId ? ` (${s.activityId})` : ''}`;
    out.push(s.row > 0 ? rowLink(s.tab, s.row, label) : document.createTextNode(label));
  }
  return out;
}

/** Saves an approval change, redraws the section from the answer and says what was done. */
type Change = (call: () => Promise<ApprovalsState>, done: string) => Promise<void>;

function waitingItem(p: WaitingPerson, change: Change | null): HTMLElement {
  return el(
    'li',
    {},
    el('strong', {}, p.email),
    ' — typed in ',
    ...sourceLinks(p),
    change
      ? actionButton('Approve', `Approve ${p.email}`, () =>
          change(() => callServer('approvePeople', [p.email]), `${p.email} is approved.`),
        )
      : null,
  );
}

function approvedItem(p: ApprovalsState['approved'][number], change: Change | null): HTMLElement {
  return el(
    'li',
    {},
    p.email,
    el('span', { class: 'secondary' }, ` approved${p.by ? ` by ${p.by}` : ''} on ${p.on}`),
    change
      ? actionButton('Remove', `Remove ${p.email}`, () =>
          change(
            () => callServer('unapprovePeople', [p.email]),
            `${p.email} is no longer approved: not shared with, and no longer a guest from the next sync.`,
          ),
        )
      : null,
  );
}

/** One button for everyone waiting, only when there is more than one (otherwise the row's own button). */
function approveAllButton(state: ApprovalsState, change: Change | null): HTMLElement | null {
  if (!change || state.waiting.length < 2) return null;
  const count = plural(state.waiting.length, 'address', 'addresses');
  return actionButton(
    'Approve all',
    `Approve all ${count}`,
    () =>
      change(
        () =>
          callServer(
            'approvePeople',
            state.waiting.map((p) => p.email),
          ),
        `${count} approved.`,
      ),
    true,
  );
}

function render(section: HTMLElement, state: ApprovalsState, changed: () => void): void {
  countDraw(section);
  const change: Change | null = state.canChange
    ? async (call, done) => {
        const next = await withBusy('Saving…', call);
        if (next) {
          render(section, next, changed);
          setStatus(
            next.problems.length ? 'warning' : 'success',
            [done, ...next.problems].join(' '),
          );
          changed();
        }
      }
    : null;
  const parts: Array<HTMLElement | null> = [
    el('h2', { id: 'approvals-title' }, 'Approved people'),
    el(
      'p',
      { class: 'secondary' },
      'The calendar is shared with, and guests are invited from, approved addresses only. Addresses partners type in the Partners tab or among Participants wait here.',
    ),
    change
      ? null
      : el(
          'p',
          { class: 'secondary' },
          `Only ${state.owner ?? 'the coordinator'} can approve people; you can see the lists.`,
        ),
    el('h3', {}, `Waiting for approval (${state.waiting.length})`),
    state.waiting.length
      ? el(
          'ul',
          { 'aria-label': 'Waiting for approval' },
          ...state.waiting.map((p) => waitingItem(p, change)),
        )
      : el('p', { class: 'secondary' }, 'Nobody is waiting.'),
    approveAllButton(state, change),
    el('h3', {}, `Approved (${state.approved.length})`),
    state.approved.length
      ? el(
          'ul',
          { 'aria-label': 'Approved people' },
          ...state.approved.map((p) => approvedItem(p, change)),
        )
      : el('p', { class: 'secondary' }, 'Nobody yet.'),
    el(
      'p',
      { class: 'secondary', id: 'caps' },
      `Limits: at most ${plural(state.caps.guestsPerEvent, 'guest')} per event and ${plural(state.caps.invitationsPerRun, 'invitation')} emailed per sync; the rest wait for the next sync.`,
    ),
  ];
  section.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
}

/**
 * Adds the section after `after` and fills it from the server; returns how to re-read it (a sync
 * finds new addresses). `changed` runs after each approval, for the rest of the sidebar.
 */
export function mountApprovals(after: HTMLElement, changed: () => void): () => Promise<void> {
  return mountSection(
    after,
    'approvals',
    () => callServer('getApprovals'),
    (section, state) => render(section, state, changed),
  );
}

/**
 * After a sync that held removals back: asks "This will remove 19 events. Continue?" and, on yes,
 * syncs again with that count (the server refuses it if the count changed meanwhile).
 */
export function confirmRemovals(held: number, resync: (count: number) => void): HTMLElement {
  const words = `This will remove ${plural(held, 'event')}. Continue?`;
  const box = el('div', { class: 'conflict', role: 'group', 'aria-label': 'Confirm removals' });
  box.append(
    el('p', {}, words),
    actionButton(`Remove ${plural(held, 'event')}`, undefined, () => resync(held), true),
    actionButton('Not now', undefined, () => box.remove()),
  );
  return box;
}

/**
 * Switching calendars moves the plan's events: the owner sees how many, from where to where, and
 * confirms that count (the server refuses a save whose count differs).
 */
export function confirmMove(move: CalendarMovePreview, save: (count: number) => void): HTMLElement {
  const words = `Saving moves ${plural(move.events, 'event')} of the plan from “${move.from}” to “${move.to}”: each is copied into “${move.to}” with its guests and their answers, then removed from “${move.from}”. Other events in “${move.from}” stay. Continue?`;
  const box = el('div', { class: 'conflict', role: 'group', 'aria-label': 'Confirm the move' });
  box.append(
    el('p', {}, words),
    actionButton(
      `Move ${plural(move.events, 'event')}`,
      undefined,
      () => {
        box.remove();
        save(move.events);
      },
      true,
    ),
    actionButton('Not now', undefined, () => box.remove()),
  );
  return box;
}
