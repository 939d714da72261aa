// Single occurrences (issue 15): moved or cancelled in Google Calendar, shown on the row, kept by later syncs, exported to .ics.
import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import type { OccurrenceSnapshot } from '../../emulator/calendar';
import type { SyncReport } from '../../src/domain/calendarSync/report';
import { SCHEMA_VERSION_METADATA } from '../../src/domain/schema/metadata';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import type { IcsFile } from '../../src/shared/calendarWire';
import { seeded } from '../harness/seeded';
import { sidebarCall } from '../harness/sidebarCall';
import {
  appendRows,
  type Cells,
  calendarColumn,
  calendarRows,
  syncFixture,
} from '../harness/syncFixture';
import { columnOf, rowsOf, setUp } from '../harness/workbook';
import { loadAddon, underEveryOccurrenceReading } from '../harness/workspace';

const sync = (addon: { run(name: string): unknown }) => addon.run('syncCalendar') as SyncReport;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The wall clock of an instant in a zone, by ICU directly (not the add-on's zone code); its day as
 * the fixture's en_US spreadsheet writes dates (month/day/year), the format of every date the
 * add-on writes.
 */
function wall(ms: number, zone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: Number(get('year')),
    label: `${Number(get('month'))}/${Number(get('day'))}/${Number(get('year'))}`,
    clock: `${get('hour')}:${get('minute')}`,
  };
}
/** `yyyymmddThhmmss` on the zone's clock (an iCalendar local time). */
const local = (ms: number, zone: string) => {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(ms))
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}${p.month}${p.day}T${p.hour}${p.minute}${p.second}`;
};
const dateLabel = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${m}/${d}/${y}`;
};
const shiftDate = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

type Change = { kind: 'move'; to: Date | string } | { kind: 'cancel' };

/** What the Exceptions cell should say, worked out here from the changes made. */
function expectedText(
  occurrences: readonly OccurrenceSnapshot[],
  changes: ReadonlyMap<number, Change>,
  zone: string,
): string {
  const dayOf = (d: Date | string) =>
    typeof d === 'string' ? dateLabel(d) : wall(d.getTime(), zone).label;
  return [...changes.entries()]
    .sort(([a], [b]) => a - b)
    .map(([i, change]) => {
      const label = dayOf(occurrences[i].originalStart);
      if (change.kind === 'cancel') return `${label} cancelled`;
      if (typeof change.to === 'string') return `${label} moved to ${dayOf(change.to)}`;
      const to = dayOf(change.to);
      const clock = wall(change.to.getTime(), zone).clock;
      return to === label ? `${label} moved to ${clock}` : `${label} moved to ${to} ${clock}`;
    })
    .join('; ');
}

/** Moves and cancels occurrences of a series in the emulated Calendar, as a partner would. */
function applyChanges(
  ws: ReturnType<typeof syncFixture>['ws'],
  calendarId: string,
  seriesId: string,
  occurrences: readonly OccurrenceSnapshot[],
  changes: ReadonlyMap<number, Change>,
): void {
  for (const [i, change] of changes) {
    const original = occurrences[i].originalStart;
    if (change.kind === 'cancel') ws.calendar.cancelOccurrence(calendarId, seriesId, original);
    else ws.calendar.moveOccurrence(calendarId, seriesId, original, change.to);
  }
}

/** ical.js with only the file's own VTIMEZONEs: each UID's expanded starts (exceptions applied). */
function icalJsStarts(text: string): Map<string, number[]> {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const vevents = root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const out = new Map<string, number[]>();
  for (const master of vevents.filter((e) => !e.isRecurrenceException())) {
    for (const x of vevents.filter((e) => e.isRecurrenceException() && e.uid === master.uid))
      master.relateException(x);
    const starts: number[] = [];
    const it = master.iterator();
    for (let next = it.next(); next && starts.length < 500; next = it.next())
      starts.push(master.getOccurrenceDetails(next).startDate.toJSDate().getTime());
    out.set(
      master.uid,
      starts.sort((a, b) => a - b),
    );
  }
  return out;
}

