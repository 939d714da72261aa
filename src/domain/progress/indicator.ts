// An indicator's progress: measured values read as numbers, and the one stated on-track rule.

/** One measurement of an outcome's indicator, as the dashboard uses it. */
export interface Measurement {
  /** yyyy-mm-dd in the sheet's zone. */
  day: string;
  value: number;
  /** 1-based row of the Progress tab, so the dashboard can link to it. */
  row: number;
}

export type Verdict =
  | 'No target'
  | 'No measurement yet'
  | 'Target reached'
  | 'On track'
  | 'At risk'
  | 'Behind'
  | 'Too early to tell';

export interface IndicatorProgress {
  baseline: number | null;
  target: number | null;
  latest: Measurement | null;
  /** The trend's value on the target date (null without two measurements or a target date). */
  projected: number | null;
  verdict: Verdict;
}

/** The rule in words, a sentence each: shown under the dashboard's indicator table, and in docs. */
export const VERDICT_RULE = [
  'Target reached: the latest value is at or past the target (the direction runs from baseline to target, so “fewer absences” works too).',
  'Behind: the target date has passed without reaching the target.',
  'On track / At risk: the straight line through all measurements (least squares) reaches the target by the target date, or not; without a target date, it moves towards the target, or not.',
  'Too early to tell: measurements on one day only.',
] as const;

/**
 * What a sentence about the plan says of an indicator with each verdict, singular and plural; null
 * for the verdicts that need no one's attention. The dashboard's headline reads its indicators
 * through this table and its indicator table shows the verdict itself, so the two always agree.
 */
export const VERDICT_CONCERN: Record<Verdict, { one: string; many: string } | null> = {
  Behind: { one: 'behind its target', many: 'behind their targets' },
  'At risk': { one: 'at risk of missing its target', many: 'at risk of missing their targets' },
  'Target reached': null,
  'On track': null,
  'Too early to tell': null,
  'No measurement yet': null,
  'No target': null,
};

const NUMBER = /-?\d[\d,]*(?:\.\d+)?|-?\.\d+/g;

/**
 * The number people type for a measure: "45", "45%", "1,200", "$3,000", "12 families". Null when the
 * text holds no number or more than one ("12 of 60" is ambiguous: which one is the value?).
 */
export function measureNumber(text: string): number | null {
  const found = text.match(NUMBER);
  if (found?.length !== 1) return null;
  const commas = found[0].replace(/,/g, '');
  const value = Number(commas);
  return Number.isFinite(value) ? value : null;
}

const dayNumber = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

/** The least-squares line through the points, or null when every point is on the same day. */
function fitLine(points: readonly Measurement[]): { slope: number; at: (day: number) => number } {
  const xs = points.map((p) => dayNumber(p.day));
  const n = points.length;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = points.reduce((a, p) => a + p.value, 0) / n;
  let num = 0;
  let den = 0;
  points.forEach((p, i) => {
    num += (xs[i] - meanX) * (p.value - meanY);
    den += (xs[i] - meanX) ** 2;
  });
  const slope = den === 0 ? 0 : num / den;
  return { slope, at: (day) => meanY + slope * (day - meanX) };
}

/** Measurements in date order; on the same day the lower row (typed later) comes last. */
export function inDateOrder(measurements: readonly Measurement[]): Measurement[] {
  return [...measurements].sort((a, b) =>
    a.day === b.day ? a.row - b.row : a.day < b.day ? -1 : 1,
  );
}

/**
 * The verdict for one indicator (see VERDICT_RULE). The direction comes from baseline → target, so
 * "fewer absences" (target below baseline) is as well served as "more readers".
 */
export function indicatorProgress(input: {
  baseline: number | null;
  target: number | null;
  /** yyyy-mm-dd or null. */
  targetDate: string | null;
  measurements: readonly Measurement[];
  /** yyyy-mm-dd in the sheet's zone. */
  today: string;
}): IndicatorProgress {
  const { baseline, target, targetDate, today } = input;
  const ordered = inDateOrder(input.measurements);
  const latest = ordered[ordered.length - 1] ?? null;
  const base = { baseline, target, latest, projected: null };
  if (target === null) return { ...base, verdict: 'No target' };
  if (!latest) return { ...base, verdict: 'No measurement yet' };
  // Without a baseline, "up" is assumed: most indicators count something that should grow.
  const rising = baseline === null ? true : target >= baseline;
  const reaches = (value: number) => (rising ? value >= target : value <= target);
  if (reaches(latest.value)) return { ...base, verdict: 'Target reached' };
  if (targetDate !== null && targetDate < today) return { ...base, verdict: 'Behind' };
  const distinctDays = new Set(ordered.map((m) => m.day)).size;
  if (distinctDays < 2) return { ...base, verdict: 'Too early to tell' };
  const line = fitLine(ordered);
  if (targetDate === null) {
    const towards = rising ? line.slope > 0 : line.slope < 0;
    return { ...base, verdict: towards ? 'On track' : 'At risk' };
  }
  const projected = line.at(dayNumber(targetDate));
  return { ...base, projected, verdict: reaches(projected) ? 'On track' : 'At risk' };
}
