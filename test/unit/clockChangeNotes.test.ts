// A time moved by a clock change is told to the partner; an activity a clock change empties is an error.
import fc from 'fast-check';
import { type ActivityContext, parseActivity } from '../../src/domain/calendarSync/activity';
import type { ActivityParse, SyncPlan, WriteOperation } from '../../src/domain/calendarSync/types';
import { rowUpdates, STATUS } from '../../src/domain/calendarSync/writeBack';
import { localeDate, localeDateTime } from '../../src/domain/time/localeDate';
import { ZONE_NAMES } from '../../src/domain/time/zoneNames.generated';
import { resolveWallTime } from '../../src/domain/time/zones';
import { intlZoneOracle } from '../harness/intlZoneOracle';

/** A plan in `zone` whose spreadsheet writes dates as the zone's people do. */
const LOCALE_OF: Record<string, string> = {
  'Europe/Berlin': 'de_DE',
  'America/New_York': 'en_US',
  'Europe/Paris': 'fr_FR',
};

const context = (zone: string): ActivityContext => ({
  locale: LOCALE_OF[zone] ?? 'en_GB',
  sheetZone: 'Asia/Tokyo',
  planZone: zone,
  oracle: intlZoneOracle,
  partners: [],
  invitePartners: false,
  planName: 'Riverside',
  sheetUrl: 'https://docs.google.com/spreadsheets/d/x/edit#gid=7',
});

const parse = (zone: string, cells: Record<string, unknown>): ActivityParse =>
  parseActivity({ row: 4, cells: { title: 'Tutor training', ...cells } }, 'A1', context(zone));

describe('clock changes are told, not hidden', () => {
  it('says a nonexistent start time moved forward (Europe/Berlin, 28 Mar 2027)', () => {
    const p = parse('Europe/Berlin', {
      startDate: '2027-03-28',
      startTime: '02:30',
      endTime: '04:00',
    });
    if (p.kind !== 'event') throw new Error(JSON.stringify(p));
    expect(p.event.timing).toMatchObject({ startMs: Date.UTC(2027, 2, 28, 1, 30) });
    expect(p.event.notes).toEqual([
      `02:30 does not exist on ${localeDate({ year: 2027, month: 3, day: 28 }, 'de_DE')} in Europe/Berlin (the clocks go forward); the event starts at 03:30.`,
    ]);
  });

  it('says an ambiguous time took the earlier instant (Europe/Berlin, 31 Oct 2027)', () => {
    const p = parse('Europe/Berlin', {
      startDate: '2027-10-31',
      startTime: '02:30',
      endTime: '04:00',
    });
    if (p.kind !== 'event') throw new Error(JSON.stringify(p));
    expect(p.event.timing).toMatchObject({ startMs: Date.UTC(2027, 9, 31, 0, 30) });
    expect(p.event.notes?.[0]).toBe(
      `02:30 happens twice on ${localeDate({ year: 2027, month: 10, day: 31 }, 'de_DE')} in Europe/Berlin (the clocks go back); the event starts at the first 02:30, before the change.`,
    );
  });

  it('refuses an activity a clock change leaves with no time (02:30–03:30 New York, 14 Mar 2027)', () => {
    const p = parse('America/New_York', {
      startDate: '2027-03-14',
      startTime: '02:30',
      endTime: '03:30',
    });
    expect(p.kind).toBe('invalid');
    if (p.kind !== 'invalid') return;
    expect(p.messages.join(' ')).toContain(
      `02:30 does not exist on ${localeDate({ year: 2027, month: 3, day: 14 }, 'en_US')} in America/New_York (the clocks go forward); the event starts at 03:30.`,
    );
    expect(p.messages.join(' ')).toContain('would last no time at all');
  });

  it('refuses a typed end equal to the start: never a zero-length event', () => {
    const p = parse('Europe/Paris', {
      startDate: '2027-05-04',
      startTime: '10:00',
      endTime: '10:00',
    });
    expect(p).toEqual({
      kind: 'invalid',
      messages: [
        `The activity ends (${localeDateTime({ year: 2027, month: 5, day: 4, hour: 10, minute: 0, second: 0 }, 'fr_FR')}) when it starts: give it an end time after its start time.`,
      ],
    });
  });

  it('puts the note in the Sync status of a created row and of a row already in sync', () => {
    const p = parse('Europe/Berlin', {
      startDate: '2027-03-28',
      startTime: '02:30',
      endTime: '04:00',
    });
    if (p.kind !== 'event') throw new Error('not an event');
    const desired = p.event;
    const existing = { eventId: 'e1', attendees: [] } as never;
    const create: WriteOperation = {
      kind: 'create',
      row: 4,
      activityId: 'A1',
      desired,
      recreated: false,
    };
    const plan: SyncPlan = {
      operations: [
        create,
        { kind: 'keep', row: 5, activityId: 'A2', eventId: 'e2', desired, existing },
      ],
      newIds: [],
      heldBackDeletions: 0,
      removals: 0,
      nextIdNumber: 3,
    };
    const updates = rowUpdates(
      plan,
      [{ op: create, ok: true, eventId: 'e1', updatedMs: 1 }],
      () => 'OK',
    );
    const note = desired.notes ?? [];
    expect(updates.find((u) => u.row === 4)?.syncStatus).toBe(STATUS.noted(STATUS.created, note));
    expect(updates.find((u) => u.row === 5)?.syncStatus).toBe(`OK. Note: ${note[0]}`);
    // Once written, a quiet sync leaves it.
    const again = rowUpdates(plan, [], (row) => (row === 5 ? `OK. Note: ${note[0]}` : ''));
    expect(again.find((u) => u.row === 5)?.syncStatus).toBeUndefined();
  });
});

describe('resolveWallTime says what it did, in every zone', () => {
  const HOUR = 3_600_000;
  it('reports a gap exactly when Intl shows another wall time, an overlap exactly when two instants show it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONE_NAMES),
        fc.integer({ min: Date.UTC(1975, 0, 1), max: Date.UTC(2060, 0, 1) }),
        (zone, ms) => {
          const wall = intlZoneOracle(Math.floor(ms / 60_000) * 60_000, zone);
          const { instantMs, adjustment } = resolveWallTime(intlZoneOracle, wall, zone);
          const shown = intlZoneOracle(instantMs, zone);
          // A wall time read off a clock always exists: never a gap; an overlap only if an hour or
          // so either side shows the same wall time.
          expect(adjustment?.kind).not.toBe('gap');
          expect(shown).toEqual(wall);
          const twice = [-3, -2, -1, -0.5, 0.5, 1, 2, 3].some(
            (h) =>
              JSON.stringify(intlZoneOracle(instantMs + h * HOUR, zone)) === JSON.stringify(wall),
          );
          expect(adjustment?.kind === 'overlap').toBe(twice);
        },
      ),
      { seed: 11, numRuns: 400 },
    );
  });
});
