// Health check sidebar: open a round, send the link and reminders, close it, and draft what the results suggest.
import type { HealthCheckState } from '../../src/shared/healthWire';
import { plural } from '../../src/shared/plural';
import { callServer } from '../common/bridge';
import { actionButton, byId, el, setStatus, withBusy } from '../common/dom';
import { startSidebar } from '../common/start';

/** Whether the weekly email carries the open round's link, and why not when it does not. */
function digestLine(weeklyEmailOn: boolean, inDigest: boolean): string {
  if (!inDigest) return 'The weekly email does not carry the link. ';
  return weeklyEmailOn
    ? 'The weekly email carries the link to contacts who have not answered. '
    : 'The weekly email would carry the link, but it is off (Goals sidebar › Weekly email to partners). ';
}

function roundsView(s: HealthCheckState): HTMLElement {
  if (!s.rounds.length) return el('p', { class: 'hint' }, 'No round yet.');
  return el(
    'ul',
    { class: 'items' },
    ...[...s.rounds]
      .reverse()
      .map((r) =>
        el(
          'li',
          {},
          `${r.id}: ${r.opens} to ${r.closes}, ${r.open ? 'open' : 'closed'} — ${plural(r.answers, 'answer')}`,
          r.invited ? `; ${r.answered} of ${r.invited} invited have answered` : '',
          r.open ? el('br', {}) : null,
          r.open ? digestLine(s.weeklyEmailOn, r.inDigest) : null,
          r.open
            ? el(
                'a',
                { href: r.url, target: '_blank', rel: 'noopener' },
                'The form as partners see it',
              )
            : null,
        ),
      ),
  );
}

function suggestionsView(s: HealthCheckState): HTMLElement {
  if (!s.suggestions.length)
    return el('p', { class: 'hint' }, 'Suggestions appear once 3 people have answered a round.');
  return el(
    'ol',
    { class: 'items' },
    ...s.suggestions.map((g) =>
      el(
        'li',
        {},
        el('p', {}, g.line),
        el('p', { class: 'hint' }, `Key action: ${g.keyAction}`),
        g.draftedRow
          ? el('p', { class: 'hint' }, `Drafted in row ${g.draftedRow} of the Calendar tab.`)
          : s.canRun
            ? actionButton(
                'Draft it in the Calendar tab',
                `Draft it in the Calendar tab: ${g.name}`,
                () =>
                  void act('Drafting the activity…', () =>
                    callServer('draftHealthActivity', g.factor),
                  ),
              )
            : null,
      ),
    ),
  );
}

function render(s: HealthCheckState): void {
  byId('health-rounds').replaceChildren(
    roundsView(s),
    s.refusal ? el('p', { class: 'hint' }, s.refusal) : el('span', {}),
  );
  byId('health-suggestions').replaceChildren(suggestionsView(s));
  const open = s.rounds.some((r) => r.open);
  byId('open-section').hidden = open || !s.canRun;
  byId('round-section').hidden = !open || !s.canRun;
  const closes = byId<HTMLInputElement>('closes');
  if (!closes.value) closes.value = s.defaultCloses;
  closes.min = s.today;
  byId<HTMLInputElement>('in-digest').checked = s.rounds.some((r) => r.open && r.inDigest);
}

async function act(busy: string, call: () => Promise<HealthCheckState>): Promise<void> {
  const next = await withBusy(busy, call);
  if (!next) return;
  render(next);
  setStatus('success', next.message);
}

startSidebar(
  async () => {
    byId('open-round').addEventListener(
      'click',
      () =>
        void act('Making the form…', () =>
          callServer('openHealthRound', { closes: byId<HTMLInputElement>('closes').value }),
        ),
    );
    byId('send-links').addEventListener(
      'click',
      () => void act('Sending…', () => callServer('sendHealthLinks')),
    );
    const inDigest = byId<HTMLInputElement>('in-digest');
    inDigest.addEventListener(
      'change',
      () =>
        void act('Saving…', () =>
          callServer('setHealthLinkInDigest', { enabled: inDigest.checked }),
        ),
    );
    byId('close-round').addEventListener(
      'click',
      () => void act('Closing the round…', () => callServer('closeHealthRound')),
    );
    byId('build-health').addEventListener(
      'click',
      () => void act('Updating the tab…', () => callServer('buildHealthCheck')),
    );
    const state = await withBusy('Reading the health check…', () => callServer('getHealthCheck'));
    if (state) render(state);
  },
  async () => {
    const state = await callServer('getHealthCheck').catch(() => null);
    if (state) render(state);
  },
);
