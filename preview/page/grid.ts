// The preview's spreadsheet grid, used as in Sheets: click selects, typing replaces, Enter and Tab move, dropdowns, copy and paste.
import { el } from '../../sidebar/common/dom';
import {
  EMPTY_ROWS_BELOW,
  emptyDetails,
  type PreviewGridDetails,
  type PreviewMerge,
  type PreviewRule,
} from '../gridShape';
import type { PreviewSheet, PreviewState } from '../state';
import { chartSvg } from './chart';
import { type Change, type ChangeResult, EditQueue } from './editQueue';

export interface GridHost {
  post(path: string, body: unknown): Promise<ChangeResult>;
  /** Reads the state again and redraws the page. */
  refresh(): Promise<void>;
  notice(message: string, kind?: 'error' | 'warning'): void;
  clearNotice(): void;
}

type Mode = 'idle' | 'enter' | 'edit';
type Clip =
  | { kind: 'row'; sheet: string; row: number; values: string[] }
  | { kind: 'cell'; sheet: string; row: number; col: number; text: string };

export function columnName(index: number): string {
  let name = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

const key = (r: number, c: number) => `${r}:${c}`;
/** Sheets' default row height in pixels (V: Sheets API DimensionProperties default 21). */
const ROW_HEIGHT = 21;
/** The row numbers' column, which stays in view on the left. */
const ROW_NUMBERS_WIDTH = 46;

export class Grid {
  /** The tab on screen, its details always present (plain ones when not sent). */
  private sheet: (PreviewSheet & { grid: PreviewGridDetails }) | null = null;
  private sel = { row: 1, col: 1 };
  private rowSelected = false;
  private mode: Mode = 'idle';
  /** The cell the editor was opened on (it stays there while the selection would move). */
  private editAt = { row: 1, col: 1 };
  private showHidden = false;
  /** Where a run of Tabs started: Enter then goes to the next row in that column, as in Sheets. */
  private tabStart: number | null = null;
  private clip: Clip | null = null;
  /** Typed values not yet in a state read after their answer: drawn over the server's text. */
  private readonly typed = new Map<string, { text: string; seq: number }>();
  private answeredSeq = 0;
  /** Typed values up to this change are in the state being read: the next redraw drops them. */
  private dropTypedUpTo = 0;
  private serverSelection = '';
  private dropdown: { values: string[]; at: number } | null = null;
  private last: { state: PreviewState; sheet: PreviewSheet } | null = null;
  readonly queue: EditQueue;
  readonly editor: HTMLInputElement;
  private readonly list: HTMLElement;
  private readonly bar: HTMLElement;

  constructor(
    private readonly wrap: HTMLElement,
    private readonly host: GridHost,
  ) {
    this.queue = new EditQueue({
      send: (change) => host.post(change.path, change.body),
      answered: (change, result, seq) => this.answered(change, result, seq),
      idle: () => this.refreshAfterAnswers(),
      busy: (on) => {
        wrap.dataset.busy = String(on);
      },
    });
    wrap.dataset.busy = 'false';
    this.editor = el('input', {
      type: 'text',
      class: 'cell-editor',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-label': 'Edit A1',
    });
    this.list = el('div', { class: 'dropdown-list', role: 'listbox', hidden: true });
    this.bar = el('div', { class: 'formula-bar', id: 'formula-bar' });
    wrap.before(this.bar);
    wrap.append(this.editor, this.list);
    this.editor.addEventListener('keydown', (e) => this.keydown(e));
    this.editor.addEventListener('input', () => this.typedChar());
    this.editor.addEventListener('paste', (e) => this.nativePaste(e));
    this.editor.addEventListener('dblclick', () => this.openEditor('edit'));
    // A click elsewhere (a menu, the sidebar) keeps the typing, as Sheets does.
    this.editor.addEventListener('blur', () => this.finishEditing(true));
  }

  /** Draws a sheet; an open editor and its text are left exactly as they are. */
  render(s: PreviewState, sheet: PreviewSheet | undefined): void {
    const table = this.wrap.querySelector('table.grid');
    if (!sheet) {
      this.sheet = null;
      this.last = null;
      table?.remove();
      this.bar.replaceChildren();
      return;
    }
    if (this.dropTypedUpTo) {
      for (const [k, v] of this.typed) if (v.seq <= this.dropTypedUpTo) this.typed.delete(k);
      this.dropTypedUpTo = 0;
    }
    const switched = this.sheet?.name !== sheet.name;
    // Another tab: what was being typed is kept, on the tab it was typed on.
    if (switched) this.finishEditing(true);
    // A tab whose details were not sent (not on screen when the state was read): plain cells.
    this.sheet = {
      ...sheet,
      grid: sheet.grid ?? emptyDetails(sheet.rows.length + EMPTY_ROWS_BELOW),
    };
    this.last = { state: s, sheet };
    if (switched) {
      this.sel = { row: 1, col: this.visibleCols()[0] ?? 1 };
      this.rowSelected = false;
      this.wrap.scrollTo(0, 0);
    }
    const selection =
      s.spreadsheet.selection?.sheet === sheet.name ? s.spreadsheet.selection : null;
    const selectionKey = selection ? `${sheet.name}:${selection.row}:${selection.numRows}` : '';
    const next = this.table(selection);
    // Tests and tools can tell when the tab's dropdowns and colours are drawn.
    if (sheet.grid) next.dataset.detailed = 'true';
    if (table) table.replaceWith(next);
    else this.wrap.prepend(next);
    this.stickFrozen(next);
    this.drawCharts(next);
    // The add-on selected rows (a sidebar link): show them, and put the cursor there, as Sheets does.
    if (selection && selectionKey !== this.serverSelection && this.mode === 'idle') {
      this.sel = { row: selection.row, col: this.visibleCols()[0] ?? 1 };
      next.querySelector('tr.selected')?.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
    this.serverSelection = selectionKey;
    this.place();
  }

  focus(): void {
    this.editor.focus({ preventScroll: true });
  }

  // ---------- drawing ----------

  private visibleCols(): number[] {
    const sheet = this.sheet;
    if (!sheet) return [];
    const width = Math.max(...sheet.rows.map((r) => r.length), 1);
    const hidden = new Set(this.showHidden ? [] : sheet.grid.hiddenCols);
    return Array.from({ length: width }, (_, i) => i + 1).filter((c) => !hidden.has(c));
  }

  private visibleRows(): number[] {
    const sheet = this.sheet;
    if (!sheet) return [];
    const hidden = new Set(this.showHidden ? [] : sheet.grid.hiddenRows);
    return Array.from({ length: sheet.grid.shownRows }, (_, i) => i + 1).filter(
      (r) => !hidden.has(r),
    );
  }

  private text(r: number, c: number): string {
    const sheet = this.sheet;
    if (!sheet) return '';
    return this.typed.get(`${sheet.name}!${key(r, c)}`)?.text ?? sheet.rows[r - 1]?.[c - 1] ?? '';
  }

  private rule(r: number, c: number): PreviewRule | undefined {
    const sheet = this.sheet;
    const index = sheet?.grid.ruleAt[key(r, c)];
    return index === undefined ? undefined : sheet?.grid.rules[index];
  }

  /** What the editor and the formula bar show: the formula, or the text as typed. */
  private raw(r: number, c: number): string {
    const sheet = this.sheet;
    if (!sheet) return '';
    if (this.typed.has(`${sheet.name}!${key(r, c)}`)) return this.text(r, c);
    return sheet.grid.formulas[key(r, c)] ?? this.text(r, c);
  }

  /** Merged blocks by their top-left cell, and every other cell a block covers. */
  private mergeMaps(): { at: Map<string, PreviewMerge>; covered: Set<string> } {
    const at = new Map<string, PreviewMerge>();
    const covered = new Set<string>();
    for (const m of (this.sheet as PreviewSheet & { grid: PreviewGridDetails }).grid.merges) {
      at.set(key(m.row, m.col), m);
      for (let r = m.row; r < m.row + m.rows; r++)
        for (let c = m.col; c < m.col + m.cols; c++)
          if (r !== m.row || c !== m.col) covered.add(key(r, c));
    }
    return { at, covered };
  }

  private table(selection: { row: number; numRows: number } | null): HTMLTableElement {
    const sheet = this.sheet as PreviewSheet & { grid: PreviewGridDetails };
    const cols = this.visibleCols();
    const rows = this.visibleRows();
    const hidden = new Set(sheet.grid.hiddenCols);
    const merges = this.mergeMaps();
    const head = el(
      'tr',
      {},
      el('td', { class: 'corner' }),
      ...cols.map((c) =>
        el(
          'th',
          { scope: 'col', class: hidden.has(c) ? 'hidden-col' : undefined },
          columnName(c - 1),
        ),
      ),
    );
    const body = rows.map((r) => {
      const selected = selection && r >= selection.row && r < selection.row + selection.numRows;
      const classes = [
        r <= sheet.frozenRows ? 'frozen' : '',
        selected ? 'selected' : '',
        this.rowSelected && r === this.sel.row ? 'row-selected' : '',
        this.clip?.kind === 'row' && this.clip.sheet === sheet.name && this.clip.row === r
          ? 'copied'
          : '',
      ];
      const number = el('th', { scope: 'row', 'data-row': String(r) }, String(r));
      number.addEventListener('mousedown', (e) => {
        e.preventDefault();
        this.select(r, this.sel.col, true);
      });
      const tr = el(
        'tr',
        {
          class: classes.join(' ').trim() || undefined,
          'aria-selected': selected ? 'true' : undefined,
        },
        number,
      );
      const height = sheet.grid.rowHeights[r];
      if (height) tr.style.height = `${height}px`;
      cols.forEach((c, i) => {
        if (merges.covered.has(key(r, c))) return;
        const td = this.cell(r, c, hidden.has(c));
        const merge = merges.at.get(key(r, c));
        if (merge) this.drawMerge(td, merge, cols, rows);
        else this.spill(td, r, cols.slice(i + 1), merges.covered);
        tr.append(td);
      });
      return tr;
    });
    // Each column as wide as in the sheet; text beyond it is cut (or wrapped, when the cell wraps).
    const widths = el(
      'colgroup',
      {},
      el('col', { class: 'row-numbers' }),
      ...cols.map((c) => {
        const col = el('col', {});
        col.style.width = `${this.colWidth(c)}px`;
        return col;
      }),
    );
    const table = el(
      'table',
      { class: 'grid', 'aria-label': `Sheet ${sheet.name}` },
      widths,
      el('thead', {}, head),
      el('tbody', {}, ...body),
    );
    // A fixed layout needs the table's own width: the row numbers and every column.
    const total = cols.reduce((sum, c) => sum + this.colWidth(c), 46);
    table.style.width = `${total}px`;
    return table;
  }

  private colWidth(c: number): number {
    return this.sheet?.grid.colWidths[c - 1] ?? 100;
  }

  /**
   * A merged block is one cell over its columns and rows. (S) Sheets does not grow a row to fit
   * a merged cell's wrapped text, so the block keeps its rows' heights and longer text is cut.
   */
  private drawMerge(td: HTMLTableCellElement, m: PreviewMerge, cols: number[], rows: number[]) {
    const sheet = this.sheet as PreviewSheet & { grid: PreviewGridDetails };
    const spanCols = cols.filter((c) => c >= m.col && c < m.col + m.cols);
    const spanRows = rows.filter((r) => r >= m.row && r < m.row + m.rows);
    td.colSpan = Math.max(1, spanCols.length);
    td.rowSpan = Math.max(1, spanRows.length);
    td.classList.add('merged');
    const text = td.querySelector<HTMLElement>('.text');
    if (!text || !td.classList.contains('wrap')) return;
    const height = spanRows.reduce((sum, r) => sum + (sheet.grid.rowHeights[r] ?? ROW_HEIGHT), 0);
    text.style.maxHeight = `${height - 5}px`;
    text.classList.add('fixed');
  }

  /**
   * (V) Sheets lets a cell's text that does not wrap run on over the empty cells to its right, and
   * cuts it at the first cell that holds something: the text box is widened over those cells.
   */
  private spill(td: HTMLTableCellElement, r: number, right: number[], covered: Set<string>) {
    const text = td.querySelector<HTMLElement>('.text');
    if (!text || td.classList.contains('wrap') || this.text(r, Number(td.dataset.col)) === '')
      return;
    let width = this.colWidth(Number(td.dataset.col));
    let edge = true;
    for (const c of right) {
      if (this.text(r, c) !== '' || covered.has(key(r, c)) || this.rule(r, c)) {
        edge = false;
        break;
      }
      width += this.colWidth(c);
    }
    // At the last column the text runs on into the sheet's empty columns: never cut there.
    if (edge) td.dataset.spillEnd = 'edge';
    if (width === this.colWidth(Number(td.dataset.col))) return;
    td.classList.add('spill');
    text.style.width = `${width - 13}px`;
  }

  private cell(r: number, c: number, hiddenCol: boolean): HTMLTableCellElement {
    const sheet = this.sheet as PreviewSheet & { grid: PreviewGridDetails };
    const at = key(r, c);
    const text = this.text(r, c);
    const rule = this.rule(r, c);
    const style = sheet.grid.styles[at];
    const note = sheet.grid.notes[at];
    const classes = [
      note ? 'has-note' : '',
      sheet.grid.invalid.includes(at) ? 'invalid' : '',
      style?.wrap ? 'wrap' : '',
      c <= sheet.grid.frozenCols ? 'frozen-col' : '',
      hiddenCol ? 'hidden-col' : '',
      rule?.kind === 'list' ? 'has-list' : '',
      r === this.sel.row && c === this.sel.col ? 'current' : '',
    ];
    const td = el('td', {
      'data-cell': `${columnName(c - 1)}${r}`,
      'data-row': String(r),
      'data-col': String(c),
      class: classes.join(' ').trim() || undefined,
      title: note || (text.length > 30 ? text : undefined),
    });
    if (style?.background) td.style.background = style.background;
    if (style?.color) td.style.color = style.color;
    if (style?.bold) td.style.fontWeight = 'bold';
    if (style?.size) td.style.fontSize = `${style.size}pt`;
    if (rule?.kind === 'checkbox') {
      const box = el('input', {
        type: 'checkbox',
        tabindex: '-1',
        'aria-label': `${sheet.name}!${columnName(c - 1)}${r}`,
        checked: text === 'TRUE',
      });
      box.addEventListener('click', (e) => {
        e.preventDefault();
        this.select(r, c, false);
        this.edit(r, c, text === 'TRUE' ? 'FALSE' : 'TRUE');
      });
      td.append(box);
    } else {
      const shown = el('span', { class: 'text' }, text);
      const height = sheet.grid.rowHeights[r];
      if (height) {
        shown.style.maxHeight = `${height - 5}px`;
        shown.classList.add('fixed');
      }
      td.append(shown);
    }
    if (rule?.kind === 'list') {
      const arrow = el('button', {
        type: 'button',
        class: 'dropdown-arrow',
        tabindex: '-1',
        'aria-label': `Pick a value for ${columnName(c - 1)}${r}`,
      });
      arrow.addEventListener('mousedown', (e) => {
        e.preventDefault();
        e.stopPropagation();
        this.select(r, c, false);
        this.openList('');
      });
      td.append(arrow);
    }
    td.addEventListener('mousedown', (e) => {
      if ((e.target as HTMLElement).closest('input, button')) return;
      e.preventDefault();
      this.select(r, c, false);
    });
    td.addEventListener('dblclick', () => this.openEditor('edit'));
    return td;
  }

  /** Charts float over the grid from their anchor cell, as in Sheets (they scroll with it). */
  private drawCharts(table: HTMLTableElement): void {
    for (const old of Array.from(this.wrap.querySelectorAll('.sheet-chart'))) old.remove();
    const sheet = this.sheet;
    if (!sheet) return;
    const cols = this.visibleCols();
    for (const chart of sheet.grid.charts) {
      const tr = table.querySelector(`tbody th[data-row="${chart.row}"]`)?.parentElement;
      if (!tr) continue;
      const left = cols
        .filter((c) => c < chart.col)
        .reduce(
          (sum, c) => sum + this.colWidth(c),
          table.tHead?.rows[0]?.cells[0]?.offsetWidth ?? 46,
        );
      const box = el('figure', { class: 'sheet-chart', 'data-chart': chart.title });
      box.style.left = `${table.offsetLeft + left + chart.offsetX}px`;
      box.style.top = `${table.offsetTop + (tr as HTMLElement).offsetTop + chart.offsetY}px`;
      box.append(chartSvg(chart));
      this.wrap.append(box);
    }
  }

  /** Frozen rows and columns stay put while the grid scrolls; their offsets depend on sizes. */
  private stickFrozen(table: HTMLTableElement): void {
    const headHeight = table.tHead?.rows[0]?.offsetHeight ?? 0;
    let top = headHeight;
    for (const tr of Array.from(table.tBodies[0].rows)) {
      if (!tr.classList.contains('frozen')) break;
      for (const cell of Array.from(tr.cells)) cell.style.top = `${top}px`;
      top += tr.offsetHeight;
    }
    const first = table.tBodies[0].rows[0] ?? table.tHead?.rows[0];
    if (!first) return;
    const lefts: number[] = [];
    let left = first.cells[0]?.offsetWidth ?? 0;
    for (const cell of Array.from(first.cells).slice(1)) {
      if (!cell.classList.contains('frozen-col')) break;
      lefts.push(left);
      left += cell.offsetWidth;
    }
    if (!lefts.length) return;
    for (const tr of Array.from(table.rows))
      lefts.forEach((l, i) => {
        const cell = tr.cells[i + 1];
        if (cell) {
          cell.style.left = `${l}px`;
          cell.classList.add('frozen-col');
        }
      });
  }

  private td(r: number, c: number): HTMLTableCellElement | null {
    return this.wrap.querySelector(`td[data-row="${r}"][data-col="${c}"]`);
  }

  /** Puts the (invisible until typing) editor over the selected cell and keeps the focus in it. */
  private place(): void {
    const sheet = this.sheet;
    if (!sheet) return;
    const at = this.mode === 'idle' ? this.sel : this.editAt;
    for (const cur of Array.from(this.wrap.querySelectorAll('td.current')))
      cur.classList.remove('current');
    for (const tr of Array.from(this.wrap.querySelectorAll('tr.row-selected')))
      tr.classList.remove('row-selected');
    const td = this.td(at.row, at.col);
    if (td) {
      td.classList.add('current');
      if (this.rowSelected) td.parentElement?.classList.add('row-selected');
      const box = td.getBoundingClientRect();
      const outer = this.wrap.getBoundingClientRect();
      this.editor.style.left = `${box.left - outer.left + this.wrap.scrollLeft}px`;
      this.editor.style.top = `${box.top - outer.top + this.wrap.scrollTop}px`;
      this.editor.style.minWidth = `${box.width}px`;
      this.editor.style.height = `${box.height}px`;
      // A merged block wider than the view is shown from its left edge, as Sheets does.
      if (this.mode === 'idle' && td.colSpan > 1) {
        td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        const left = td.getBoundingClientRect().left - outer.left + this.wrap.scrollLeft;
        this.wrap.scrollLeft = Math.min(this.wrap.scrollLeft, left - ROW_NUMBERS_WIDTH);
      } else if (this.mode === 'idle') td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
    const address = `${columnName(at.col - 1)}${at.row}`;
    this.editor.setAttribute('aria-label', `Edit ${sheet.name}!${address}`);
    this.editor.classList.toggle('active', this.mode !== 'idle');
    this.renderBar(at.row, at.col);
  }

  /** The cell's name, its whole value (long text readable) and note, and the hidden-columns toggle. */
  private renderBar(r: number, c: number): void {
    const sheet = this.sheet as PreviewSheet & { grid: PreviewGridDetails };
    const note = sheet.grid.notes[key(r, c)];
    const hiddenCount = sheet.grid.hiddenCols.length;
    const parts: HTMLElement[] = [
      el('span', { class: 'cell-name' }, `${columnName(c - 1)}${r}`),
      el('output', { class: 'cell-value', id: 'cell-value' }, this.raw(r, c)),
    ];
    if (note) parts.push(el('span', { class: 'cell-note', title: note }, `Note: ${note}`));
    if (hiddenCount) {
      const columns = hiddenCount === 1 ? '1 hidden column' : `${hiddenCount} hidden columns`;
      const toggle = el(
        'button',
        { type: 'button', id: 'toggle-hidden', 'aria-pressed': String(this.showHidden) },
        this.showHidden ? `Hide the ${columns}` : `Show the ${columns}`,
      );
      toggle.addEventListener('mousedown', (e) => e.preventDefault());
      toggle.addEventListener('click', () => {
        this.showHidden = !this.showHidden;
        if (this.last) this.render(this.last.state, this.last.sheet);
        this.focus();
      });
      parts.push(toggle);
    }
    this.bar.replaceChildren(...parts);
  }

  // ---------- selecting and typing ----------

  private select(row: number, col: number, wholeRow: boolean): void {
    if (this.mode !== 'idle') this.finishEditing(true);
    this.tabStart = null;
    this.closeList();
    this.sel = { row, col };
    this.rowSelected = wholeRow;
    this.place();
    this.focus();
  }

  private move(dRow: number, dCol: number): void {
    const rows = this.visibleRows();
    const cols = this.visibleCols();
    const ri = Math.max(0, rows.indexOf(this.sel.row));
    const ci = Math.max(0, cols.indexOf(this.sel.col));
    const row = rows[Math.min(rows.length - 1, Math.max(0, ri + dRow))] ?? this.sel.row;
    const col = cols[Math.min(cols.length - 1, Math.max(0, ci + dCol))] ?? this.sel.col;
    this.select(row, col, false);
  }

  private openEditor(mode: 'enter' | 'edit', text?: string): void {
    if (!this.sheet || this.rule(this.sel.row, this.sel.col)?.kind === 'checkbox') return;
    this.mode = mode;
    this.editAt = { ...this.sel };
    this.editor.value = text ?? this.raw(this.sel.row, this.sel.col);
    this.place();
    this.focus();
    const end = this.editor.value.length;
    this.editor.setSelectionRange(end, end);
  }

  /** The first key typed on a selected cell replaces its content, as in Sheets. */
  private typedChar(): void {
    if (this.mode === 'idle') {
      if (!this.sheet || this.rule(this.sel.row, this.sel.col)?.kind === 'checkbox') {
        this.editor.value = '';
        return;
      }
      this.mode = 'enter';
      this.editAt = { ...this.sel };
      this.place();
    }
    if (this.rule(this.editAt.row, this.editAt.col)?.kind === 'list')
      this.openList(this.editor.value);
  }

  /** Closes the editor; keeps its text as an edit when `save` and it changed. */
  private finishEditing(save: boolean): void {
    if (this.mode === 'idle') return;
    const { row, col } = this.editAt;
    const text = this.editor.value;
    const before = this.raw(row, col);
    this.mode = 'idle';
    this.editor.value = '';
    this.closeList();
    if (save && text !== before) this.edit(row, col, text);
    this.place();
  }

  /** Queues an edit and draws it at once; the server's answer and state follow in order. */
  private edit(row: number, col: number, text: string): void {
    const sheet = this.sheet;
    if (!sheet) return;
    const change: Change = {
      path: '/api/edit',
      body: { sheet: sheet.name, row, col, text },
      where: `${sheet.name}!${columnName(col - 1)}${row}`,
    };
    const seq = this.queue.push(change);
    this.typed.set(`${sheet.name}!${key(row, col)}`, { text, seq });
    const td = this.td(row, col);
    const shown = td?.querySelector('.text');
    if (shown) shown.textContent = text;
  }

  private keydown(e: KeyboardEvent): void {
    if (this.dropdown && this.listKeys(e)) return;
    const mod = e.ctrlKey || e.metaKey;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      if (this.mode === 'idle' && e.key === 'Enter' && !e.shiftKey) {
        this.openEditor('edit');
        return;
      }
      this.finishEditing(true);
      const back = e.shiftKey ? -1 : 1;
      if (e.key === 'Tab') {
        const start = this.tabStart ?? this.sel.col;
        this.move(0, back);
        this.tabStart = start;
      } else if (this.tabStart !== null && !e.shiftKey) {
        const start = this.tabStart;
        this.move(1, 0);
        this.select(this.sel.row, start, false);
      } else this.move(back, 0);
      return;
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      if (this.mode !== 'idle') this.finishEditing(false);
      else if (this.rowSelected) this.select(this.sel.row, this.sel.col, false);
      return;
    }
    if (this.mode === 'edit') return;
    const step = moves[e.key];
    if (step && !(e.altKey && e.key === 'ArrowDown')) {
      e.preventDefault();
      this.finishEditing(true);
      this.move(step[0], step[1]);
      return;
    }
    if (this.mode === 'enter') return;
    const rule = this.rule(this.sel.row, this.sel.col);
    if (e.key === 'F2') {
      e.preventDefault();
      this.openEditor('edit');
    } else if (e.altKey && e.key === 'ArrowDown' && rule?.kind === 'list') {
      e.preventDefault();
      this.openList('');
    } else if (e.key === ' ' && rule?.kind === 'checkbox') {
      e.preventDefault();
      this.edit(
        this.sel.row,
        this.sel.col,
        this.text(this.sel.row, this.sel.col) === 'TRUE' ? 'FALSE' : 'TRUE',
      );
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      if (this.rowSelected) this.clearRow(this.sel.row);
      else if (this.raw(this.sel.row, this.sel.col) !== '')
        this.edit(this.sel.row, this.sel.col, '');
    } else if (mod && e.key.toLowerCase() === 'c') {
      e.preventDefault();
      this.copy();
    } else if (mod && e.key.toLowerCase() === 'v' && this.clip) {
      e.preventDefault();
      this.paste();
    }
  }

  // ---------- dropdowns ----------

  /** Shows the rule's values under the cell, those containing `filter` when typing. */
  private openList(filter: string): void {
    const at = this.mode === 'idle' ? this.sel : this.editAt;
    const rule = this.rule(at.row, at.col);
    const td = this.td(at.row, at.col);
    if (rule?.kind !== 'list' || !td) return;
    const needle = filter.trim().toLowerCase();
    const values = rule.values.filter((v) => v.toLowerCase().includes(needle));
    if (!values.length) {
      this.closeList();
      return;
    }
    this.dropdown = { values, at: -1 };
    const options = values.map((value, i) => {
      const option = el(
        'div',
        { role: 'option', 'aria-selected': 'false', id: `option-${i}` },
        value,
      );
      option.addEventListener('mousedown', (e) => {
        e.preventDefault();
        this.pick(value);
      });
      return option;
    });
    this.list.replaceChildren(...options);
    this.list.setAttribute('aria-label', `Values for ${columnName(at.col - 1)}${at.row}`);
    const box = td.getBoundingClientRect();
    const outer = this.wrap.getBoundingClientRect();
    this.list.style.left = `${box.left - outer.left + this.wrap.scrollLeft}px`;
    this.list.style.top = `${box.bottom - outer.top + this.wrap.scrollTop}px`;
    this.list.style.minWidth = `${box.width}px`;
    this.list.hidden = false;
    this.editor.setAttribute('aria-controls', 'grid-dropdown');
    this.list.id = 'grid-dropdown';
  }

  private closeList(): void {
    this.dropdown = null;
    this.list.hidden = true;
    this.editor.removeAttribute('aria-controls');
    this.editor.removeAttribute('aria-activedescendant');
  }

  private pick(value: string): void {
    const at = this.mode === 'idle' ? this.sel : this.editAt;
    this.mode = 'idle';
    this.editor.value = '';
    this.closeList();
    if (value !== this.raw(at.row, at.col)) this.edit(at.row, at.col, value);
    this.place();
  }

  /** Arrow keys walk the list, Enter picks the highlighted value; true when the key was used. */
  private listKeys(e: KeyboardEvent): boolean {
    const list = this.dropdown;
    if (!list) return false;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      list.at = (list.at + step + list.values.length) % list.values.length;
      Array.from(this.list.children).forEach((o, i) => {
        o.setAttribute('aria-selected', String(i === list.at));
      });
      this.editor.setAttribute('aria-activedescendant', `option-${list.at}`);
      return true;
    }
    if (e.key === 'Enter' && list.at >= 0) {
      e.preventDefault();
      this.pick(list.values[list.at]);
      return true;
    }
    if (e.key === 'Escape' && this.mode === 'idle') {
      e.preventDefault();
      this.closeList();
      return true;
    }
    return false;
  }

  // ---------- copy and paste ----------

  private copy(): void {
    const sheet = this.sheet;
    if (!sheet) return;
    const { row, col } = this.sel;
    this.clip = this.rowSelected
      ? { kind: 'row', sheet: sheet.name, row, values: [...(sheet.rows[row - 1] ?? [])] }
      : { kind: 'cell', sheet: sheet.name, row, col, text: this.raw(row, col) };
    for (const old of Array.from(this.wrap.querySelectorAll('.copied')))
      old.classList.remove('copied');
    const target = this.rowSelected ? this.td(row, col)?.parentElement : this.td(row, col);
    target?.classList.add('copied');
  }

  /**
   * Ctrl+V as Sheets does it: a copied row lands whole on the selected row (values, formulas,
   * formats, notes and validation, but not the row's developer metadata); a copied cell on the
   * selected cell.
   */
  private paste(): void {
    const sheet = this.sheet;
    const clip = this.clip;
    if (!sheet || !clip) return;
    const { row, col } = this.sel;
    if (clip.kind === 'row' && clip.sheet === sheet.name) {
      this.queue.push({
        path: '/api/copy-row',
        body: { sheet: sheet.name, from: clip.row, to: row },
        where: `${sheet.name}!${row}:${row}`,
      });
    } else {
      const values = clip.kind === 'row' ? [clip.values] : [[clip.text]];
      this.queue.push({
        path: '/api/paste',
        body: { sheet: sheet.name, row, col: clip.kind === 'row' ? 1 : col, values },
        where: `${sheet.name}!${columnName(col - 1)}${row}`,
      });
    }
  }

  /** Delete on a selected row empties its cells (the row itself stays, as in Sheets). */
  private clearRow(row: number): void {
    const sheet = this.sheet;
    if (!sheet) return;
    const width = Math.max(...sheet.rows.map((r) => r.length), 1);
    this.queue.push({
      path: '/api/paste',
      body: { sheet: sheet.name, row, col: 1, values: [Array.from({ length: width }, () => '')] },
      where: `${sheet.name}!${row}:${row}`,
    });
  }

  /** Text pasted from outside (another spreadsheet copies tab-separated lines) lands as values. */
  private nativePaste(e: ClipboardEvent): void {
    if (this.mode !== 'idle' || !this.sheet) return;
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (!text) return;
    e.preventDefault();
    const values = text
      .replace(/\r?\n$/, '')
      .split(/\r?\n/)
      .map((line) => line.split('\t'));
    const { row, col } = this.sel;
    this.queue.push({
      path: '/api/paste',
      body: { sheet: this.sheet.name, row, col, values },
      where: `${this.sheet.name}!${columnName(col - 1)}${row}`,
    });
  }

  // ---------- answers ----------

  private answered(change: Change, result: ChangeResult, seq: number): void {
    this.answeredSeq = seq;
    // A change that went through clears the last refusal or warning, as before the queue.
    if (result.ok && !result.warning) this.host.clearNotice();
    else if (!result.ok) {
      this.host.notice(`${change.where} was not changed: ${result.error ?? 'Sheets refused it.'}`);
    } else if (result.warning) {
      this.host.notice(
        `${change.where} was kept but breaks the column’s rule: ${result.warning}`,
        'warning',
      );
    }
  }

  /**
   * Reads the state once the queue is empty: typed values answered before the read are then the
   * server's, so the redraw drops them (one redraw, not two).
   */
  private async refreshAfterAnswers(): Promise<void> {
    this.dropTypedUpTo = this.answeredSeq;
    await this.host.refresh();
  }
}
