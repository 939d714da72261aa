// The indicator rule: numbers read as people type them, and verdicts from the trend, in both directions.
import fc from 'fast-check';
import {
  indicatorProgress,
  type Measurement,
  measureNumber,
} from '../../src/domain/progress/indicator';

const iso = (dayNumber: number) => new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
/** Day numbers of 2026–2030. */
const DAY0 = Date.UTC(2026, 0, 1) / 86_400_000;
const aDay = fc.integer({ min: DAY0, max: DAY0 + 4 * 365 });

describe('measureNumber', () => {
  it.each([
    ['45', 45],
    ['45%', 45],
    [' 1,200 ', 1200],
    ['$3,000', 3000],
    ['4.1', 4.1],
    ['-2', -2],
    ['150 families', 150],
    ['.5', 0.5],
  ])('reads %p as %p', (text, expected) => {
    expect(measureNumber(text)).toBe(expected);
  });

  it.each(['', 'many', '12 of 60', '2027-03-04'])(
    'refuses %p (no number, or more than one)',
    (text) => {
      expect(measureNumber(text)).toBeNull();
    },
  );

  it('reads back any number written with thousands separators, a unit or a percent sign', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.constantFrom('', '%', ' families', ' €'),
        (n, unit) => {
          const text = `${n.toLocaleString('en-US')}${unit}`;
          expect(measureNumber(text)).toBe(n);
        },
      ),
    );
  });
});

describe('indicatorProgress', () => {
  const base = { baseline: 40, target: 60, targetDate: '2027-06-30', today: '2027-03-01' };
  const m = (day: string, value: number, row = 2): Measurement => ({ day, value, row });

  it('has nothing to say without a target or a measurement', () => {
    expect(
      indicatorProgress({ ...base, target: null, measurements: [m('2027-01-01', 50)] }).verdict,
    ).toBe('No target');
    expect(indicatorProgress({ ...base, measurements: [] }).verdict).toBe('No measurement yet');
  });

  it('takes the latest by date, not by row, and a later row on the same day', () => {
    const p = indicatorProgress({
      ...base,
      measurements: [m('2027-02-01', 55, 2), m('2026-12-01', 45, 3), m('2027-02-01', 56, 4)],
    });
    expect(p.latest).toEqual(m('2027-02-01', 56, 4));
  });

  it('says Too early to tell with measurements on one day only', () => {
    expect(indicatorProgress({ ...base, measurements: [m('2027-02-01', 45)] }).verdict).toBe(
      'Too early to tell',
    );
  });

  it('says Behind once the target date has passed without the target', () => {
    const p = indicatorProgress({
      ...base,
      today: '2027-07-01',
      measurements: [m('2027-01-01', 45), m('2027-06-01', 59)],
    });
    expect(p.verdict).toBe('Behind');
  });

  it('projects the straight line to the target date: 45 → 50 in 59 days reaches 60 by June, 45 → 46 does not', () => {
    expect(
      indicatorProgress({ ...base, measurements: [m('2027-01-01', 45), m('2027-03-01', 50)] })
        .verdict,
    ).toBe('On track');
    expect(
      indicatorProgress({ ...base, measurements: [m('2027-01-01', 45), m('2027-03-01', 46)] })
        .verdict,
    ).toBe('At risk');
  });

  it('without a target date, asks only whether the trend moves towards the target', () => {
    const rising = [m('2027-01-01', 45), m('2027-02-01', 46)];
    expect(indicatorProgress({ ...base, targetDate: null, measurements: rising }).verdict).toBe(
      'On track',
    );
    expect(
      indicatorProgress({
        ...base,
        targetDate: null,
        measurements: [...rising].map((x, i) => ({ ...x, value: 46 - i })),
      }).verdict,
    ).toBe('At risk');
  });

  const measurements = fc.array(
    fc.record({
      day: aDay.map(iso),
      value: fc.integer({ min: -500, max: 500 }),
      row: fc.integer({ min: 2, max: 500 }),
    }),
    { maxLength: 8 },
  );
  const inputs = fc.record({
    baseline: fc.integer({ min: -500, max: 500 }),
    target: fc.integer({ min: -500, max: 500 }),
    targetDate: fc.option(aDay.map(iso), { nil: null }),
    today: aDay.map(iso),
    measurements,
  });

  it('gives the same verdict when every number is negated ("fewer absences" is as well served as "more readers")', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const negated = {
          ...input,
          baseline: -input.baseline,
          target: -input.target,
          measurements: input.measurements.map((x) => ({ ...x, value: -x.value })),
        };
        // Equal baseline and target have no direction: "up" is assumed, so the mirror differs.
        fc.pre(input.baseline !== input.target);
        expect(indicatorProgress(negated).verdict).toBe(indicatorProgress(input).verdict);
      }),
    );
  });

  it('says Target reached exactly when the latest value is at or past the target', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        fc.pre(input.measurements.length > 0);
        const p = indicatorProgress(input);
        const latest = p.latest as Measurement;
        const reached =
          input.target >= input.baseline
            ? latest.value >= input.target
            : latest.value <= input.target;
        expect(p.verdict === 'Target reached').toBe(reached);
      }),
    );
  });

  it('is On track for measurements on a line that meets the target by the target date, At risk on one that falls short', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 200 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 300 }), { minLength: 2, maxLength: 6 }),
        fc.integer({ min: 1, max: 50 }),
        (gain, offsets, short) => {
          // The last measurement is on day 300 at most; the target date is day 400, and the line
          // meets the target on day 380 (a margin, so rounding cannot flip the verdict).
          const start = DAY0;
          const target = 100 + gain;
          const slope = gain / 380;
          const points = offsets.map((o, i) => m(iso(start + o), 100 + slope * o, i + 2));
          const input = {
            baseline: 100,
            target,
            targetDate: iso(start + 400),
            today: iso(start + 301),
            measurements: points,
          };
          expect(indicatorProgress(input).verdict).toBe('On track');
          const lower = points.map((p) => ({
            ...p,
            value: 100 + ((gain - short) / 400) * (dayOf(p.day) - start),
          }));
          expect(indicatorProgress({ ...input, measurements: lower }).verdict).toBe('At risk');
        },
      ),
    );
  });
});

const dayOf = (isoDay: string) => Date.parse(`${isoDay}T00:00:00Z`) / 86_400_000;
