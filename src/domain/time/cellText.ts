// A cell as the words a partner reads: a date in it is quoted in the sheet's zone and locale's short date, never as UTC ISO text.
import { asText } from '../table/cells';
import { isValidDate } from '../values';
import { localeClock, localeDate, localeDateTime } from './localeDate';
import type { ZoneOracle } from './zones';

/** Reads cells' dates in the spreadsheet's zone (the zone Sheets stores and shows them in). */
export interface SheetDates {
  sheetZone: string;
  oracle: ZoneOracle;
  /** The spreadsheet's locale (`getSpreadsheetLocale`): how a quoted date is written. */
  locale: string;
}

/**
 * The text of a cell, for text the add-on writes or shows (evidence, problem statements, notes).
 * Sheets turns "15 Jan" typed in a text column into a date; quoted back it must read as the
 * 15 January the sheet shows, in the sheet's own date format (1/15/2026 in en_US, 15/01/2026 in
 * en_GB; a time-only cell as "15:45", a date-time as "1/15/2026 09:30").
 */
export function cellText(value: unknown, dates: SheetDates): string {
  if (!isValidDate(value)) return asText(value);
  const w = dates.oracle(value.getTime(), dates.sheetZone);
  // Sheets hands a time-only cell back on 30 Dec 1899, its day zero.
  if (w.year === 1899 && w.month === 12 && w.day === 30) return localeClock(w);
  if (w.hour === 0 && w.minute === 0 && w.second === 0) return localeDate(w, dates.locale);
  return localeDateTime(w, dates.locale);
}
