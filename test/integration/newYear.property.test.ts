// Start the next year over varied plans (fast-check, several zones): every row in one place, IDs unique, links resolve, a sync after it quiet.
import fc from 'fast-check';
import type { SyncReport } from '../../src/domain/calendarSync/report';
import { readArchive } from '../../src/domain/newYear/archive';
import {
  calendarIdOf,
  GOAL_REF,
  OUTCOME_REFS,
  type PlanSpec,
  startNextYear,
  yearsPlan,
} from '../harness/newYearPlan';
import { sidebarCall } from '../harness/sidebarCall';
import { rowsOf } from '../harness/workbook';

const ZONES = ['America/Los_Angeles', 'Europe/Berlin', 'Pacific/Auckland', 'Asia/Kolkata'];
/** The last day of 2027–28, the year a start on 15 August 2028 closes. */
const YEAR_END = '2028-07-31';

/** A start date as partners type it: a day across three school years, with a time, or unreadable. */
const startDate = fc.oneof(
  fc
    .integer({ min: 0, max: 365 * 3 })
    .map((d) => new Date(Date.UTC(2026, 8, 1) + d * 86_400_000).toISOString().slice(0, 10)),
  fc.constantFrom('2028-07-31', '2028-08-01', '2027-08-01', '2027-07-31 16:00', 'next spring'),
);

const spec: fc.Arbitrary<PlanSpec> = fc.record({
  activities: fc
    .array(
      fc.record({
        startDate,
        status: fc.constantFrom('Planned', 'Done', 'Draft', ''),
        goal: fc.constantFrom(GOAL_REF, ''),
        outcome: fc.constantFrom(OUTCOME_REFS.O1, OUTCOME_REFS.O2, ''),
      }),
      { maxLength: 7 },
    )
    .map((rows) => rows.map((r, i) => ({ ...r, title: `Activity ${i + 1}` }))),
  measurements: fc.array(
    fc.record({
      outcomeId: fc.constantFrom('O1' as const, 'O2' as const),
      date: startDate.filter((d) => /^\d{4}-\d\d-\d\d$/.test(d)),
      value: fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`),
    }),
    { maxLength: 4 },
  ),
});

/** The day a typed start date names ('' when nobody can read it). */
const dayTyped = (text: string) => (/^\d{4}-\d\d-\d\d/.test(text) ? text.slice(0, 10) : '');

describe('start the next year over varied plans', () => {
  it('every activity row ends in exactly one place, IDs are unique across both, links resolve, and a sync after it changes no event', () => {
    fc.assert(
      fc.property(spec, fc.constantFrom(...ZONES), (plan, zone) => {
        const { ws, addon } = yearsPlan(plan, { spreadsheetTimeZone: zone });
        const events = ws.calendar.allEvents(calendarIdOf(ws));
        startNextYear(addon);
        const live = rowsOf(ws, 'Calendar');
        const archive = readArchive(ws.sheets.table('Archive 2027–28'));
        const at = (h: string) => archive.activities.headers.indexOf(h);
        const archived = archive.activities.rows.map((r) =>
          Object.fromEntries(archive.activities.headers.map((h, i) => [h, r.values[i]])),
        );
        // Exactly one place each, and the right one: the archive holds the days up to 31 July 2028.
        const titles = [...live, ...archived].map((r) => String(r.Title)).sort();
        expect(titles).toEqual(plan.activities.map((a) => a.title).sort());
        for (const a of plan.activities) {
          const day = dayTyped(a.startDate);
          const inArchive = archived.some((r) => r.Title === a.title);
          expect(inArchive).toBe(day !== '' && day <= YEAR_END);
        }
        // IDs unique across live and archive.
        const ids = [...live, ...archived].map((r) => String(r['Activity ID'])).filter(Boolean);
        expect(new Set(ids).size).toBe(ids.length);
        // Links still resolve: every goal and outcome named is on its tab.
        const goals = new Set(rowsOf(ws, 'Goals').map((g) => g['Goal ID']));
        const outcomes = new Set(rowsOf(ws, 'Outcomes').map((o) => o['Outcome ID']));
        for (const r of [...live, ...archived]) {
          const goal = String(r['Linked goal'] ?? '').split(' ')[0];
          const outcome = String(r['Linked outcome'] ?? '').split(' ')[0];
          if (goal) expect(goals.has(goal)).toBe(true);
          if (outcome) expect(outcomes.has(outcome)).toBe(true);
        }
        expect(at('Event ID')).toBeGreaterThanOrEqual(0);
        expect(rowsOf(ws, 'Progress').length + archive.measurements.rows.length).toBe(
          plan.measurements.length,
        );
        // The sync after it: nothing deleted or updated, every event as it was.
        const report = sidebarCall(addon, 'syncCalendar') as SyncReport;
        expect([report.deleted, report.updated]).toEqual([0, 0]);
        expect(ws.calendar.allEvents(calendarIdOf(ws))).toEqual(events);
      }),
      { numRuns: 8 },
    );
  });
});
