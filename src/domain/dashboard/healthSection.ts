// The dashboard's health check section: the last round's headline, each factor's score across rounds, and the chart's numbers.
import { MENU } from '../../shared/messages';
import { MIN_GROUP } from '../health/scoring';
import { healthHeadline, healthTrend, oneDecimal, type TrendRound } from '../health/trend';
import type { CellRange } from '../table/grid';
import type { Writer } from './layout';

/** The rounds the dashboard is told about (the action reads them from their response tabs). */
export interface HealthSummary {
  rounds: TrendRound[];
}

/** Said when no round has run: where to start one. */
export const HOW_TO_RUN_A_ROUND = `Open one from Extensions › Shared Work Plan › ${MENU.healthCheck.replace('…', '')}: partners answer a short anonymous form, and the scores appear here.`;

const shownScore = (n: number | null): number | string => (n === null ? '—' : oneDecimal(n));
/** The change in words, as the Health check tab says it (a typed "+0.3" would become a number). */
const inWords = (n: number | null) => {
  if (n === null) return '—';
  const r = oneDecimal(n);
  return r > 0 ? `up ${r}` : r < 0 ? `down ${-r}` : 'no change';
};

/** The headline and, once a round has run, the score of each factor in each of the last rounds. */
export function healthSection(w: Writer, health: HealthSummary): void {
  w.grid.line('heading', 'Partnership health check');
  w.grid.line(
    'lead',
    healthHeadline(health.rounds, (iso) => w.shown(iso), HOW_TO_RUN_A_ROUND),
  );
  if (health.rounds.length === 0) {
    w.grid.add('blank');
    return;
  }
  const trend = healthTrend(health.rounds);
  w.grid.line(
    'explain',
    `Score per factor, 1 (strongly disagree) to 5 (strongly agree); — : fewer than ${MIN_GROUP} people answered it. The Health check tab has the spread, the weakest factors and what to do.`,
  );
  w.grid.table(
    ['Factor', ...trend.rounds.map((r) => r.id), 'Change'],
    trend.factors.map((f) => [f.name, ...f.scores.map(shownScore), inWords(f.change)]),
  );
  w.grid.add('body', ['People who answered', ...trend.rounds.map((r) => r.answers), '']);
  w.grid.add('blank');
}

/**
 * The chart's table (numbers only, blank where a score is hidden) when some score can be shown;
 * returns its range with the header, or null (no chart then).
 */
export function healthChartSection(w: Writer, health: HealthSummary): CellRange | null {
  const trend = healthTrend(health.rounds);
  if (!trend.factors.some((f) => f.scores.some((s) => s !== null))) return null;
  w.grid.add('blank');
  const range = w.grid.table(
    ['Factor', ...trend.rounds.map((r) => r.id)],
    trend.factors.map((f) => [f.name, ...f.scores.map((s) => (s === null ? '' : oneDecimal(s)))]),
  );
  return range && { ...range, row: range.row - 1, rows: range.rows + 1 };
}
