// Logic-model sidebar: walks the coordinator through one goal and saves every answer into the sheet.
import type {
  ActivityDraft,
  CheckItem,
  LogicModelDraft,
  OutcomeDraft,
} from '../../src/shared/logicModelWire';
import { callServer } from '../common/bridge';
import { byId, chosen, el, setStatus, withBusy } from '../common/dom';
import { rowLink, successWithLink } from '../common/links';
import { startSidebar } from '../common/start';
import { choiceSelect, dateInput, describe, problemNote } from '../common/typedCells';

let draft: LogicModelDraft | null = null;

/** "(Outcomes row 2)", the row part a link that selects it in the sheet. */
const rowRef = (tab: string, row: number) =>
  el('span', { class: 'row-ref' }, ' (', rowLink(tab, row, `${tab} row ${row}`), ')');

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

function textArea(value: string): HTMLTextAreaElement {
  const area = el('textarea', {});
  area.value = value;
  return area;
}

function textInput(value: string, type = 'text'): HTMLInputElement {
  const input = el('input', { type });
  input.value = value;
  return input;
}

function select(options: Array<[string, string]>, value: string): HTMLSelectElement {
  const node = el('select', {}, ...options.map(([v, text]) => el('option', { value: v }, text)));
  node.value = value;
  return node;
}

const value = (id: string) => (byId(id) as HTMLInputElement | HTMLTextAreaElement).value;

function checksList(checks: CheckItem[]): HTMLElement {
  if (checks.length === 0) return el('p', { class: 'secondary' }, 'Nothing to fix for this goal.');
  return el(
    'ul',
    { class: 'items' },
    ...checks.map((c) => el('li', { class: 'check' }, c.message, rowRef(c.tab, c.row))),
  );
}

function problemSection(d: LogicModelDraft): HTMLElement {
  const suggested = !d.details.problem && d.problemSuggestion !== '';
  return el(
    'section',
    { class: 'step' },
    el('h2', {}, '1. Problem statement'),
    field(
      'problem',
      'The need this goal answers',
      textArea(d.details.problem || d.problemSuggestion),
      suggested
        ? 'Suggested from the needs linked to this goal. Edit it, then save.'
        : 'Link needs to this goal in the Assessments tab to get a suggestion.',
    ),
    d.needs.length
      ? el(
          'ul',
          { class: 'items secondary', 'aria-label': 'Needs linked to this goal' },
          ...d.needs.map((n) => el('li', {}, n)),
        )
      : null,
  );
}

function inputsSection(d: LogicModelDraft): HTMLElement {
  return el(
    'section',
    { class: 'step' },
    el('h2', {}, '2. Inputs / resources'),
    d.inputs.filter((i) => i.kind !== 'resource').length
      ? el(
          'ul',
          { class: 'items', 'aria-label': 'Assets and partners' },
          ...d.inputs
            .filter((i) => i.kind !== 'resource')
            .map((i) => el('li', {}, i.text, rowRef(i.tab, i.row))),
        )
      : el('p', { class: 'secondary' }, 'No asset is linked to this goal yet.'),
    field(
      'inputs',
      'Other resources',
      textArea(d.details.inputs),
      'One per line: funds, materials, space not listed as an asset.',
    ),
  );
}

function activityItem(a: ActivityDraft): HTMLElement {
  const serves = a.outcomeId ? `serves ${a.outcomeId}` : 'tied to no outcome';
  return el(
    'li',
    {},
    el('strong', {}, a.title),
    a.lead ? ` — ${a.lead}` : '',
    el('br'),
    el('span', { class: 'secondary' }, `${a.output ? `Output: ${a.output} · ` : ''}${serves}`),
    rowRef('Calendar', a.row),
  );
}

