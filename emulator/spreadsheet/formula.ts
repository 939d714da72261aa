// A deliberately small formula engine for the emulator: enough for totals, counts and IF/TODAY.
//
// Supported: numbers, strings, TRUE/FALSE, + - * / ^ & and comparisons, cell refs and ranges on
// the same or a named sheet, and the functions in FUNCTIONS below. Unknown functions evaluate to
// '#NAME?' and text that does not parse to '#ERROR!' (V: the error codes Sheets shows; which
// inputs trigger which code is (I) beyond these two cases).
import { columnLetter, columnNumber, quoteSheetName } from './a1';

export class FormulaError {
  constructor(readonly code: string) {}
}

export type Prim = number | string | boolean | FormulaError;
/** A value with a hint that it is a date serial (so the cell shows and returns a Date). */
export interface Val {
  v: Prim;
  date?: boolean;
}
interface RangeVal {
  cells: Val[][];
}

export interface EvalContext {
  /** Name of the sheet the formula lives on. */
  sheetName: string;
  /** The evaluated value of a cell; '' when empty; a FormulaError for a missing sheet. */
  cell(sheetName: string, row: number, col: number): Val;
  size(sheetName: string): { rows: number; cols: number } | null;
  /** Today's serial (wall date in the spreadsheet zone) and now's serial. */
  today(): number;
  now(): number;
}

// ---------- tokens ----------

interface RefEnd {
  col?: number;
  row?: number;
  colAbs: boolean;
  rowAbs: boolean;
}
export interface RefToken {
  type: 'ref';
  start: number;
  end: number;
  sheet?: string;
  a: RefEnd;
  b?: RefEnd;
}
type Token =
  | { type: 'num'; value: number; start: number; end: number }
  | { type: 'str'; value: string; start: number; end: number }
  | { type: 'bool'; value: boolean; start: number; end: number }
  | { type: 'func'; name: string; start: number; end: number }
  | { type: 'op'; value: string; start: number; end: number }
  | RefToken;

const END_RE = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)/;
const COL_RE = /^(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_(])/;
const ROW_RE = /^(\$?)(\d+)/;

