// Developer-metadata keys that give tabs and columns an identity independent of their names.

/** On a sheet: which plan tab it is (value: TabDef.key), so a renamed tab is still found. */
export const TAB_KEY_METADATA = 'swp.tab';
/** On a column: which column it is (value: ColumnDef.key), so a moved or renamed column is found. */
export const COLUMN_KEY_METADATA = 'swp.column';
/** On the spreadsheet: the schema version the plan was last set up or repaired with. */
export const SCHEMA_VERSION_METADATA = 'sharedWorkPlan.schemaVersion';

/** Tabs the add-on generates and rebuilds in place; they never hold partner data. */
export const GENERATED_TABS = {
  assetMap: 'Asset Map',
  logicModel: 'Logic Model',
  syncLog: 'Sync Log',
} as const;
