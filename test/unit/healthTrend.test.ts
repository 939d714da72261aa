// The dashboard's health headline and trend: the weakest factor by a plain recount, hidden below 3 people, the latest rounds only.
import fc from 'fast-check';
import { computeDashboard } from '../../src/domain/dashboard/compute';
import { dashboardLayout } from '../../src/domain/dashboard/layout';
import { readDashboardPlan } from '../../src/domain/dashboard/read';
import { FACTOR_NAMES, FACTORS, STATEMENTS } from '../../src/domain/health/questions';
import type { HealthResponse } from '../../src/domain/health/scoring';
import {
  DASHBOARD_TREND_ROUNDS,
  healthHeadline,
  healthTrend,
  oneDecimal,
  type TrendRound,
} from '../../src/domain/health/trend';

const response: fc.Arbitrary<HealthResponse> = fc.record({
  agreement: fc.dictionary(
    fc.constantFrom(...STATEMENTS.map((s) => s.key)),
    fc.integer({ min: 1, max: 5 }),
  ),
  organisation: fc.constantFrom('Library', 'Clinic', ''),
  open: fc.constant({}),
});

const day = fc
  .date({
    min: new Date('2026-01-01T00:00:00Z'),
    max: new Date('2030-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

const round = (i: number): fc.Arbitrary<TrendRound> =>
  fc.record({
    id: fc.constant(`R${i + 1}`),
    opens: day,
    closes: day,
    open: fc.boolean(),
    responses: fc.array(response, { maxLength: 12 }),
  });

const rounds = fc
  .integer({ min: 0, max: 7 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => round(i))));

/** The pencil recount: every 1–5 answer to the factor's statements, and how many people gave one. */
function recount(rs: readonly HealthResponse[], factor: string) {
  const keys = STATEMENTS.filter((s) => s.factor === factor).map((s) => s.key);
  const all: number[] = [];
  let people = 0;
  for (const r of rs) {
    const mine = keys.map((k) => r.agreement[k]).filter((v): v is number => v !== undefined);
    all.push(...mine);
    if (mine.length) people++;
  }
  return { mean: all.length ? all.reduce((a, b) => a + b, 0) / all.length : null, people };
}

const shownDay = (iso: string) => `[${iso}]`;

describe('the dashboard’s health headline', () => {
  it('names the weakest factor a recount finds among those 3 or more people answered, with its score', () => {
    fc.assert(
      fc.property(rounds, (rs) => {
        const line = healthHeadline(rs, shownDay, 'Open one.');
        const latest = rs.at(-1);
        if (!latest) {
          expect(line).toBe('Health check: no round yet. Open one.');
          return;
        }
        expect(line).toContain(`round ${latest.id}`);
        expect(line).toContain(shownDay(latest.closes));
        const n = latest.responses.length;
        expect(line).toContain(`${n} answer`);
        const counted = FACTORS.map((f) => ({ f, ...recount(latest.responses, f) })).filter(
          (c) => c.people >= 3 && c.mean !== null,
        );
        if (n < 3) {
          expect(line).toMatch(/scores appear once 3 people have answered/);
          return;
        }
        if (counted.length === 0) {
          expect(line).not.toMatch(/weakest/);
          return;
        }
        const lowest = Math.min(...counted.map((c) => c.mean as number));
        // Ties go to the question bank's order.
        const weakest = counted.find((c) => c.mean === lowest)!;
        expect(line).toContain(
          `weakest: ${FACTOR_NAMES[weakest.f].toLowerCase()} (${oneDecimal(lowest)} of 5)`,
        );
      }),
    );
  });

  it('says open or closed as the round is', () => {
    const r: TrendRound = {
      id: 'R2',
      opens: '2027-03-01',
      closes: '2027-03-15',
      open: true,
      responses: [],
    };
    expect(healthHeadline([r], shownDay, '')).toMatch(/open until \[2027-03-15\]/);
    expect(healthHeadline([{ ...r, open: false }], shownDay, '')).toMatch(/closed \[2027-03-15\]/);
  });
});

describe('the dashboard’s health trend', () => {
  it('shows the latest rounds only, each factor’s score by recount or hidden below 3 people, and the change', () => {
    fc.assert(
      fc.property(rounds, (rs) => {
        const trend = healthTrend(rs);
        const shown = rs.slice(-DASHBOARD_TREND_ROUNDS);
        expect(trend.rounds.map((r) => r.id)).toEqual(shown.map((r) => r.id));
        expect(trend.rounds.map((r) => r.answers)).toEqual(shown.map((r) => r.responses.length));
        for (const f of trend.factors) {
          const plain = shown.map((r) => recount(r.responses, f.factor));
          f.scores.forEach((s, i) => {
            if (plain[i].people < 3) expect(s).toBeNull();
            else expect(s).toBeCloseTo(plain[i].mean as number, 10);
          });
          const [before, now] = f.scores.slice(-2);
          if (f.scores.length < 2 || before === null || now === null) expect(f.change).toBeNull();
          else expect(f.change).toBeCloseTo(now - before, 10);
        }
      }),
    );
  });
});

describe('the health section in the dashboard layout', () => {
  const empty = computeDashboard(
    readDashboardPlan({
      partnership: null,
      partners: null,
      outcomes: null,
      progress: null,
      assessments: null,
      calendar: null,
      sheetZone: 'Europe/London',
      oracle: () => ({ year: 2027, month: 3, day: 20, hour: 0, minute: 0, second: 0 }),
      locale: 'en_GB',
    }),
    '2027-03-20',
  );
  const text = (l: ReturnType<typeof dashboardLayout>) =>
    l.values
      .flat()
      .filter((v) => v !== '')
      .join(' ');

  it('says how to run a round when there is none, and draws no health chart', () => {
    const layout = dashboardLayout(empty, 'Riverside', 'en_GB', null, { rounds: [] });
    expect(text(layout)).toMatch(/Health check: no round yet\. Open one from Extensions/);
    expect(layout.charts.some((c) => /Health/.test(c.title))).toBe(false);
  });

  it('draws the trend table and its chart over numbers only once a score can be shown', () => {
    fc.assert(
      fc.property(rounds, (rs) => {
        const layout = dashboardLayout(empty, 'Riverside', 'en_GB', null, { rounds: rs });
        const chart = layout.charts.find((c) => /Health/.test(c.title));
        const anyShown = healthTrend(rs).factors.some((f) => f.scores.some((s) => s !== null));
        expect(Boolean(chart)).toBe(anyShown);
        if (!chart) return;
        const { row, column, rows, columns } = chart.range;
        const cells = layout.values
          .slice(row - 1, row - 1 + rows)
          .map((r) => r.slice(column - 1, column - 1 + columns));
        expect(cells[0]).toEqual(['Factor', ...healthTrend(rs).rounds.map((r) => r.id)]);
        for (const body of cells.slice(1))
          for (const v of body.slice(1)) expect(typeof v === 'number' || v === '').toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
