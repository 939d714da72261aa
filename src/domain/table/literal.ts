// Keeps text as text when the add-on writes it: Sheets reads a leading = (or + - @) as a formula.

/**
 * (V) `setValue(s)` turns a string starting with `=` into a formula; `+`, `-` and `@` starts can be
 * parsed as formulas or numbers too (S). A leading apostrophe makes Sheets store the rest as text
 * and hide the apostrophe (S: the documented way to type literal text in a cell).
 */
export function literalCell(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return /^[=+\-@']/.test(value) ? `'${value}` : value;
}

export function literalRow(values: readonly unknown[]): unknown[] {
  return values.map(literalCell);
}

/** Google's documented limit on one cell's text (V: "Files you can store in Google Drive"). */
export const CELL_TEXT_LIMIT = 50_000;

/** The keys whose text, as written (apostrophe included), would not fit in one cell. */
export function overlongCells(values: Record<string, unknown>): string[] {
  return Object.entries(values)
    .filter(([, value]) => {
      const written = literalCell(value);
      return typeof written === 'string' && written.length > CELL_TEXT_LIMIT;
    })
    .map(([key]) => key);
}
