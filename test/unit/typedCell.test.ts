// A cell as a sidebar loads it: its option's spelling or yyyy-mm-dd when it reads as one, else as typed with a sentence.
import fc from 'fast-check';
import { OUTCOME_TERMS } from '../../src/domain/schema/tabs';
import { dateCell, optionCell } from '../../src/domain/table/typedCell';
import { intlZoneOracle } from '../harness/intlZoneOracle';

const ZONES = ['America/Chicago', 'Europe/Berlin', 'Asia/Kolkata', 'Pacific/Auckland'];

describe('optionCell', () => {
  it('spells a term however it was cased or padded as the option, with no sentence', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...OUTCOME_TERMS),
        fc.boolean(),
        fc.nat(3),
        (term, upper, pad) => {
          const typed = `${' '.repeat(pad)}${upper ? term.toUpperCase() : term.toLowerCase()} `;
          expect(optionCell(typed, OUTCOME_TERMS, 'Term')).toEqual({ text: term, problem: null });
        },
      ),
    );
  });

  it('keeps anything else as typed (trimmed) and says which options it may be', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }).filter((t) => t.trim() !== ''),
        (typed) => {
          fc.pre(!OUTCOME_TERMS.some((t) => t.toLowerCase() === typed.trim().toLowerCase()));
          const cell = optionCell(typed, OUTCOME_TERMS, 'Term');
          expect(cell.text).toBe(typed.trim());
          expect(cell.problem).toBe(
            `Term “${typed.trim()}” is not one of Short term, Medium term, Long term: pick one to fix it.`,
          );
        },
      ),
    );
  });
});

describe('dateCell', () => {
  it('reads a Date value as the wall date of the sheet’s zone, and typed yyyy-mm-dd as itself', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
        (sheetZone, instant) => {
          const at = { sheetZone, oracle: intlZoneOracle, locale: 'en_US' };
          const w = intlZoneOracle(instant.getTime(), sheetZone);
          const iso = `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
          expect(dateCell(instant, 'shown', 'Target date', at)).toEqual({
            text: iso,
            problem: null,
          });
          expect(dateCell(iso, iso, 'Target date', at)).toEqual({ text: iso, problem: null });
        },
      ),
    );
  });

  it('keeps words that are no date as typed, with a sentence; an empty cell is empty', () => {
    const at = { sheetZone: 'Europe/Berlin', oracle: intlZoneOracle, locale: 'en_GB' };
    for (const typed of ['next spring', 'TBD', 'after the holidays']) {
      expect(dateCell(typed, typed, 'Target date', at)).toEqual({
        text: typed,
        problem: `Target date “${typed}” is not a date: type one such as 2028-06-30 to fix it.`,
      });
    }
    expect(dateCell('', '', 'Target date', at)).toEqual({ text: '', problem: null });
  });
});
