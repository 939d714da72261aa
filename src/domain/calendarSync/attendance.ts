// How many guests answered yes, no or maybe to an event, in words for the row's Attendance column.
import type { AttendeeJson } from './attendees';

/** REST attendees[].responseStatus values (V: Events resource) → the words the row shows. */
const WORDS: ReadonlyArray<readonly [string, string]> = [
  ['accepted', 'yes'],
  ['declined', 'no'],
  ['tentative', 'maybe'],
  ['needsAction', 'no answer'],
];

/**
 * "3 yes · 1 no · 2 no answer": counts of the guests' answers, zero counts left out, '' with no
 * guests. Rooms and other resources are not people, so they are not counted; an answer Google
 * may add later (or none) counts as no answer.
 */
export function attendanceText(attendees: readonly AttendeeJson[]): string {
  const counts = new Map<string, number>(WORDS.map(([status]) => [status, 0]));
  for (const a of attendees) {
    if (a.resource === true) continue;
    const status = counts.has(String(a.responseStatus)) ? String(a.responseStatus) : 'needsAction';
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return WORDS.filter(([status]) => (counts.get(status) ?? 0) > 0)
    .map(([status, word]) => `${counts.get(status)} ${word}`)
    .join(' · ');
}
