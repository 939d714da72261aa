// The Health check tab as a print-ready layout: scores per factor per round, the weakest three with what to do, splits the anonymity rule allows.
import { plural } from '../../shared/plural';
import { type FitOptions, fittedGrid, type GeneratedLayout, type Grid } from '../table/grid';
import { FACTOR_NAMES, FACTORS, OPEN_QUESTIONS } from './questions';
import {
  change,
  type FactorScore,
  type HealthResponse,
  MIN_GROUP,
  shownScores,
  splitByOrganisation,
  weakestFactors,
} from './scoring';
import { suggestionFor, suggestionLine } from './suggestions';

/** A round as the tab shows it: its name, dates and the anonymous responses it has. */
export interface RoundResults {
  id: string;
  opens: string;
  closes: string;
  open: boolean;
  responses: HealthResponse[];
}

/**
 * The most rounds the trend shows side by side, so the tab keeps to one printed page: with the
 * factor names' column wide enough not to wrap, a fourth would push the change onto a second page
 * (the dashboard, which is not printed, shows four).
 */
export const TREND_ROUNDS = 3;
/** Organisations split out on the tab, one line each; the rest are counted (their briefs show them). */
export const MAX_ORGANISATIONS = 4;
/** Open answers quoted per question; the rest are counted. */
export const MAX_QUOTES = 2;
/** A quote longer than this is cut (the whole text stays in the response tab): one printed line. */
export const QUOTE_CHARS = 60;

/**
 * 500 px in all with three rounds, the width the partner briefs keep to (a Letter or A4
 * page's printable width at the default margins, as LibreOffice measures it). The factor names'
 * column as wide as the longest name ("Shared purpose and goals"), so it never wraps and the
 * sentences merged across the tab stay one row each; then a narrow column per round and for the
 * spread, and the change in words ("down 0.4") last.
 */
export function healthColumns(rounds: number): FitOptions {
  const fixed: Record<number, number> = { 1: 196 };
  // 52 px a round (LibreOffice prints any column narrower than 8 characters at 8); the spread's
  // 78, so its bold header, one word that cannot wrap, is not cut.
  for (let c = 2; c <= rounds + 1; c++) fixed[c] = 52;
  fixed[rounds + 2] = 78;
  fixed[rounds + 3] = 70;
  return { min: 52, max: 196, fixed };
}

/** A score to one decimal, as a number (a text "3.0" would be read back as a number by the sheet). */
const one = (n: number | null): number | string => (n === null ? '—' : Math.round(n * 10) / 10);
/** The change in words: a sign alone is easy to miss, and "+0.3" typed would become a number. */
const signed = (n: number | null) => {
  if (n === null) return '—';
  const r = Math.round(n * 10) / 10;
  return r > 0 ? `up ${r}` : r < 0 ? `down ${-r}` : 'no change';
};

export function healthLayout(
  rounds: readonly RoundResults[],
  planName: string,
  shownDay: (iso: string) => string,
): GeneratedLayout {
  const { grid, wrap, widths } = fittedGrid(
    (g) => healthRows(g, rounds, planName, shownDay),
    healthColumns(Math.min(TREND_ROUNDS, Math.max(1, rounds.length))),
  );
  return {
    ...grid.finish(),
    merges: grid.merges(),
    rowHeights: grid.rowHeights(),
    note: 'Rebuilt by the Shared Work Plan add-on from the health check’s responses; anything typed here is replaced. Only totals are shown: no one person’s answers. File › Download › PDF prints it on one page.',
    wrap,
    columnWidths: widths,
  };
}

