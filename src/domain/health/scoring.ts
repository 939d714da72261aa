// Scores per factor per round, the change since the last round, and the anonymity rule for every figure shown.
import { FACTORS, type FactorKey, STATEMENTS } from './questions';

/** One person's answers in one round: agreement 1–5 by statement key, blanks absent. */
export interface HealthResponse {
  agreement: Partial<Record<string, number>>;
  /** The organisation the person said they answer for; '' when unsaid. */
  organisation: string;
  open: Partial<Record<string, string>>;
}

/** The fewest people a figure may stand for: below it, one person's answer could be read back. */
export const MIN_GROUP = 3;

export interface FactorScore {
  factor: FactorKey;
  /** Mean of every 1–5 answer to the factor's statements; null when nobody answered them. */
  score: number | null;
  /** Standard deviation of those answers (how far people disagree); null with no answer. */
  spread: number | null;
  /** How many people answered at least one of the factor's statements. */
  answers: number;
}

const FACTOR_OF = new Map(STATEMENTS.map((s) => [s.key, s.factor]));

/** A whole number 1–5, else null: anything else in a response cell is not an answer. */
export function agreementValue(cell: unknown): number | null {
  const n = typeof cell === 'number' ? cell : Number(String(cell ?? '').trim());
  return Number.isInteger(n) && n >= 1 && n <= 5 && String(cell ?? '').trim() !== '' ? n : null;
}

/** Each factor's score, spread and number of answers over these responses (no anonymity applied). */
export function scoreFactors(responses: readonly HealthResponse[]): FactorScore[] {
  const values = new Map<FactorKey, number[]>(FACTORS.map((f) => [f, []]));
  const people = new Map<FactorKey, number>(FACTORS.map((f) => [f, 0]));
  for (const r of responses) {
    const answered = new Set<FactorKey>();
    for (const [key, value] of Object.entries(r.agreement)) {
      const factor = FACTOR_OF.get(key);
      if (!factor || value === undefined) continue;
      values.get(factor)?.push(value);
      answered.add(factor);
    }
    for (const f of answered) people.set(f, (people.get(f) ?? 0) + 1);
  }
  return FACTORS.map((factor) => {
    const list = values.get(factor) ?? [];
    if (list.length === 0) return { factor, score: null, spread: null, answers: 0 };
    const mean = list.reduce((a, b) => a + b, 0) / list.length;
    const variance = list.reduce((a, b) => a + (b - mean) ** 2, 0) / list.length;
    return { factor, score: mean, spread: Math.sqrt(variance), answers: people.get(factor) ?? 0 };
  });
}

/**
 * The round's scores as they may be shown: a factor answered by fewer than MIN_GROUP people shows
 * no score or spread, only that too few answered.
 */
export function shownScores(responses: readonly HealthResponse[]): FactorScore[] {
  return scoreFactors(responses).map((s) =>
    s.answers >= MIN_GROUP ? s : { ...s, score: null, spread: null },
  );
}

export interface OrganisationSplit {
  /** Organisations whose own figures may be shown, largest first. */
  shown: { organisation: string; people: number; scores: FactorScore[] }[];
  /** How many people's answers are not split out (unsaid, or in groups too small). */
  notSplit: number;
}

/**
 * Figures by organisation under the anonymity rule: a group is shown only when at least MIN_GROUP
 * people in it answered, and only when the people left over (the round's total minus every shown
 * group) are none or at least MIN_GROUP — otherwise the round's total minus the shown groups
 * would give away a group of one or two. The smallest shown groups give way until that holds.
 */
export function splitByOrganisation(responses: readonly HealthResponse[]): OrganisationSplit {
  const groups = new Map<string, HealthResponse[]>();
  for (const r of responses) {
    const org = r.organisation.trim();
    if (org === '') continue;
    const key = org.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const big = [...groups.values()]
    .filter((g) => g.length >= MIN_GROUP)
    .sort((a, b) => b.length - a.length || a[0].organisation.localeCompare(b[0].organisation));
  let shownPeople = big.reduce((n, g) => n + g.length, 0);
  const leftOver = () => responses.length - shownPeople;
  while (big.length > 0 && leftOver() > 0 && leftOver() < MIN_GROUP) {
    shownPeople -= big.pop()?.length ?? 0;
  }
  return {
    shown: big.map((g) => ({
      organisation: g[0].organisation.trim(),
      people: g.length,
      scores: shownScores(g),
    })),
    notSplit: leftOver(),
  };
}

/** This round's score minus the previous round's, when both could be shown. */
export function change(now: FactorScore, before: FactorScore | undefined): number | null {
  if (now.score === null || !before || before.score === null) return null;
  return now.score - before.score;
}

/** The three lowest shown scores, lowest first; ties keep the question bank's order. */
export function weakestFactors(scores: readonly FactorScore[], count = 3): FactorScore[] {
  return scores
    .filter((s) => s.score !== null)
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (a.s.score as number) - (b.s.score as number) || a.i - b.i)
    .slice(0, count)
    .map(({ s }) => s);
}
