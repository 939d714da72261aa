// Reads typed cells the way a partner meant them, with a plain message when a cell cannot be read.
import { parseClockText, parseTypedDate } from '../time/typedDate';
import { readTimeCell } from '../time/typedTime';
import type { ZoneOracle } from '../time/zones';
import { fail, isValidDate, ok, type Parsed, quoteCell } from '../values';

export interface WallDate {
  year: number;
  month: number;
  day: number;
}

export interface TimeOfDay {
  hour: number;
  minute: number;
}

/** A cell shown back to the user inside a message (its home is values.ts, beside Parsed). */
export { quoteCell } from '../values';

export function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isValidDate(value)) return value.toISOString();
  return String(value).trim();
}

/**
 * A date typed as text, read by the one typed-date rule (time/typedDate.ts): the sheet's locale
 * decides 3/4/2027 (4 March in en_US, 3 April in en_GB); a year is required here, and a date with a
 * time after it is not a plain date.
 */
export function parseDateText(text: string, locale: string): WallDate | null {
  const typed = parseTypedDate(text, { locale, today: null }, '');
  return typed?.ok && typed.value.time === null ? typed.value.date : null;
}

/**
 * A date cell as the wall date the partner sees. A Date value is read in the spreadsheet's zone,
 * because that is the zone the sheet stores and shows its dates in (docs/google-facts.md, "SpreadsheetApp");
 * text is read in the sheet's locale's order, like every other typed date.
 */
export function asWallDate(
  value: unknown,
  sheetZone: string,
  oracle: ZoneOracle,
  column: string,
  locale: string,
): Parsed<WallDate> {
  if (isValidDate(value)) {
    const w = oracle(value.getTime(), sheetZone);
    return ok({ year: w.year, month: w.month, day: w.day });
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const typed = parseTypedDate(value, { locale, today: null }, column);
    if (typed && !typed.ok) return fail(typed.message);
    if (typed?.ok && typed.value.time === null) return ok(typed.value.date);
  }
  if (value === '' || value === null || value === undefined) return fail(`${column} is empty.`);
  return fail(`${column} ${quoteCell(value)} is not a date. Type a date such as 2027-03-04.`);
}

/** Parses 9:30, 09:30, 14:00, 9am, 9:30 pm, 9.30: the one clock-text rule (time/typedDate.ts). */
export const parseTimeText = parseClockText;

/**
 * A time cell, read by the one typed-time rule (time/typedTime.ts): a time value (a Date on
 * 30 Dec 1899 in the sheet's zone (S)), a fraction of a day, or what a partner typed ("4pm",
 * "16h", the number Sheets makes of "16.00"); "4" alone is refused with the question it raises.
 */
export function asTimeOfDay(
  value: unknown,
  sheetZone: string,
  oracle: ZoneOracle,
  column: string,
): Parsed<TimeOfDay> {
  const reading = readTimeCell(value, sheetZone, oracle, column);
  if (reading.kind === 'time') return ok(reading.time);
  if (reading.kind === 'empty') return fail(`${column} is empty.`);
  return fail(reading.message);
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', 'x', '✓', '✔', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '']);

export function asBoolean(value: unknown, column: string): Parsed<boolean> {
  if (typeof value === 'boolean') return ok(value);
  if (value === null || value === undefined) return ok(false);
  const text = String(value).trim().toLowerCase();
  if (TRUE_WORDS.has(text)) return ok(true);
  if (FALSE_WORDS.has(text)) return ok(false);
  return fail(`${column} ${quoteCell(value)} should be ticked or not (yes / no).`);
}

/** Numbers and money as typed: 1200, 1,200, $1,200.50, 1 200 €. */
export function asNumber(value: unknown, column: string): Parsed<number> {
  if (typeof value === 'number' && Number.isFinite(value)) return ok(value);
  if (typeof value === 'string') {
    const cleaned = value.replace(/[\s$€£,]/g, '');
    if (cleaned !== '' && /^-?\d+(\.\d+)?$/.test(cleaned)) return ok(Number(cleaned));
  }
  if (value === '' || value === null || value === undefined) return fail(`${column} is empty.`);
  return fail(`${column} ${quoteCell(value)} is not a number.`);
}

/** The text an `enum` column allows, matched case-insensitively; null when not one of them. */
export function matchOption<T extends string>(value: unknown, options: readonly T[]): T | null {
  const text = asText(value).toLowerCase();
  return options.find((o) => o.toLowerCase() === text) ?? null;
}

/** Splits a list cell (commas, semicolons or new lines) into trimmed, non-empty items. */
export function splitList(value: unknown): string[] {
  return asText(value)
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The ID of a reference cell: "G1 · Improve literacy" → "G1"; "g1" → "G1"; no ID → null. */
export function referenceId(value: unknown, prefix: string): string | null {
  const m = new RegExp(`^\\s*(${prefix}\\d+)\\b`, 'i').exec(asText(value));
  return m ? m[1].toUpperCase() : null;
}

/** How a reference cell is written: the ID, then the label people recognise. */
export function referenceLabel(id: string, label: string): string {
  return label ? `${id} · ${label}` : id;
}

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

export function isEmail(text: string): boolean {
  return EMAIL.test(text.trim());
}