function healthRows(
  g: Grid,
  rounds: readonly RoundResults[],
  planName: string,
  shownDay: (iso: string) => string,
): void {
  // A merged line: in column A the title's larger font would be cut at the factor names' width.
  g.line('title', 'Partnership health check');
  const latest = rounds[rounds.length - 1];
  if (!latest) {
    g.line('lead', 'No round yet: open one from Extensions › Shared Work Plan › Health check.');
    return;
  }
  const shown = rounds.slice(-TREND_ROUNDS);
  const scores = shown.map((r) => shownScores(r.responses));
  const now = scores[scores.length - 1];
  const before = scores.length > 1 ? scores[scores.length - 2] : undefined;
  g.line('lead', `${planName}. ${headline(latest, now, shownDay)}`);
  g.add('blank');
  // A merged line, not a cell: a long heading in column A would make the whole column wrap.
  g.line('heading', 'Score per factor (1 = strongly disagree, 5 = strongly agree)');
  g.table(
    ['Factor', ...shown.map((r) => r.id), 'Spread', 'Change'],
    FACTORS.map((f, i) => [
      FACTOR_NAMES[f],
      ...scores.map((s) => one(s[i].score)),
      one(now[i].spread),
      signed(change(now[i], before?.[i])),
    ]),
  );
  g.add('body', ['People who answered', ...shown.map((r) => r.responses.length), '', '']);
  g.line('explain', `Spread: 0 = everyone agrees. — : fewer than ${MIN_GROUP} answered.`);
  weakestSection(g, now);
  organisationSection(g, latest);
  quotesSection(g, latest);
}

function headline(r: RoundResults, now: FactorScore[], shownDay: (iso: string) => string): string {
  const dates = `${r.id}, ${shownDay(r.opens)} to ${shownDay(r.closes)}${r.open ? ' (open)' : ' (closed)'}`;
  const weakest = weakestFactors(now, 1)[0];
  if (r.responses.length < MIN_GROUP)
    return `${dates}: ${plural(r.responses.length, 'answer')} so far; scores appear once ${MIN_GROUP} people have answered.`;
  const best = [...now]
    .filter((s) => s.score !== null)
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0))[0];
  return `${dates}: ${plural(r.responses.length, 'answer')}. Strongest: ${best ? FACTOR_NAMES[best.factor] : '—'}; weakest: ${weakest ? FACTOR_NAMES[weakest.factor] : '—'}.`;
}

function weakestSection(g: Grid, now: FactorScore[]): void {
  const weak = weakestFactors(now);
  if (!weak.length) return;
  g.add('heading', ['What to work on']);
  weak.forEach((s, rank) => {
    const action = suggestionFor(s.factor).keyAction;
    g.line('body', `${rank + 1}. ${suggestionLine(s.factor, rank)} (${action})`);
  });
}

function organisationSection(g: Grid, r: RoundResults): void {
  const split = splitByOrganisation(r.responses);
  g.add('heading', ['By organisation']);
  if (!split.shown.length) {
    g.line(
      'explain',
      `Not split: a split needs ${MIN_GROUP} or more people from one organisation.`,
    );
    return;
  }
  // A line each, not a table: the organisation's name and its lowest factor would need columns
  // wider than the page leaves once the trend's are set.
  for (const o of split.shown.slice(0, MAX_ORGANISATIONS)) {
    const low = weakestFactors(o.scores, 1)[0];
    g.line(
      'body',
      low
        ? `${o.organisation}, ${o.people} people: lowest ${FACTOR_NAMES[low.factor]} (${one(low.score)}).`
        : `${o.organisation}, ${o.people} people: no factor answered by ${MIN_GROUP} of them.`,
    );
  }
  const more = split.shown.length - MAX_ORGANISATIONS;
  if (more > 0)
    g.line(
      'explain',
      `${plural(more, 'more organisation')} with ${MIN_GROUP} or more answers: each one’s lowest factors are in its partner brief.`,
    );
  if (split.notSplit > 0)
    g.line(
      'explain',
      `${plural(split.notSplit, 'answer')} not split out (organisation unsaid, or too few from it).`,
    );
}

function quotesSection(g: Grid, r: RoundResults): void {
  if (r.responses.length < MIN_GROUP) return;
  for (const q of OPEN_QUESTIONS) {
    // Sorted, not in arrival order: the order must not tie an answer to a time or a person.
    const texts = r.responses
      .map((x) => x.open[q.key] ?? '')
      .filter((t) => t !== '')
      .sort((a, b) => a.localeCompare(b));
    if (!texts.length) continue;
    const shownCount = Math.min(MAX_QUOTES, texts.length);
    g.line('heading', `${q.text} (${plural(texts.length, 'answer')}, ${shownCount} shown)`);
    for (const t of texts.slice(0, MAX_QUOTES))
      g.line('body', `“${t.length > QUOTE_CHARS ? `${t.slice(0, QUOTE_CHARS - 1)}…` : t}”`);
  }
}