/** node-ical (rrule-based): each UID's expanded starts, EXDATEs dropped, RECURRENCE-IDs moved. */
function nodeIcalStarts(text: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const c of Object.values(nodeIcal.sync.parseICS(text))) {
    if (c?.type !== 'VEVENT') continue;
    const ev = c as nodeIcal.VEvent;
    if (!ev.rrule) {
      out.set(ev.uid, [ev.start.getTime()]);
      continue;
    }
    const excluded = new Set(Object.values(ev.exdate ?? {}).map((d) => (d as Date).getTime()));
    const moved = new Map(
      Object.values(ev.recurrences ?? {}).map((r) => [
        (r.recurrenceid as Date).getTime(),
        (r.start as Date).getTime(),
      ]),
    );
    const starts = ev.rrule
      .all((_, i) => i < 500)
      .map((d) => d.getTime())
      .filter((ms) => !excluded.has(ms))
      .map((ms) => moved.get(ms) ?? ms);
    out.set(
      ev.uid,
      starts.sort((a, b) => a - b),
    );
  }
  return out;
}

/** The emulator's occurrences as instants (all-day: midnight UTC of the date, as both parsers read floating dates in UTC here). */
function emulatorStarts(occurrences: readonly OccurrenceSnapshot[]): number[] {
  return occurrences
    .map((o) =>
      typeof o.start === 'string' ? Date.parse(`${o.start}T00:00:00Z`) : o.start.getTime(),
    )
    .sort((a, b) => a - b);
}

const edit = (ws: ReturnType<typeof syncFixture>['ws'], key: string, text: string, row = 2) =>
  ws.sheets.userEdit('Calendar', row, calendarColumn(key), text);