function readRef(src: string, pos: number): { token: RefToken; len: number } | null {
  let i = pos;
  let sheet: string | undefined;
  if (src[i] === "'") {
    let j = i + 1;
    let name = '';
    while (j < src.length) {
      if (src[j] === "'" && src[j + 1] === "'") {
        name += "'";
        j += 2;
      } else if (src[j] === "'") break;
      else name += src[j++];
    }
    if (src[j] !== "'" || src[j + 1] !== '!') return null;
    sheet = name;
    i = j + 2;
  } else {
    const m = /^([A-Za-z_][A-Za-z0-9_.]*)!/.exec(src.slice(i));
    if (m) {
      sheet = m[1];
      i += m[0].length;
    }
  }
  const rest = src.slice(i);
  let m = END_RE.exec(rest);
  if (m && !/[A-Za-z0-9_(]/.test(rest[m[0].length] ?? '')) {
    const a: RefEnd = {
      colAbs: m[1] === '$',
      col: columnNumber(m[2]),
      rowAbs: m[3] === '$',
      row: Number(m[4]),
    };
    let len = i - pos + m[0].length;
    let b: RefEnd | undefined;
    const after = src.slice(pos + len);
    if (after[0] === ':') {
      const m2 = END_RE.exec(after.slice(1));
      if (m2) {
        b = {
          colAbs: m2[1] === '$',
          col: columnNumber(m2[2]),
          rowAbs: m2[3] === '$',
          row: Number(m2[4]),
        };
        len += 1 + m2[0].length;
      } else {
        // A2:A (open-ended down)
        const m3 = COL_RE.exec(after.slice(1));
        if (m3) {
          b = { colAbs: m3[1] === '$', col: columnNumber(m3[2]), rowAbs: false };
          len += 1 + m3[0].length;
        }
      }
    }
    return { token: { type: 'ref', start: pos, end: pos + len, sheet, a, b }, len };
  }
  // Whole columns A:C or whole rows 2:5.
  m = COL_RE.exec(rest);
  if (m && rest[m[0].length] === ':') {
    const m2 = COL_RE.exec(rest.slice(m[0].length + 1));
    if (m2) {
      const len = i - pos + m[0].length + 1 + m2[0].length;
      return {
        token: {
          type: 'ref',
          start: pos,
          end: pos + len,
          sheet,
          a: { colAbs: m[1] === '$', col: columnNumber(m[2]), rowAbs: false },
          b: { colAbs: m2[1] === '$', col: columnNumber(m2[2]), rowAbs: false },
        },
        len,
      };
    }
  }
  m = ROW_RE.exec(rest);
  if (m && rest[m[0].length] === ':' && sheet !== undefined) {
    const m2 = ROW_RE.exec(rest.slice(m[0].length + 1));
    if (m2) {
      const len = i - pos + m[0].length + 1 + m2[0].length;
      return {
        token: {
          type: 'ref',
          start: pos,
          end: pos + len,
          sheet,
          a: { rowAbs: m[1] === '$', row: Number(m[2]), colAbs: false },
          b: { rowAbs: m2[1] === '$', row: Number(m2[2]), colAbs: false },
        },
        len,
      };
    }
  }
  return null;
}

/** Tokenises a formula body (without the leading '='); throws on text it cannot read. */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const numM = /^(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?/.exec(src.slice(i));
    // A number unless it is the start of a row range like 2:5 (handled by readRef).
    if (numM && src[i + numM[0].length] !== ':') {
      out.push({ type: 'num', value: Number(numM[0]), start: i, end: i + numM[0].length });
      i += numM[0].length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = '';
      while (j < src.length) {
        if (src[j] === '"' && src[j + 1] === '"') {
          s += '"';
          j += 2;
        } else if (src[j] === '"') break;
        else s += src[j++];
      }
      if (src[j] !== '"') throw new Error('unterminated string');
      out.push({ type: 'str', value: s, start: i, end: j + 1 });
      i = j + 1;
      continue;
    }
    const ref = readRef(src, i);
    if (ref) {
      out.push(ref.token);
      i += ref.len;
      continue;
    }
    const fn = /^([A-Za-z_][A-Za-z0-9_.]*)\s*\(/.exec(src.slice(i));
    if (fn) {
      out.push({ type: 'func', name: fn[1].toUpperCase(), start: i, end: i + fn[1].length });
      i += fn[1].length;
      continue;
    }
    const word = /^(TRUE|FALSE)(?![A-Za-z0-9_])/i.exec(src.slice(i));
    if (word) {
      out.push({ type: 'bool', value: word[1].toUpperCase() === 'TRUE', start: i, end: i + 4 });
      i += word[0].length;
      continue;
    }
    const op = /^(<=|>=|<>|[-+*/^&=<>(),%;])/.exec(src.slice(i));
    if (op) {
      out.push({ type: 'op', value: op[1] === ';' ? ',' : op[1], start: i, end: i + op[1].length });
      i += op[1].length;
      continue;
    }
    throw new Error(`unexpected ${ch}`);
  }
  return out;
}

// ---------- parse ----------

type Node =
  | { k: 'lit'; v: Prim }
  | { k: 'ref'; ref: RefToken }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'un'; op: string; x: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'pct'; x: Node };

