// What every fake SpreadsheetApp object holds: the workbook engine and factories for its peers.
import type { Runtime } from '../runtime';
import type { Workbook } from './book';
import type { GridRef } from './model';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';

export interface Ctx {
  readonly book: Workbook;
  readonly runtime: Runtime;
  readonly spreadsheet: FakeSpreadsheet;
  sheet(id: number): FakeSheet;
  range(ref: GridRef): FakeRange;
}

/** The counted-call name of a method: 'SpreadsheetApp.<Class>.<method>' (runtime.ts contract). */
export function count(
  ctx: Ctx,
  cls: string,
  method: string,
  kind: 'read' | 'write' | 'other',
): void {
  ctx.runtime.call(`SpreadsheetApp.${cls}.${method}`, kind);
}
