// The health check as the dashboard tells it: the last round's headline and each factor's score across rounds.
import { plural } from '../../shared/plural';
import { FACTOR_NAMES, FACTORS, type FactorKey } from './questions';
import { change, MIN_GROUP, shownScores, weakestFactors } from './scoring';

/** A round as the dashboard needs it: its id, dates, whether it is open, and its anonymous responses. */
export interface TrendRound {
  id: string;
  opens: string;
  closes: string;
  open: boolean;
  /** Only the count and the shown scores are used: no response is quoted on the dashboard. */
  responses: Parameters<typeof shownScores>[0];
}

/** The most rounds the dashboard's trend shows side by side (the latest ones). */
export const DASHBOARD_TREND_ROUNDS = 4;

/** One factor's shown score in each of the trend's rounds (null: hidden, fewer than 3 answered). */
export interface FactorTrend {
  factor: FactorKey;
  name: string;
  scores: (number | null)[];
  /** Latest round's score minus the one before, when both can be shown. */
  change: number | null;
}

export interface HealthTrend {
  /** The rounds shown, oldest first. */
  rounds: { id: string; answers: number }[];
  factors: FactorTrend[];
}

/** A score to one decimal, as people read it: 2.6. */
export const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/**
 * The sentence the dashboard leads its health section with. With no round: how to run one. Under
 * MIN_GROUP answers: how many so far and when scores appear (the count of answers is not a figure
 * about anyone: it says nothing of what they answered).
 */
export function healthHeadline(
  rounds: readonly TrendRound[],
  shownDay: (iso: string) => string,
  howToRun: string,
): string {
  const latest = rounds[rounds.length - 1];
  if (!latest) return `Health check: no round yet. ${howToRun}`;
  const when = latest.open
    ? `open until ${shownDay(latest.closes)}`
    : `closed ${shownDay(latest.closes)}`;
  const head = `Health check, round ${latest.id} (${when})`;
  const n = latest.responses.length;
  if (n < MIN_GROUP)
    return `${head}: ${plural(n, 'answer')} so far; scores appear once ${MIN_GROUP} people have answered.`;
  const weakest = weakestFactors(shownScores(latest.responses), 1)[0];
  if (!weakest || weakest.score === null)
    return `${head}: ${plural(n, 'answer')}; no factor was answered by ${MIN_GROUP} people yet.`;
  return `${head}: ${plural(n, 'answer')}; weakest: ${FACTOR_NAMES[weakest.factor].toLowerCase()} (${oneDecimal(weakest.score)} of 5).`;
}

/** Each factor's shown score in the latest DASHBOARD_TREND_ROUNDS rounds, and its change. */
export function healthTrend(rounds: readonly TrendRound[]): HealthTrend {
  const shown = rounds.slice(-DASHBOARD_TREND_ROUNDS);
  const scores = shown.map((r) => shownScores(r.responses));
  const now = scores[scores.length - 1];
  const before = scores.length > 1 ? scores[scores.length - 2] : undefined;
  return {
    rounds: shown.map((r) => ({ id: r.id, answers: r.responses.length })),
    factors: FACTORS.map((factor, i) => ({
      factor,
      name: FACTOR_NAMES[factor],
      scores: scores.map((s) => s[i].score),
      change: now ? change(now[i], before?.[i]) : null,
    })),
  };
}
