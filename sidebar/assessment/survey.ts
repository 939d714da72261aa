// The Assets and needs sidebar's "Community survey" section: make the form, accept or decline its answers as community findings.
import { plural } from '../../src/shared/plural';
import type {
  CommunitySurveyState,
  SurveyProposalView,
  SurveyView,
} from '../../src/shared/surveyWire';
import { callServer } from '../common/bridge';
import { actionButton, countDraw, el, mountSection, setStatus, withBusy } from '../common/dom';

/** Runs one server call, then redraws the section and shows its sentence. */
type Act = (busy: string, call: () => Promise<CommunitySurveyState>) => void;

const ADDING = 'Adding to the Assessments tab…';

function surveyItem(s: SurveyView): HTMLElement {
  return el(
    'li',
    {},
    `${s.id}, made ${s.made} — ${s.names ? 'asks for names (optional)' : 'collects no names'}`,
    el('br', {}),
    el('a', { href: s.url, target: '_blank', rel: 'noopener' }, 'The form to send'),
    ' · ',
    el('a', { href: s.editUrl, target: '_blank', rel: 'noopener' }, 'Edit it in Google Forms'),
  );
}

/** A short name for a proposal in a button's accessible name. */
const named = (p: SurveyProposalView) =>
  `${p.kind.toLowerCase()} “${p.description.length > 40 ? `${p.description.slice(0, 39)}…` : p.description}”`;

function proposalCard(p: SurveyProposalView, act: Act): HTMLElement {
  return el(
    'li',
    { class: 'card' },
    el('p', {}, el('strong', {}, p.kind), ` · ${p.category}`),
    el('p', {}, p.description),
    p.evidence ? el('p', { class: 'secondary' }, `Example: ${p.evidence}`) : null,
    el('p', { class: 'secondary' }, `Asked: ${p.population || 'not said'} · sent ${p.day}`),
    p.respondent ? el('p', { class: 'secondary' }, `From: ${p.respondent}`) : null,
    el(
      'div',
      {},
      actionButton('Accept', `Accept ${named(p)}`, () =>
        act(ADDING, () => callServer('acceptSurveyAnswers', [p.key])),
      ),
      actionButton('Decline', `Decline ${named(p)}`, () =>
        act('Declining…', () => callServer('declineSurveyAnswers', [p.key])),
      ),
    ),
  );
}

function makeControls(state: CommunitySurveyState, act: Act): HTMLElement {
  const box = el('input', { type: 'checkbox', id: 'survey-names' }) as HTMLInputElement;
  return el(
    'div',
    {},
    el(
      'div',
      { class: 'choice' },
      box,
      el(
        'label',
        { for: 'survey-names' },
        'Ask for a name and email (optional for them). Off: the form collects none.',
      ),
    ),
    actionButton(
      state.surveys.length ? 'Make another survey form' : 'Make the survey form',
      undefined,
      () =>
        act('Making the form in your Drive…', () =>
          callServer('makeCommunitySurvey', { names: box.checked }),
        ),
      true,
    ),
  );
}

/** What was left out or already settled, in one line. */
function tally(state: CommunitySurveyState): string {
  const parts = [
    state.accepted ? `${plural(state.accepted, 'answer')} accepted` : '',
    state.declined ? `${state.declined} declined` : '',
    state.skipped
      ? `${plural(state.skipped, 'answer')} left out (no strength or need, area or description in ${state.skipped === 1 ? 'it' : 'them'})`
      : '',
  ].filter((p) => p !== '');
  return parts.length ? `${parts.join('; ')}.` : '';
}

function answersPart(state: CommunitySurveyState, act: Act): Array<HTMLElement | null> {
  const n = state.proposals.length;
  return [
    el('h3', { id: 'survey-waiting' }, `Answers waiting (${n})`),
    n
      ? el(
          'ul',
          { class: 'plain', 'aria-labelledby': 'survey-waiting' },
          ...state.proposals.map((p) => proposalCard(p, act)),
        )
      : el('p', { class: 'secondary' }, 'No answers waiting.'),
    n > 1
      ? actionButton(`Accept all ${n}`, `Accept all ${plural(n, 'answer')}`, () =>
          act(ADDING, () =>
            callServer(
              'acceptAllSurveyAnswers',
              state.proposals.map((p) => p.key),
            ),
          ),
        )
      : null,
    tally(state) ? el('p', { class: 'secondary' }, tally(state)) : null,
  ];
}

function render(
  section: HTMLElement,
  state: CommunitySurveyState,
  changed: () => void,
  reread: () => void,
): void {
  countDraw(section);
  const act: Act = async (busy, call) => {
    const next = await withBusy(busy, call);
    // Refused (say, more answers arrived than Accept all showed): show the list as it is now.
    if (!next) return reread();
    render(section, next, changed, reread);
    setStatus('success', next.message);
    changed();
  };
  const parts: Array<HTMLElement | null> = [
    el('h2', { id: 'survey-title' }, 'Community survey'),
    el(
      'p',
      { class: 'secondary' },
      'A form for youth, parents and residents, or for surveyors entering the interviews they ran. Each answer comes here as a proposed community finding; the ones you accept are added to the Assessments tab.',
    ),
    state.surveys.length ? el('ul', { class: 'items' }, ...state.surveys.map(surveyItem)) : null,
    ...state.notes.map((n) => el('p', { class: 'check' }, n)),
  ];
  if (state.canRun) parts.push(makeControls(state, act), ...answersPart(state, act));
  else parts.push(el('p', { class: 'secondary' }, state.refusal ?? ''));
  section.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
}

/** Adds the section after `after`; `changed` runs after each accept or decline (the map is then stale). */
export function mountSurvey(after: HTMLElement, changed: () => void): () => Promise<void> {
  const reread = () => void load();
  const load = mountSection(
    after,
    'survey',
    () => callServer('getCommunitySurvey'),
    (section, state) => render(section, state, changed, reread),
  );
  return load;
}
