// Set-up's first pass over one tab: create or adopt the sheet, fix its columns, add rows, give IDs.

import { dataValues, writeBlock } from '../../adapters/sheets/cells';
import { ensureGridSize } from '../../adapters/sheets/generatedTab';
import { type FoundSheet, observeSheet } from '../../adapters/sheets/observeTab';
import { insertTabAtEnd } from '../../adapters/sheets/planSheet';
import { applyColumnPlan } from '../../adapters/sheets/tabStructure';
import type { TabDef } from '../../domain/schema/columns';
import { asText } from '../../domain/table/cells';
import { emptiedRows } from '../../domain/table/emptied';
import { emptyCellRule } from '../../domain/table/emptyRow';
import { followRows } from '../../domain/table/followRows';
import { type IdAssignment, nextFreeNumber, planIds } from '../../domain/table/ids';
import type { ColumnLocation } from '../../domain/table/locate';
import { placeCells } from '../../domain/table/place';
import { readRecords, type TableRecord } from '../../domain/table/records';
import { type RowStates, rowHash } from '../../domain/table/rowState';
import { type ColumnPlan, placementMap, planColumns } from '../../domain/workbook/columns';
import { type ColumnLayout, layoutAfterPlan } from '../../domain/workbook/layoutAfter';
import { idColumnValues, nextFreeRow } from '../../domain/workbook/rows';
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
}

function locationOf(columns: Record<string, number>): ColumnLocation {
  const index = Object.fromEntries(Object.entries(columns).map(([k, c]) => [k, c - 1]));
  return { index, missing: [], matchedByHeader: [], extraColumns: [] };
}

/** Whether IDs are set-up's job on this tab (the calendar sync numbers activities itself). */
const assignsIds = (tab: TabDef) => Boolean(tab.idPrefix) && tab.key !== 'calendar';

/** The data rows as they are now (one read), as wide as the rows read before. */
function currentRows(sheet: Sheet, before: readonly unknown[][]): { rows: unknown[][] } {
  const width = Math.max(0, ...before.map((r) => r.length));
  const values = dataValues(sheet).slice(1);
  return {
    rows: values.map((r) =>
      r.length >= width ? r : [...r, ...new Array(width - r.length).fill('')],
    ),
  };
}

/**
 * Moves each ID assignment to the row where its record is now. A row is followed by its ID, or
 * by its partner cells when its ID is shared (a copy: the ID would not tell it from its original)
 * or missing; a row gone or ambiguous is left to the next repair.
 */
function followAssignments(
  tab: TabDef,
  location: ColumnLocation,
  before: readonly unknown[][],
  now: readonly unknown[][],
  assignments: readonly IdAssignment[],
): IdAssignment[] {
  const idAt = location.index.id;
  const byContent = new Set(assignments.filter((a) => a.reason === 'duplicate').map((a) => a.row));
  const beforeRows = before.map((r, i) =>
    byContent.has(i + 2) ? r.map((v, c) => (c === idAt ? '' : v)) : r,
  );
  const partnerKeys = tab.columns.filter((c) => c.owner !== 'addon').map((c) => c.key);
  const moved = followRows(
    { rows: beforeRows, firstRow: 2, location },
    { rows: now, firstRow: 2, location },
    'id',
    partnerKeys,
    new Map(),
  );
  const placed: IdAssignment[] = [];
  const taken = new Set<number>();
  for (const a of assignments) {
    const row = moved.get(a.row) ?? null;
    if (row === null || taken.has(row)) continue;
    taken.add(row);
    placed.push({ ...a, row });
  }
  return placed;
}

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

