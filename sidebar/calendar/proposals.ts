// The calendar sidebar's "Proposals" section: events others added to the calendar, to accept or decline.
import type { ImportResult, ImportState, ProposalInfo } from '../../src/shared/importWire';
import { plural } from '../../src/shared/plural';
import type { ImportMode } from '../../src/shared/settings';
import { callServer } from '../common/bridge';
import { actionButton, countDraw, el, mountSection, setStatus, withBusy } from '../common/dom';

const MODES: Array<{ mode: ImportMode; label: string }> = [
  { mode: 'propose', label: 'Propose them here (you accept or decline each)' },
  { mode: 'automatic', label: 'Add them to the Calendar tab at each sync' },
  { mode: 'off', label: 'Ignore them' },
];

/** Runs one accept or decline, then shows the section and the status from its answer. */
type Act = (call: () => Promise<ImportResult>, busy: string) => void;

const ADDING = 'Adding to the Calendar tab…';
const accept = (ids: string[]) => () => callServer('acceptImports', ids);

function proposalItem(p: ProposalInfo, canChange: boolean, act: Act): HTMLElement {
  return el(
    'li',
    {},
    el('strong', {}, p.title),
    ` — ${p.when}${p.repeats ? ', repeats' : ''}`,
    p.by ? el('span', { class: 'secondary' }, ` (added by ${p.by})`) : null,
    p.accepted ? el('span', { class: 'secondary' }, ' Accepted: the next sync finishes it.') : null,
    canChange && !p.accepted
      ? el(
          'div',
          {},
          actionButton('Accept', `Accept ${p.title}`, () => act(accept([p.eventId]), ADDING)),
          actionButton('Decline', `Decline ${p.title}`, () =>
            act(() => callServer('declineImports', [p.eventId]), 'Declining…'),
          ),
        )
      : null,
  );
}

function render(section: HTMLElement, state: ImportState, changed: () => void): void {
  countDraw(section);
  const act: Act = async (call, busy) => {
    const result = await withBusy(busy, call);
    if (!result) return;
    render(section, result.state, changed);
    setStatus('success', result.message);
    changed();
  };
  const setMode = async (mode: ImportMode) => {
    const next = await withBusy('Saving…', () => callServer('setImportMode', mode));
    if (!next) return;
    render(section, next, changed);
    setStatus('success', next.message);
  };
  const open = state.proposals.filter((p) => !p.accepted);
  const modes = el(
    'fieldset',
    {},
    el('legend', {}, 'Events others add to the calendar'),
    ...MODES.map(({ mode, label }) => {
      const input = el('input', {
        type: 'radio',
        name: 'import-mode',
        id: `import-${mode}`,
        value: mode,
      }) as HTMLInputElement;
      input.checked = state.mode === mode;
      input.disabled = !state.canChange;
      input.addEventListener('change', () => void setMode(mode));
      return el('div', { class: 'choice' }, input, el('label', { for: `import-${mode}` }, label));
    }),
  );
  const parts: Array<HTMLElement | null> = [
    el('h2', { id: 'proposals-title' }, 'Proposals'),
    el(
      'p',
      { class: 'secondary' },
      'Events someone added straight into the calendar. Accepted ones become rows of the Calendar tab (nobody is emailed); declined ones stay in Google Calendar and are not proposed again.',
    ),
    state.canChange
      ? null
      : el(
          'p',
          { class: 'secondary' },
          `Only ${state.owner ?? 'the coordinator'} can accept or decline events; you can see the list.`,
        ),
    modes,
    el('h3', {}, `Waiting for an answer (${open.length})`),
    state.proposals.length
      ? el(
          'ul',
          { 'aria-label': 'Proposed events' },
          ...state.proposals.map((p) => proposalItem(p, state.canChange, act)),
        )
      : el('p', { class: 'secondary' }, 'No events to look at. Each sync checks the calendar.'),
    state.canChange && open.length > 1
      ? actionButton(
          'Accept all',
          `Accept all ${plural(open.length, 'event')}`,
          () => void act(accept(open.map((p) => p.eventId)), ADDING),
          true,
        )
      : null,
  ];
  section.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
}

/**
 * Adds the section after `after` and fills it from the server; returns how to re-read it (each
 * sync may find new events). `changed` runs after each accept or decline, for the rest of the sidebar.
 */
export function mountProposals(after: HTMLElement, changed: () => void): () => Promise<void> {
  return mountSection(
    after,
    'proposals',
    () => callServer('getImportProposals'),
    (section, state) => render(section, state, changed),
  );
}
