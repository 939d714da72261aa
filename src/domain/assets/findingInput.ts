// Checks a finding typed into the sidebar and turns it into an Assessments row's cells.
import type { FindingInput } from '../../shared/assetsWire';
import type { AsTyped } from '../../shared/wire';
import { DATA_SOURCES } from '../schema/tabs';
import { matchOption, quoteCell, referenceLabel } from '../table/cells';
import { fail, ok, type Parsed } from '../values';
import { duplicateKey, type FindingContext, readFinding } from './findings';
import type { Finding } from './model';

const MAX_TEXT = 2000;

/**
 * The row to append, by column key, or every reason it cannot be added in one message (the sidebar
 * shows it as is). The rules are the tab's (readFinding), so a finding the sidebar adds is one the
 * asset map reads; what the map would only warn about (a guessed source, an unknown partner or
 * priority) is refused here, while the partner can still choose. A finding already on the tab is
 * refused, so pressing Add twice adds one row.
 */
export function findingCells(
  input: AsTyped<FindingInput>,
  context: FindingContext,
  existing: readonly Finding[],
): Parsed<Record<string, unknown>> {
  const errors: string[] = [];
  const read = readFinding(
    {
      row: 0,
      cells: {
        source: input.source,
        partner: input.partner,
        kind: input.kind,
        category: input.category,
        description: input.description,
        evidence: input.evidence,
        dataSource: input.dataSource,
        population: input.population,
        priority: input.priority,
        goal: input.goalId,
      },
    },
    context,
    (message) => errors.push(message),
  );
  const dataSourceText = input.dataSource.trim();
  const dataSource = dataSourceText === '' ? '' : matchOption(dataSourceText, DATA_SOURCES);
  if (dataSource === null)
    errors.push(`Data source ${quoteCell(dataSourceText)} is not one of the list; choose one.`);
  const tooLong = [input.description, input.evidence, input.population].some(
    (t) => t.length > MAX_TEXT,
  );
  if (tooLong) errors.push(`Keep each text under ${MAX_TEXT} characters.`);
  if (errors.length > 0 || !read) return fail(errors.join(' '));

  const same = existing.find((f) => duplicateKey(f) === duplicateKey(read));
  if (same)
    return fail(`This ${read.kind.toLowerCase()} is already on row ${same.row} (${same.ref}).`);

  return ok({
    source: read.source,
    partner: read.partner?.name ?? '',
    kind: read.kind,
    category: read.category,
    description: read.description,
    evidence: read.evidence,
    dataSource: dataSource || (read.source === 'Organisational' ? 'Self-assessment' : ''),
    population: read.population,
    priority: read.priority ?? '',
    goal: read.goal ? referenceLabel(read.goal.id, read.goal.label) : '',
  });
}