function addActivityForm(d: LogicModelDraft): HTMLElement {
  const outcomes: Array<[string, string]> = [
    ['', 'The goal only (no outcome)'],
    ...d.outcomes
      .filter((o) => o.id)
      .map((o): [string, string] => [o.id, `${o.id} · ${o.outcome}`]),
  ];
  const partners: Array<[string, string]> = [
    ['', 'Choose later'],
    ...d.partners.map((p): [string, string] => [p, p]),
  ];
  const types: Array<[string, string]> = [
    ['', 'Choose later'],
    ...d.activityTypes.map((t): [string, string] => [t, t]),
  ];
  const button = el(
    'button',
    { type: 'button', id: 'add-activity', class: 'action', 'data-busy-disable': true },
    'Add activity',
  );
  button.addEventListener('click', () => void addActivity());
  return el(
    'details',
    {},
    el('summary', {}, 'Add an activity'),
    field('new-activity-title', 'Title', textInput('')),
    field('new-activity-outcome', 'Outcome it serves', select(outcomes, d.outcomes[0]?.id ?? '')),
    field('new-activity-type', 'Type', select(types, '')),
    field('new-activity-date', 'Start date (optional)', textInput('', 'date')),
    field('new-activity-lead', 'Lead partner', select(partners, '')),
    field(
      'new-activity-participants',
      'Participants',
      textInput(''),
      'Partner names, separated by commas.',
    ),
    field(
      'new-activity-output',
      'Expected output',
      textInput(''),
      'Something you can count: 24 tutors trained.',
    ),
    button,
  );
}

function activitiesSection(d: LogicModelDraft): HTMLElement {
  return el(
    'section',
    { class: 'step' },
    el('h2', {}, '3. Activities and outputs'),
    d.activities.length
      ? el('ul', { class: 'items', 'aria-label': 'Activities' }, ...d.activities.map(activityItem))
      : el('p', { class: 'secondary' }, 'No Calendar activity is linked to this goal yet.'),
    addActivityForm(d),
  );
}

function outcomeForm(d: LogicModelDraft, o: OutcomeDraft | null): HTMLElement {
  const key = o ? o.id || `row${o.row}` : 'new';
  const id = (name: string) => `outcome-${key}-${name}`;
  const button = el(
    'button',
    { type: 'button', id: id('save'), class: 'action', 'data-busy-disable': true },
    o ? 'Save outcome' : 'Add outcome',
  );
  button.addEventListener('click', () => void saveOutcome(key, o?.id ?? ''));
  const summary = o
    ? el(
        'summary',
        {},
        `${o.id ? `${o.id} · ` : ''}${o.outcome}`,
        el('span', { class: 'row-ref' }, ` ${o.term || 'term not set'}`),
      )
    : el('summary', {}, 'Add an outcome');
  return el(
    'details',
    {},
    summary,
    field(
      id('term'),
      'Term',
      choiceSelect(d.outcomeTerms, o ? o.term : 'Short term', 'Not set'),
      undefined,
      o?.problems?.term,
    ),
    field(
      id('text'),
      'Outcome',
      textInput(o?.outcome ?? ''),
      'The change you expect, in a sentence.',
    ),
    field(
      id('indicator'),
      'Indicator',
      textInput(o?.indicator ?? ''),
      'Something you can count or observe.',
    ),
    field(id('baseline'), 'Baseline', textInput(o?.baseline ?? '')),
    field(id('target'), 'Target', textInput(o?.target ?? '')),
    field(
      id('date'),
      'Target date',
      dateInput(o?.targetDate ?? ''),
      undefined,
      o?.problems?.targetDate,
    ),
    button,
  );
}

function outcomesSection(d: LogicModelDraft): HTMLElement {
  return el(
    'section',
    { class: 'step' },
    el('h2', {}, '4. Outcomes and indicators'),
    el(
      'p',
      { class: 'hint' },
      'Short term (within a year), medium term, long term; each with a baseline, a target and a date.',
    ),
    ...d.outcomes.map((o) => outcomeForm(d, o)),
    outcomeForm(d, null),
  );
}

function goalTextSection(d: LogicModelDraft): HTMLElement {
  const button = el(
    'button',
    { type: 'button', id: 'save-goal-details', class: 'action', 'data-busy-disable': true },
    'Save goal',
  );
  button.addEventListener('click', () => void saveGoal());
  return el(
    'section',
    { class: 'step' },
    el('h2', {}, '5. Impact, assumptions, external factors'),
    field('impact', 'Impact', textArea(d.details.impact), 'The long-term change in the community.'),
    field(
      'assumptions',
      'Assumptions',
      textArea(d.details.assumptions),
      'What must be true for the activities to lead to the outcomes.',
    ),
    field(
      'externalFactors',
      'External factors',
      textArea(d.details.externalFactors),
      'What the partnership does not control.',
    ),
    button,
    el(
      'p',
      { class: 'hint' },
      'Save goal stores the problem statement, other resources, impact, assumptions and external factors in the Goals tab.',
    ),
  );
}

