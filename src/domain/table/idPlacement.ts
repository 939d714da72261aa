// Which ID each row should hold, by what partners typed in it, so IDs are written where rows are at write time.
import { asText } from './cells';
import { rowSignature } from './followRows';
import type { IdAssignment } from './ids';
import type { ColumnLocation } from './locate';

/**
 * What a repair decided, keyed by each row's partner content rather than by its position: a sort,
 * an inserted or a deleted row between the repair's read and its write moves positions, never
 * content. Copies share content, so each content holds a bag of IDs (the original's and the copy's).
 */
export interface IdIntents {
  bySignature: Map<string, string[]>;
  /** IDs the repair clears from rows partners emptied (never handed out again). */
  retired: Set<string>;
}

/** The table the intents are checked against: its data rows, first sheet row and columns. */
export interface IdTable {
  rows: readonly (readonly unknown[])[];
  firstRow: number;
  location: ColumnLocation;
  /** Partner-typed column keys: a row's identity when its ID cannot be trusted. */
  contentKeys: readonly string[];
}

const idOf = (row: readonly unknown[], at: number) =>
  at >= 0 ? asText(row[at]).toUpperCase() : '';

/** A signature of nothing typed: empty rows are not rows to give IDs to. */
const isBlank = (signature: string) => signature.split('\u0001').every((cell) => cell === '');

/**
 * The ID each row of the read should end with: its assignment's when the repair gave it one, else
 * the one it holds. `added` are rows the repair appends, laid out as the table (their IDs included).
 */
export function idIntents(
  read: IdTable,
  assignments: readonly IdAssignment[],
  added: readonly (readonly unknown[])[] = [],
): IdIntents {
  const assigned = new Map(assignments.map((a) => [a.row, a]));
  const bySignature = new Map<string, string[]>();
  const retired = new Set<string>();
  const intend = (signature: string, id: string) => {
    if (!id || isBlank(signature)) return;
    bySignature.set(signature, [...(bySignature.get(signature) ?? []), id]);
  };
  const idAt = read.location.index.id ?? -1;
  read.rows.forEach((row, i) => {
    const a = assigned.get(read.firstRow + i);
    if (a?.reason === 'retired') {
      if (a.previous) retired.add(a.previous.toUpperCase());
      return;
    }
    intend(rowSignature(row, read.location, read.contentKeys), a ? a.id : idOf(row, idAt));
  });
  for (const row of added)
    intend(rowSignature(row, read.location, read.contentKeys), idOf(row, idAt));
  return { bySignature, retired };
}

/**
 * The ID cells to write so that the table as it is now matches the intents: rows whose content the
 * repair knows get their intended ID (a row already holding one of its content's IDs keeps it, so
 * a copy and its original are never swapped); emptied rows lose a retired ID. Rows whose content is
 * new since the read (a partner typed) are left as they are, for the next repair.
 */
export function idCorrections(now: IdTable, intents: IdIntents): { row: number; id: string }[] {
  const idAt = now.location.index.id ?? -1;
  const groups = new Map<string, number[]>();
  const corrections: { row: number; id: string }[] = [];
  now.rows.forEach((row, i) => {
    const signature = rowSignature(row, now.location, now.contentKeys);
    if (isBlank(signature)) {
      if (intents.retired.has(idOf(row, idAt))) corrections.push({ row: now.firstRow + i, id: '' });
      return;
    }
    if (intents.bySignature.has(signature))
      groups.set(signature, [...(groups.get(signature) ?? []), i]);
  });
  for (const [signature, indexes] of groups) {
    const bag = [...(intents.bySignature.get(signature) ?? [])];
    const unmatched: number[] = [];
    for (const i of indexes) {
      const at = bag.indexOf(idOf(now.rows[i], idAt));
      if (at >= 0) bag.splice(at, 1);
      else unmatched.push(i);
    }
    for (const i of unmatched) {
      const id = bag.shift();
      if (id === undefined) break;
      corrections.push({ row: now.firstRow + i, id });
    }
  }
  return corrections.sort((a, b) => a.row - b.row);
}
