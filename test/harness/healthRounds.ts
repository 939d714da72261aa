// Runs health check rounds on a workspace through the bundle: varied answers from several organisations, open comments, each round closed a week later.
import type { Addon } from '../../emulator/addon';
import {
  OPEN_QUESTIONS,
  ORGANISATION_QUESTION,
  ORGANISATION_UNSAID,
  STATEMENTS,
} from '../../src/domain/health/questions';
import { seeded } from './seeded';
import { sidebarCall } from './sidebarCall';

const WEEK = 7 * 86_400_000;

/** Answers to every statement, seeded; the factor named `weak` scored lower. */
export function healthAnswers(rnd: () => number, weak = ''): Record<string, number> {
  return Object.fromEntries(
    STATEMENTS.map((s) => [
      s.text,
      Math.max(1, 1 + Math.floor(rnd() * 5) - (s.factor === weak ? 2 : 0)),
    ]),
  );
}

/** Comments long enough to be cut on the tab, so the longest lines are what is printed. */
const COMMENTS = [
  'The monthly meetings are useful, but the minutes arrive too late for our staff to act on what was agreed in them.',
  'Sharing the calendar has helped: we now know about the reading nights before the flyers go out to families.',
  'More time to plan together before the term starts, with every partner in the room rather than a few.',
];

/**
 * `rounds` rounds, each opened, answered by `perOrg` people from each of `organisations` and `unsaid`
 * (3) who do not say, then closed and the clock moved on a week; returns the form ids.
 */
export function runHealthRounds(
  addon: Addon,
  options: {
    rounds: number;
    organisations: string[];
    perOrg: number;
    unsaid?: number;
    seed?: number;
  },
): string[] {
  const ws = addon.workspace;
  const rnd = seeded(options.seed ?? 1);
  const ids: string[] = [];
  for (let r = 0; r < options.rounds; r++) {
    const closes = new Date(ws.runtime.now() + WEEK).toISOString().slice(0, 10);
    sidebarCall(addon, 'openHealthRound', { closes });
    const form = [...ws.forms.forms.values()].at(-1)!;
    ids.push(form.id);
    const who = [
      ...options.organisations.flatMap((o) => Array<string>(options.perOrg).fill(o)),
      ...Array<string>(options.unsaid ?? 3).fill(ORGANISATION_UNSAID),
    ];
    who.forEach((org, i) => {
      ws.forms.submit(form.id, {
        ...healthAnswers(rnd, r % 2 ? 'communication' : 'resources'),
        [ORGANISATION_QUESTION]: org,
        [OPEN_QUESTIONS[0].text]: COMMENTS[i % COMMENTS.length],
        [OPEN_QUESTIONS[1].text]: COMMENTS[(i + 1) % COMMENTS.length],
      });
    });
    sidebarCall(addon, 'closeHealthRound');
    ws.runtime.advance(WEEK);
  }
  return ids;
}
