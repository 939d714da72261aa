// What a partner brief may say of the health check: the partner's own lowest factors, only where the anonymity rule shows its organisation.
import { sameName } from '../people/names';
import { FACTOR_NAMES } from './questions';
import { type HealthResponse, MIN_GROUP, splitByOrganisation, weakestFactors } from './scoring';
import { oneDecimal } from './trend';

/** The latest round as a brief needs it. */
export interface BriefRound {
  id: string;
  responses: readonly HealthResponse[];
}

/** How many of the organisation's lowest factors a brief lists. */
export const BRIEF_FACTORS = 3;

/**
 * The brief's lines about the latest round for this partner. Its own figures come only from
 * `splitByOrganisation`, the rule the Health check tab follows, so every brief together shows no
 * more than that tab: a group is shown only with MIN_GROUP or more people, and only when the people
 * left over are none or MIN_GROUP or more. Otherwise one sentence, the same whatever the reason,
 * so it gives away neither how many answered nor why.
 */
export function partnerHealthLines(round: BriefRound | null, partner: string): string[] {
  if (!round) return [];
  const group = splitByOrganisation(round.responses).shown.find((g) =>
    sameName(g.organisation, partner),
  );
  const lowest = group ? weakestFactors(group.scores, BRIEF_FACTORS) : [];
  if (!group || lowest.length === 0)
    return [
      `Round ${round.id}: too few answers from ${partner} to show its own scores. They appear once at least ${MIN_GROUP} people from it answer, and only where no one’s answers could be picked out.`,
    ];
  const scores = lowest
    .map((s) => `${FACTOR_NAMES[s.factor]} ${oneDecimal(s.score as number)}`)
    .join(', ');
  return [
    `Round ${round.id}, ${group.people} people from ${partner} together: lowest ${scores} (of 5).`,
    'Only totals: no one person’s answers. The Health check tab has every factor and what to do.',
  ];
}
