// The partnership at a glance, computed from the plan's rows and an injected "today" (never read here).
import { plural } from '../../shared/plural';
import { sameName } from '../people/names';
import {
  type IndicatorProgress,
  indicatorProgress,
  type Measurement,
  VERDICT_CONCERN,
  type Verdict,
} from '../progress/indicator';
import { addDays, formatWallDate } from '../time/zones';
import type { ActivityRow, DashboardPlan, OutcomeRow, RowAt, StepRow } from './read';

/** How far ahead the dashboard looks for activities and for agreements that end. */
export const UPCOMING_DAYS = 30;
export const AGREEMENT_WARNING_DAYS = 60;

const STEP_CLOSED = new Set(['Done', 'Not needed']);
const ACTIVITY_CLOSED = new Set(['Done', 'Cancelled']);
const OUTCOME_CLOSED = new Set(['Achieved']);

export interface OverdueItem extends RowAt {
  kind: 'Step' | 'Activity' | 'Outcome';
  label: string;
  /** yyyy-mm-dd the item was due. */
  due: string;
}

export interface Participation {
  partner: string;
  led: number;
  ledDone: number;
  joined: number;
  findings: number;
  agreement: string;
  agreementEnd: string | null;
  /** yyyy-mm-dd of the latest activity (led or joined) on or before today, not cancelled. */
  lastActivity: string | null;
  /** Leads nothing, joins nothing and gave no finding (never said of the lead organisation). */
  silent: boolean;
  /** The lead organisation: shown and counted apart from the partners. */
  lead: boolean;
  at: RowAt;
}

export interface IndicatorLine extends IndicatorProgress {
  outcome: OutcomeRow;
  measurements: Measurement[];
}

export interface Dashboard {
  today: string;
  summary: string;
  steps: { rows: StepRow[]; done: number; inProgress: number; total: number };
  overdue: OverdueItem[];
  upcoming: ActivityRow[];
  expiringAgreements: number;
  participation: Participation[];
  indicators: IndicatorLine[];
  /** Activities per month (yyyy-mm) by type, for the chart: the months that have any. */
  activitiesByMonth: { months: string[]; types: string[]; counts: number[][] };
}

const same = sameName;

/**
 * Overdue: a step past its due date not Done or Not needed; an activity whose last day is before
 * today, not Done or Cancelled; an outcome past its target date not Achieved. Oldest first.
 */
export function overdueItems(plan: DashboardPlan, today: string): OverdueItem[] {
  const items: OverdueItem[] = [];
  for (const s of plan.steps)
    if (s.due && s.due < today && !STEP_CLOSED.has(s.status))
      items.push({ kind: 'Step', label: s.step, due: s.due, tab: s.tab, row: s.row });
  for (const a of plan.activities)
    if (a.end && a.end < today && !ACTIVITY_CLOSED.has(a.status))
      items.push({ kind: 'Activity', label: a.title, due: a.end, tab: a.tab, row: a.row });
  for (const o of plan.outcomes)
    if (o.targetDate && o.targetDate < today && !OUTCOME_CLOSED.has(o.status))
      items.push({
        kind: 'Outcome',
        label: o.id ? `${o.id} · ${o.outcome}` : o.outcome,
        due: o.targetDate,
        tab: o.tab,
        row: o.row,
      });
  return items.sort((a, b) => (a.due === b.due ? 0 : a.due < b.due ? -1 : 1));
}

/** Activities starting from today to UPCOMING_DAYS ahead, not cancelled, by date. */
export function upcomingActivities(plan: DashboardPlan, today: string): ActivityRow[] {
  const [y, m, d] = today.split('-').map(Number);
  const last = formatWallDate(addDays({ year: y, month: m, day: d }, UPCOMING_DAYS));
  return plan.activities
    .filter((a) => a.start && a.start >= today && a.start <= last && a.status !== 'Cancelled')
    .sort((a, b) => ((a.start ?? '') < (b.start ?? '') ? -1 : a.start === b.start ? 0 : 1));
}

export function expiringAgreements(plan: DashboardPlan, today: string): number {
  const [y, m, d] = today.split('-').map(Number);
  const last = formatWallDate(addDays({ year: y, month: m, day: d }, AGREEMENT_WARNING_DAYS));
  return plan.partners.filter(
    (p) => p.agreementEnd && p.agreementEnd >= today && p.agreementEnd <= last,
  ).length;
}

/**
 * One line per row of the Partners tab, the lead organisation's first (flagged `lead`); names
 * matched as names are (case and spacing do not count).
 */
export function participation(plan: DashboardPlan, today: string): Participation[] {
  const leadFirst = [
    ...plan.partners.filter((p) => p.lead),
    ...plan.partners.filter((p) => !p.lead),
  ];
  return leadFirst.map((p) => {
    const led = plan.activities.filter((a) => same(a.lead, p.name));
    const joined = plan.activities.filter((a) => a.participants.some((n) => same(n, p.name)));
    const findings = plan.findings.filter((f) => same(f.partner, p.name)).length;
    const past = [...led, ...joined]
      .filter((a) => a.start && a.start <= today && a.status !== 'Cancelled')
      .map((a) => a.start as string)
      .sort();
    return {
      partner: p.name,
      led: led.length,
      ledDone: led.filter((a) => a.status === 'Done').length,
      joined: joined.length,
      findings,
      agreement: p.mouStatus,
      agreementEnd: p.agreementEnd,
      lastActivity: past[past.length - 1] ?? null,
      silent: !p.lead && led.length === 0 && joined.length === 0 && findings === 0,
      lead: p.lead,
      at: { tab: p.tab, row: p.row },
    };
  });
}

