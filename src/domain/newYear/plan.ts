// What "Start the next year" moves: the closed year's activities and measurements, and the new baselines.
import { measureNumber } from '../progress/indicator';
import type { SchoolYear } from './schoolYear';

/** A live row as read: its sheet row and every cell of it (extra columns partners added included). */
export interface LiveRow {
  row: number;
  values: readonly unknown[];
}

export interface ActivityLine extends LiveRow {
  /** The Activity ID ('' when the row has none yet). */
  id: string;
  /** Its start day, yyyy-mm-dd, or null when the cell cannot be read as a date. */
  start: string | null;
}

export interface MeasurementLine extends LiveRow {
  outcomeId: string | null;
  /** The day it was measured, yyyy-mm-dd, or null when unreadable. */
  date: string | null;
  /** The value as the sheet shows it ("45%"). */
  shown: string;
}

export interface OutcomeLine {
  row: number;
  id: string;
  outcome: string;
  indicator: string;
  /** As shown. */
  baseline: string;
  target: string;
  targetDate: string;
}

/** One outcome whose latest measurement of the closed year becomes its baseline. */
export interface BaselineChange {
  outcomeId: string;
  outcome: string;
  indicator: string;
  old: string;
  latest: string;
  measuredOn: string;
  target: string;
  targetDate: string;
}

export interface RolloverPlan {
  year: SchoolYear;
  /** Rows that go to the archive (and leave the live tabs). */
  activities: ActivityLine[];
  measurements: MeasurementLine[];
  /** Rows that stay: dated after the closed year, or with a date nobody can read. */
  keptActivities: number;
  keptMeasurements: number;
  baselines: BaselineChange[];
}

/** A row belongs to the closed year when its readable day is on or before the year's last day. */
const inYear = (day: string | null, year: SchoolYear) => day !== null && day <= year.last;

/** The latest readable measurement of each outcome (a later row wins a tie, as on the dashboard). */
function latestByOutcome(measurements: readonly MeasurementLine[]): Map<string, MeasurementLine> {
  const latest = new Map<string, MeasurementLine>();
  for (const m of measurements) {
    if (!m.outcomeId || !m.date || measureNumber(m.shown) === null) continue;
    const seen = latest.get(m.outcomeId);
    if (!seen || (seen.date ?? '') <= m.date) latest.set(m.outcomeId, m);
  }
  return latest;
}

/**
 * The rollover of `year`: every activity and measurement dated in it or before goes to the archive;
 * each outcome measured in it takes its latest measurement as the new baseline (the old one is kept
 * in the archive). Goals, outcomes, partners, steps and approvals stay where they are.
 */
export function planRollover(input: {
  year: SchoolYear;
  activities: readonly ActivityLine[];
  measurements: readonly MeasurementLine[];
  outcomes: readonly OutcomeLine[];
}): RolloverPlan {
  const activities = input.activities.filter((a) => inYear(a.start, input.year));
  const measurements = input.measurements.filter((m) => inYear(m.date, input.year));
  const latest = latestByOutcome(measurements);
  const baselines: BaselineChange[] = [];
  for (const o of input.outcomes) {
    const m = latest.get(o.id);
    if (!m) continue;
    baselines.push({
      outcomeId: o.id,
      outcome: o.outcome,
      indicator: o.indicator,
      old: o.baseline,
      latest: m.shown,
      measuredOn: m.date ?? '',
      target: o.target,
      targetDate: o.targetDate,
    });
  }
  return {
    year: input.year,
    activities,
    measurements,
    keptActivities: input.activities.length - activities.length,
    keptMeasurements: input.measurements.length - measurements.length,
    baselines,
  };
}
