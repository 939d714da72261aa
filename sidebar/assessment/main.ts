// Assessment sidebar: partners add assets and needs, the coordinator adds community findings and reads the map.
import type { AssessmentForm, AssetMapSummary, GapWire } from '../../src/shared/assetsWire';
import { callServer } from '../common/bridge';
import { byId, chosen, el, setStatus, withBusy } from '../common/dom';
import { rowLink, successWithLink } from '../common/links';
import { startSidebar } from '../common/start';
import { mountSurvey } from './survey';

let form: AssessmentForm | null = null;
/** The two radio buttons of the form (the wire type's FindingSource). */
const SOURCES = ['Organisational', 'Community'] as const;

const selected = (name: string) =>
  (document.querySelector(`input[name="${name}"]:checked`) as HTMLInputElement | null)?.value ?? '';
const field = (id: string) => byId<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(id);

function options(select: HTMLSelectElement, items: Array<[string, string]>): void {
  select.replaceChildren(...items.map(([value, label]) => el('option', { value }, label)));
}

/** Categories grouped by what they apply to, so a partner sees the capacity areas first. */
function categoryOptions(select: HTMLSelectElement, categories: AssessmentForm['categories']) {
  const groups = new Map<string, HTMLOptGroupElement>();
  const nodes: Node[] = [el('option', { value: '' }, 'Choose a category…')];
  for (const c of categories) {
    const kind = c.kind || 'Other';
    let group = groups.get(kind);
    if (!group) {
      group = el('optgroup', { label: kind });
      groups.set(kind, group);
      nodes.push(group);
    }
    group.append(el('option', { value: c.name }, c.name));
  }
  select.replaceChildren(...nodes);
}

function showCategoryHelp(): void {
  const name = field('category').value;
  const category = form?.categories.find((c) => c.name === name);
  byId('category-help').textContent = category?.description ?? '';
}

function showSourceFields(): void {
  const community = selected('source') === 'Community';
  byId('community-fields').hidden = !community;
  byId('partner-label').textContent = community ? 'Gathered by (optional)' : 'Your organisation';
  byId('description-label').textContent = community ? 'Finding' : 'Description';
  const partner = field('partner') as HTMLSelectElement;
  const first = partner.options[0];
  if (first) first.textContent = community ? 'No partner' : 'Choose your organisation…';
}

async function loadForm(): Promise<void> {
  const loaded = await withBusy('Reading partners, categories and goals…', () =>
    callServer('getAssessmentForm'),
  );
  if (!loaded) return;
  form = loaded;
  options(field('partner') as HTMLSelectElement, [
    ['', 'Choose your organisation…'],
    ...loaded.partners.map((p): [string, string] => [p.name, p.name]),
  ]);
  categoryOptions(field('category') as HTMLSelectElement, loaded.categories);
  options(field('priority') as HTMLSelectElement, [
    ['', 'Not set'],
    ...loaded.priorities.map((p): [string, string] => [p, p]),
  ]);
  options(field('goal') as HTMLSelectElement, [
    ['', 'None'],
    ...loaded.goals.map((g): [string, string] => [g.id, `${g.id} · ${g.label}`]),
  ]);
  options(field('dataSource') as HTMLSelectElement, [
    ['', 'Choose…'],
    ...loaded.dataSources.map((d): [string, string] => [d, d]),
  ]);
  byId('notes').replaceChildren(...loaded.notes.map((n) => el('p', {}, n)));
  showSourceFields();
  showCategoryHelp();
}

async function addFinding(event: Event): Promise<void> {
  event.preventDefault();
  const community = selected('source') === 'Community';
  const input = {
    source: chosen(selected('source'), SOURCES),
    partner: field('partner').value,
    kind: chosen(selected('kind'), form?.kinds ?? []),
    category: field('category').value,
    description: field('description').value,
    evidence: field('evidence').value,
    dataSource: community ? chosen(field('dataSource').value, form?.dataSources ?? []) : '',
    population: community ? field('population').value : '',
    priority: chosen(field('priority').value, form?.priorities ?? []),
    goalId: field('goal').value,
  };
  const result = await withBusy('Adding to the Assessments tab…', () =>
    callServer('addAssessmentFinding', input),
  );
  if (!result) return;
  // Keep organisation, kind and category: partners usually add several findings in a row.
  field('description').value = '';
  field('evidence').value = '';
  successWithLink(result.message, 'assessments', result.row);
  markMapStale();
  field('description').focus();
}

