// Text the add-on writes stays text and always fits in one cell; text a person saves is refused, never cut.
import fc from 'fast-check';
import { CELL_TEXT_LIMIT, literalCell, overlongCells } from '../../src/domain/table/literal';

describe('literalCell', () => {
  it('keeps formula-like text as text', () => {
    expect(literalCell('=SUM(A1:A3)')).toBe("'=SUM(A1:A3)");
    expect(literalCell('+44 20 7946 0000')).toBe("'+44 20 7946 0000");
    expect(literalCell('plain')).toBe('plain');
    expect(literalCell(42)).toBe(42);
  });

  it('cuts any text over the cell limit with a note, never splitting a character', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: CELL_TEXT_LIMIT - 5, max: CELL_TEXT_LIMIT + 3000 }),
        fc.constantFrom('a', '=', '😀', 'é'),
        (length, unit) => {
          // Whole characters only: the input itself never ends in half of one.
          const text = unit.repeat(Math.floor(length / unit.length));
          const written = String(literalCell(text));
          expect(written.length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
          const needsCut = (unit === '=' ? text.length + 1 : text.length) > CELL_TEXT_LIMIT;
          expect(written.endsWith('at most 50,000 characters)')).toBe(needsCut);
          // A lone high surrogate would show as a broken character.
          expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(written)).toBe(false);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('still reports text a person saves as too long, so it is refused rather than cut', () => {
    expect(overlongCells({ note: 'x'.repeat(CELL_TEXT_LIMIT + 1), ok: 'short' })).toEqual(['note']);
    expect(overlongCells({ formula: `=${'x'.repeat(CELL_TEXT_LIMIT - 1)}` })).toEqual(['formula']);
  });
});
