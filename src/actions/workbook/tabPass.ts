// Set-up's first pass over one tab: create or adopt the sheet, fix its columns, add rows, give IDs.

import { dataValues, writeBlock } from '../../adapters/sheets/cells';
import { ensureGridSize } from '../../adapters/sheets/generatedTab';
import { writeIdsAtWriteTime } from '../../adapters/sheets/idWrites';
import {
  type FoundSheet,
  observeSheet,
  type SheetObservation,
} from '../../adapters/sheets/observeTab';
import { insertTabAtEnd } from '../../adapters/sheets/planSheet';
import { applyColumnPlan } from '../../adapters/sheets/tabStructure';
import type { TabDef } from '../../domain/schema/columns';
import { asText } from '../../domain/table/cells';
import { emptiedRows } from '../../domain/table/emptied';
import { emptyCellRule } from '../../domain/table/emptyRow';
import { idIntents } from '../../domain/table/idPlacement';
import { type IdAssignment, nextFreeNumber, planIds } from '../../domain/table/ids';
import type { ColumnLocation } from '../../domain/table/locate';
import { placeCells } from '../../domain/table/place';
import { type RawTab, readRecords, type TableRecord } from '../../domain/table/records';
import { type RowStates, rowHash } from '../../domain/table/rowState';
import { type ColumnPlan, placementMap, planColumns } from '../../domain/workbook/columns';
import { type ColumnLayout, layoutAfterPlan } from '../../domain/workbook/layoutAfter';
import { nextFreeRow } from '../../domain/workbook/rows';
import { TAB_TEXT } from '../../shared/messages';
import { plural } from '../../shared/plural';
import type { SetupRepair, SetupTabReport } from '../../shared/setupWire';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Everything the second pass (formats, dropdowns, protections) needs to know about a tab. */
export interface TabState {
  tab: TabDef;
  sheet: Sheet;
  created: boolean;
  plan: ColumnPlan;
  /** 1-based column of each schema key. */
  columns: Record<string, number>;
  /**
   * The grid's rows when the pass read it: only whether the tab has data rows at all. Partners
   * may delete rows at any time, so ranges are open-ended ('B2:B'), sized when Google reads them.
   */
  maxRows: number;
  /** The tab's records after the pass (existing rows and added rows, with their IDs). */
  records: TableRecord[];
  /** The last column used by anything (partners' columns, the profile block included). */
  usedWidth: number;
  report: SetupTabReport;
  changed: boolean;
  /** The header row and column identities the pass left, for the column memo (null: unknown). */
  layout: ColumnLayout | null;
}

export interface TabPassInput {
  spreadsheet: Spreadsheet;
  tab: TabDef;
  found: FoundSheet | undefined;
  /** The add-on set this spreadsheet up before (a schema version is stored). */
  setUpBefore: boolean;
  /** Keys of this tab's columns that came after the version that set the plan up (migrations). */
  newColumns?: ReadonlySet<string>;
  /**
   * Rows to add, as cells by column key. Given the tab's existing records, so a re-run can skip
   * rows already there (no duplicates).
   */
  newRows: (existing: readonly TableRecord[], created: boolean) => Record<string, unknown>[];
  /** Columns the table does not own on this sheet (the profile block): ignored when finding room. */
  ignoreColumns?: ReadonlySet<number>;
  idCounters: Record<string, number>;
  /** What each row held at the last repair, by tab key (tells a copied row from its original). */
  rowStates: ReadonlyMap<string, RowStates>;
  repairs: SetupRepair[];
  /** Stores a tab's raised ID counter at once, before the IDs it covers are written. */
  saveIdCounter: (tab: TabDef, next: number) => void;
}

function locationOf(columns: Record<string, number>): ColumnLocation {
  const index = Object.fromEntries(Object.entries(columns).map(([k, c]) => [k, c - 1]));
  return { index, missing: [], matchedByHeader: [], extraColumns: [] };
}

/** Whether IDs are set-up's job on this tab (the calendar sync numbers activities itself). */
const assignsIds = (tab: TabDef) => Boolean(tab.idPrefix) && tab.key !== 'calendar';

