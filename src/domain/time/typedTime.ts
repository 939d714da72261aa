// Times as partners type them (4pm, 16h, 16.00, 4:30 pm…): one reading, a sentence for what cannot be read without a guess.
import type { TimeOfDay } from '../table/cells';
import { isValidDate, quoteCell } from '../values';
import type { ZoneOracle } from './zones';

/** How a time cell was read: a clock time, a phrase that needs the partner, or not a time at all. */
export type TimeReading =
  | {
      kind: 'time';
      time: TimeOfDay;
      /**
       * True when the cell does not hold a time value yet (text such as "4pm", or the number
       * 16 that Sheets makes of "16.00"): the add-on writes the time value there, so the cell
       * shows in the sheet's time format like every other time.
       */
      retype: boolean;
    }
  | { kind: 'ambiguous'; message: string }
  | { kind: 'notTime'; message: string }
  | { kind: 'empty' };

/** A bare hour from 1 to 12 ("4") names no half of the day: morning or afternoon? */
const ambiguous = (column: string, value: unknown, hour: number): TimeReading => ({
  kind: 'ambiguous',
  message:
    hour === 12
      ? `${column} ${quoteCell(value)} could be noon or midnight: type 12 pm (noon) or 12 am (midnight).`
      : `${column} ${quoteCell(value)} could be morning or afternoon: type ${hour} am or ${hour} pm (or ${hour + 12}:00).`,
});

const notTime = (column: string, value: unknown): TimeReading => ({
  kind: 'notTime',
  message: `${column} ${quoteCell(value)} is not a time. Type a time such as 09:30, 16:00 or 4 pm.`,
});

/** Sheets' day zero (serial 0) and one day, in ms. */
const DAY_ZERO = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** Noon and midnight by name: a time, not a guess. */
const NAMED: Record<string, TimeOfDay> = {
  noon: { hour: 12, minute: 0 },
  midday: { hour: 12, minute: 0 },
  midnight: { hour: 0, minute: 0 },
};

/**
 * Text as typed: "16:30", "4:30pm", "4 pm", "4 p.m.", "4pm", "16h", "16h30", "16.00", "16,30",
 * "09:30:00". With minutes and no am/pm it is a 24-hour clock, as Sheets reads "4:30" (04:30);
 * a bare hour from 1 to 12 ("4") is ambiguous, while "16", "09" and "16h" are not.
 */
export function readTimeText(text: string, column: string): TimeReading {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === '') return { kind: 'empty' };
  if (NAMED[t]) return { kind: 'time', time: NAMED[t], retype: true };
  const m = /^(\d{1,2})(?:(h)(\d{2})?|([:.,])(\d{2})(?::\d{2})?)?\s?(?:([ap])\.?\s?m\.?)?$/.exec(t);
  if (!m) return notTime(column, text);
  let hour = Number(m[1]);
  const minuteText = m[3] ?? m[5];
  const minute = minuteText ? Number(minuteText) : 0;
  const half = m[6];
  if (minute > 59) return notTime(column, text);
  if (half) {
    if (hour < 1 || hour > 12) return notTime(column, text);
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  } else if (hour > 23) return notTime(column, text);
  else if (hour >= 1 && hour <= 12 && !m[1].startsWith('0')) {
    // "4", and "4.00" (which Sheets makes the number 4 in many locales): no half of the day named.
    const bare = !minuteText && !m[2];
    const decimalHour = minute === 0 && (m[4] === '.' || m[4] === ',');
    if (bare || decimalHour) return ambiguous(column, text, hour);
  }
  return { kind: 'time', time: { hour, minute }, retype: true };
}

/**
 * A number in a time column: Sheets makes one of "16.00" or "16,30" (the locale's decimal mark),
 * or of "4". Below 1 it is a time value already (a fraction of a day, in a column whose format
 * someone changed); otherwise hours.minutes on a 24-hour clock ("16.3" is "16.30" without its
 * last zero), except a whole hour from 1 to 12, which is ambiguous as typed text is.
 */
function readTimeNumber(value: number, column: string): TimeReading {
  if (value >= 0 && value < 1) {
    const minutes = Math.round(value * 24 * 60) % (24 * 60);
    return {
      kind: 'time',
      time: { hour: Math.floor(minutes / 60), minute: minutes % 60 },
      retype: false,
    };
  }
  const hundredths = Math.round(value * 100);
  if (Math.abs(value * 100 - hundredths) > 1e-6 || value >= 24 || value < 0)
    return notTime(column, value);
  const hour = Math.floor(hundredths / 100);
  const minute = hundredths % 100;
  if (minute > 59) return notTime(column, value);
  if (minute === 0 && hour <= 12) return ambiguous(column, value, hour);
  return { kind: 'time', time: { hour, minute }, retype: true };
}

/**
 * Reads a Start/End time cell the one way everything else reads it. A time value is a Date on
 * 30 Dec 1899 whose wall clock in the sheet's zone is the time (S); text and numbers are read as
 * typed, and what would need a guess ("4": 4 am or 4 pm?) is returned as a sentence instead.
 */
export function readTimeCell(
  value: unknown,
  sheetZone: string,
  oracle: ZoneOracle,
  column: string,
): TimeReading {
  if (value === '' || value === null || value === undefined) return { kind: 'empty' };
  if (isValidDate(value)) {
    const w = oracle(value.getTime(), sheetZone);
    // In a column with a time format, Sheets hands back the number it made of "16.00" (serial
    // 16) as a Date 16 days after its day zero: no one means a day in January 1900.
    const wallMs = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    const serial = Math.round(((wallMs - DAY_ZERO) / DAY) * 1e6) / 1e6;
    if (serial >= 1 && serial < 24) return readTimeNumber(serial, column);
    return { kind: 'time', time: { hour: w.hour, minute: w.minute }, retype: false };
  }
  if (typeof value === 'number' && Number.isFinite(value)) return readTimeNumber(value, column);
  if (typeof value === 'string') return readTimeText(value, column);
  return notTime(column, value);
}

/** The time value Sheets stores for a clock time: the fraction of a day (shown by the column's time format). */
export function timeCellValue(time: TimeOfDay): number {
  return (time.hour * 60 + time.minute) / (24 * 60);
}

/** Adjacent rows of one column to write as time values with one call: `values[i]` goes to `row + i`. */
export interface TimeRun {
  row: number;
  values: number[][];
}

/**
 * The cells of one time column (`at`, 0-based in each row) that hold a time typed some other way
 * ("4pm", "16h", 16): their time values, grouped in runs of adjacent rows. Cells already holding
 * a time value, empty ones and ones to ask about are left as they are.
 */
export function retypedTimeRuns(
  rows: readonly (readonly unknown[])[],
  firstRow: number,
  at: number,
  sheetZone: string,
  oracle: ZoneOracle,
): TimeRun[] {
  const runs: TimeRun[] = [];
  if (at < 0) return runs;
  rows.forEach((cells, i) => {
    const reading = readTimeCell(cells[at], sheetZone, oracle, '');
    if (reading.kind !== 'time' || !reading.retype) return;
    const row = firstRow + i;
    const last = runs[runs.length - 1];
    if (last && last.row + last.values.length === row)
      last.values.push([timeCellValue(reading.time)]);
    else runs.push({ row, values: [[timeCellValue(reading.time)]] });
  });
  return runs;
}