/** Every outcome that names an indicator or a target, with its measurements and verdict. */
export function indicatorLines(plan: DashboardPlan, today: string): IndicatorLine[] {
  const byOutcome = new Map<string, Measurement[]>();
  for (const m of plan.progress) {
    if (!m.outcomeId || !m.day || m.value === null) continue;
    const list = byOutcome.get(m.outcomeId) ?? [];
    list.push({ day: m.day, value: m.value, row: m.row });
    byOutcome.set(m.outcomeId, list);
  }
  return plan.outcomes
    .filter((o) => o.id && (o.indicator || o.targetText))
    .map((outcome) => {
      const measurements = byOutcome.get(outcome.id) ?? [];
      return {
        outcome,
        measurements,
        ...indicatorProgress({
          baseline: outcome.baseline,
          target: outcome.target,
          targetDate: outcome.targetDate,
          measurements,
          today,
        }),
      };
    });
}

function activitiesByMonth(plan: DashboardPlan): Dashboard['activitiesByMonth'] {
  const counted = plan.activities.filter((a) => a.start && a.status !== 'Cancelled');
  const months = [...new Set(counted.map((a) => (a.start as string).slice(0, 7)))].sort();
  const types = [...new Set(counted.map((a) => a.type))].sort();
  const counts = months.map(() => types.map(() => 0));
  for (const a of counted)
    counts[months.indexOf((a.start as string).slice(0, 7))][types.indexOf(a.type)] += 1;
  return { months, types, counts };
}

/**
 * "indicator of O4 behind its target", "indicators of O2, O3 at risk of missing their targets":
 * one phrase per verdict that needs attention, in VERDICT_CONCERN's order, the same verdicts the
 * indicator table shows.
 */
export function indicatorConcerns(indicators: readonly IndicatorLine[]): string[] {
  return (Object.keys(VERDICT_CONCERN) as Verdict[]).flatMap((verdict) => {
    const phrase = VERDICT_CONCERN[verdict];
    const ids = indicators.filter((i) => i.verdict === verdict).map((i) => i.outcome.id);
    if (!phrase || ids.length === 0) return [];
    const one = ids.length === 1;
    return [
      `${one ? 'indicator' : 'indicators'} of ${ids.join(', ')} ${one ? phrase.one : phrase.many}`,
    ];
  });
}

/** "3 activities overdue, 2 agreements expire within 60 days, indicator of O4 behind its target." */
export function summarySentence(d: Omit<Dashboard, 'summary'>): string {
  const count = (kind: OverdueItem['kind']) => d.overdue.filter((o) => o.kind === kind).length;
  const parts: string[] = [];
  const activities = count('Activity');
  const steps = count('Step');
  const outcomes = count('Outcome');
  if (activities) parts.push(`${plural(activities, 'activity', 'activities')} overdue`);
  if (steps) parts.push(`${plural(steps, 'step')} overdue`);
  if (outcomes)
    parts.push(
      `${plural(outcomes, 'outcome')} past ${outcomes === 1 ? 'its' : 'their'} target date`,
    );
  if (d.expiringAgreements)
    parts.push(
      `${plural(d.expiringAgreements, 'agreement')} ${d.expiringAgreements === 1 ? 'expires' : 'expire'} within ${AGREEMENT_WARNING_DAYS} days`,
    );
  parts.push(...indicatorConcerns(d.indicators));
  const silent = d.participation.filter((p) => p.silent).length;
  if (silent) parts.push(`${plural(silent, 'partner')} with no activity or finding yet`);
  // "no activity", not "0 activities": the headline is read, not counted.
  const upcoming = d.upcoming.length
    ? plural(d.upcoming.length, 'activity', 'activities')
    : 'no activity';
  if (parts.length === 0) return `Nothing overdue; ${upcoming} in the next ${UPCOMING_DAYS} days.`;
  const text = parts.join(', ');
  return `${text[0].toUpperCase()}${text.slice(1)}; ${upcoming} in the next ${UPCOMING_DAYS} days.`;
}

/** The whole dashboard: `today` is yyyy-mm-dd in the sheet's zone, given by the caller. */
export function computeDashboard(plan: DashboardPlan, today: string): Dashboard {
  const steps = {
    rows: plan.steps,
    done: plan.steps.filter((s) => s.status === 'Done' || s.status === 'Not needed').length,
    inProgress: plan.steps.filter((s) => s.status === 'In progress').length,
    total: plan.steps.length,
  };
  const partial = {
    today,
    steps,
    overdue: overdueItems(plan, today),
    upcoming: upcomingActivities(plan, today),
    expiringAgreements: expiringAgreements(plan, today),
    participation: participation(plan, today),
    indicators: indicatorLines(plan, today),
    activitiesByMonth: activitiesByMonth(plan),
  };
  return { ...partial, summary: summarySentence(partial) };
}
