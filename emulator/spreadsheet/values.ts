// Cell values for the SpreadsheetApp emulator: date serials, parsing typed text, number formats.

import { DAY_NAMES, MONTH_NAMES } from '../englishNames';
import { instantAt, wallAt } from '../time/zoneModel';

/** What a cell stores. Dates are serial numbers (days since 1899-12-30) plus a date format. */
export type Scalar = number | string | boolean;

const DAY_MS = 86_400_000;
/** Sheets' (and Lotus') day zero: serial 0 is 1899-12-30 (S: Sheets DATEVALUE docs). */
const EPOCH_MS = Date.UTC(1899, 11, 30);

/** The automatic ("General") number format as Apps Script reports it (I: recalled, unverified). */
export const AUTOMATIC_FORMAT = '0.###############';
/** en_US defaults applied when a date lands in an automatic cell (brief; (S) from the Sheets UI). */
export const DEFAULT_DATE_FORMAT = 'M/d/yyyy';
export const DEFAULT_DATE_TIME_FORMAT = 'M/d/yyyy H:mm:ss';
export const DEFAULT_TIME_FORMAT = 'h:mm:ss am/pm';

/**
 * A Date's wall time in `zone`, as a serial. Sheets stores the wall time the spreadsheet's zone
 * shows for the instant (S: Apps Script guides on dates; docs/google-facts.md, "SpreadsheetApp").
 */
export function dateToSerial(instantMs: number, zone: string): number {
  return (wallAt(instantMs, zone) - EPOCH_MS) / DAY_MS;
}

/** The wall time a serial stands for, as UTC fields of a number (ms). */
export function serialToWallMs(serial: number): number {
  return Math.round(serial * DAY_MS) + EPOCH_MS;
}

/** The instant at which clocks in `zone` show the serial's wall time (DST gaps move forward). */
export function serialToInstant(serial: number, zone: string): number {
  return instantAt(serialToWallMs(serial), zone);
}

/** Serial of a wall date/time given by fields. */
export function wallSerial(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  return (Date.UTC(y, mo - 1, d, h, mi, s) - EPOCH_MS) / DAY_MS;
}

/** True when a number format shows a date or a time (so getValues returns a Date). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  if (bare === '@') return false;
  return /[dyhsDYHS]/.test(bare) || /am\/pm|a\/p/i.test(bare) || /\bm{3,}/i.test(bare);
}

export interface ParsedInput {
  value: Scalar;
  /** A format Sheets would give an automatic cell for this input (dates, percentages). */
  impliedFormat?: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

function parseTime(text: string): { h: number; mi: number; s: number } | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/i.exec(text.trim());
  if (!m) return null;
  let h = Number(m[1]);
  const mi = Number(m[2]);
  const s = m[3] ? Number(m[3]) : 0;
  const ampm = m[4]?.toLowerCase().replace(/\./g, '');
  if (ampm) {
    if (h < 1 || h > 12) return null;
    if (ampm === 'pm' && h !== 12) h += 12;
    if (ampm === 'am' && h === 12) h = 0;
  }
  if (h > 23 || mi > 59 || s > 59) return null;
  return { h, mi, s };
}

/** Locales that read 3/4/2027 month-first (I: only en_US is modelled in detail). */
function monthFirst(locale: string): boolean {
  return /^en_US$|^en$|^en_PH$|^es_US$/.test(locale);
}

/**
 * Parses text the way Sheets parses what a person types (or a script writes with setValue):
 * numbers, TRUE/FALSE, percentages and dates in the locale's order become typed values (I: the
 * exact recogniser is undocumented; this covers the shapes a work plan sees). Anything else stays
 * text.
 */
