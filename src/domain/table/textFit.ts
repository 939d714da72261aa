// Text measured in pixels for Sheets' default font, so generated tabs size columns and break lines from the text itself.

/**
 * Widths in pixels of the printable ASCII characters (space to tilde) at 10 pt, normal and bold.
 * Sheets draws Arial; these are DejaVu Sans's widths (what the preview's Chromium falls back to
 * without Arial), rounded up, which are wider than Arial's for every character: text that fits by
 * this measure fits in Sheets too. `test/browser/tabsReadable.test.ts` checks them against Chromium.
 */
const NORMAL = [
  4.5, 5.5, 6.5, 11.5, 8.5, 13, 10.5, 4, 5.5, 5.5, 7, 11.5, 4.5, 5, 4.5, 4.5, 8.5, 8.5, 8.5, 8.5,
  8.5, 8.5, 8.5, 8.5, 8.5, 8.5, 4.5, 4.5, 11.5, 11.5, 11.5, 7.5, 13.5, 9.5, 9.5, 9.5, 10.5, 8.5, 8,
  10.5, 10.5, 4, 4, 9, 7.5, 11.5, 10, 10.5, 8.5, 10.5, 9.5, 8.5, 8.5, 10, 9.5, 13.5, 9.5, 8.5, 9.5,
  5.5, 4.5, 5.5, 11.5, 7, 7, 8.5, 8.5, 7.5, 8.5, 8.5, 5, 8.5, 8.5, 4, 4, 8, 4, 13, 8.5, 8.5, 8.5,
  8.5, 5.5, 7, 5.5, 8.5, 8, 11, 8, 8, 7, 8.5, 4.5, 8.5, 11.5,
];
const BOLD = [
  5, 6.5, 7, 11.5, 9.5, 13.5, 12, 4.5, 6.5, 6.5, 7, 11.5, 5.5, 6, 5.5, 5, 9.5, 9.5, 9.5, 9.5, 9.5,
  9.5, 9.5, 9.5, 9.5, 9.5, 5.5, 5.5, 11.5, 11.5, 11.5, 8, 13.5, 10.5, 10.5, 10, 11.5, 9.5, 9.5, 11,
  11.5, 5, 5, 10.5, 8.5, 13.5, 11.5, 11.5, 10, 11.5, 10.5, 10, 9.5, 11, 10.5, 15, 10.5, 10, 10, 6.5,
  5, 6.5, 11.5, 7, 7, 9, 10, 8, 10, 9.5, 6, 10, 9.5, 5, 5, 9, 5, 14, 9.5, 9.5, 10, 10, 7, 8, 6.5,
  9.5, 9, 12.5, 9, 9, 8, 9.5, 5, 9.5, 11.5,
];
/** Any other character (accents, curly quotes, dashes, ellipsis): as wide as the widest Latin letter. */
const OTHER = 14;
/** What a cell keeps for itself around its text: padding on both sides and its border. */
export const CELL_PADDING = 14;
/** Sheets' default row height for 10 pt text (V: Sheets API, DimensionProperties). */
export const DEFAULT_ROW_HEIGHT = 21;

export interface Font {
  bold?: boolean;
  /** Points; Sheets' default is 10. */
  size?: number;
}

/** The width of one line of `text` in pixels at 100 % zoom (an upper bound: see NORMAL). */
export function textWidth(text: string, font: Font = {}): number {
  const table = font.bold ? BOLD : NORMAL;
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += code >= 32 && code < 127 ? table[code - 32] : OTHER;
  }
  return (width * (font.size ?? 10)) / 10;
}

/** The widest line of a cell (a cell may hold line breaks), plus the cell's padding. */
export function cellWidth(text: string, font: Font = {}): number {
  return Math.max(...text.split('\n').map((line) => textWidth(line, font))) + CELL_PADDING;
}

/** A word too long for a line, cut into pieces that each fit (a long web address, say). */
function pieces(word: string, width: number, font: Font): string[] {
  const out: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece && textWidth(piece + ch, font) > width) {
      out.push(piece);
      piece = '';
    }
    piece += ch;
  }
  return piece ? [...out, piece] : out;
}

/**
 * `text` broken into lines no wider than `width` pixels of text, at spaces where it can be (as
 * Sheets wraps), inside a word only when the word alone is too wide. Never loses a character:
 * the lines joined by single spaces give the text back with its runs of spaces collapsed.
 */
export function breakLines(text: string, width: number, font: Font = {}): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (textWidth(candidate, font) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      const cut = textWidth(word, font) > width ? pieces(word, width, font) : [word];
      line = cut.pop() ?? '';
      lines.push(...cut);
    }
    lines.push(line);
  }
  return lines;
}

/** A row tall enough for one line of text in `size` points (Sheets grows rows the same way). */
export function rowHeightFor(size = 10): number {
  return Math.max(DEFAULT_ROW_HEIGHT, Math.ceil(size * 1.6) + 6);
}