/** The columns partners type in: a row's identity when positions cannot be trusted. */
const partnerKeys = (tab: TabDef) =>
  tab.columns.filter((c) => c.owner !== 'addon').map((c) => c.key);

/** What the rows of the tabs that hold IDs are now, to tell a copy from its original next time. */
export function rowStatesAfter(states: readonly TabState[]): Map<string, RowStates> {
  const after = new Map<string, RowStates>();
  for (const { tab, records } of states) {
    if (!assignsIds(tab)) continue;
    const rows = new Map<string, string>();
    for (const record of records) {
      const id = asText(record.cells.id).toUpperCase();
      if (id && !rows.has(id)) rows.set(id, rowHash(tab, record.cells));
    }
    after.set(tab.key, rows);
  }
  return after;
}

/** The tab as the pass found it: its sheet, column plan and the records read once. */
interface OpenedTab {
  sheet: Sheet;
  created: boolean;
  observation: SheetObservation | null;
  plan: ColumnPlan;
  columns: Record<string, number>;
  rows: unknown[][];
  raw: RawTab;
  existing: TableRecord[];
  details: string[];
}

/** Creates or adopts the sheet, fixes its columns and reads its records (one read). */
function openTab(input: TabPassInput): OpenedTab {
  const { spreadsheet, tab, found } = input;
  const created = !found;
  // A new tab takes a free name when someone's own tab (not adopted: see findPlanSheets) has its name.
  const sheet = found?.sheet ?? insertTabAtEnd(spreadsheet, tab.name);
  const observation = found ? observeSheet(found) : null;
  const observed = observation?.observed ?? null;
  const plan = planColumns(
    tab,
    observed,
    input.setUpBefore && Boolean(found?.tagged),
    observation?.rows,
    input.newColumns,
  );
  applyColumnPlan(sheet, tab, plan, observed);
  const columns = placementMap(plan.placements);
  const rows = observation?.rows ?? [];
  const raw = { sheetName: sheet.getName(), headerRow: 1, headers: [], metadataKeys: [], rows };
  const existing = readRecords(tab, locationOf(columns), raw);
  const details = [...plan.details];
  if (found && found.copies.length > 0)
    details.push(`Also found a copy (${found.copies.join(', ')}); it was left alone.`);
  if (found && sheet.getName() !== tab.name) details.push(`Renamed to “${sheet.getName()}”; kept.`);
  if (!found && sheet.getName() !== tab.name)
    details.push(TAB_TEXT.ownTabLeftAlone(tab.name, sheet.getName()));
  return { sheet, created, observation, plan, columns, rows, raw, existing, details };
}

/** The set-up summary's lines about the IDs given and retired, and a repair for each copy renumbered. */
function reportIds(
  input: TabPassInput,
  opened: OpenedTab,
  assignments: readonly IdAssignment[],
  retired: readonly IdAssignment[],
): void {
  for (const a of assignments)
    if (a.reason === 'duplicate')
      input.repairs.push({
        tab: opened.sheet.getName(),
        column: input.tab.columns[0].header,
        action: 'idReassigned',
        message: `Row ${a.row} had the same ID as ${(a.keptBy ?? 0) < a.row ? 'an earlier row' : 'a later row'} (${a.previous}: a copied row?); it now has ${a.id}, and row ${a.keptBy} keeps ${a.previous}.`,
      });
  const missing = assignments.filter((a) => a.reason === 'missing');
  if (missing.length > 0)
    opened.details.push(
      `Gave IDs to ${plural(missing.length, 'row')} that had none (${missing.map((a) => a.id).join(', ')}).`,
    );
  if (retired.length > 0)
    opened.details.push(
      `Cleared the IDs of ${plural(retired.length, 'row')} emptied of everything partners typed (${retired.map((r) => r.previous).join(', ')}); they are not given again.`,
    );
}

/**
 * The IDs this pass gives: missing ones, new ones for copies, and retired ones (cleared, never
 * given again) on rows partners emptied. The tab's counter is saved before any of them is written,
 * so a run that fails after writing F1 never hands out F1 again.
 */