export function parseTyped(text: string, locale: string): ParsedInput {
  const t = text.trim();
  if (t === '') return { value: '' };
  const upper = t.toUpperCase();
  if (upper === 'TRUE') return { value: true };
  if (upper === 'FALSE') return { value: false };
  const grouping = monthFirst(locale) || locale.startsWith('en') ? ',' : '.';
  const decimal = grouping === ',' ? '.' : ',';
  const numRe = new RegExp(
    `^([-+])?(\\d{1,3}(?:\\${grouping}\\d{3})+|\\d+)?(?:\\${decimal}(\\d+))?(%)?$`,
  );
  const nm = numRe.exec(t.replace(/\s+/g, ''));
  if (nm && (nm[2] !== undefined || nm[3] !== undefined)) {
    const intPart = (nm[2] ?? '0').split(grouping).join('');
    const n = Number(`${intPart}.${nm[3] ?? '0'}`) * (nm[1] === '-' ? -1 : 1);
    if (nm[4]) return { value: n / 100, impliedFormat: '0%' };
    return { value: n };
  }
  if (/^[-+]?\d+(\.\d+)?e[-+]?\d+$/i.test(t)) return { value: Number(t) };
  // Year first, optionally with a time: 2027-03-04, 2027/3/4, 2027-03-04 14:30 (year-first
  // dates read the same in every locale).
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](.+))?$/.exec(t);
  if (m && t[4] !== t[5 + m[2].length]) m = null; // one separator, used twice
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (validDate(y, mo, d)) {
      if (!m[4]) return { value: wallSerial(y, mo, d), impliedFormat: 'yyyy-mm-dd' };
      const tm = parseTime(m[4]);
      if (tm) {
        return {
          value: wallSerial(y, mo, d, tm.h, tm.mi, tm.s),
          impliedFormat: 'yyyy-mm-dd H:mm:ss',
        };
      }
    }
  }
  // Slash dates in the locale's order: 3/4/2027 (en_US: March 4), optional time.
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:\s+(.+))?$/.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    let y = Number(m[3]);
    if (m[3].length === 2) y += y < 30 ? 2000 : 1900; // (I) two-digit years pivot at 30
    const [mo, d] = monthFirst(locale) ? [a, b] : [b, a];
    if (validDate(y, mo, d)) {
      if (!m[4]) return { value: wallSerial(y, mo, d), impliedFormat: DEFAULT_DATE_FORMAT };
      const tm = parseTime(m[4]);
      if (tm) {
        return {
          value: wallSerial(y, mo, d, tm.h, tm.mi, tm.s),
          impliedFormat: DEFAULT_DATE_TIME_FORMAT,
        };
      }
    }
  }
  // "Mar 4, 2027" / "4 Mar 2027".
  m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(t);
  const m2 = /^(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})$/.exec(t);
  if (m || m2) {
    const monthName = (m ? m[1] : m2![2]).slice(0, 3).toLowerCase();
    const mo = MONTHS.indexOf(monthName) + 1;
    const d = Number(m ? m[2] : m2![1]);
    const y = Number(m ? m[3] : m2![3]);
    if (mo > 0 && validDate(y, mo, d)) {
      return { value: wallSerial(y, mo, d), impliedFormat: DEFAULT_DATE_FORMAT };
    }
  }
  const tm = parseTime(t);
  if (tm) return { value: (tm.h * 3600 + tm.mi * 60 + tm.s) / 86400, impliedFormat: 'h:mm am/pm' };
  return { value: text };
}

// ---------- display ----------

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Formats a serial with a date/time pattern (Sheets' tokens: yyyy, mm, m, dd, d, hh, h, ss, am/pm). */
export function formatDateSerial(serial: number, pattern: string): string {
  const d = new Date(serialToWallMs(serial));
  const hasAmPm = /am\/pm|a\/p/i.test(pattern);
  // Tokenise so that "mm" after an hour or before seconds reads as minutes (Sheets' rule).
  const tokens: string[] = [];
  const re = /"[^"]*"|\\.|am\/pm|AM\/PM|a\/p|A\/P|y+|m+|d+|h+|s+|./gi;
  for (let mt = re.exec(pattern); mt; mt = re.exec(pattern)) tokens.push(mt[0]);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const low = tok.toLowerCase();
    if (tok.startsWith('"')) {
      out.push(tok.slice(1, -1));
    } else if (tok.startsWith('\\')) {
      out.push(tok.slice(1));
    } else if (low[0] === 'y') {
      out.push(low.length <= 2 ? pad(d.getUTCFullYear() % 100) : String(d.getUTCFullYear()));
    } else if (low[0] === 'm' && low !== 'am/pm') {
      const prev = tokens
        .slice(0, i)
        .reverse()
        .find((x) => /^[a-z]/i.test(x));
      const next = tokens.slice(i + 1).find((x) => /^[a-z]/i.test(x));
      const minutes =
        low.length <= 2 && (prev?.[0].toLowerCase() === 'h' || next?.[0].toLowerCase() === 's');
      if (minutes) out.push(low.length === 2 ? pad(d.getUTCMinutes()) : String(d.getUTCMinutes()));
      else if (low.length === 1) out.push(String(d.getUTCMonth() + 1));
      else if (low.length === 2) out.push(pad(d.getUTCMonth() + 1));
      else if (low.length === 3) out.push(MONTH_NAMES[d.getUTCMonth()].slice(0, 3));
      else out.push(MONTH_NAMES[d.getUTCMonth()]);
    } else if (low[0] === 'd') {
      if (low.length === 1) out.push(String(d.getUTCDate()));
      else if (low.length === 2) out.push(pad(d.getUTCDate()));
      else if (low.length === 3) out.push(DAY_NAMES[d.getUTCDay()].slice(0, 3));
      else out.push(DAY_NAMES[d.getUTCDay()]);
    } else if (low[0] === 'h') {
      let h = d.getUTCHours();
      if (hasAmPm) h = h % 12 === 0 ? 12 : h % 12;
      out.push(low.length >= 2 ? pad(h) : String(h));
    } else if (low[0] === 's') {
      out.push(low.length >= 2 ? pad(d.getUTCSeconds()) : String(d.getUTCSeconds()));
    } else if (low === 'am/pm' || low === 'a/p') {
      const pm = d.getUTCHours() >= 12;
      const text = low === 'a/p' ? (pm ? 'p' : 'a') : pm ? 'pm' : 'am';
      out.push(tok[0] === tok[0].toUpperCase() ? text.toUpperCase() : text);
    } else {
      out.push(tok);
    }
  }
  return out.join('');
}

