// Writes a tab's IDs where their rows are at write time: read, write what differs, read again to check.
import type { IdIntents, IdTable } from '../../domain/table/idPlacement';
import { idCorrections } from '../../domain/table/idPlacement';
import { dataValues, writeBlock } from './cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Enough for one partner edit landing between each read and write and the check after it; a
 * table still moving after that is left to the next repair (nothing is written blind).
 */
const ROUNDS = 3;

/**
 * Partners may sort, insert or delete rows at any moment: between a read and the write after it,
 * every row may move. So the IDs are written from a fresh read, as one block over the rows that
 * change, and the table is read again: a row the write missed (it moved meanwhile) gets its ID in
 * the next round, and an ID the block put on a row that had moved there goes back where its
 * content is. Returns how many ID cells the first round changed. Two calls per read, two per write.
 */
export function writeIdsAtWriteTime(
  sheet: Sheet,
  table: Omit<IdTable, 'rows'>,
  intents: IdIntents,
): number {
  const idAt = table.location.index.id ?? -1;
  if (idAt < 0) return 0;
  let first: number | null = null;
  for (let round = 0; ; round++) {
    const rows = dataValues(sheet).slice(table.firstRow - 1);
    const corrections = idCorrections({ ...table, rows }, intents);
    first ??= corrections.length;
    // Every write is followed by a read that checks it: the loop ends on a read, never on a write.
    if (corrections.length === 0 || round === ROUNDS) break;
    const from = corrections[0].row;
    const to = corrections[corrections.length - 1].row;
    const values: unknown[][] = [];
    for (let row = from; row <= to; row++) values.push([rows[row - table.firstRow]?.[idAt] ?? '']);
    for (const c of corrections) values[c.row - from] = [c.id];
    writeBlock(sheet, from, idAt + 1, values);
  }
  return first ?? 0;
}
