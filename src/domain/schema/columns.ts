// The vocabulary for describing a tab: column kinds, enumerations and the column/tab definition types.

/**
 * How a column's cells are read, validated and formatted.
 * - `id`: a stable identifier the add-on assigns (P1, G3, ...); partners must not edit it.
 * - `partner` / `partners`: one / a comma-separated list of organisation names from the Partners tab.
 * - `goalRef` / `outcomeRef`: a reference written as "G1 · label" (only the ID counts, so renaming
 *   a goal never breaks a link).
 */
export type ColumnKind =
  | 'id'
  | 'text'
  | 'longText'
  | 'email'
  | 'phone'
  | 'date'
  | 'time'
  | 'dateTime'
  | 'number'
  | 'currency'
  | 'boolean'
  | 'enum'
  | 'partner'
  | 'partners'
  | 'goalRef'
  | 'outcomeRef'
  | 'category'
  | 'timeZone';

export interface ColumnDef {
  /** Stable identity, stored as developer metadata on the column: survives moves and renames. */
  key: string;
  /** The header the add-on writes; partners may rename it (the key still finds the column). */
  header: string;
  /** Other headers that mean this column (older versions, common renames), matched case-insensitively. */
  aliases?: readonly string[];
  /** The note on the header cell: what to type here. */
  note: string;
  kind: ColumnKind;
  /** For `enum` columns: the dropdown's values. */
  options?: readonly string[];
  required?: boolean;
  /** 'addon' columns are written only by the add-on (IDs, sync state) and are protected. */
  owner?: 'user' | 'addon';
  /** Column width in pixels. */
  width?: number;
  /** Hidden by default (add-on bookkeeping nobody needs to read). */
  hidden?: boolean;
}

/** The column keys of a tab: literal when the tab is made by defineTab, else any string. */
export type ColumnKey<T extends TabDef> = T['columns'][number]['key'];

/** A tab whose column keys are known to the compiler. */
export type TypedTab<K extends string> = Omit<TabDef, 'columns'> & {
  readonly columns: readonly (ColumnDef & { readonly key: K })[];
};

/** A tab definition that keeps its column keys as literal types (checked as a TabDef). */
export function defineTab<const K extends string>(
  tab: TabDef & { readonly columns: readonly (ColumnDef & { readonly key: K })[] },
): TypedTab<K> {
  return tab;
}

/** A row's cells by its tab's own column keys: a misspelt key does not compile. */
export type TypedCells<T extends TabDef> = Readonly<Record<ColumnKey<T>, unknown>>;

export interface TabDef {
  /** Stable identity, stored as developer metadata on the sheet. */
  key: string;
  /** The tab's default name. */
  name: string;
  /** One sentence shown in the set-up sidebar and as the first header's note. */
  purpose: string;
  /** 'user' tabs hold partners' data; 'addon' tabs are regenerated and hold no partner data. */
  owner: 'user' | 'addon';
  /** Prefix of the IDs in this tab's `id` column (P for partners → P1, P2, ...). */
  idPrefix?: string;
  columns: readonly ColumnDef[];
  /** Hex colour of the tab. */
  tabColor?: string;
}

export const PRIORITIES = ['High', 'Medium', 'Low'] as const;
export type Priority = (typeof PRIORITIES)[number];
