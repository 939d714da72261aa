// Every extended property the sync writes stays inside Google's published limits, whatever partners type (nothing is cut without a word).
import fc from 'fast-check';
import { type ActivityContext, parseActivity } from '../../src/domain/calendarSync/activity';
import { writtenGuestsTag } from '../../src/domain/calendarSync/attendees';
import { toEventJson } from '../../src/domain/calendarSync/eventResource';
import { normaliseId } from '../../src/domain/calendarSync/plan';
import {
  PROPERTY_LIMITS,
  propertyLimitProblems,
} from '../../src/domain/calendarSync/propertyLimits';
import { nextFreeNumber } from '../../src/domain/table/ids';
import { TEST_ACTIVITY_CONTEXT } from '../harness/activityContext';

const ZONES = ['America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'Europe/London'];

/** The longest address RFC 5321 allows: 64 characters before the @, 254 in all. */
const longAddress = fc
  .tuple(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 4, max: 180 }), fc.nat(9999))
  .map(([local, domain, n]) => `${'p'.repeat(local - 1)}${n % 10}@${'d'.repeat(domain)}.example`);

/** What partners type into the ID cell: nothing, a plain ID, or an absurdly long "ID". */
const idCells = fc.oneof(
  fc.constant(''),
  fc.integer({ min: 1, max: 99_999 }).map((n) => `A${n}`),
  fc.integer({ min: 1, max: 2_000 }).map((n) => `a${'9'.repeat(n)}`),
  fc.string({ maxLength: 60 }),
);

/** Spreadsheet IDs are Google's (about 44 characters); a longer one is allowed for. */
const planKeys = fc.stringMatching(/^[A-Za-z0-9_-]{20,100}$/);

const huge = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.integer({ min: 1, max }).map((n) => 'é'.repeat(n)),
  );

describe('the tags the sync writes fit Google’s extended-property limits (V)', () => {
  it('holds for long titles, places and notes, many long guest addresses and long typed IDs, in several zones', () => {
    fc.assert(
      fc.property(
        huge(50_000),
        huge(50_000),
        fc.array(longAddress, { maxLength: 250 }),
        idCells,
        planKeys,
        fc.constantFrom(...ZONES),
        fc.boolean(),
        (title, location, guests, idCell, planKey, zone, capped) => {
          const context: ActivityContext = {
            ...TEST_ACTIVITY_CONTEXT,
            sheetZone: zone,
            planZone: zone,
            maxGuests: capped ? 50 : undefined,
          };
          const id = normaliseId(idCell, 'A') || `A${nextFreeNumber([idCell], 'A')}`;
          const parse = parseActivity(
            {
              row: 5,
              cells: {
                id: idCell,
                title: title || 'Meeting',
                location,
                description: location,
                startDate: '2027-03-04',
                startTime: '09:30',
                participants: guests.join(', '),
              },
            },
            id,
            context,
          );
          if (parse.kind !== 'event') return;
          const props = toEventJson(parse.event, planKey).extendedProperties?.private ?? {};
          expect(propertyLimitProblems(props)).toEqual([]);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('the guests tag never passes the value limit, however many guests', () => {
    fc.assert(
      fc.property(fc.array(longAddress, { maxLength: 600 }), (guests) => {
        expect(writtenGuestsTag(guests).length).toBeLessThanOrEqual(PROPERTY_LIMITS.valueChars);
      }),
      { numRuns: 50 },
    );
  });

  it('an "ID" too long to be one is not taken as the row’s ID', () => {
    expect(normaliseId(`A${'1'.repeat(15)}`, 'A')).toBe(`A${'1'.repeat(15)}`);
    expect(normaliseId(`A${'1'.repeat(16)}`, 'A')).toBe('');
    expect(nextFreeNumber([`A${'9'.repeat(1_100)}`, 'A7'], 'A')).toBe(8);
  });

  it('the measure sees what Google would drop or cut', () => {
    expect(propertyLimitProblems({ ['k'.repeat(45)]: 'v' })).toHaveLength(1);
    expect(propertyLimitProblems({ k: 'v'.repeat(1025) })).toHaveLength(1);
    const many = Object.fromEntries(Array.from({ length: 301 }, (_, i) => [`k${i}`, 'v']));
    expect(propertyLimitProblems(many)).toEqual(['more than 300 properties']);
    const heavy = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`k${i}`, 'é'.repeat(500)]),
    );
    expect(propertyLimitProblems(heavy)).toEqual(['more than 32768 bytes of properties']);
  });
});
