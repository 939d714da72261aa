// The rules that keep generated tabs readable: measured text, numbers as typed, one date format per locale.
import fc from 'fast-check';
import { measureNumber } from '../../src/domain/progress/indicator';
import {
  formatMeasure,
  indicatorStyle,
  measureLike,
  typedStyle,
} from '../../src/domain/progress/measureFormat';
import { parseDateText } from '../../src/domain/table/cells';
import { breakLines, textWidth } from '../../src/domain/table/textFit';
import { localeDate, localeDateCellFormat } from '../../src/domain/time/localeDate';

describe('a measurement written as its baseline and target were typed', () => {
  it('reads 52 beside 40% and 75% as 52%, and keeps currency, grouping and decimals', () => {
    expect(measureLike(52, '40%', '75%')).toBe('52%');
    expect(measureLike(2500, '$1,000', '$3,000')).toBe('$2,500');
    expect(measureLike(12.5, '10', '20')).toBe('12.5');
    expect(measureLike(3, '2.50', '4.00')).toBe('3.00');
    expect(measureLike(140, '120', '250')).toBe('140');
    expect(measureLike(7, '', '')).toBe('7');
    // A target of "12 of 60" is not one number: the value is shown plainly.
    expect(measureLike(7, '', '12 of 60')).toBe('7');
  });

  const styles = fc.record({
    prefix: fc.constantFrom('', '$', '€', '£'),
    suffix: fc.constantFrom('', '%'),
    grouped: fc.boolean(),
    decimals: fc.integer({ min: 0, max: 3 }),
  });
  const values = fc
    .tuple(fc.integer({ min: 0, max: 50_000_000 }), fc.constantFrom(1, 10, 100))
    .map(([n, d]) => n / d);

  it('keeps the typed signs and gives the value back when read as the sheet reads a measure', () => {
    fc.assert(
      fc.property(styles, values, (style, value) => {
        const typed = formatMeasure(1234.5, style);
        const shown = measureLike(value, '', typed);
        expect(shown.endsWith('%')).toBe(style.suffix === '%');
        expect(shown.startsWith(style.prefix)).toBe(true);
        expect(typedStyle(shown)).toMatchObject({ prefix: style.prefix, suffix: style.suffix });
        // No digit of the value is lost: reading the text back gives the value itself.
        expect(measureNumber(shown)).toBeCloseTo(value, 6);
      }),
      { numRuns: 300 },
    );
  });

  it('takes per cent or currency from either of baseline and target, and the most decimals', () => {
    fc.assert(
      fc.property(styles, styles, (a, b) => {
        const style = indicatorStyle(formatMeasure(10, a), formatMeasure(20, b));
        expect(style.suffix).toBe(a.suffix || b.suffix);
        expect(style.prefix).toBe(b.prefix || a.prefix);
        expect(style.decimals).toBe(Math.max(a.decimals, b.decimals));
      }),
    );
  });
});

describe('text measured for the sheet’s font', () => {
  const words = fc.array(fc.stringMatching(/^[A-Za-z0-9’“”.,:;()·é–-]{1,18}$/), {
    minLength: 1,
    maxLength: 40,
  });

  it('breaks a sentence into lines that each fit, keeping every word in order', () => {
    fc.assert(
      fc.property(words, fc.integer({ min: 150, max: 1400 }), fc.boolean(), (list, width, bold) => {
        const text = list.join(' ');
        const lines = breakLines(text, width, { bold });
        for (const line of lines) expect(textWidth(line, { bold })).toBeLessThanOrEqual(width);
        // Words wider than the line are cut inside; the characters stay the same, in order.
        expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
        if (textWidth(text, { bold }) <= width) expect(lines).toEqual([text]);
      }),
      { numRuns: 300 },
    );
  });

  it('is wider in bold and grows with the font size', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z ]{1,40}$/), (text) => {
        expect(textWidth(text, { bold: true })).toBeGreaterThanOrEqual(textWidth(text));
        expect(textWidth(text, { size: 14 })).toBeGreaterThan(textWidth(text));
      }),
    );
  });
});

describe('one date format, the spreadsheet locale’s', () => {
  it('writes 7 December 2026 as each locale writes its short dates', () => {
    const day = { year: 2026, month: 12, day: 7 };
    expect(localeDate(day, 'en_US')).toBe('12/7/2026');
    expect(localeDate(day, 'en_GB')).toBe('07/12/2026');
    expect(localeDate(day, 'de_DE')).toBe('07.12.2026');
    expect(localeDateCellFormat('en_US')).toBe('m/d/yyyy');
    expect(localeDateCellFormat('en_GB')).toBe('dd/mm/yyyy');
    expect(localeDateCellFormat('de_DE')).toBe('dd.mm.yyyy');
  });

  it('writes dates the add-on reads back as the same day in that locale', () => {
    const locales = ['en_US', 'en_GB', 'de_DE', 'fr_FR', 'es_ES', 'nl_NL', 'sv_SE', 'ja_JP'];
    fc.assert(
      fc.property(
        fc.constantFrom(...locales),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (locale, date) => {
          const day = {
            year: date.getUTCFullYear(),
            month: date.getUTCMonth() + 1,
            day: date.getUTCDate(),
          };
          expect(parseDateText(localeDate(day, locale), locale)).toEqual(day);
        },
      ),
      { numRuns: 300 },
    );
  });
});
