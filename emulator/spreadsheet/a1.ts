// A1 notation for the SpreadsheetApp emulator: column letters, cell/range parsing, formatting.

/** 1 -> 'A', 27 -> 'AA'. */
export function columnLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 'A' -> 1, 'aa' -> 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * A parsed A1 range. Missing row bounds mean "whole columns" (A:C), missing column bounds mean
 * "whole rows" (2:5); both are resolved against the sheet's size by the caller.
 */
export interface ParsedA1 {
  sheetName?: string;
  r1?: number;
  c1?: number;
  r2?: number;
  c2?: number;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function parseEndpoint(text: string): { r?: number; c?: number } | null {
  const m = CELL.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  const r = m[2] ? Number(m[2]) : undefined;
  if (r === 0) return null;
  return { c: m[1] ? columnNumber(m[1]) : undefined, r };
}

/** Splits "'My sheet'!A1:B2" into the sheet name (quotes undone) and the range part. */
export function splitSheet(a1: string): { sheetName?: string; rest: string } {
  const text = a1.trim();
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { rest: text };
  let name = text.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2) {
    name = name.slice(1, -1).replace(/''/g, "'");
  }
  return { sheetName: name, rest: text.slice(bang + 1) };
}

/** Parses A1 notation; returns null when it is not a range (Google then throws "Range not found"). */
export function parseA1(a1: string): ParsedA1 | null {
  const { sheetName, rest } = splitSheet(a1);
  const parts = rest.split(':');
  if (parts.length > 2 || rest === '') return null;
  const a = parseEndpoint(parts[0]);
  const b = parts.length === 2 ? parseEndpoint(parts[1]) : a;
  if (!a || !b) return null;
  // A single endpoint must be a full cell; "A" alone or "5" alone are not ranges.
  if (parts.length === 1 && (a.r === undefined || a.c === undefined)) return null;
  // Both ends must be of the same kind (A1:B2, A:B, 2:5).
  if ((a.r === undefined) !== (b.r === undefined) || (a.c === undefined) !== (b.c === undefined)) {
    // Google accepts "A2:B" (open-ended down) too.
    if (!(a.r !== undefined && a.c !== undefined && b.c !== undefined && b.r === undefined)) {
      return null;
    }
  }
  const out: ParsedA1 = { sheetName };
  if (a.r !== undefined) out.r1 = Math.min(a.r, b.r ?? a.r);
  if (b.r !== undefined) out.r2 = Math.max(a.r ?? b.r, b.r);
  if (a.c !== undefined && b.c !== undefined) {
    out.c1 = Math.min(a.c, b.c);
    out.c2 = Math.max(a.c, b.c);
  }
  return out;
}

/** Quotes a sheet name for A1 notation when needed ('My sheet'!A1). */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** 'A1' or 'A1:B2' (Google returns a single cell without the colon). */
export function formatA1(r1: number, c1: number, r2: number, c2: number): string {
  const start = `${columnLetter(c1)}${r1}`;
  if (r1 === r2 && c1 === c2) return start;
  return `${start}:${columnLetter(c2)}${r2}`;
}