export function runTabPass(input: TabPassInput): TabState {
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
    input.newColumns,
  );
  applyColumnPlan(sheet, tab, plan, observed);
  const columns = placementMap(plan.placements);
  let maxRows = observed?.maxRows ?? sheet.getMaxRows();
  const rows = observation?.rows ?? [];
  const raw = { sheetName: sheet.getName(), headerRow: 1, headers: [], metadataKeys: [], rows };
  const existing = readRecords(tab, locationOf(columns), raw);
  const details = [...plan.details];
  if (found && found.copies.length > 0)
    details.push(`Also found a copy (${found.copies.join(', ')}); it was left alone.`);
  if (found && sheet.getName() !== tab.name) details.push(`Renamed to “${sheet.getName()}”; kept.`);
  if (!found && sheet.getName() !== tab.name)
    details.push(TAB_TEXT.ownTabLeftAlone(tab.name, sheet.getName()));

  // Rows to add go below everything partners wrote, laid out by the columns' current positions.
  const cellsToAdd = input.newRows(existing, created);
  const empty = emptyCellRule(tab, locationOf(columns));
  const firstNew = nextFreeRow(rows, 1, input.ignoreColumns, empty);
  const added: TableRecord[] = cellsToAdd.map((cells, i) => ({
    row: firstNew + i,
    cells: { ...cells },
  }));

  let idChanges = 0;
  let idWrites: IdAssignment[] = [];
  if (assignsIds(tab) && tab.idPrefix) {
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
    input.idCounters[tab.key] = ids.next;
    const addedRows = new Map(added.map((r) => [r.row, r]));
    const onExisting = ids.assignments.filter((a) => !addedRows.has(a.row));
    for (const a of ids.assignments) {
      const record = addedRows.get(a.row) ?? existing.find((r) => r.row === a.row);
      if (record) record.cells.id = a.id;
      if (a.reason === 'duplicate')
        input.repairs.push({
          tab: sheet.getName(),
          column: tab.columns[0].header,
          action: 'idReassigned',
          message: `Row ${a.row} had the same ID as ${(a.keptBy ?? 0) < a.row ? 'an earlier row' : 'a later row'} (${a.previous}: a copied row?); it now has ${a.id}, and row ${a.keptBy} keeps ${a.previous}.`,
        });
    }
    const missing = onExisting.filter((a) => a.reason === 'missing');
    if (missing.length > 0)
      details.push(
        `Gave IDs to ${plural(missing.length, 'row')} that had none (${missing.map((a) => a.id).join(', ')}).`,
      );
    if (retired.length > 0)
      details.push(
        `Cleared the IDs of ${plural(retired.length, 'row')} emptied of everything partners typed (${retired.map((r) => r.previous).join(', ')}); they are not given again.`,
      );
    idWrites = [...onExisting, ...retired];
  }

  if (idWrites.length > 0 || added.length > 0) {
    // Partners may have sorted, inserted or deleted rows since the read: the IDs are written where
    // their rows are now, onto the column as it is now, and new rows go below the table as it is now.
    const now = currentRows(sheet, rows);
    maxRows = sheet.getMaxRows();
    if (idWrites.length > 0) {
      const placed = followAssignments(tab, locationOf(columns), rows, now.rows, idWrites);
      const write = idColumnValues(now.rows, columns.id, 1, placed);
      if (write) {
        writeBlock(sheet, write.startRow, columns.id, write.values);
        idChanges = placed.length;
      }
    }
    if (added.length > 0) {
      const first = nextFreeRow(now.rows, 1, input.ignoreColumns, empty);
      added.forEach((record, i) => {
        record.row = first + i;
      });
      const width = Math.max(...Object.values(columns));
      ensureGridSize(sheet, first + added.length - 1, width);
      maxRows = Math.max(maxRows, first + added.length - 1);
      writeBlock(
        sheet,
        first,
        1,
        added.map((r) => placeCells(r.cells, locationOf(columns), width)),
      );
    }
  }

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
    maxRows,
    records: [...existing, ...added],
    usedWidth: Math.max(plan.width, observed?.lastColumn ?? 0),
    report: { key: tab.key, name: sheet.getName(), sheetId: sheet.getSheetId(), details },
    changed,
    layout: layoutAfterPlan(observed, observation?.columnEntries ?? 0, plan),
  };
}