function planTabIds(
  input: TabPassInput,
  opened: OpenedTab,
  added: readonly TableRecord[],
): IdAssignment[] {
  const { tab } = input;
  if (!assignsIds(tab) || !tab.idPrefix) return [];
  const { columns, raw, existing } = opened;
  // IDs left on rows partners emptied are retired: cleared, and never handed out again.
  const retired = emptiedRows(tab, locationOf(columns), raw)
    .filter((e) => e.id !== '')
    .map((e): IdAssignment => ({ row: e.row, id: '', previous: e.id, reason: 'retired' }));
  const ids = planIds([...existing, ...added], tab.idPrefix, {
    minNext: nextFreeNumber(
      retired.map((r) => r.previous),
      tab.idPrefix,
      input.idCounters[tab.key],
    ),
    lastKnown: input.rowStates.get(tab.key),
    hash: (record) => rowHash(tab, record.cells),
  });
  if (ids.next !== input.idCounters[tab.key]) input.saveIdCounter(tab, ids.next);
  input.idCounters[tab.key] = ids.next;
  const addedRows = new Map(added.map((r) => [r.row, r]));
  for (const a of ids.assignments) {
    const record = addedRows.get(a.row) ?? existing.find((r) => r.row === a.row);
    if (record) record.cells.id = a.id;
  }
  const onExisting = ids.assignments.filter((a) => !addedRows.has(a.row));
  reportIds(input, opened, ids.assignments, retired);
  return [...onExisting, ...retired];
}

/**
 * Partners may have sorted, inserted or deleted rows since the read: new rows go below the table
 * as it is now, and IDs are written where their rows are at write time (writeIdsAtWriteTime).
 * Returns how many ID cells changed.
 */
function writeRowsAndIds(
  input: TabPassInput,
  opened: OpenedTab,
  added: TableRecord[],
  idWrites: readonly IdAssignment[],
): number {
  const { sheet, columns, rows } = opened;
  const location = locationOf(columns);
  const width = Math.max(...Object.values(columns));
  const placed = added.map((r) => placeCells(r.cells, location, width));
  if (added.length > 0) {
    const now = dataValues(sheet).slice(1);
    const first = nextFreeRow(now, 1, input.ignoreColumns, emptyCellRule(input.tab, location));
    added.forEach((record, i) => {
      record.row = first + i;
    });
    ensureGridSize(sheet, first + added.length - 1, width);
    writeBlock(sheet, first, 1, placed);
  }
  if (idWrites.length === 0 || !assignsIds(input.tab)) return 0;
  const table = { firstRow: 2, location, contentKeys: partnerKeys(input.tab) };
  const intents = idIntents({ ...table, rows }, idWrites, placed);
  return writeIdsAtWriteTime(sheet, table, intents);
}

export function runTabPass(input: TabPassInput): TabState {
  const { tab, found } = input;
  const opened = openTab(input);
  const { sheet, created, observation, plan, columns, rows, existing } = opened;
  const observed = observation?.observed ?? null;

  // Rows to add go below everything partners wrote, laid out by the columns' current positions.
  const cellsToAdd = input.newRows(existing, created);
  const empty = emptyCellRule(tab, locationOf(columns));
  const firstNew = nextFreeRow(rows, 1, input.ignoreColumns, empty);
  const added: TableRecord[] = cellsToAdd.map((cells, i) => ({
    row: firstNew + i,
    cells: { ...cells },
  }));
  const idWrites = planTabIds(input, opened, added);
  const idChanges =
    idWrites.length > 0 || added.length > 0 ? writeRowsAndIds(input, opened, added, idWrites) : 0;

  const changed =
    created ||
    plan.append.length > 0 ||
    plan.tag.length > 0 ||
    plan.headerRestores.length > 0 ||
    added.length > 0 ||
    idChanges > 0 ||
    (found !== undefined && !found.tagged);
  return {
    tab,
    sheet,
    created,
    plan,
    columns,
    maxRows: Math.max(observed?.maxRows ?? sheet.getMaxRows(), ...added.map((r) => r.row)),
    records: [...existing, ...added],
    usedWidth: Math.max(plan.width, observed?.lastColumn ?? 0),
    report: {
      key: tab.key,
      name: sheet.getName(),
      sheetId: sheet.getSheetId(),
      details: opened.details,
    },
    changed,
    layout: layoutAfterPlan(observed, observation?.columnEntries ?? 0, plan),
  };
}
