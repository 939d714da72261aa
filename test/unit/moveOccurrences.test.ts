// The calendar switch's occurrence carrying, against a calendar whose instance ids are not the formed ones.
import fc from 'fast-check';
import {
  carryExceptions,
  instanceSuffix,
  type OccurrenceWrites,
} from '../../src/adapters/calendar/occurrences';
import type { EventJson } from '../../src/domain/calendarSync/eventResource';

const notFound = () => Object.assign(new Error('Not Found'), { details: { code: 404 } });
const gone = () =>
  Object.assign(new Error('Resource has been deleted'), { details: { code: 410 } });

/** An instant written in RFC 3339 with a given offset (minutes), as Google writes it in a zone. */
function withOffset(ms: number, offset: number): string {
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

it('names an occurrence by its original start in UTC, whatever offset Google wrote it with', () => {
  fc.assert(
    fc.property(
      fc
        .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) })
        .map((ms) => ms - (ms % 1000)),
      fc.integer({ min: -12 * 4, max: 14 * 4 }).map((q) => q * 15),
      (ms, offset) => {
        const utc = new Date(ms).toISOString();
        const basic = `${utc.slice(0, 4)}${utc.slice(5, 7)}${utc.slice(8, 10)}T${utc.slice(11, 13)}${utc.slice(14, 16)}${utc.slice(17, 19)}Z`;
        expect(instanceSuffix({ dateTime: withOffset(ms, offset), timeZone: 'X/Y' })).toBe(basic);
      },
    ),
  );
  expect(instanceSuffix({ date: '2027-03-09' })).toBe('20270309');
  expect(instanceSuffix({})).toBeNull();
});

/** A copy of a weekly series whose occurrences Google named by some other scheme than the formed id. */
function fakeCalendar(starts: string[]) {
  const occ = new Map(
    starts.map((s, i) => [`other${i}`, { start: s, cancelled: false, patched: {} }]),
  );
  const calls: string[] = [];
  const events: OccurrenceWrites = {
    instances: (_cal: string, _id: string, _args?: object) => {
      calls.push('instances');
      return {
        items: [...occ.entries()]
          .filter(([, o]) => !o.cancelled)
          .map(([id, o]) => ({ id, originalStartTime: { dateTime: o.start } })),
      } as GoogleAppsScript.Calendar.Schema.Events;
    },
    patch: (
      body: GoogleAppsScript.Calendar.Schema.Event,
      _cal: string,
      id: string,
      _args?: object,
    ) => {
      calls.push(`patch ${id}`);
      const o = occ.get(id);
      if (!o) throw notFound();
      o.patched = body;
      return body;
    },
    remove: (_cal: string, id: string, _args?: object) => {
      calls.push(`remove ${id}`);
      const o = occ.get(id);
      if (!o) throw notFound();
      if (o.cancelled) throw gone();
      o.cancelled = true;
    },
  };
  return { events, occ, calls };
}

it('finds the copy’s occurrences by one listing when the formed ids are unknown, and repeats safely', () => {
  const starts = ['2027-03-01T10:00:00Z', '2027-03-08T10:00:00Z', '2027-03-15T10:00:00Z'];
  const { events, occ, calls } = fakeCalendar(starts);
  const series: EventJson = { id: 'old', summary: 'Steering group', location: 'Library' };
  const exceptions: EventJson[] = [
    {
      id: 'old_20270301T100000Z',
      recurringEventId: 'old',
      originalStartTime: { dateTime: '2027-03-01T05:00:00-05:00' },
      start: { dateTime: '2027-03-02T15:00:00Z' },
      end: { dateTime: '2027-03-02T16:00:00Z' },
      summary: 'Steering group',
      location: 'Video call',
    },
    {
      id: 'old_20270315T100000Z',
      recurringEventId: 'old',
      status: 'cancelled',
      originalStartTime: { dateTime: '2027-03-15T10:00:00Z' },
    },
  ];
  expect(carryExceptions(events, 'new', 'copy', series, exceptions)).toBe(2);
  expect(calls).toEqual([
    'patch copy_20270301T100000Z',
    'instances',
    'patch other0',
    'remove copy_20270315T100000Z',
    'remove other2',
  ]);
  expect(occ.get('other0')!.patched).toEqual({
    start: { dateTime: '2027-03-02T15:00:00Z', date: null },
    end: { dateTime: '2027-03-02T16:00:00Z', date: null },
    location: 'Video call',
  });
  expect([...occ.values()].map((o) => o.cancelled)).toEqual([false, false, true]);
  // Again (an interrupted run resumed): same patch, the cancelled one already gone.
  calls.length = 0;
  expect(carryExceptions(events, 'new', 'copy', series, exceptions)).toBe(2);
  expect(calls.filter((c) => c === 'instances')).toHaveLength(1);
  expect([...occ.values()].map((o) => o.cancelled)).toEqual([false, false, true]);
});

it('stops at an error that is not “not found” (a quota error leaves the rest for the next run)', () => {
  const { events } = fakeCalendar(['2027-03-01T10:00:00Z']);
  const quota = Object.assign(new Error('Rate Limit Exceeded'), { details: { code: 403 } });
  events.remove = () => {
    throw quota;
  };
  const cancelled: EventJson = {
    recurringEventId: 'old',
    status: 'cancelled',
    originalStartTime: { dateTime: '2027-03-01T10:00:00Z' },
  };
  expect(() => carryExceptions(events, 'new', 'copy', {}, [cancelled])).toThrow(quota);
});