function parse(tokens: Token[]): Node {
  let pos = 0;
  const peekOp = (...ops: string[]) => {
    const t = tokens[pos];
    return t?.type === 'op' && ops.includes(t.value) ? t.value : null;
  };
  const expect = (op: string) => {
    if (!peekOp(op)) throw new Error(`expected ${op}`);
    pos++;
  };
  const binary = (next: () => Node, ops: string[]) => (): Node => {
    let a = next();
    for (let op = peekOp(...ops); op; op = peekOp(...ops)) {
      pos++;
      a = { k: 'bin', op, a, b: next() };
    }
    return a;
  };
  const primary = (): Node => {
    const t = tokens[pos++];
    if (!t) throw new Error('unexpected end');
    switch (t.type) {
      case 'num':
        return { k: 'lit', v: t.value };
      case 'str':
        return { k: 'lit', v: t.value };
      case 'bool':
        return { k: 'lit', v: t.value };
      case 'ref':
        return { k: 'ref', ref: t };
      case 'func': {
        expect('(');
        const args: Node[] = [];
        if (!peekOp(')')) {
          args.push(comparison());
          while (peekOp(',')) {
            pos++;
            args.push(comparison());
          }
        }
        expect(')');
        return { k: 'call', name: t.name, args };
      }
      case 'op':
        if (t.value === '(') {
          const x = comparison();
          expect(')');
          return x;
        }
        throw new Error(`unexpected ${t.value}`);
    }
  };
  const postfix = (): Node => {
    let x = primary();
    while (peekOp('%')) {
      pos++;
      x = { k: 'pct', x };
    }
    return x;
  };
  const unary = (): Node => {
    const op = peekOp('-', '+');
    if (op) {
      pos++;
      return { k: 'un', op, x: unary() };
    }
    return postfix();
  };
  const power = binary(unary, ['^']);
  const term = binary(power, ['*', '/']);
  const additive = binary(term, ['+', '-']);
  const concat = binary(additive, ['&']);
  const comparison: () => Node = binary(concat, ['=', '<>', '<', '>', '<=', '>=']);
  const node = comparison();
  if (pos !== tokens.length) throw new Error('trailing tokens');
  return node;
}

// ---------- evaluate ----------

const ERR = {
  name: new FormulaError('#NAME?'),
  value: new FormulaError('#VALUE!'),
  div0: new FormulaError('#DIV/0!'),
  ref: new FormulaError('#REF!'),
  na: new FormulaError('#N/A'),
  error: new FormulaError('#ERROR!'),
};

function toNumber(v: Prim): number | FormulaError {
  if (v instanceof FormulaError) return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === '') return 0;
  const n = Number(v);
  return Number.isFinite(n) && v.trim() !== '' ? n : ERR.value;
}

function toBool(v: Prim): boolean | FormulaError {
  if (v instanceof FormulaError) return v;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v === '') return false;
  const u = v.toUpperCase();
  if (u === 'TRUE') return true;
  if (u === 'FALSE') return false;
  return ERR.value;
}

function toText(v: Prim): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(Number(v.toPrecision(15)));
  return v instanceof FormulaError ? v.code : v;
}

