// Checks a finding typed into the sidebar and turns it into an Assessments row's cells.
import type { FindingInput } from '../../shared/assetsWire';
import type { AsTyped } from '../../shared/wire';
import { PRIORITIES } from '../schema/columns';
import { DATA_SOURCES, FINDING_KINDS, FINDING_SOURCES } from '../schema/tabs';
import { matchOption, referenceLabel } from '../table/cells';
import { normalise } from '../table/locate';
import { fail, ok, type Parsed } from '../values';
import type { FindingContext } from './findings';
import type { Finding } from './model';

const MAX_TEXT = 2000;

/**
 * The row to append, by column key, or every reason it cannot be added in one message (the sidebar
 * shows it as is). A finding already on the tab is refused, so pressing Add twice adds one row.
 */
export function findingCells(
  input: AsTyped<FindingInput>,
  context: FindingContext,
  existing: readonly Finding[],
): Parsed<Record<string, unknown>> {
  const errors: string[] = [];
  const source = matchOption(input.source, FINDING_SOURCES);
  if (!source) errors.push('Choose whether this is an organisational or a community finding.');
  const partnerText = input.partner.trim();
  const partner = context.partners.find((p) => normalise(p.name) === normalise(partnerText));
  if (partnerText !== '' && !partner)
    errors.push(
      `“${partnerText}” is not in the Partners tab: pick your organisation from the list.`,
    );
  if (source === 'Organisational' && partnerText === '') errors.push('Pick your organisation.');
  const kind = matchOption(input.kind, FINDING_KINDS);
  if (!kind) errors.push('Choose Asset or Need.');
  const category = context.categories.find((c) => normalise(c.name) === normalise(input.category));
  if (!category) errors.push('Choose a category from the list.');
  const description = input.description.trim();
  if (description === '') errors.push('Describe the finding in a sentence.');
  const priority = input.priority.trim() === '' ? '' : matchOption(input.priority, PRIORITIES);
  if (priority === null) errors.push('Priority must be High, Medium or Low.');
  const dataSource =
    input.dataSource.trim() === '' ? '' : matchOption(input.dataSource, DATA_SOURCES);
  if (dataSource === null) errors.push('Choose a data source from the list.');
  const goalId = input.goalId.trim();
  const goal = goalId === '' ? null : context.goals.find((g) => g.id === goalId.toUpperCase());
  if (goalId !== '' && !goal) errors.push(`Goal ${goalId} is not in the Goals tab.`);
  const tooLong = [input.description, input.evidence, input.population].some(
    (t) => t.length > MAX_TEXT,
  );
  if (tooLong) errors.push(`Keep each text under ${MAX_TEXT} characters.`);
  if (errors.length > 0 || !source || !kind || !category) return fail(errors.join(' '));

  const partnerName = partner?.name ?? '';
  const same = existing.find(
    (f) =>
      f.source === source &&
      f.kind === kind &&
      f.category === category.name &&
      (f.partner?.name ?? '') === partnerName &&
      normalise(f.description) === normalise(description),
  );
  if (same) return fail(`This ${kind.toLowerCase()} is already on row ${same.row} (${same.ref}).`);

  return ok({
    source,
    partner: partnerName,
    kind,
    category: category.name,
    description,
    evidence: input.evidence.trim(),
    dataSource: dataSource || (source === 'Organisational' ? 'Self-assessment' : ''),
    population: input.population.trim(),
    priority,
    goal: goal ? referenceLabel(goal.id, goal.label) : '',
  });
}
