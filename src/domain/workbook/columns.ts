// Plans a tab's columns: where each schema column is, which to tag, add back or re-label, and the header notes.
import { plural } from '../../shared/plural';
import type { ColumnDef, TabDef } from '../schema/columns';
import { locateColumns, normalise } from '../table/locate';
import { columnLetter } from './a1';
import type { ObservedTab } from './observed';

export interface ColumnPlacement {
  key: string;
  /** 1-based sheet column once the plan is applied. */
  column: number;
  def: ColumnDef;
}

/** A change set-up made to repair what someone did to a tab: always reported, never silent. */
export interface RepairNote {
  tab: string;
  column: string;
  action: 'restored' | 'headerRestored' | 'idAssigned' | 'idReassigned';
  message: string;
}

export interface ColumnPlan {
  /** Every schema column, in schema order, with its column after the plan. */
  placements: ColumnPlacement[];
  /** Columns that need their column-key metadata (new, or found by header text only). */
  tag: ColumnPlacement[];
  /** New columns, written as one block of headers at the end of the used width. */
  append: ColumnPlacement[];
  /** Columns found by metadata whose header cell someone emptied. */
  headerRestores: ColumnPlacement[];
  /** 1-based columns whose tag the data has left (cut and pasted elsewhere): the tag is removed. */
  untag: number[];
  /** The header row's notes after the plan: schema notes on schema columns, others kept. */
  notes: string[];
  /** The last column the plan uses (partners' own columns included). */
  width: number;
  repairs: RepairNote[];
  /** Plain-words facts about the tab for the set-up summary. */
  details: string[];
}

/** The note on a schema column's header: the column's own note, and the tab's purpose on the first. */
function headerNote(tab: TabDef, def: ColumnDef): string {
  return def.key === tab.columns[0].key ? `${tab.purpose}\n\n${def.note}` : def.note;
}

/** A line for each column whose data a partner cut and pasted elsewhere (its old tag removed). */
function movedColumnDetails(
  tab: TabDef,
  untag: readonly number[],
  metadataKeys: readonly (string | null)[],
  index: Readonly<Record<string, number>>,
): string[] {
  return untag.flatMap((column) => {
    const moved = tab.columns.find((c) => c.key === metadataKeys[column - 1]);
    const now = moved ? index[moved.key] : -1;
    if (!moved || now < 0) return [];
    return [
      `The ${moved.header} column moved from ${columnLetter(column)} to ${columnLetter(now + 1)} (cut and pasted); the add-on follows it there.`,
    ];
  });
}

/** What a located column's header says: emptied (write it again, a repair) or renamed (kept, a detail). */
function headerAsFound(
  def: ColumnPlacement['def'],
  at: number,
  typed: unknown,
  sheetName: string,
): { repair?: RepairNote; detail?: string } {
  const header = normalise(typed);
  if (header === '')
    return {
      repair: {
        tab: sheetName,
        column: def.header,
        action: 'headerRestored',
        message: `The header of column ${columnLetter(at + 1)} (${def.header}) was empty; it was written again.`,
      },
    };
  const names = [def.header, ...(def.aliases ?? [])].map(normalise);
  return names.includes(header)
    ? {}
    : { detail: `Column “${String(typed).trim()}” is used as ${def.header} (renamed; kept).` };
}

/**
 * A schema column missing from a sheet the add-on set up before: new in this version (a detail)
 * or deleted by someone (a repair that says where the values can come back from).
 */
function missingColumnNote(
  placement: ColumnPlacement,
  sheetName: string,
  newInThisVersion: boolean,
): { repair?: RepairNote; detail?: string } {
  const { def, column } = placement;
  if (newInThisVersion)
    return {
      detail: `Added the ${def.header} column, new in this version of the add-on, as column ${columnLetter(column)}.`,
    };
  return {
    repair: {
      tab: sheetName,
      column: def.header,
      action: 'restored',
      message:
        `The ${def.required ? 'required ' : ''}${def.header} column was missing (deleted?); ` +
        `it was added back, empty, as column ${columnLetter(column)}. ` +
        'File › Version history can bring back its old values.',
    },
  };
}

/**
 * @param observed the existing sheet, or null when set-up creates it
 * @param setUpBefore the sheet was set up by the add-on before (tagged, with a schema version): a
 *   schema column missing from it was deleted by someone, which is a repair to report
 * @param newToPlan keys of columns that came after the version that set the sheet up: missing
 *   because they are new, so they are added and said to be new, not reported as deleted
 */
export function planColumns(
  tab: TabDef,
  observed: ObservedTab | null,
  setUpBefore: boolean,
  /** The data rows as read: a tag the data has left is then recognised (locateColumns). */
  rows: readonly (readonly unknown[])[] = [],
  newToPlan: ReadonlySet<string> = new Set(),
): ColumnPlan {
  const headers = observed?.headers ?? [];
  const metadataKeys = observed?.metadataKeys ?? [];
  const location = locateColumns(tab, headers, metadataKeys, rows);
  const untag = (location.staleTags ?? []).map((i) => i + 1);
  // Repairs name the tab as partners see it (they may have renamed it).
  const sheetName = observed?.sheetName ?? tab.name;
  // A tagged column whose header someone emptied may lie beyond the last used column: count it.
  const located = Object.values(location.index).filter((i) => i >= 0);
  const usedWidth = Math.max(observed?.lastColumn ?? 0, ...located.map((i) => i + 1));
  let nextColumn = usedWidth + 1;
  const placements: ColumnPlacement[] = [];
  const tag: ColumnPlacement[] = [];
  const append: ColumnPlacement[] = [];
  const headerRestores: ColumnPlacement[] = [];
  const repairs: RepairNote[] = [];
  const details: string[] = [];
  details.push(...movedColumnDetails(tab, untag, metadataKeys, location.index));

  for (const def of tab.columns) {
    const at = location.index[def.key];
    if (at >= 0) {
      const placement = { key: def.key, column: at + 1, def };
      placements.push(placement);
      if (metadataKeys[at] !== def.key) tag.push(placement);
      const said = headerAsFound(def, at, headers[at], sheetName);
      if (said.repair) {
        headerRestores.push(placement);
        repairs.push(said.repair);
      }
      if (said.detail) details.push(said.detail);
      continue;
    }
    const placement = { key: def.key, column: nextColumn++, def };
    placements.push(placement);
    tag.push(placement);
    append.push(placement);
    if (!observed || !setUpBefore) continue;
    const said = missingColumnNote(placement, sheetName, newToPlan.has(def.key));
    if (said.repair) repairs.push(said.repair);
    if (said.detail) details.push(said.detail);
  }
  if (observed && !setUpBefore && append.length > 0 && append.length < tab.columns.length) {
    details.push(`Added columns: ${append.map((p) => p.def.header).join(', ')}.`);
  }
  if (observed && location.matchedByHeader.length > 0 && !setUpBefore) {
    details.push(
      `Recognised ${plural(location.matchedByHeader.length, 'existing column')} by their headers.`,
    );
  }

  const width = Math.max(usedWidth, nextColumn - 1);
  const notes: string[] = [];
  for (let c = 1; c <= width; c++) notes.push(String(observed?.notes[c - 1] ?? ''));
  for (const p of placements) notes[p.column - 1] = headerNote(tab, p.def);
  return { placements, tag, append, headerRestores, untag, notes, width, repairs, details };
}

/** The placements by key, for formulas and row building. */
export function placementMap(placements: readonly ColumnPlacement[]): Record<string, number> {
  return Object.fromEntries(placements.map((p) => [p.key, p.column]));
}
