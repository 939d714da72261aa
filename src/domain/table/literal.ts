// Keeps text as text when the add-on writes it: Sheets reads a leading = (or + - @) as a formula.

/**
 * (V) `setValue(s)` turns a string starting with `=` into a formula; `+`, `-` and `@` starts can be
 * parsed as formulas or numbers too (S). A leading apostrophe makes Sheets store the rest as text
 * and hide the apostrophe (S: the documented way to type literal text in a cell).
 */
export function literalCell(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return fitCell(asLiteral(value));
}

export function literalRow(values: readonly unknown[]): unknown[] {
  return values.map(literalCell);
}

/**
 * Text for a plain-text ('@') cell, shown as typed whatever Sheets does there with a leading
 * apostrophe, which is not documented (it may keep it as a character: "'=Fun run" on the
 * dashboard). Text that would need one is written as a formula giving that text instead.
 */
export function plainTextCell(value: unknown): unknown {
  const cell = literalCell(value);
  if (typeof cell !== 'string' || !cell.startsWith("'")) return cell;
  return `="${cell.slice(1).replace(/"/g, '""')}"`;
}

/** Google's documented limit on one cell's text (V: "Files you can store in Google Drive"). */
export const CELL_TEXT_LIMIT = 50_000;

/** Text as Sheets must receive it to keep it text: a leading apostrophe before a formula-like start. */
function asLiteral(text: string): string {
  return /^[=+\-@']/.test(text) ? `'${text}` : text;
}

const CUT_NOTE = ' … (cut here: a Google Sheets cell holds at most 50,000 characters)';

/**
 * Text the add-on writes that would not fit in one cell (a long list in a generated tab, say) is
 * cut with a note instead of failing the whole write: Sheets refuses the entire setValues. Text a
 * person saves is refused before this (overlongCells), so nothing typed is ever cut.
 */
function fitCell(text: string): string {
  if (text.length <= CELL_TEXT_LIMIT) return text;
  let end = CELL_TEXT_LIMIT - CUT_NOTE.length;
  // Never split a character made of two UTF-16 units.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}${CUT_NOTE}`;
}

/** The keys whose text, as written (apostrophe included), would not fit in one cell. */
export function overlongCells(values: Record<string, unknown>): string[] {
  return Object.entries(values)
    .filter(([, value]) => typeof value === 'string' && asLiteral(value).length > CELL_TEXT_LIMIT)
    .map(([key]) => key);
}

/**
 * Text a person typed elsewhere (a form answer) for a cell that is not plain text: always with one
 * leading apostrophe, so "007", "3/4" or "March 5" stay the words they typed, not a number or a
 * date, and "=…" no formula (S: the apostrophe keeps any text as text and is hidden).
 */
export function typedTextCell(text: string): string {
  return text === '' ? '' : `'${text}`;
}
