// A1 column letters, for the formulas the add-on writes (conditional formatting, totals).

/** 1 → A, 26 → Z, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A sheet name as a formula reference: always quoted, inner quotes doubled ('Bob''s tab'). */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