function gapCard(gap: GapWire): HTMLElement {
  const action = gap.activity
    ? el(
        'p',
        { class: 'secondary' },
        `On the Calendar: ${gap.activity.id || `row ${gap.activity.row}`} (${gap.activity.status || 'no status'})`,
      )
    : el(
        'button',
        {
          type: 'button',
          'data-busy-disable': true,
          'aria-label': `Add activity for ${gap.findingId}`,
        },
        'Add activity',
      );
  if (action instanceof HTMLButtonElement) {
    action.addEventListener('click', () => void addGapActivity(gap, action));
  }
  return el(
    'li',
    { class: 'card' },
    el('p', {}, el('strong', {}, gap.findingId), ` · ${gap.need}`),
    el(
      'p',
      { class: 'secondary' },
      el('span', { class: `priority-${gap.priority}` }, gap.priority || 'No priority'),
      ` · ${gap.category} · ${gap.neededBy}`,
    ),
    gap.communityLeads.length > 0
      ? el('p', { class: 'secondary' }, `Community leads: ${gap.communityLeads.join('; ')}`)
      : null,
    action,
  );
}

async function addGapActivity(gap: GapWire, button: HTMLButtonElement): Promise<void> {
  const result = await withBusy(`Adding a draft for ${gap.findingId} to the Calendar tab…`, () =>
    callServer('addGapActivity', gap.findingId),
  );
  if (!result) return;
  gap.activity = { id: result.activityId, row: result.row, title: result.title, status: 'Draft' };
  button.replaceWith(
    el(
      'p',
      { class: 'secondary' },
      `On the Calendar: ${result.activityId || `row ${result.row}`} (Draft)`,
    ),
  );
  successWithLink(result.message, 'calendar', result.row);
}

function showMap(summary: AssetMapSummary): void {
  const c = summary.counts;
  const topMatches = summary.matches.slice(0, 8);
  const parts: Array<Node | null> = [
    el(
      'p',
      { class: 'counts' },
      `${c.findings} findings: ${c.needsMatched} of ${c.needs} needs matched (${c.matches} matches), ${c.gaps} gaps, ${c.problems} data problems.`,
    ),
    summary.partnersWithoutFindings.length > 0
      ? el(
          'p',
          { class: 'secondary' },
          `No assessment yet from: ${summary.partnersWithoutFindings.join(', ')}.`,
        )
      : null,
    el('h3', {}, `Gaps (${c.gaps})`),
    c.gaps === 0
      ? el('p', { class: 'secondary' }, 'Every need has at least one match.')
      : el('ul', { class: 'plain', id: 'gaps' }, ...summary.gaps.map(gapCard)),
    el('h3', {}, `Matches (${c.matches})`),
    el(
      'ul',
      { class: 'plain', id: 'matches' },
      ...topMatches.map((m) =>
        el(
          'li',
          { class: 'card' },
          el('p', {}, el('strong', {}, m.needRef), ` · ${m.need}`),
          el('p', { class: 'secondary' }, m.action),
        ),
      ),
    ),
    c.matches > topMatches.length
      ? el(
          'p',
          { class: 'secondary' },
          `All ${c.matches} matches are on the ${summary.sheetName} tab.`,
        )
      : null,
    c.problems > 0 ? el('h3', {}, `Data problems (${c.problems})`) : null,
    c.problems > 0
      ? el(
          'ul',
          { class: 'plain', id: 'problems' },
          ...summary.problems
            .slice(0, 10)
            .map((p) =>
              p.row
                ? el(
                    'li',
                    { class: 'error' },
                    rowLink(p.tab, p.row, `${p.tab} row ${p.row}`),
                    `: ${p.message}`,
                  )
                : el('li', { class: 'error' }, p.message),
            ),
        )
      : null,
  ];
  byId('map').replaceChildren(...parts.filter((node): node is Node => node !== null));
}

/** A map shown before this finding no longer counts it: say so beside it rather than show old counts as current. */
function markMapStale(): void {
  const map = byId('map');
  if (!map.hasChildNodes() || map.querySelector('#map-stale')) return;
  map.prepend(
    el(
      'p',
      { id: 'map-stale', class: 'check' },
      'Built before your latest finding: build the asset map again to include it.',
    ),
  );
}

async function buildMap(): Promise<void> {
  const summary = await withBusy('Building the asset map…', () => callServer('buildAssetMap'));
  if (!summary) return;
  showMap(summary);
  setStatus('success', summary.message);
}

byId('finding-form').addEventListener('submit', (e) => void addFinding(e));
byId('build').addEventListener('click', () => void buildMap());
field('category').addEventListener('change', showCategoryHelp);
for (const radio of Array.from(document.querySelectorAll('input[name="source"]'))) {
  radio.addEventListener('change', showSourceFields);
}
// The coordinator looks for community findings where findings are added: the survey's answers come here.
const rereadSurvey = mountSurvey(byId('map').closest('section') as HTMLElement, markMapStale);
// Coming back to the sidebar re-reads the survey: answers keep arriving while it is open.
startSidebar(loadForm, rereadSurvey);
