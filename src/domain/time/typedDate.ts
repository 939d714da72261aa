// Dates as partners type them as text: the sheet's locale decides d/m vs m/d, a missing year is the next one, a time may follow.
import { localeDate } from './localeDate';

export interface DayOfYear {
  year: number;
  month: number;
  day: number;
}

export interface ClockTime {
  hour: number;
  minute: number;
}

/** How a typed date was read, and what the partner should be told about it. */
export interface TypedDate {
  date: DayOfYear;
  /** A time typed after the date ("3/15/2027 2:00 PM"), else null. */
  time: ClockTime | null;
  /** Plain sentences for the row's status when the reading needed a choice (order, year). */
  notes: string[];
}

export interface DateTyping {
  /** The spreadsheet's locale (`getSpreadsheetLocale`, e.g. "en_US", "en_GB", "fr_FR"). */
  locale: string;
  /** Today in the spreadsheet's zone: a date typed without a year is the next such date from it. */
  today: DayOfYear | null;
}

/** Month names as their first three letters, lower case: how typed month names are matched. */
export const MONTH_ABBREVIATIONS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];

/**
 * Locales whose short dates put the month first (3/4/2027 is 4 March). Every other locale reads
 * the day first; year-first dates (2027-03-04) read the same everywhere.
 */
export function monthFirst(locale: string): boolean {
  return /^(?:en|en_US|es_US|en_PH|fil_PH|fil)$/i.test(locale.replace('-', '_'));
}

export function validDay(year: number, month: number, day: number): DayOfYear | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return null;
  return { year, month, day };
}

/** Parses 9:30, 09:30, 14:00, 14:00:00, 9am, 9:30 pm, 9.30 (seconds are dropped). */
export function parseClockText(text: string): ClockTime | null {
  const m = /^(\d{1,2})(?:[:.h](\d{2})(?::\d{2})?)?\s*([ap])?\.?m?\.?$/i.exec(text.trim());
  if (!m) return null;
  let hour = +m[1];
  const minute = m[2] ? +m[2] : 0;
  const half = m[3]?.toLowerCase();
  if (!m[2] && !half) return null;
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}

const before = (a: DayOfYear, b: DayOfYear) =>
  a.year !== b.year ? a.year < b.year : a.month !== b.month ? a.month < b.month : a.day < b.day;

/** The next `month`/`day` from today (today included); 29 Feb waits for a leap year. */
function nextOccurrence(month: number, day: number, today: DayOfYear): DayOfYear | null {
  for (let year = today.year; year <= today.year + 8; year++) {
    const d = validDay(year, month, day);
    if (d && !before(d, today)) return d;
  }
  return null;
}

/** "Start date “3/15” has no year: read as 3/15/2027, the next such day from today." */
const noYearNote = (column: string, quoted: string, date: DayOfYear, locale: string) =>
  `${column} ${quoted} has no year: read as ${localeDate(date, locale)}, the next such day from today.`;
const iso = (d: DayOfYear) =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** What a typed date may be: read (with notes), refused in words, or not a date at all (null). */
type TypedDateResult = { ok: true; value: TypedDate } | { ok: false; message: string } | null;

/**
 * A date typed as numbers (3/4/2027, 4.3.2027, 3/4): day or month first as the locale writes
 * dates, the other order when only it fits, the next such day when the year is missing.
 */
