// What to do about a weak factor: one suggestion each, tied to a key action of partnership practice and drafted as an activity.
import type { ActivityType } from '../schema/tabs';
import { FACTOR_NAMES, type FactorKey } from './questions';

export interface Suggestion {
  factor: FactorKey;
  /** The key action it puts into practice (seven key actions for stronger partnerships). */
  keyAction: string;
  /** The advice, one sentence a coordinator can act on. */
  advice: string;
  /** The Calendar draft one click adds. */
  activity: { title: string; type: ActivityType };
}

/**
 * One suggestion a factor. Chosen for being small enough to start within a month and visible to
 * every partner, since a health check that changes nothing teaches people not to answer the next.
 */
const SUGGESTIONS: Record<FactorKey, Omit<Suggestion, 'factor'>> = {
  purpose: {
    keyAction: 'Use the partnership steps (find common ground)',
    advice:
      'Hold a short session to restate the shared purpose and check each goal still matters to every partner.',
    activity: { title: 'Revisit our shared purpose and goals', type: 'Workshop' },
  },
  communication: {
    keyAction: 'Share and learn',
    advice:
      'Set a regular monthly check-in where each partner says what changed and what is coming.',
    activity: { title: 'Monthly partner check-in', type: 'Meeting' },
  },
  trust: {
    keyAction: 'Share and learn (a trusting environment)',
    advice: 'Make time for a candid review of what went wrong and what was learnt, with no blame.',
    activity: { title: 'Candid review: challenges and lessons', type: 'Meeting' },
  },
  roles: {
    keyAction: 'Build partnerships into the work',
    advice:
      'Go through the plan together and name one lead for every activity and step left without one.',
    activity: { title: 'Agree who leads what', type: 'Meeting' },
  },
  resources: {
    keyAction: 'Analyse and reduce administrative barriers',
    advice:
      'Review what each partner brings against what the plan needs, and trim or fund what is short.',
    activity: { title: 'Review resources against the plan', type: 'Workshop' },
  },
  leadership: {
    keyAction: 'Build staff competencies',
    advice:
      'Share the chairing: let partners take turns leading meetings, with a short handover note.',
    activity: { title: 'Rotate meeting leadership', type: 'Capacity building' },
  },
  decisions: {
    keyAction: 'Bring staff together',
    advice:
      'Write down how decisions are made (who is asked, who decides, by when) and agree it together.',
    activity: { title: 'Agree how we make decisions', type: 'Meeting' },
  },
  progress: {
    keyAction: 'Spread the word',
    advice: 'Look at the indicators together and share one result with every partner’s staff.',
    activity: { title: 'Progress review against our indicators', type: 'Meeting' },
  },
};

export function suggestionFor(factor: FactorKey): Suggestion {
  return { factor, ...SUGGESTIONS[factor] };
}

/** The line the Health check tab shows: "Communication is the weakest factor: a monthly check-in?" */
export function suggestionLine(factor: FactorKey, rank: number): string {
  const s = SUGGESTIONS[factor];
  const which = rank === 0 ? 'the weakest factor' : rank === 1 ? 'second weakest' : 'third weakest';
  return `${FACTOR_NAMES[factor]} is ${which}: ${s.advice}`;
}

/** The Notes text marking a draft as this round's for this factor, so a second click finds the first draft. */
export function suggestionMarker(factor: FactorKey, roundId: string): string {
  return `Added from the Health check ${roundId} for ${FACTOR_NAMES[factor]}`;
}
