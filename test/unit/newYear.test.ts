// The rules of "Start the next year" in the domain: school years, ID ranges, what moves, and which live rows an archive holds.
import fc from 'fast-check';
import { archiveGrid, readArchive } from '../../src/domain/newYear/archive';
import { idRangesSet, idRangesText } from '../../src/domain/newYear/idRanges';
import {
  type ActivityLine,
  type MeasurementLine,
  planRollover,
} from '../../src/domain/newYear/plan';
import { matchArchived } from '../../src/domain/newYear/removal';
import { schoolYearOf, schoolYearStarting, yearToClose } from '../../src/domain/newYear/schoolYear';

const day = fc
  .integer({ min: 0, max: 365 * 40 })
  .map((d) => new Date(Date.UTC(2000, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));

describe('school years', () => {
  it('every day falls in the school year that starts on the 1 August before it and ends on the 31 July after', () => {
    fc.assert(
      fc.property(day, (d) => {
        const year = schoolYearOf(d);
        expect(year.first <= d && d <= year.last).toBe(true);
        expect(year.first.slice(5)).toBe('08-01');
        expect(year.last.slice(5)).toBe('07-31');
        expect(schoolYearStarting(year.startYear + 1).first > year.last).toBe(true);
      }),
    );
  });

  it('a start in August to October closes last year; from November to July, the year under way', () => {
    expect(yearToClose('2028-08-15').label).toBe('2027–28');
    expect(yearToClose('2028-10-31').label).toBe('2027–28');
    expect(yearToClose('2028-11-01').label).toBe('2028–29');
    expect(yearToClose('2028-06-20').label).toBe('2027–28');
    expect(yearToClose('2029-01-10').label).toBe('2028–29');
    fc.assert(
      fc.property(day, (d) => {
        const closed = yearToClose(d);
        // The year closed has always begun, and ends less than nine months after the day.
        expect(closed.first <= d).toBe(true);
        expect(schoolYearOf(d).startYear - closed.startYear).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('labels a year as people write it, keys it without a dash that could be misread', () => {
    expect(schoolYearStarting(2099)).toMatchObject({ key: '2099-00', label: '2099–00' });
    expect(schoolYearStarting(2027)).toMatchObject({
      key: '2027-28',
      first: '2027-08-01',
      last: '2028-07-31',
    });
  });
});

describe('ID ranges', () => {
  it('read back exactly the IDs written, however they are spread', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('A', 'G', 'O'), fc.integer({ min: 1, max: 400 }))),
        (pairs) => {
          const ids = pairs.map(([p, n]) => `${p}${n}`);
          expect(idRangesSet(idRangesText(ids))).toEqual(new Set(ids));
        },
      ),
    );
    expect(idRangesText(['A1', 'A2', 'A3', 'A7', 'A5', 'A6'])).toBe('A1-3,A5-7');
  });

  it('never loops over millions of numbers for a damaged value', () => {
    expect(idRangesSet('A1-900000000')).toEqual(new Set(['A1-900000000']));
  });
});

const activity = (row: number, start: string | null, id = `A${row}`): ActivityLine => ({
  row,
  id,
  start,
  values: [id, `Activity ${row}`, start ?? 'soon'],
});

describe('what a rollover moves', () => {
  const year = schoolYearStarting(2027);

  it('every activity and measurement goes to exactly one place: archived when dated up to 31 July, else kept', () => {
    fc.assert(
      fc.property(fc.array(fc.option(day, { nil: null }), { maxLength: 30 }), (starts) => {
        const activities = starts.map((s, i) => activity(i + 2, s));
        const plan = planRollover({ year, activities, measurements: [], outcomes: [] });
        expect(plan.activities.length + plan.keptActivities).toBe(activities.length);
        for (const a of activities)
          expect(plan.activities.includes(a)).toBe(a.start !== null && a.start <= year.last);
      }),
    );
  });

  it('the latest readable measurement of the closed year becomes the baseline; the old one is kept', () => {
    const m = (row: number, outcomeId: string, date: string, shown: string): MeasurementLine => ({
      row,
      outcomeId,
      date,
      shown,
      values: [outcomeId, date, shown],
    });
    const plan = planRollover({
      year,
      activities: [],
      measurements: [
        m(2, 'O1', '2028-03-01', '65%'),
        m(3, 'O1', '2027-10-01', '40%'),
        m(4, 'O1', '2028-05-01', 'not measured'),
        m(5, 'O2', '2028-09-01', '99'),
      ],
      outcomes: [
        {
          row: 2,
          id: 'O1',
          outcome: 'Readers',
          indicator: 'Share',
          baseline: '0%',
          target: '60%',
          targetDate: '',
        },
        {
          row: 3,
          id: 'O2',
          outcome: 'Families',
          indicator: 'N',
          baseline: '12',
          target: '',
          targetDate: '',
        },
      ],
    });
    expect(plan.baselines).toEqual([
      expect.objectContaining({
        outcomeId: 'O1',
        old: '0%',
        latest: '65%',
        measuredOn: '2028-03-01',
      }),
    ]);
    expect(plan.measurements).toHaveLength(3);
    expect(plan.keptMeasurements).toBe(1);
  });
});

describe('which live rows the archive holds', () => {
  const year = schoolYearStarting(2027);
  const headers = ['Activity ID', 'Title', 'Start date'];

  function archived(activities: ActivityLine[]) {
    const grid = archiveGrid({
      plan: planRollover({ year, activities, measurements: [], outcomes: [] }),
      planName: 'Plan',
      startedOn: '2028-08-15',
      locale: 'de_DE',
      calendarHeaders: headers,
      progressHeaders: ['Outcome', 'Date', 'Value'],
      calendarFormats: () => [],
      progressFormats: () => [],
    });
    return readArchive(grid.values);
  }

  it('reads back what it wrote, and pairs each archived row with its live row once', () => {
    fc.assert(
      fc.property(fc.array(day, { maxLength: 20 }), (starts) => {
        const activities = starts.map((s, i) => activity(i + 2, s));
        const sections = archived(activities);
        const inYear = activities.filter((a) => a.start !== null && a.start <= year.last);
        expect(sections.activities.rows.map((r) => r.values.slice(0, 3))).toEqual(
          inYear.map((a) => a.values),
        );
        const match = matchArchived(
          sections.activities,
          { headers, rows: activities },
          'Activity ID',
        );
        expect(match.remove.sort()).toEqual(inYear.map((a) => a.row).sort());
        expect(match.updates).toEqual([]);
      }),
    );
  });

  it('an archived activity a partner changed since is copied into the archive before it leaves; a row added since stays', () => {
    const sections = archived([activity(2, '2027-09-01'), activity(3, '2027-10-01')]);
    const changed = { row: 5, values: ['A2', 'Renamed activity', '2027-09-01'] };
    const added = { row: 6, values: ['', 'Typed after the archive', '2027-09-02'] };
    const match = matchArchived(
      sections.activities,
      { headers, rows: [changed, { row: 7, values: activity(3, '2027-10-01').values }, added] },
      'Activity ID',
    );
    expect(match.remove.sort()).toEqual([5, 7]);
    expect(match.updates).toEqual([
      { row: sections.activities.rows[0].row, values: changed.values },
    ]);
  });
});
