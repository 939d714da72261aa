// The one date format for everything the add-on writes, in cells and in sentences: the spreadsheet locale's short date (12/7/2026, 07/12/2026, 07.12.2026).
import { monthFirst } from './typedDate';
import type { WallTime } from './zones';

type WallDate = Pick<WallTime, 'year' | 'month' | 'day'>;

/** The order of a short date's parts, their separator, and whether day and month have two digits. */
export interface DateStyle {
  order: 'mdy' | 'dmy' | 'ymd';
  separator: string;
  padded: boolean;
}

/**
 * Short dates by language (and a few countries that differ from their language), as CLDR writes
 * them and Sheets shows a date cell in that locale (S: CLDR short date patterns; Sheets' own
 * per-locale table is not published). A locale not listed writes day/month/year with slashes.
 */
const STYLES: Record<string, DateStyle> = {
  de: { order: 'dmy', separator: '.', padded: true },
  ru: { order: 'dmy', separator: '.', padded: true },
  pl: { order: 'dmy', separator: '.', padded: true },
  nb: { order: 'dmy', separator: '.', padded: true },
  no: { order: 'dmy', separator: '.', padded: true },
  da: { order: 'dmy', separator: '.', padded: true },
  fi: { order: 'dmy', separator: '.', padded: false },
  tr: { order: 'dmy', separator: '.', padded: true },
  cs: { order: 'dmy', separator: '. ', padded: false },
  nl: { order: 'dmy', separator: '-', padded: false },
  sv: { order: 'ymd', separator: '-', padded: true },
  lt: { order: 'ymd', separator: '-', padded: true },
  ja: { order: 'ymd', separator: '/', padded: true },
  zh: { order: 'ymd', separator: '/', padded: false },
  en_CA: { order: 'ymd', separator: '-', padded: true },
  fr_CA: { order: 'ymd', separator: '-', padded: true },
};
const DEFAULT: DateStyle = { order: 'dmy', separator: '/', padded: true };
const MONTH_FIRST: DateStyle = { order: 'mdy', separator: '/', padded: false };

/** The style of `locale` ("en_US", "en-GB", "de_DE", "fr"). */
export function localeDateStyle(locale: string): DateStyle {
  const normal = locale.replace('-', '_');
  if (monthFirst(normal)) return MONTH_FIRST;
  const language = normal.split('_')[0].toLowerCase();
  return STYLES[normal] ?? STYLES[language] ?? DEFAULT;
}

/** A day as the spreadsheet's locale writes it: 12/7/2026 (en_US), 07/12/2026 (en_GB), 07.12.2026 (de_DE). */
export function localeDate(w: WallDate, locale: string): string {
  const style = localeDateStyle(locale);
  const two = (n: number) => (style.padded ? String(n).padStart(2, '0') : String(n));
  const parts = {
    mdy: [two(w.month), two(w.day), String(w.year)],
    dmy: [two(w.day), two(w.month), String(w.year)],
    ymd: [String(w.year), two(w.month), two(w.day)],
  }[style.order];
  return parts.join(style.separator);
}

/** A yyyy-mm-dd day (how the domain carries days) in the locale's format; '' for none. */
export function localeDay(iso: string | null, locale: string): string {
  if (!iso) return '';
  const [year, month, day] = iso.split('-').map(Number);
  return localeDate({ year, month, day }, locale);
}

/**
 * A time of day as the add-on's cells show it in every locale ("09:30": Time columns are formatted
 * hh:mm, workbook/formats.ts), so a time quoted in a sentence reads as the cell beside it.
 */
export function localeClock(w: Pick<WallTime, 'hour' | 'minute'>): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** A moment as the locale writes its date, then the 24-hour time: "12/7/2026 09:30". */
export function localeDateTime(w: WallTime, locale: string): string {
  return `${localeDate(w, locale)} ${localeClock(w)}`;
}

/** The same formats as Sheets number formats, for cells that hold a date or a moment. */
export function localeDateCellFormat(locale: string, withTime = false): string {
  const style = localeDateStyle(locale);
  const d = style.padded ? 'dd' : 'd';
  const m = style.padded ? 'mm' : 'm';
  const parts = { mdy: [m, d, 'yyyy'], dmy: [d, m, 'yyyy'], ymd: ['yyyy', m, d] }[style.order];
  const date = parts.join(style.separator);
  return withTime ? `${date} hh:mm` : date;
}