underEveryOccurrenceReading(() => {
  // New York crosses the March DST change between occurrences, Auckland the April one, Kolkata none.
  describe.each(['America/New_York', 'Pacific/Auckland', 'Asia/Kolkata'])('in %s', (zone) => {
    const rows: Cells[] = [
      {
        title: 'Steering group',
        startDate: '2027-03-01',
        startTime: '10:00',
        endTime: '11:00',
        recurrence: 'Weekly, 8 times',
        location: 'Library',
      },
      { title: 'Market stall', startDate: '2027-03-02', recurrence: 'Weekly, 6 times' },
    ];

    function synced() {
      const fixture = syncFixture({ spreadsheetTimeZone: zone });
      appendRows(fixture.ws, CALENDAR_TAB, rows);
      expect(sync(fixture.addon)).toMatchObject({ created: 2, failed: 0 });
      const events = fixture.ws.calendar.liveEvents(fixture.calendarId);
      const id = (title: string) => events.find((e) => e.title === title)!.id;
      return { ...fixture, timed: id('Steering group'), allDay: id('Market stall') };
    }

    it('shows moved and cancelled occurrences on the row, keeps them through syncs and edits, exports them', () => {
      const { ws, addon, calendarId, timed, allDay } = synced();
      const timedOcc = ws.calendar.instancesOf(calendarId, timed);
      const allDayOcc = ws.calendar.instancesOf(calendarId, allDay);
      // One occurrence a day later at 15:00 local-ish (+29 h keeps it across any DST change), one cancelled.
      const timedChanges = new Map<number, Change>([
        [2, { kind: 'move', to: new Date((timedOcc[2].start as Date).getTime() + 29 * HOUR) }],
        [4, { kind: 'cancel' }],
        [5, { kind: 'move', to: new Date((timedOcc[5].start as Date).getTime() + 3 * HOUR) }],
      ]);
      const allDayChanges = new Map<number, Change>([
        [1, { kind: 'move', to: shiftDate(allDayOcc[1].start as string, 2) }],
        [3, { kind: 'cancel' }],
      ]);
      applyChanges(ws, calendarId, timed, timedOcc, timedChanges);
      applyChanges(ws, calendarId, allDay, allDayOcc, allDayChanges);
      const timedAfter = ws.calendar.instancesOf(calendarId, timed);
      const allDayAfter = ws.calendar.instancesOf(calendarId, allDay);
      expect(timedAfter).toHaveLength(7);
      expect(allDayAfter).toHaveLength(5);

      ws.runtime.resetCounts();
      const report = sync(addon);
      // Not a conflict of the row, and read from the lists the sync makes anyway: the plan's own
      // events, and the incremental read that looks for events others added (no call per series).
      expect(report).toMatchObject({ created: 0, updated: 0, conflicts: 0, failed: 0 });
      expect(ws.runtime.count(/^Calendar\.Events\./)).toBe(2);
      expect(ws.runtime.count('Calendar.Events.list')).toBe(2);
      // Moved occurrences carry the plan's tag: none of them is proposed as someone else's event.
      expect(report.summary).not.toContain('not made by the plan');
      const byTitle = () => new Map(calendarRows(ws).map((r) => [r.title, r]));
      const timedText = expectedText(timedOcc, timedChanges, zone);
      const allDayText = expectedText(allDayOcc, allDayChanges, zone);
      expect(byTitle().get('Steering group')?.exceptions).toBe(timedText);
      expect(byTitle().get('Market stall')?.exceptions).toBe(allDayText);
      expect(byTitle().get('Steering group')?.syncStatus).toMatch(/^OK/);

      // A partner also renamed the second moved occurrence on its own: that title is theirs.
      const special = timedAfter.find(
        (o) => o.exception && o.originalStart !== timedOcc[2].originalStart,
      )!;
      ws.calendar.advanced.Events.patch({ summary: 'Special session' }, calendarId, special.id);
      expect(sync(addon)).toMatchObject({ updated: 0, conflicts: 0 });

      // Edits of title and place, each followed by a sync, then quiet syncs: exceptions survive.
      for (const [key, text] of [
        ['title', 'Steering group (renamed)'],
        ['location', 'Town hall'],
      ] as const) {
        edit(ws, key, text);
        ws.runtime.resetCounts();
        expect(sync(addon)).toMatchObject({ updated: 1, created: 0, deleted: 0, conflicts: 0 });
        const now = ws.calendar.instancesOf(calendarId, timed);
        expect(now.map((o) => [o.id, o.start])).toEqual(timedAfter.map((o) => [o.id, o.start]));
        // The moved occurrences follow the row's new title and place, except a field a partner set.
        expect(
          now.map((o) => (o.id === special.id ? 'Special session' : 'Steering group (renamed)')),
        ).toEqual(now.map((o) => o.title));
        expect(
          now.every((o) => o.location === (key === 'location' ? 'Town hall' : 'Library')),
        ).toBe(true);
        // The series, then the moved occurrences that had the old value: at most 3 patches.
        expect(ws.runtime.count('Calendar.Events.patch')).toBe(key === 'title' ? 2 : 3);
        ws.runtime.resetCounts();
        expect(sync(addon)).toMatchObject({ updated: 0, created: 0, conflicts: 0 });
        expect(ws.runtime.count(/^Calendar\.Events\.(insert|patch|update|remove)$/)).toBe(0);
        expect(ws.runtime.count(/SpreadsheetApp\..*\.(setValues|setValue)$/)).toBe(0);
      }
      expect(ws.calendar.instancesOf(calendarId, allDay)).toEqual(allDayAfter);
      const row = calendarRows(ws).find((r) => r.eventId === timed)!;
      expect(row.exceptions).toBe(timedText);
      expect(row.syncStatus).toMatch(/^OK/);

      // The .ics: both parsers expand each series to the emulator's occurrences.
      const file = sidebarCall(addon, 'exportIcs') as IcsFile;
      const uidOf = (eventId: string) =>
        `${calendarRows(ws).find((r) => r.eventId === eventId)!.id}-`;
      for (const parse of [icalJsStarts, nodeIcalStarts]) {
        const parsed = parse(file.content);
        const starts = (eventId: string) =>
          [...parsed.entries()].find(([uid]) => uid.startsWith(uidOf(eventId)))?.[1];
        expect(starts(timed)).toEqual(emulatorStarts(ws.calendar.instancesOf(calendarId, timed)));
        expect(starts(allDay)).toEqual(emulatorStarts(allDayAfter));
      }
    });

    it('says in the row’s status when a new start time replaces the changed occurrences', () => {
      const { ws, addon, calendarId, timed } = synced();
      const occ = ws.calendar.instancesOf(calendarId, timed);
      ws.calendar.cancelOccurrence(calendarId, timed, occ[1].originalStart);
      sync(addon);
      const said = calendarRows(ws).find((r) => r.eventId === timed)!.exceptions as string;
      expect(said).toMatch(/cancelled$/);
      edit(ws, 'startTime', '12:00');
      edit(ws, 'endTime', '13:00');
      expect(sync(addon)).toMatchObject({ updated: 1, conflicts: 0 });
      const row = calendarRows(ws).find((r) => r.eventId === timed)!;
      expect(row.syncStatus).toBe(
        `OK: event updated (time). Note: the new time replaces the occurrences changed in Google Calendar (${said}).`,
      );
      expect(row.exceptions).toBe('');
      // Calendar laid the series out anew: every occurrence back, and the next sync agrees.
      expect(ws.calendar.instancesOf(calendarId, timed).some((o) => o.exception)).toBe(false);
      expect(ws.calendar.instancesOf(calendarId, timed)).toHaveLength(8);
      sync(addon);
      expect(calendarRows(ws).find((r) => r.eventId === timed)!.exceptions).toBe('');
    });
  });

  describe('a calendar that writes a deleted occurrence as EXDATE on the series', () => {
    it.each([
      ['America/New_York', (ms: number, zone: string) => `EXDATE;TZID=${zone}:${local(ms, zone)}`],
      [
        'Asia/Kolkata',
        (ms: number) => `EXDATE:${new Date(ms).toISOString().replace(/[-:]|\.\d+/g, '')}`,
      ],
    ])('%s: shows it, and a later patch keeps it excluded', (zone, exdate) => {
      const { ws, addon, calendarId } = syncFixture({ spreadsheetTimeZone: zone });
      appendRows(ws, CALENDAR_TAB, [
        {
          title: 'Clinic',
          startDate: '2027-03-03',
          startTime: '16:00',
          endTime: '17:00',
          recurrence: 'Weekly, 5 times',
        },
      ]);
      sync(addon);
      const [series] = ws.calendar.liveEvents(calendarId);
      const occ = ws.calendar.instancesOf(calendarId, series.id);
      const gone = (occ[2].start as Date).getTime();
      ws.calendar.advanced.Events.patch(
        { recurrence: [...series.recurrence, exdate(gone, zone)] },
        calendarId,
        series.id,
      );
      expect(sync(addon)).toMatchObject({ updated: 0, conflicts: 0 });
      expect(calendarRows(ws)[0].exceptions).toBe(`${wall(gone, zone).label} cancelled`);
      edit(ws, 'title', 'Drop-in clinic');
      expect(sync(addon)).toMatchObject({ updated: 1, conflicts: 0 });
      const now = ws.calendar.instancesOf(calendarId, series.id);
      expect(now.map((o) => o.start)).toEqual(occ.filter((_, i) => i !== 2).map((o) => o.start));
      expect(calendarRows(ws)[0].syncStatus).toBe('OK: event updated (title)');
    });
  });

  describe('random series and random single changes (property)', () => {
    const ZONES = ['Europe/Berlin', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
    it.each([3, 11, 29, 57, 88, 101])('seed %i: cell, emulator and both parsers agree', (seed) => {
      const rnd = seeded(seed);
      const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
      const zone = pick(ZONES);
      const { ws, addon, calendarId } = syncFixture({ spreadsheetTimeZone: zone });
      const allDay = rnd() < 0.35;
      const count = 3 + Math.floor(rnd() * 8);
      const month = 1 + Math.floor(rnd() * 12);
      const day = 1 + Math.floor(rnd() * 28);
      const startDate = `2027-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const hour = 7 + Math.floor(rnd() * 12);
      appendRows(ws, CALENDAR_TAB, [
        {
          title: `Series ${seed}`,
          startDate,
          ...(allDay ? {} : { startTime: `${hour}:30`, endTime: `${hour + 1}:15` }),
          recurrence: `${pick(['Daily', 'Weekly', 'Monthly'])}, ${count} times`,
        },
      ]);
      expect(sync(addon)).toMatchObject({ created: 1, failed: 0 });
      const [series] = ws.calendar.liveEvents(calendarId);
      const occ = ws.calendar.instancesOf(calendarId, series.id);
      expect(occ).toHaveLength(count);
      const changes = new Map<number, Change>();
      for (let i = 0; i < occ.length; i++) {
        const r = rnd();
        if (r < 0.25) changes.set(i, { kind: 'cancel' });
        else if (r < 0.5) {
          const start = occ[i].start;
          // Timed: later the same day by 15 to 75 minutes; all-day: 1 to 3 days later.
          changes.set(i, {
            kind: 'move',
            to:
              typeof start === 'string'
                ? shiftDate(start, 1 + Math.floor(rnd() * 3))
                : new Date(start.getTime() + (1 + Math.floor(rnd() * 5)) * 15 * 60_000),
          });
        }
      }
      applyChanges(ws, calendarId, series.id, occ, changes);
      expect(sync(addon)).toMatchObject({ conflicts: 0, failed: 0, updated: 0 });
      const [row] = calendarRows(ws);
      expect(row.exceptions).toBe(expectedText(occ, changes, zone));
      const file = sidebarCall(addon, 'exportIcs') as IcsFile;
      const want = emulatorStarts(ws.calendar.instancesOf(calendarId, series.id));
      for (const parse of [icalJsStarts, nodeIcalStarts])
        expect([...parse(file.content).values()][0]).toEqual(want);
    });
  });

  describe('a plan set up before the Exceptions column existed', () => {
    it('still syncs without it, and gets the column (filled by the next sync) on repair', () => {
      const { ws, addon } = loadAddon({ spreadsheetTimeZone: 'Europe/Lisbon' });
      const options = {
        coordinatorEmail: 'coordinator@example.org',
        timeZone: 'Europe/Lisbon',
        calendar: { mode: 'new' as const },
      };
      setUp(addon, options);
      // As a version-2 plan: no Exceptions column, schema version 2 on the spreadsheet.
      ws.sheets.userDeleteColumn('Calendar', columnOf(ws, 'Calendar', 'Exceptions'));
      const [version] = ws.sheets.spreadsheet
        .createDeveloperMetadataFinder()
        .withKey(SCHEMA_VERSION_METADATA)
        .find();
      version.setValue('2');
      const type = (header: string, text: string) =>
        addon.userEdit('Calendar', 2, columnOf(ws, 'Calendar', header), text);
      type('Title', 'Reading club');
      type('Start date', '2027-10-04');
      type('Start time', '18:00');
      type('End time', '19:00');
      type('Recurrence', 'Weekly, 5 times');
      type('Status', 'Planned');
      expect(sidebarCall(addon, 'syncCalendar')).toMatchObject({ created: 1, failed: 0 });
      const [event] = ws.calendar.listCalendars().flatMap((c) => ws.calendar.liveEvents(c.id));
      // 1 Nov: the first occurrence after Lisbon leaves summer time (31 Oct), 18:00 local = 18:00 UTC.
      ws.calendar.cancelOccurrence(event.calendarId, event.id, new Date('2027-11-01T18:00:00Z'));
      expect(sidebarCall(addon, 'syncCalendar')).toMatchObject({ failed: 0, conflicts: 0 });
      const summary = setUp(addon, options);
      expect(summary.migratedFrom).toBe(2);
      expect(rowsOf(ws, 'Calendar')[0]).toHaveProperty('Exceptions', '');
      sidebarCall(addon, 'syncCalendar');
      expect(rowsOf(ws, 'Calendar')[0].Exceptions).toBe(`${dateLabel('2027-11-01')} cancelled`);
    });
  });
});
