// Goals sidebar: add and edit goals, their outcomes and indicators, record measurements, update the dashboard.
import type { GoalsForm, GoalView, OutcomeView } from '../../src/shared/goalsWire';
import { callServer } from '../common/bridge';
import { byId, el, setStatus, withBusy } from '../common/dom';
import { rowLink, successWithLink } from '../common/links';
import { startSidebar } from '../common/start';
import { choiceSelect, dateInput, describe, problemNote } from '../common/typedCells';
import { wireDigest } from './digest';

let form: GoalsForm | null = null;
const NEW = '';

/** A labelled control, its hint, and the sentence flagging a cell typed in the sheet (if any). */
function field(
  id: string,
  label: string,
  control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement,
  hint?: string,
  problem?: string,
): HTMLElement {
  control.id = id;
  const hintNode = hint ? el('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  const problemNode = problemNote(id, problem);
  describe(control, hintNode, problemNode);
  return el('div', {}, el('label', { for: id }, label), control, hintNode, problemNode);
}

function input(value: string, type = 'text'): HTMLInputElement {
  const node = el('input', { type });
  node.value = value;
  return node;
}

function area(value: string): HTMLTextAreaElement {
  const node = el('textarea', {});
  node.value = value;
  return node;
}

const select = choiceSelect;

const value = (id: string) => (byId(id) as HTMLInputElement).value;

function goalForm(f: GoalsForm, goal: GoalView | null): HTMLElement {
  const save = el(
    'button',
    { type: 'button', id: 'save-goal', class: 'action', 'data-busy-disable': true },
    goal ? 'Save the goal' : 'Add the goal',
  );
  save.addEventListener('click', async () => {
    const fields = {
      goal: value('goal-text'),
      // As shown: a priority typed in the sheet and left alone goes back as it came.
      priority: value('goal-priority'),
      problem: value('goal-why'),
      owner: value('goal-owner'),
      status: value('goal-status'),
    };
    const result = await withBusy(goal ? 'Saving the goal…' : 'Adding the goal…', () =>
      callServer('saveGoal', {
        ...fields,
        goalId: goal?.id ?? '',
        loaded: goal
          ? {
              goal: goal.goal,
              priority: goal.priority,
              problem: goal.problem,
              owner: goal.owner,
              status: goal.status,
            }
          : undefined,
      }),
    );
    if (!result) return;
    await load(result.id);
    successWithLink(result.message, result.tab, result.row);
  });
  return el(
    'section',
    { class: 'step' },
    el('h2', {}, goal ? `Goal ${goal.id}` : 'A new goal'),
    goal
      ? el(
          'p',
          { class: 'row-ref' },
          rowLink(f.goalsTab, goal.row, `${f.goalsTab} row ${goal.row}`),
        )
      : null,
    field('goal-text', 'Goal', area(goal?.goal ?? ''), 'A goal the partners share, in a sentence.'),
    field(
      'goal-priority',
      'Priority',
      select(f.priorities, goal?.priority ?? '', 'Not set'),
      undefined,
      goal?.problems?.priority,
    ),
    field(
      'goal-why',
      'Why it matters',
      area(goal?.problem ?? ''),
      'The need or problem this goal answers (the logic model’s problem statement).',
    ),
    field(
      'goal-owner',
      'Owner partner',
      select(f.partners, goal?.owner ?? '', 'No owner yet'),
      undefined,
      goal?.problems?.owner,
    ),
    field(
      'goal-status',
      'Status',
      select(f.statuses, goal?.status ?? '', 'Not set'),
      undefined,
      goal?.problems?.status,
    ),
    el('div', { class: 'actions' }, save),
  );
}

function outcomeForm(f: GoalsForm, goal: GoalView, o: OutcomeView | null): HTMLElement {
  const key = o ? o.id : 'new';
  const id = (name: string) => `${key}-${name}`;
  const save = el(
    'button',
    { type: 'button', id: id('save'), class: o ? '' : 'action', 'data-busy-disable': true },
    o ? `Save ${o.id}` : 'Add the outcome',
  );
  save.addEventListener('click', async () => {
    const fields = {
      term: value(id('term')),
      outcome: value(id('outcome')),
      indicator: value(id('indicator')),
      baseline: value(id('baseline')),
      target: value(id('target')),
      targetDate: value(id('targetDate')),
    };
    const result = await withBusy('Saving the outcome…', () =>
      callServer('saveOutcome', {
        ...fields,
        goalId: goal.id,
        outcomeId: o?.id ?? '',
        loaded: o
          ? {
              term: o.term,
              outcome: o.outcome,
              indicator: o.indicator,
              baseline: o.baseline,
              target: o.target,
              targetDate: o.targetDate,
            }
          : undefined,
      }),
    );
    if (!result) return;
    await load(goal.id);
    successWithLink(result.message, result.tab, result.row);
  });
  return el(
    'div',
    {},
    field(
      id('term'),
      'Term',
      select(f.outcomeTerms, o?.term ?? '', 'Not set'),
      undefined,
      o?.problems?.term,
    ),
    field(
      id('outcome'),
      'Outcome',
      area(o?.outcome ?? ''),
      'The change you expect, in a sentence.',
    ),
    field(
      id('indicator'),
      'Indicator',
      input(o?.indicator ?? ''),
      'How you will know: something you can count (a share, a number of people…).',
    ),
    field(id('baseline'), 'Baseline', input(o?.baseline ?? ''), 'Where it stands today, e.g. 41%.'),
    field(id('target'), 'Target', input(o?.target ?? ''), 'Where it should be, e.g. 60%.'),
    field(
      id('targetDate'),
      'Target date',
      dateInput(o?.targetDate ?? ''),
      undefined,
      o?.problems?.targetDate,
    ),
    el('div', { class: 'actions' }, save),
  );
}

function progressForm(o: OutcomeView, goalId: string): HTMLElement {
  const id = (name: string) => `${o.id}-progress-${name}`;
  const record = el(
    'button',
    { type: 'button', id: id('save'), class: 'action', 'data-busy-disable': true },
    'Record the measurement',
  );
  record.addEventListener('click', async () => {
    const result = await withBusy('Recording…', () =>
      callServer('recordProgress', {
        outcomeId: o.id,
        date: value(id('date')),
        value: value(id('value')),
        note: value(id('note')),
      }),
    );
    if (!result) return;
    await load(goalId);
    successWithLink(result.message, result.tab, result.row);
  });
  return el(
    'div',
    {},
    field(id('date'), 'Measured on', input('', 'date')),
    field(
      id('value'),
      'Value',
      input(''),
      `In the unit of the baseline (${o.baseline || 'a number'}).`,
    ),
    field(id('note'), 'Note', input('')),
    el('div', { class: 'actions' }, record),
  );
}

function outcomeItem(f: GoalsForm, goal: GoalView, o: OutcomeView): HTMLElement {
  const latest = o.latestValue
    ? `latest ${o.latestValue} on ${o.latestDate} (${o.measurements} measured)`
    : 'not measured yet';
  return el(
    'li',
    {},
    el('strong', {}, `${o.id} `),
    o.outcome,
    el('br'),
    el(
      'span',
      { class: 'measure' },
      `${o.indicator || 'No indicator'}: ${o.baseline || '?'} → ${latest} → target ${o.target || '?'}${o.targetDate ? ` by ${o.targetDate}` : ''}`,
    ),
    ' ',
    rowLink('outcomes', o.row, `Outcomes row ${o.row}`),
    f.hasProgressTab
      ? el('details', {}, el('summary', {}, 'Record a measurement'), progressForm(o, goal.id))
      : el('p', { class: 'hint' }, 'Run Check and repair to add the Progress tab.'),
    el('details', {}, el('summary', {}, 'Edit this outcome'), outcomeForm(f, goal, o)),
  );
}

function outcomesSection(f: GoalsForm, goal: GoalView | null): HTMLElement {
  if (!goal) return el('p', { class: 'secondary' }, 'Add the goal first; then give it outcomes.');
  const mine = f.outcomes.filter((o) => o.goalId === goal.id);
  return el(
    'section',
    { class: 'step' },
    el('h2', {}, `Outcomes of ${goal.id}`),
    mine.length
      ? el('ul', { class: 'items' }, ...mine.map((o) => outcomeItem(f, goal, o)))
      : el('p', { class: 'secondary' }, 'No outcome yet: what will change, and how will you know?'),
    el(
      'details',
      { open: mine.length === 0 },
      el('summary', {}, 'Add an outcome'),
      outcomeForm(f, goal, null),
    ),
  );
}

function render(goalId: string): void {
  if (!form) return;
  const f = form;
  const picker = byId<HTMLSelectElement>('goal-select');
  picker.replaceChildren(
    el('option', { value: NEW }, 'New goal…'),
    ...f.goals.map((g) => el('option', { value: g.id }, `${g.id} · ${g.goal}`)),
  );
  const goal = f.goals.find((g) => g.id === goalId) ?? null;
  picker.value = goal ? goal.id : NEW;
  byId('goal-form').replaceChildren(goalForm(f, goal));
  byId('outcomes').replaceChildren(outcomesSection(f, goal));
  const briefFor = byId<HTMLSelectElement>('brief-partner');
  const keep = briefFor.value;
  briefFor.replaceChildren(
    el('option', { value: '' }, 'Every partner'),
    ...f.partnerIds.map((p) => el('option', { value: p.id }, p.name)),
  );
  briefFor.value = f.partnerIds.some((p) => p.id === keep) ? keep : '';
}

async function load(goalId: string | null): Promise<void> {
  const loaded = await withBusy('Loading the goals…', () => callServer('getGoalsForm'));
  if (!loaded) return;
  form = loaded;
  render(goalId ?? loaded.goals[0]?.id ?? NEW);
}

byId<HTMLSelectElement>('goal-select').addEventListener('change', (event) => {
  render((event.target as HTMLSelectElement).value);
  setStatus('idle');
});

byId('dashboard').addEventListener('click', async () => {
  const summary = await withBusy('Updating the dashboard…', () => callServer('buildDashboard'));
  if (summary) setStatus('success', summary.message);
});

byId('briefs').addEventListener('click', async () => {
  const partnerId = byId<HTMLSelectElement>('brief-partner').value;
  const summary = await withBusy('Writing the briefs…', () =>
    callServer('buildPartnerBriefs', partnerId || null),
  );
  if (summary) setStatus('success', summary.message);
});

wireDigest();
startSidebar(() => load(null));
