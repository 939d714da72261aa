// Patches merge guests: answers and Calendar-side guests survive; only guests the add-on wrote are removed.
import fc from 'fast-check';
import {
  type AttendeeJson,
  mergeAttendees,
  writtenGuestsTag,
} from '../../src/domain/calendarSync/attendees';

const ANSWERS = ['needsAction', 'declined', 'tentative', 'accepted'] as const;
const email = fc
  .tuple(fc.constantFrom('ana', 'bo', 'chen', 'dee', 'eli', 'fay', 'gus', 'hal'), fc.nat(3))
  .map(([name, n]) => `${name}${n}@example.org`);

describe('mergeAttendees', () => {
  it('keeps a guest added in Calendar and everyone’s answers; removes a guest the row dropped', () => {
    const tag = writtenGuestsTag(['ana@example.org', 'bo@example.org']);
    const existing: AttendeeJson[] = [
      { email: 'ana@example.org', responseStatus: 'accepted' },
      { email: 'bo@example.org', responseStatus: 'declined' },
      { email: 'zed@example.org', responseStatus: 'tentative', optional: true },
    ];
    const merged = mergeAttendees(['ana@example.org', 'cy@example.org'], existing, tag);
    expect(merged).toEqual({
      attendees: [
        { email: 'ana@example.org', responseStatus: 'accepted' },
        { email: 'zed@example.org', responseStatus: 'tentative', optional: true },
        { email: 'cy@example.org' },
      ],
      keptFromCalendar: ['zed@example.org'],
      changed: true,
    });
  });

  it('removes nobody from an event written before guests were tagged', () => {
    const existing = [{ email: 'bo@example.org', responseStatus: 'accepted' }];
    expect(mergeAttendees([], existing, null)).toEqual({
      attendees: existing,
      keptFromCalendar: ['bo@example.org'],
      changed: false,
    });
  });

  it('for any lists: every wanted guest is there once, no answer changes, only written-and-unwanted guests go', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(email, { maxLength: 8 }),
        fc.uniqueArray(email, { maxLength: 8 }),
        fc.uniqueArray(fc.tuple(email, fc.constantFrom(...ANSWERS)), {
          maxLength: 8,
          selector: ([e]) => e,
        }),
        (desired, written, onEvent) => {
          const existing = onEvent.map(([e, responseStatus]) => ({ email: e, responseStatus }));
          const { attendees } = mergeAttendees(desired, existing, writtenGuestsTag(written));
          const emails = attendees.map((a) => a.email);
          expect(new Set(emails).size).toBe(emails.length);
          for (const g of desired) expect(emails).toContain(g);
          for (const a of existing) {
            const gone = !desired.includes(a.email) && written.includes(a.email);
            expect(emails.includes(a.email)).toBe(!gone);
            if (!gone) expect(attendees.find((x) => x.email === a.email)).toBe(a);
          }
        },
      ),
      { seed: 4, numRuns: 300 },
    );
  });
});