function render(d: LogicModelDraft): void {
  draft = d;
  const picker = byId<HTMLSelectElement>('goal');
  picker.replaceChildren(
    ...d.goals.map((g) => el('option', { value: g.id }, `${g.id} · ${g.label}`)),
  );
  picker.disabled = d.goals.length === 0;
  const checks = byId('checks');
  if (!d.goal) {
    byId('goal-row').textContent = '';
    byId('content').replaceChildren(
      el(
        'p',
        {},
        'No goal yet. Add your goals in Extensions › Shared Work Plan › Goals, outcomes and progress…, then reopen this sidebar.',
      ),
    );
    checks.replaceChildren();
    return;
  }
  picker.value = d.goal.id;
  byId('goal-row').textContent = `${d.goal.tab} row ${d.goal.row}`;
  byId('content').replaceChildren(
    problemSection(d),
    inputsSection(d),
    activitiesSection(d),
    outcomesSection(d),
    goalTextSection(d),
  );
  checks.replaceChildren(
    el('h2', { id: 'checks-title' }, 'To fix for this goal'),
    checksList(d.checks),
  );
}

/** Reloads the goal; `done` is the summary of what was just saved, with the row it names. */
async function load(
  goalId: string | null,
  done?: { message: string; tab: string; row: number },
): Promise<void> {
  const d = await withBusy('Reading the plan…', () => callServer('getLogicModelDraft', goalId));
  if (!d) return;
  render(d);
  if (done) successWithLink(done.message, done.tab, done.row);
}

async function saveGoal(): Promise<void> {
  if (!draft?.goal) return;
  const goalId = draft.goal.id;
  const result = await withBusy('Saving the goal…', () =>
    callServer('saveGoalDetails', {
      goalId,
      problem: value('problem'),
      inputs: value('inputs'),
      impact: value('impact'),
      assumptions: value('assumptions'),
      externalFactors: value('externalFactors'),
      loaded: draft?.details,
    }),
  );
  if (result) await load(goalId, result);
}

async function saveOutcome(key: string, outcomeId: string): Promise<void> {
  if (!draft?.goal) return;
  const goalId = draft.goal.id;
  const id = (name: string) => `outcome-${key}-${name}`;
  const result = await withBusy('Saving the outcome…', () =>
    callServer('saveOutcome', {
      goalId,
      outcomeId,
      // As shown: a term typed in the sheet and left alone goes back as it came.
      term: value(id('term')),
      outcome: value(id('text')),
      indicator: value(id('indicator')),
      baseline: value(id('baseline')),
      target: value(id('target')),
      targetDate: value(id('date')),
      loaded: draft?.outcomes.find((o) => o.id === outcomeId),
    }),
  );
  if (result) await load(goalId, result);
}

async function addActivity(): Promise<void> {
  if (!draft?.goal) return;
  const goalId = draft.goal.id;
  const result = await withBusy('Adding the activity…', () =>
    callServer('addActivity', {
      goalId,
      outcomeId: value('new-activity-outcome'),
      title: value('new-activity-title'),
      type: chosen(value('new-activity-type'), draft?.activityTypes ?? []),
      startDate: value('new-activity-date'),
      lead: value('new-activity-lead'),
      participants: value('new-activity-participants'),
      output: value('new-activity-output'),
    }),
  );
  if (result) await load(goalId, result);
}

async function build(): Promise<void> {
  const summary = await withBusy('Building the Logic Model tab…', () =>
    callServer('buildLogicModel'),
  );
  if (summary) setStatus('success', summary.message);
}

byId('goal').addEventListener('change', () => void load(value('goal')));
byId('build').addEventListener('click', () => void build());
startSidebar(() => load(null));
