// Plans stable row IDs (P1, G3, ...): IDs for rows that have none, new IDs for copied rows.
import type { TableRecord } from './records';
import type { RowStates } from './rowState';

export interface IdAssignment {
  /** 1-based sheet row to write the ID to. */
  row: number;
  id: string;
  /** The ID the row had (a copied row carries its source's ID), or null when it had none. */
  previous: string | null;
  /** 'retired': the row was emptied of everything partners typed, so its ID is cleared (id ''). */
  reason: 'missing' | 'duplicate' | 'retired';
  /** For a duplicate: the sheet row that keeps the ID (the original). */
  keptBy?: number;
}

export interface IdPlan {
  assignments: IdAssignment[];
  /** The next free number after this plan: store it so a deleted row's ID is never given again. */
  next: number;
}

const normalise = (value: unknown) =>
  String(value ?? '')
    .trim()
    .toUpperCase();

/**
 * The most digits an ID's number has: it stays an exact JavaScript number (so the next one counts
 * on from it), and an ID stays far inside the 1,024 characters Google keeps of an event's
 * extended property (V: "Extended properties", Limits). A longer "ID" a partner typed is not one:
 * the row gets a new ID, as for any other text in the ID cell.
 */
export const ID_DIGITS_MAX = 15;

/**
 * The first number free after every `prefix`N among `inUse` and after `minNext` (the tab's stored
 * high-water mark): the only rule by which new IDs are numbered, so none is ever handed out twice.
 */
export function nextFreeNumber(inUse: Iterable<unknown>, prefix: string, minNext = 1): number {
  const pattern = new RegExp(`^${prefix}(\\d{1,${ID_DIGITS_MAX}})$`, 'i');
  let next = Math.max(1, minNext);
  for (const value of inUse) {
    const m = pattern.exec(normalise(value));
    if (m) next = Math.max(next, Number(m[1]) + 1);
  }
  return next;
}

/** `count` new IDs with this prefix, and the high-water mark to store after them. */
export function allocateIds(
  prefix: string,
  inUse: Iterable<unknown>,
  minNext: number | undefined,
  count: number,
): { ids: string[]; next: number } {
  let next = nextFreeNumber(inUse, prefix, minNext ?? 1);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(`${prefix}${next++}`);
  return { ids, next };
}

/**
 * Which IDs to write. A row keeps any non-empty ID it has, unless another row has the same one:
 * one of them is a copy (copy-paste of a whole row copies its ID). The one whose partner cells
 * still hash to `lastKnown` (what the row held at the last repair) keeps the ID and its links,
 * wherever a sort put it; when none or several match, the topmost does. The others get new IDs.
 * New numbers continue after the highest ID seen and after `minNext` (a stored high-water mark),
 * so a deleted G3 is never reborn as a different goal.
 */
export function planIds(
  records: readonly TableRecord[],
  prefix: string,
  options: {
    key?: string;
    minNext?: number;
    lastKnown?: RowStates;
    hash?: (record: TableRecord) => string;
  } = {},
): IdPlan {
  const key = options.key ?? 'id';
  const ordered = [...records].sort((a, b) => a.row - b.row);
  let next = nextFreeNumber(
    ordered.map((r) => r.cells[key]),
    prefix,
    options.minNext,
  );
  const groups = new Map<string, TableRecord[]>();
  for (const record of ordered) {
    const id = normalise(record.cells[key]);
    if (id !== '') groups.set(id, [...(groups.get(id) ?? []), record]);
  }
  const keepers = new Map<string, TableRecord>();
  for (const [id, group] of groups) {
    const known = options.lastKnown?.get(id);
    const { hash } = options;
    const matching = known !== undefined && hash ? group.filter((r) => hash(r) === known) : [];
    keepers.set(id, matching.length === 1 ? matching[0] : group[0]);
  }
  const assignments: IdAssignment[] = [];
  for (const record of ordered) {
    const id = normalise(record.cells[key]);
    const keeper = keepers.get(id);
    if (id === '') {
      assignments.push({
        row: record.row,
        id: `${prefix}${next++}`,
        previous: null,
        reason: 'missing',
      });
    } else if (keeper && keeper !== record) {
      assignments.push({
        row: record.row,
        id: `${prefix}${next++}`,
        previous: String(record.cells[key]).trim(),
        reason: 'duplicate',
        keptBy: keeper.row,
      });
    }
  }
  return { assignments, next };
}
