// What the adapter reads about one existing plan tab before set-up decides what to change.

export interface ObservedTab {
  sheetName: string;
  /** Values of the header row (row 1): at least as wide as the last used or tagged column. */
  headers: unknown[];
  /** The column-key metadata of each column (null where none), same length as headers. */
  metadataKeys: (string | null)[];
  /** Notes of the header row, same length as headers ('' where none). */
  notes: string[];
  /** The sheet's last column with content (partners' own columns and add-on blocks included). */
  lastColumn: number;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  /** True when the sheet carries the tab-key metadata (set up before, maybe renamed since). */
  tagged: boolean;
}