/** Sheets' ordering: numbers < text < booleans; text compares case-insensitively. */
function compare(a: Prim, b: Prim): number {
  const rank = (x: Prim) => (typeof x === 'number' ? 0 : typeof x === 'string' ? 1 : 2);
  const aa = a === '' && typeof b === 'number' ? 0 : a;
  const bb = b === '' && typeof a === 'number' ? 0 : b;
  if (rank(aa) !== rank(bb)) return rank(aa) - rank(bb);
  if (typeof aa === 'string' && typeof bb === 'string') {
    const x = aa.toLowerCase();
    const y = bb.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(aa) - Number(bb);
}

function criteriaMatcher(crit: Prim): (v: Prim) => boolean {
  if (typeof crit === 'number' || typeof crit === 'boolean') return (v) => v === crit;
  if (crit instanceof FormulaError) return () => false;
  const m = /^(<=|>=|<>|=|<|>)?(.*)$/s.exec(crit)!;
  const op = m[1] ?? '=';
  const rhsText = m[2];
  const rhsNum = rhsText.trim() !== '' && Number.isFinite(Number(rhsText)) ? Number(rhsText) : null;
  const wildcard = new RegExp(
    `^${rhsText
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );
  return (v) => {
    if (v instanceof FormulaError) return false;
    if (rhsNum !== null && typeof v === 'number') {
      const c = v - rhsNum;
      return op === '='
        ? c === 0
        : op === '<>'
          ? c !== 0
          : op === '<'
            ? c < 0
            : op === '>'
              ? c > 0
              : op === '<='
                ? c <= 0
                : c >= 0;
    }
    const text = toText(v);
    if (op === '=') return rhsNum === null ? wildcard.test(text) : false;
    if (op === '<>') return !wildcard.test(text);
    if (rhsNum !== null) return false;
    const c = compare(text, rhsText);
    return op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
  };
}

class Evaluator {
  constructor(private readonly ctx: EvalContext) {}

  private range(ref: RefToken): RangeVal | FormulaError {
    const sheet = ref.sheet ?? this.ctx.sheetName;
    const size = this.ctx.size(sheet);
    if (!size) return ERR.ref;
    const r1 = ref.a.row ?? 1;
    const c1 = ref.a.col ?? 1;
    const b = ref.b ?? ref.a;
    const r2 = Math.min(b.row ?? size.rows, size.rows);
    const c2 = Math.min(b.col ?? size.cols, size.cols);
    const cells: Val[][] = [];
    for (let r = Math.min(r1, r2); r <= Math.max(r1, r2); r++) {
      const row: Val[] = [];
      for (let c = Math.min(c1, c2); c <= Math.max(c1, c2); c++)
        row.push(this.ctx.cell(sheet, r, c));
      cells.push(row);
    }
    return { cells };
  }

  /** Evaluates a node that may be a range (for aggregate functions). */
  private values(node: Node): Val[] | FormulaError {
    if (node.k === 'ref') {
      const rv = this.range(node.ref);
      return rv instanceof FormulaError ? rv : rv.cells.flat();
    }
    return [this.eval(node)];
  }

  eval(node: Node): Val {
    switch (node.k) {
      case 'lit':
        return { v: node.v };
      case 'ref': {
        const rv = this.range(node.ref);
        if (rv instanceof FormulaError) return { v: rv };
        // (I) a multi-cell range in a scalar position yields its first cell.
        return rv.cells[0]?.[0] ?? { v: '' };
      }
      case 'pct': {
        const x = toNumber(this.eval(node.x).v);
        return { v: x instanceof FormulaError ? x : x / 100 };
      }
      case 'un': {
        const x = this.eval(node.x);
        const n = toNumber(x.v);
        return { v: n instanceof FormulaError ? n : node.op === '-' ? -n : n, date: x.date };
      }
      case 'bin':
        return this.binary(node.op, this.eval(node.a), this.eval(node.b));
      case 'call':
        return this.call(node.name, node.args);
    }
  }

  private binary(op: string, a: Val, b: Val): Val {
    if (a.v instanceof FormulaError) return a;
    if (b.v instanceof FormulaError) return b;
    if (op === '&') return { v: toText(a.v) + toText(b.v) };
    if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
      const c = compare(a.v, b.v);
      const r =
        op === '='
          ? c === 0
          : op === '<>'
            ? c !== 0
            : op === '<'
              ? c < 0
              : op === '>'
                ? c > 0
                : op === '<='
                  ? c <= 0
                  : c >= 0;
      return { v: r };
    }
    const x = toNumber(a.v);
    const y = toNumber(b.v);
    if (x instanceof FormulaError) return { v: x };
    if (y instanceof FormulaError) return { v: y };
    switch (op) {
      case '+':
        return { v: x + y, date: (a.date ?? false) !== (b.date ?? false) };
      case '-':
        return { v: x - y, date: a.date && !b.date };
      case '*':
        return { v: x * y };
      case '/':
        return { v: y === 0 ? ERR.div0 : x / y };
      default:
        return { v: x ** y };
    }
  }

  private call(name: string, args: Node[]): Val {
    const numbersOf = (strict: boolean): number[] | FormulaError => {
      const out: number[] = [];
      for (const arg of args) {
        const vals = this.values(arg);
        if (vals instanceof FormulaError) return vals;
        for (const { v } of vals) {
          if (v instanceof FormulaError) return v;
          // Aggregates skip text and blanks inside ranges (V: SUM docs); direct args coerce.
          if (typeof v === 'number') out.push(v);
          else if (arg.k !== 'ref' && !strict) {
            const n = toNumber(v);
            if (n instanceof FormulaError) return n;
            out.push(n);
          }
        }
      }
      return out;
    };
    switch (name) {
      case 'SUM': {
        const ns = numbersOf(false);
        return { v: ns instanceof FormulaError ? ns : ns.reduce((s, n) => s + n, 0) };
      }
      case 'MIN':
      case 'MAX': {
        const ns = numbersOf(false);
        if (ns instanceof FormulaError) return { v: ns };
        if (ns.length === 0) return { v: 0 };
        return { v: name === 'MIN' ? Math.min(...ns) : Math.max(...ns) };
      }
      case 'AVERAGE': {
        const ns = numbersOf(false);
        if (ns instanceof FormulaError) return { v: ns };
        return { v: ns.length ? ns.reduce((s, n) => s + n, 0) / ns.length : ERR.div0 };
      }
      case 'COUNT': {
        let n = 0;
        for (const arg of args) {
          const vals = this.values(arg);
          if (vals instanceof FormulaError) return { v: vals };
          n += vals.filter((x) => typeof x.v === 'number').length;
        }
        return { v: n };
      }
      case 'COUNTA': {
        let n = 0;
        for (const arg of args) {
          const vals = this.values(arg);
          if (vals instanceof FormulaError) return { v: vals };
          n += vals.filter((x) => x.v !== '').length;
        }
        return { v: n };
      }
      case 'COUNTIF': {
        if (args.length !== 2) return { v: ERR.na };
        const vals = this.values(args[0]);
        if (vals instanceof FormulaError) return { v: vals };
        const crit = this.eval(args[1]).v;
        const match = criteriaMatcher(crit);
        return { v: vals.filter((x) => match(x.v)).length };
      }
      case 'IF': {
        if (args.length < 2 || args.length > 3) return { v: ERR.na };
        const c = toBool(this.eval(args[0]).v);
        if (c instanceof FormulaError) return { v: c };
        if (c) return this.eval(args[1]);
        return args[2] ? this.eval(args[2]) : { v: false };
      }
      case 'IFERROR': {
        const x = this.eval(args[0]);
        return x.v instanceof FormulaError ? (args[1] ? this.eval(args[1]) : { v: '' }) : x;
      }
      case 'AND':
      case 'OR': {
        const bools: boolean[] = [];
        for (const arg of args) {
          const vals = this.values(arg);
          if (vals instanceof FormulaError) return { v: vals };
          for (const { v } of vals) {
            if (v === '') continue;
            const b = toBool(v);
            if (b instanceof FormulaError) return { v: b };
            bools.push(b);
          }
        }
        return { v: name === 'AND' ? bools.every(Boolean) : bools.some(Boolean) };
      }
      case 'NOT': {
        const b = toBool(this.eval(args[0]).v);
        return { v: b instanceof FormulaError ? b : !b };
      }
      case 'ISBLANK': {
        return { v: this.eval(args[0]).v === '' };
      }
      // (V) N: a number (or date) as itself, TRUE as 1, text and FALSE as 0 (Sheets help: N).
      case 'N': {
        const x = this.eval(args[0]).v;
        if (x instanceof FormulaError) return { v: x };
        return { v: typeof x === 'number' ? x : x === true ? 1 : 0 };
      }
      // (V) ISNUMBER: TRUE for a number, dates included, never for text (Sheets help: ISNUMBER).
      case 'ISNUMBER':
        return { v: typeof this.eval(args[0]).v === 'number' };
      // (V) LEFT(text, [count = 1]) (Sheets help: LEFT).
      case 'LEFT': {
        const x = this.eval(args[0]).v;
        if (x instanceof FormulaError) return { v: x };
        const n = args[1] ? toNumber(this.eval(args[1]).v) : 1;
        if (n instanceof FormulaError) return { v: n };
        if (n < 0) return { v: ERR.value };
        return { v: toText(x).slice(0, Math.floor(n)) };
      }
      // (V) HYPERLINK(url, [link_label]) shows the label, or the URL without one (Sheets help:
      // HYPERLINK, support.google.com/docs/answer/3093313); the link itself is not modelled.
      case 'HYPERLINK': {
        const url = this.eval(args[0]).v;
        if (url instanceof FormulaError) return { v: url };
        const label = args[1] ? this.eval(args[1]).v : url;
        if (label instanceof FormulaError) return { v: label };
        return { v: toText(label) };
      }
      case 'TODAY':
        return { v: this.ctx.today(), date: true };
      case 'NOW':
        return { v: this.ctx.now(), date: true };
      default:
        return { v: ERR.name };
    }
  }
}

/** Evaluates a formula ('=...'). Parse failures give '#ERROR!' (V: the code Sheets shows). */
export function evaluate(formula: string, ctx: EvalContext): Val {
  let node: Node;
  try {
    node = parse(tokenize(formula.replace(/^=/, '')));
  } catch {
    return { v: ERR.error };
  }
  return new Evaluator(ctx).eval(node);
}

// ---------- rewriting references on structural edits ----------

function formatEnd(e: RefEnd): string {
  return (
    (e.col !== undefined ? `${e.colAbs ? '$' : ''}${columnLetter(e.col)}` : '') +
    (e.row !== undefined ? `${e.rowAbs ? '$' : ''}${e.row}` : '')
  );
}

function formatRef(ref: RefToken): string {
  const sheet = ref.sheet !== undefined ? `${quoteSheetName(ref.sheet)}!` : '';
  return `${sheet}${formatEnd(ref.a)}${ref.b ? `:${formatEnd(ref.b)}` : ''}`;
}

/**
 * Rewrites every reference in a formula. `fn` gets a copy of each ref (with `sheet` resolved to
 * the formula's own sheet when absent) and returns the replacement ref, or null for #REF!.
 * Formulas that do not tokenise are returned unchanged.
 */
export function rewriteRefs(
  formula: string,
  ownSheet: string,
  fn: (ref: RefToken, sheet: string) => RefToken | null,
): string {
  let tokens: Token[];
  const body = formula.replace(/^=/, '');
  try {
    tokens = tokenize(body);
  } catch {
    return formula;
  }
  let out = '';
  let last = 0;
  for (const t of tokens) {
    if (t.type !== 'ref') continue;
    const copy: RefToken = { ...t, a: { ...t.a }, b: t.b ? { ...t.b } : undefined };
    const next = fn(copy, t.sheet ?? ownSheet);
    out += body.slice(last, t.start) + (next ? formatRef(next) : '#REF!');
    last = t.end;
  }
  return `=${out}${body.slice(last)}`;
}

/** Applies a row/column insert or delete on `sheet` to one reference. */
export function shiftRefFor(
  ref: RefToken,
  axis: 'rows' | 'cols',
  op: 'insert' | 'delete',
  at: number,
  count: number,
): RefToken | null {
  const key = axis === 'rows' ? 'row' : 'col';
  const b = ref.b ?? ref.a;
  const a = ref.a;
  const lo = a[key];
  const hi = b[key];
  if (lo === undefined || hi === undefined) return ref; // whole rows/cols on the other axis
  if (op === 'insert') {
    if (lo >= at) a[key] = lo + count;
    if (ref.b && hi >= at) ref.b[key] = hi + count;
    return ref;
  }
  const end = at + count - 1;
  if (lo >= at && hi <= end) return null;
  a[key] = lo > end ? lo - count : Math.min(lo, at);
  if (ref.b) ref.b[key] = hi > end ? hi - count : hi >= at ? at - 1 : hi;
  return ref;
}
