// How a sidebar loads a cell: as the partner typed it, tidied only when it reads as what the column expects, with a sentence when not.
import { formatWallDate, type ZoneOracle } from '../time/zones';
import { asWallDate, matchOption } from './cells';

/** A cell as a sidebar shows it, and what is wrong with it in words (null when nothing). */
export interface TypedCell {
  text: string;
  problem: string | null;
}

/** Where a date cell is read: the sheet's zone (a Date value) and locale (typed text). */
export interface DateReading {
  sheetZone: string;
  oracle: ZoneOracle;
  locale: string;
}

/**
 * What the sheet shows (`shown`, the cell's display text), spelled as the option it matches, or
 * kept as typed with a sentence: "short" is no term, and loading it as "" would both hide it and
 * make the save's "changed since you opened it" check compare "" with "short".
 */
export function optionCell(shown: string, options: readonly string[], header: string): TypedCell {
  const text = shown.trim();
  if (text === '') return { text: '', problem: null };
  const match = matchOption(text, options);
  if (match !== null) return { text: match, problem: null };
  return {
    text,
    problem: `${header} “${text}” is not one of ${options.join(', ')}: pick one to fix it.`,
  };
}

/**
 * A date cell as yyyy-mm-dd (a Date value in the sheet's zone, or text in the sheet's locale), or
 * as typed ("next spring") with a sentence saying what to type instead.
 */
export function dateCell(
  value: unknown,
  shown: string,
  header: string,
  at: DateReading,
): TypedCell {
  const text = shown.trim();
  if (text === '' && (value === '' || value === null || value === undefined))
    return { text: '', problem: null };
  const date = asWallDate(value, at.sheetZone, at.oracle, header, at.locale);
  if (date.ok) return { text: formatWallDate(date.value), problem: null };
  const typed = text || String(value);
  return {
    text: typed,
    problem: `${header} “${typed}” is not a date: type one such as 2028-06-30 to fix it.`,
  };
}