function numericDate(
  m: RegExpExecArray,
  time: ClockTime | null,
  typing: DateTyping,
  column: string,
  quoted: string,
): TypedDateResult {
  const notes: string[] = [];
  const [a, b] = [+m[1], +m[2]];
  const localeMonthFirst = monthFirst(typing.locale);
  const order = localeMonthFirst ? 'month first' : 'day first';
  const other = localeMonthFirst ? 'day first' : 'month first';
  // 2000 is a leap year: it checks a month and day before the year is known.
  const year = m[3] ? (m[3].length === 2 ? 2000 + +m[3] : +m[3]) : null;
  const fits = (mo: number, d: number) => validDay(year ?? 2000, mo, d) !== null;
  let [month, day] = localeMonthFirst ? [a, b] : [b, a];
  let swappedOrder = false;
  if (!fits(month, day)) {
    if (!fits(day, month)) return null;
    [month, day] = [day, month];
    swappedOrder = true;
  }
  let date: DayOfYear | null;
  if (year !== null) date = validDay(year, month, day);
  else {
    if (!typing.today)
      return { ok: false, message: `${column} ${quoted} has no year: type the year too.` };
    date = nextOccurrence(month, day, typing.today);
  }
  if (!date) return null;
  if (swappedOrder)
    notes.push(
      `${column} ${quoted} was read ${other}, as ${localeDate(date, typing.locale)}, although this spreadsheet’s locale (${typing.locale}) writes dates ${order}.`,
    );
  else if (a !== b && a <= 12 && b <= 12)
    notes.push(
      `${column} ${quoted} could be read either way: it was read ${order}, as this spreadsheet’s locale (${typing.locale}) writes dates, so ${localeDate(date, typing.locale)}. Type it year first (${iso(date)}) to avoid doubt.`,
    );
  if (year === null) notes.push(noYearNote(column, quoted, date, typing.locale));
  return { ok: true, value: { date, time, notes } };
}

/**
 * Reads a typed date, or null when the text is not a date. `column` and the typed text appear in
 * the notes, the date in the locale's own short format: "Start date “3/15” has no year: read as
 * 3/15/2027, the next such day from today."
 */
export function parseTypedDate(text: string, typing: DateTyping, column: string): TypedDateResult {
  const t = text.trim().replace(/\s+/g, ' ');
  const quoted = `“${t.length > 40 ? `${t.slice(0, 37)}…` : t}”`;
  const notes: string[] = [];
  // The date, then an optional time after a space, "T" or ", ".
  const split = (rest: string | undefined): ClockTime | null | false =>
    rest === undefined || rest === '' ? null : (parseClockText(rest) ?? false);

  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:[ T]|, ?)(.+))?$/.exec(t);
  if (m) {
    const date = validDay(+m[1], +m[2], +m[3]);
    const time = split(m[4]);
    return date && time !== false ? { ok: true, value: { date, time, notes } } : null;
  }

  // Czech and Slovak short dates put a space after each dot (7. 12. 2026): read as 7.12.2026.
  m = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?(?:(?: |, ?)(.+))?$/.exec(
    t.replace(/^(\d{1,2})\. (\d{1,2})\.(?: (?=\d))?/, '$1.$2.'),
  );
  if (m) {
    const time = split(m[4]);
    return time === false ? null : numericDate(m, time, typing, column, quoted);
  }

  // "4 March 2027", "March 4, 2027", "4 Mar", "Mar 4", each with an optional time.
  const named = /^(\d{1,2}) ([A-Za-z]{3,})\.?,?(?: (\d{4}))?(?:(?: |, ?)(.+))?$/.exec(t);
  const namedUs =
    /^([A-Za-z]{3,})\.? (\d{1,2})(?:st|nd|rd|th)?,?(?: (\d{4}))?(?:(?: |, ?)(.+))?$/.exec(t);
  const parts = named
    ? { day: +named[1], monthName: named[2], year: named[3], rest: named[4] }
    : namedUs
      ? { day: +namedUs[2], monthName: namedUs[1], year: namedUs[3], rest: namedUs[4] }
      : null;
  if (!parts) return null;
  const month = MONTH_ABBREVIATIONS.indexOf(parts.monthName.slice(0, 3).toLowerCase()) + 1;
  if (!month) return null;
  const time = split(parts.rest);
  if (time === false) return null;
  if (parts.year) {
    const date = validDay(+parts.year, month, parts.day);
    return date ? { ok: true, value: { date, time, notes } } : null;
  }
  if (!validDay(2000, month, parts.day)) return null;
  if (!typing.today)
    return { ok: false, message: `${column} ${quoted} has no year: type the year too.` };
  const next = nextOccurrence(month, parts.day, typing.today);
  if (!next) return null;
  notes.push(noYearNote(column, quoted, next, typing.locale));
  return { ok: true, value: { date: next, time, notes } };
}
