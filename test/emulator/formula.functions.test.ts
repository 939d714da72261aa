// N, ISNUMBER, LEFT and HYPERLINK in the emulator's formula engine: what the add-on's conditional-format rules use.
import { type EvalContext, evaluate, FormulaError } from '../../emulator/spreadsheet/formula';

/** A sheet whose A1 holds a number, B1 text, C1 TRUE, D1 nothing. */
const ctx: EvalContext = {
  sheetName: 'S',
  cell: (_s, r, c) =>
    r === 1
      ? ({ 1: { v: 46695, date: true }, 2: { v: 'OK: synced' }, 3: { v: true } }[c] ?? { v: '' })
      : { v: '' },
  size: () => ({ rows: 10, cols: 10 }),
  today: () => 46000,
  now: () => 46000.5,
};
const value = (formula: string) => {
  const { v } = evaluate(formula, ctx);
  return v instanceof FormulaError ? v.code : v;
};

describe('formula functions', () => {
  it.each([
    ['=N(A1)', 46695],
    ['=N(B1)', 0],
    ['=N(C1)', 1],
    ['=N(D1)', 0],
    ['=N("swp:marker")=0', true],
    ['=ISNUMBER(A1)', true],
    ['=ISNUMBER(B1)', false],
    ['=ISNUMBER(D1)', false],
    ['=LEFT(B1,2)', 'OK'],
    ['=LEFT(B1)', 'O'],
    ['=LEFT(B1,0)', ''],
    ['=LEFT(B1,-1)', '#VALUE!'],
    ['=HYPERLINK("#gid=1&range=A5","Calendar row 5")', 'Calendar row 5'],
    ['=HYPERLINK("https://example.org")', 'https://example.org'],
    ['=AND(ISNUMBER($A1),$A1>TODAY(),N("x")=0)', true],
  ])('%s is %p', (formula, expected) => {
    expect(value(formula)).toBe(expected);
  });
});
