// The dashboard's figures on generated plans, checked against counts computed here a second, plainer way.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { computeDashboard } from '../../src/domain/dashboard/compute';
import { dashboardLayout } from '../../src/domain/dashboard/layout';
import type { DashboardPlan } from '../../src/domain/dashboard/read';
import { VERDICT_CONCERN, type Verdict } from '../../src/domain/progress/indicator';

const DAY0 = Date.UTC(2027, 0, 1) / 86_400_000;
const iso = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
const aDay = fc.integer({ min: DAY0, max: DAY0 + 500 }).map(iso);
const maybeDay = fc.option(aDay, { nil: null });
const NAMES = ['Riverside YMCA', 'Food Bank', 'Library', 'Clinic', 'University'];
/** A partner's name as partners type it in other tabs: case and spaces vary. */
const typedName = fc
  .tuple(fc.constantFrom(...NAMES), fc.constantFrom('same', 'lower', 'upper', 'spaced', 'doubled'))
  .map(([n, how]) =>
    how === 'lower'
      ? n.toLowerCase()
      : how === 'upper'
        ? n.toUpperCase()
        : how === 'spaced'
          ? ` ${n} `
          : how === 'doubled'
            ? n.replace(/ /g, '  ').replace(/^/, '\t')
            : n,
  );
const at = (tab: string) => fc.integer({ min: 2, max: 999 }).map((row) => ({ tab, row }));

const plans: fc.Arbitrary<DashboardPlan> = fc.record({
  steps: fc.array(
    fc.record({
      ...{ tab: fc.constant('Partnership'), row: fc.integer({ min: 2, max: 20 }) },
      id: fc.constant('S1'),
      step: fc.constant('A step'),
      status: fc.constantFrom('Not started', 'In progress', 'Done', 'Not needed', ''),
      owner: fc.constant(''),
      due: maybeDay,
    }),
    { maxLength: 10 },
  ),
  partners: fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: NAMES.length }).chain((names) =>
    fc.tuple(
      ...names.map((name, i) =>
        fc.record({
          tab: fc.constant('Partners'),
          row: fc.constant(i + 2),
          name: fc.constant(name),
          // The lead organisation is a row like the others (the first, or none).
          lead: i === 0 ? fc.boolean() : fc.constant(false),
          mouStatus: fc.constantFrom('Signed', 'Drafting', ''),
          agreementEnd: maybeDay,
        }),
      ),
    ),
  ),
  outcomes: fc.array(
    fc.record({
      tab: fc.constant('Outcomes'),
      row: fc.integer({ min: 2, max: 50 }),
      id: fc.integer({ min: 1, max: 9 }).map((n) => `O${n}`),
      goalId: fc.constant('G1'),
      outcome: fc.constant('An outcome'),
      indicator: fc.constant('A count'),
      baselineText: fc.constant('10'),
      targetText: fc.constant('20'),
      baseline: fc.constant(10),
      target: fc.constant(20),
      targetDate: maybeDay,
      status: fc.constantFrom('On track', 'Achieved', ''),
    }),
    { maxLength: 6 },
  ),
  activities: fc.array(
    fc.tuple(maybeDay, fc.integer({ min: 0, max: 5 })).chain(([start, length]) =>
      fc.record({
        tab: fc.constant('Calendar'),
        row: fc.integer({ min: 2, max: 999 }),
        id: fc.constant('A1'),
        title: fc.constant('An activity'),
        type: fc.constantFrom('Meeting', 'Event', 'Other'),
        start: fc.constant(start),
        end: fc.constant(start ? iso(Date.parse(start) / 86_400_000 + length) : null),
        status: fc.constantFrom('Draft', 'Planned', 'Confirmed', 'Done', 'Cancelled', ''),
        lead: fc.oneof(typedName, fc.constant('')),
        participants: fc.array(typedName, { maxLength: 3 }),
      }),
    ),
    { maxLength: 25 },
  ),
  findings: fc.array(
    fc.tuple(at('Assessments'), typedName).map(([a, partner]) => ({ ...a, partner })),
    {
      maxLength: 10,
    },
  ),
  progress: fc.constant([]),
});

