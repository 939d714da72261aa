// Reads the tabs the asset map looks things up in: partners (who to call), categories, goals.
import { CATEGORY_KINDS, DEFAULT_CATEGORIES } from '../schema/categories';
import { CATEGORIES_TAB, PARTNERS_TAB } from '../schema/tabs';
import { asText, matchOption, referenceId } from '../table/cells';
import { normalise } from '../table/locate';
import type { TableRecord } from '../table/records';
import type { CategoryEntry, DataProblem, GoalEntry, PartnerEntry } from './model';

export interface Directory<T> {
  entries: T[];
  problems: DataProblem[];
}

/**
 * The rows that name something (a partner, a category), first row first: a row without a name or
 * repeating an earlier name is reported as a note, in words `says` chooses for the tab.
 */
function namedRows(
  records: readonly TableRecord[],
  column: string,
  tab: string,
  says: {
    unnamed: string;
    repeat: (name: string, first: number) => string;
  },
): { named: Array<{ name: string; record: TableRecord }>; problems: DataProblem[] } {
  const named: Array<{ name: string; record: TableRecord }> = [];
  const problems: DataProblem[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    const name = asText(record.cells[column]);
    const first = seen.get(normalise(name));
    const message =
      name === '' ? says.unnamed : first !== undefined ? says.repeat(name, first) : null;
    if (message) {
      problems.push({ tab, row: record.row, message, effect: 'note' });
      continue;
    }
    seen.set(normalise(name), record.row);
    named.push({ name, record });
  }
  return { named, problems };
}

/** Partners by organisation name; a name on two rows is reported and the first row counts. */
export function readPartners(
  records: readonly TableRecord[],
  tab: string = PARTNERS_TAB.name,
): Directory<PartnerEntry> {
  const { named, problems } = namedRows(records, 'organisation', tab, {
    unnamed: 'No organisation name, so findings cannot name this partner.',
    repeat: (name, first) =>
      `Repeats “${name}” from row ${first}; the asset map uses row ${first}’s contact.`,
  });
  const entries = named.map(({ name, record: { row, cells } }) => ({
    id: asText(cells.id),
    name,
    contact: asText(cells.contact),
    email: asText(cells.email),
    phone: asText(cells.phone),
    row,
  }));
  return { entries, problems };
}

const DEFAULT_ENTRIES: CategoryEntry[] = DEFAULT_CATEGORIES.map((c) => ({
  name: c.name,
  kind: c.kind,
  description: c.description,
  aliases: c.aliases ?? [],
}));

/**
 * The categories partners may use: the Categories tab as they edited it, or the defaults when the
 * tab is missing or empty. A default category keeps its aliases (for suggestions) under its name.
 */
export function readCategories(
  records: readonly TableRecord[] | null,
  tab: string = CATEGORIES_TAB.name,
): Directory<CategoryEntry> {
  const problems: DataProblem[] = [];
  if (records === null || records.length === 0) {
    problems.push({
      tab,
      row: null,
      message:
        records === null
          ? `There is no ${tab} tab, so the default categories were used. Run set-up to add the tab.`
          : `The ${tab} tab is empty, so the default categories were used.`,
      effect: 'note',
    });
    return { entries: DEFAULT_ENTRIES.map((c) => ({ ...c })), problems };
  }
  const named = namedRows(records, 'category', tab, {
    unnamed: 'A description but no category name.',
    repeat: (name, first) => `Repeats “${name}” from row ${first}; delete one of them.`,
  });
  problems.push(...named.problems);
  const entries = named.named.map(({ name, record: { cells } }) => ({
    name,
    kind: matchOption(cells.kind, CATEGORY_KINDS) ?? ('' as const),
    description: asText(cells.description),
    aliases: DEFAULT_ENTRIES.find((c) => normalise(c.name) === normalise(name))?.aliases ?? [],
  }));
  return { entries, problems };
}

/** Goals that can be linked: those with an ID (a goal is referenced as "G1 · label"). */
export function readGoals(records: readonly TableRecord[] | null): GoalEntry[] {
  if (!records) return [];
  const goals: GoalEntry[] = [];
  for (const { cells } of records) {
    const id = referenceId(cells.id, 'G');
    if (id && !goals.some((g) => g.id === id)) goals.push({ id, label: asText(cells.goal) });
  }
  return goals;
}