function groupThousands(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Shows a number the way an automatic cell does: up to ~10 significant digits, no grouping. */
export function formatGeneralNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) return n.toExponential(2).toUpperCase();
  return String(Number(n.toPrecision(10)));
}

/** Formats a number with a numeric pattern: 0, 0.00, #,##0, $#,##0.00, 0%, 0.0% and similar. */
export function formatNumberPattern(n: number, pattern: string): string {
  const sections = pattern.split(';');
  let section = sections[0];
  let value = n;
  if (n < 0 && sections.length > 1) {
    section = sections[1];
    value = -n;
  } else if (n === 0 && sections.length > 2) {
    section = sections[2];
  }
  const core = /[0#?][0#?,]*(?:\.[0#?]+)?/.exec(
    section.replace(/"[^"]*"/g, (q) => ' '.repeat(q.length)),
  );
  if (!core) return section.replace(/"([^"]*)"/g, '$1');
  const prefix = section
    .slice(0, core.index)
    .replace(/"([^"]*)"/g, '$1')
    .replace(/\\(.)/g, '$1');
  const suffix = section
    .slice(core.index + core[0].length)
    .replace(/"([^"]*)"/g, '$1')
    .replace(/\\(.)/g, '$1');
  const percent = (prefix + suffix).includes('%');
  if (percent) value *= 100;
  const [intPat, decPat = ''] = core[0].split('.');
  const minDec = (decPat.match(/0/g) ?? []).length;
  const maxDec = decPat.length;
  const negative = value < 0 && sections.length === 1;
  let fixed = Math.abs(value).toFixed(maxDec);
  if (maxDec > minDec) {
    // Drop optional (#) trailing zeros down to the required (0) ones.
    const [i, frac0 = ''] = fixed.split('.');
    let f = frac0;
    while (f.length > minDec && f.endsWith('0')) f = f.slice(0, -1);
    fixed = f ? `${i}.${f}` : i;
  }
  let [intDigits, frac] = fixed.split('.');
  const minInt = (intPat.replace(/,/g, '').match(/0/g) ?? []).length;
  if (intDigits === '0' && minInt === 0) intDigits = '';
  intDigits = intDigits.padStart(minInt, '0');
  if (intPat.includes(',')) intDigits = groupThousands(intDigits);
  const body = frac !== undefined ? `${intDigits}.${frac}` : intDigits;
  return `${negative ? '-' : ''}${prefix}${body}${suffix}`;
}

/** The text a cell shows for a value under a number format (undefined = automatic). */
export function displayValue(value: Scalar, format: string | undefined, isError = false): string {
  if (isError) return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (!format || format === AUTOMATIC_FORMAT || /^general$/i.test(format)) {
    return formatGeneralNumber(value);
  }
  if (format === '@') return formatGeneralNumber(value);
  if (isDateFormat(format)) return formatDateSerial(value, format);
  return formatNumberPattern(value, format);
}