/** How a person compares names: case, and any run of spaces, do not count. */
const is = (a: string, b: string) => {
  const plain = (s: string) => s.toLowerCase().split(/\s+/).filter(Boolean).join(' ');
  return plain(a) === plain(b);
};
const daysAfter = (day: string, n: number) => iso(Date.parse(day) / 86_400_000 + n);

describe('the dashboard on generated plans', () => {
  it('counts overdue items, the next 30 days, expiring agreements and participation as a person would', () => {
    fc.assert(
      fc.property(plans, aDay, (plan, today) => {
        const d = computeDashboard(plan, today);
        let overdueSteps = 0;
        for (const s of plan.steps)
          if (s.due !== null && s.due < today && s.status !== 'Done' && s.status !== 'Not needed')
            overdueSteps++;
        let overdueActivities = 0;
        let upcoming = 0;
        for (const a of plan.activities) {
          if (a.end !== null && a.end < today && a.status !== 'Done' && a.status !== 'Cancelled')
            overdueActivities++;
          if (
            a.start !== null &&
            a.start >= today &&
            a.start <= daysAfter(today, 30) &&
            a.status !== 'Cancelled'
          )
            upcoming++;
        }
        let overdueOutcomes = 0;
        for (const o of plan.outcomes)
          if (o.targetDate !== null && o.targetDate < today && o.status !== 'Achieved')
            overdueOutcomes++;
        const kinds = (k: string) => d.overdue.filter((o) => o.kind === k).length;
        expect([kinds('Step'), kinds('Activity'), kinds('Outcome')]).toEqual([
          overdueSteps,
          overdueActivities,
          overdueOutcomes,
        ]);
        expect(d.upcoming).toHaveLength(upcoming);
        expect(d.expiringAgreements).toBe(
          plan.partners.filter(
            (p) =>
              p.agreementEnd !== null &&
              p.agreementEnd >= today &&
              p.agreementEnd <= daysAfter(today, 60),
          ).length,
        );
        for (const p of plan.partners) {
          const line = d.participation.find((x) => x.partner === p.name);
          const led = plan.activities.filter((a) => is(a.lead, p.name));
          const joined = plan.activities.filter((a) => a.participants.some((x) => is(x, p.name)));
          const findings = plan.findings.filter((f) => is(f.partner, p.name)).length;
          let last: string | null = null;
          for (const a of [...led, ...joined])
            if (
              a.start !== null &&
              a.start <= today &&
              a.status !== 'Cancelled' &&
              (last === null || a.start > last)
            )
              last = a.start;
          expect(line).toMatchObject({
            led: led.length,
            ledDone: led.filter((a) => a.status === 'Done').length,
            joined: joined.length,
            findings,
            lastActivity: last,
            // The lead organisation is counted apart: never a "silent partner".
            silent: !p.lead && led.length + joined.length + findings === 0,
            lead: p.lead,
          });
        }
        expect(d.participation.map((x) => x.lead)).toEqual(
          [...plan.partners].sort((a, b) => Number(b.lead) - Number(a.lead)).map((x) => x.lead),
        );
        // Every overdue item and upcoming activity is linked to its row on the tab.
        const layout = dashboardLayout(d, 'Plan', 'en_US');
        const linked = new Set(layout.links.map((l) => `${l.target.tab}!${l.target.row}`));
        for (const o of d.overdue) expect(linked.has(`${o.tab}!${o.row}`)).toBe(true);
        expect(new Set(layout.values.map((r) => r.length)).size).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it('puts the overdue count in the sentence at the top', () => {
    const plan: DashboardPlan = {
      steps: [],
      partners: [],
      outcomes: [],
      findings: [],
      progress: [],
      activities: [1, 2, 3].map((row) => ({
        tab: 'Calendar',
        row,
        id: `A${row}`,
        title: `Activity ${row}`,
        type: 'Meeting',
        start: '2027-02-01',
        end: '2027-02-01',
        status: 'Planned',
        lead: '',
        participants: [],
      })),
    };
    expect(computeDashboard(plan, '2027-03-01').summary).toBe(
      '3 activities overdue; no activity in the next 30 days.',
    );
    expect(computeDashboard(plan, '2027-01-15').summary).toBe(
      'Nothing overdue; 3 activities in the next 30 days.',
    );
  });

  it('never reads the clock: "today" is given by the caller', () => {
    const folder = join(__dirname, '../../src/domain/dashboard');
    for (const file of readdirSync(folder)) {
      const text = readFileSync(join(folder, file), 'utf8');
      expect(text).not.toMatch(/Date\.now|new Date\(\)/);
    }
  });
});

/** Plans whose outcomes have distinct IDs and measurements on varied days and values. */
const measuredPlans = fc
  .tuple(
    plans,
    fc.array(
      fc.record({
        outcome: fc.integer({ min: 1, max: 9 }),
        day: aDay,
        value: fc.integer({ min: 0, max: 30 }),
      }),
      { maxLength: 20 },
    ),
  )
  .map(([plan, measures]): DashboardPlan => {
    const seen = new Set<string>();
    const outcomes = plan.outcomes.filter((o) => !seen.has(o.id) && seen.add(o.id));
    return {
      ...plan,
      outcomes,
      progress: measures.map((m, i) => ({
        tab: 'Progress',
        row: i + 2,
        outcomeId: `O${m.outcome}`,
        day: m.day,
        value: m.value,
      })),
    };
  });

describe('one verdict rule for the headline and the indicator table', () => {
  it('names each indicator in the headline under the phrase of the verdict its table row shows', () => {
    fc.assert(
      fc.property(measuredPlans, aDay, (plan, today) => {
        const d = computeDashboard(plan, today);
        const layout = dashboardLayout(d, 'Plan', 'en_GB');
        const header = layout.values.findIndex((r) => r[0] === 'Outcome' && r[7] === 'Verdict');
        const shownVerdicts = d.indicators.map((_, i) => String(layout.values[header + 1 + i][7]));
        for (const verdict of Object.keys(VERDICT_CONCERN) as Verdict[]) {
          const phrase = VERDICT_CONCERN[verdict];
          if (!phrase) continue;
          const ids = d.indicators.filter((_, i) => shownVerdicts[i] === verdict);
          const said = `of ${ids.map((i) => i.outcome.id).join(', ')} ${ids.length === 1 ? phrase.one : phrase.many}`;
          if (ids.length) expect(d.summary).toContain(said);
          else {
            expect(d.summary).not.toContain(phrase.one);
            expect(d.summary).not.toContain(phrase.many);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('calls an indicator whose target date is still ahead at risk, never behind', () => {
    const plan: DashboardPlan = {
      steps: [],
      partners: [],
      activities: [],
      findings: [],
      outcomes: [
        {
          tab: 'Outcomes',
          row: 2,
          id: 'O4',
          goalId: 'G1',
          outcome: 'More readers',
          indicator: 'Share at benchmark',
          baselineText: '40%',
          targetText: '75%',
          baseline: 40,
          target: 75,
          targetDate: '2027-06-30',
          status: '',
        },
      ],
      progress: [
        { tab: 'Progress', row: 2, outcomeId: 'O4', day: '2027-01-10', value: 52 },
        { tab: 'Progress', row: 3, outcomeId: 'O4', day: '2027-02-10', value: 50 },
      ],
    };
    const d = computeDashboard(plan, '2027-03-01');
    expect(d.indicators[0].verdict).toBe('At risk');
    expect(d.summary).toMatch(/^Indicator of O4 at risk of missing its target;/);
    expect(d.summary).not.toContain('behind');
    const layout = dashboardLayout(d, 'Plan', 'en_US');
    const row = layout.values.find((r) => String(r[0]).startsWith('O4 · '));
    // The latest value as the baseline and target were typed, dates as the locale writes them.
    expect(row?.slice(2, 8)).toEqual(['40%', '50%', '2/10/2027', '75%', '6/30/2027', 'At risk']);
  });
});
