// Calendar sync through the built bundle on the fakes: idempotence, edits between syncs, deletions,
// copies, bad rows, faults mid-sync, the lock, Calendar-side changes and ownership.
import { DAILY_QUOTA_MESSAGE } from '../../emulator/calendar/errors';
import type { SyncReport } from '../../src/domain/calendarSync/report';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import { localeDate } from '../../src/domain/time/localeDate';
import { sidebarCall } from '../harness/sidebarCall';
import {
  appendRows,
  type Cells,
  calendarColumn,
  calendarRows,
  syncFixture,
} from '../harness/syncFixture';

/** A day of 2027 as the fixture's spreadsheet (en_US) writes dates, in cells and sentences. */
const day = (month: number, d: number) => localeDate({ year: 2027, month, day: d }, 'en_US');

const tutoring: Cells = {
  title: 'After-school reading tutoring',
  type: 'Capacity building',
  startDate: '2027-03-02',
  startTime: '15:30',
  endTime: '16:30',
  recurrence: 'Weekly, 10 times',
  location: 'Riverside Elementary, Room 12',
  lead: 'State University Tutoring Corps',
  participants: 'Riverside Elementary School, Riverside Public Library',
  goal: 'G1 · Every child reads at grade level',
  outcome: 'O1 · 80% of K–2 students at the reading benchmark',
};
const fair: Cells = {
  title: 'Family reading fair',
  type: 'Event',
  startDate: '2027-04-10',
  endDate: '2027-04-11',
  location: 'Riverside Public Library',
  lead: 'Riverside Public Library',
};
const meeting: Cells = {
  title: 'Partners’ monthly meeting',
  type: 'Meeting',
  startDate: '2027-03-09',
  startTime: '09:00',
  endTime: '10:30',
  recurrence: 'Monthly until 2027-06-30',
  lead: 'Riverside Elementary School',
};

const sync = (addon: { run(name: string): unknown }) => addon.run('syncCalendar') as SyncReport;
const calendarWrites = (ws: { runtime: { count(m: RegExp): number } }) =>
  ws.runtime.count(
    /^Calendar\.Events\.(insert|patch|update|remove)$|^CalendarApp\..*\.(create|set|delete)/,
  );

describe('syncCalendar', () => {
  it('creates timed series, all-day multi-day events and tags each with its activity', () => {
    const { ws, addon, calendarId } = syncFixture();
    appendRows(ws, CALENDAR_TAB, [tutoring, fair, meeting]);
    const report = sync(addon);
    expect(report).toMatchObject({
      created: 3,
      updated: 0,
      deleted: 0,
      unchanged: 0,
      failed: 0,
      errors: [],
    });

    const events = ws.calendar.liveEvents(calendarId);
    const byTitle = Object.fromEntries(events.map((e) => [e.title, e]));
    const t = byTitle[tutoring.title as string];
    expect(t.start).toEqual(new Date(Date.UTC(2027, 2, 2, 20, 30))); // 15:30 EST
    expect(t.recurrence).toEqual(['RRULE:FREQ=WEEKLY;COUNT=10']);
    expect(t.color).toBe('2');
    expect(t.location).toBe('Riverside Elementary, Room 12');
    expect(t.description).toContain('Lead partner: State University Tutoring Corps');
    expect(t.description).toContain(
      'Participants: Riverside Elementary School, Riverside Public Library',
    );
    expect(t.description).toContain('Linked goal: G1 · Every child reads at grade level');
    expect(t.description).toContain('Linked outcome: O1');
    expect(t.description).toContain('https://');
    expect(t.tags).toMatchObject({ swpActivityId: 'A1' });
    // All-day, two days: end date exclusive.
    expect(byTitle[fair.title as string]).toMatchObject({
      allDay: true,
      start: '2027-04-10',
      end: '2027-04-12',
      color: '11',
    });
    expect(byTitle[meeting.title as string].recurrence).toEqual([
      'RRULE:FREQ=MONTHLY;UNTIL=20270701T035959Z',
    ]);

    const rows = calendarRows(ws);
    expect(rows.map((r) => r.id)).toEqual(['A1', 'A2', 'A3']);
    for (const r of rows) {
      expect(r.syncStatus).toBe('OK: event created');
      expect(events.map((e) => e.id)).toContain(r.eventId);
    }
  });

  it('writes nothing on a second sync with no edits', () => {
    const { ws, addon } = syncFixture();
    appendRows(ws, CALENDAR_TAB, [tutoring, fair, meeting]);
    sync(addon);
    ws.runtime.resetCounts();
    const report = sync(addon);
    expect(report).toMatchObject({ created: 0, updated: 0, deleted: 0, unchanged: 3, failed: 0 });
    expect(calendarWrites(ws)).toBe(0);
    expect(ws.runtime.count(/SpreadsheetApp\..*\.(setValues|setValue|insertSheet)$/)).toBe(0);
    // The plan's events, and the incremental read of the calendar that finds foreign ones.
    expect(ws.runtime.count('Calendar.Events.list')).toBe(2);
    expect(ws.runtime.count('SpreadsheetApp.Range.getValues')).toBe(2); // Calendar + Partners tabs
  });

  it('previews without writing anything', () => {
    const { ws, addon, calendarId } = syncFixture();
    appendRows(ws, CALENDAR_TAB, [tutoring, fair, { title: '', startDate: 'soon' }]);
    ws.runtime.resetCounts();
    const preview = sidebarCall(addon, 'previewSync');
    expect(preview).toMatchObject({ preview: true, created: 2, failed: 1 });
    expect(preview.changes.map((c) => `${c.kind} ${c.row}`)).toEqual(['create 2', 'create 3']);
    expect(preview.summary).toContain('2 events would be created');
    expect(ws.calendar.liveEvents(calendarId)).toHaveLength(0);
    expect(ws.runtime.count(/SpreadsheetApp\..*\.set/)).toBe(0);
  });

  it('converges after add, change, copy, delete, bad value and fix: one correct event per valid row', () => {
    const { ws, addon, calendarId } = syncFixture();
    appendRows(ws, CALENDAR_TAB, [tutoring, fair]);
    sync(addon);
    const tutorEvent = calendarRows(ws)[0].eventId;

    // Add a row; change the fair's location; copy the tutoring row to a new row and change its day.
    appendRows(ws, CALENDAR_TAB, [meeting]);
    addon.userEdit('Calendar', 3, calendarColumn('location'), 'Library garden');
    ws.sheets.userCopyRow('Calendar', 2, 5);
    addon.userEdit('Calendar', 5, calendarColumn('startDate'), '2027-03-04');
    addon.userEdit('Calendar', 5, calendarColumn('title'), 'Reading tutoring (Thursday group)');
    let report = sync(addon);
    expect(report).toMatchObject({ created: 2, updated: 1, deleted: 0, unchanged: 1 });
    let rows = calendarRows(ws);
    expect(rows.map((r) => r.id)).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(rows[0].eventId).toBe(tutorEvent);
    expect(rows[3].eventId).not.toBe(tutorEvent);

    // Delete the meeting row; type text into the fair's date; cancel nothing yet.
    ws.sheets.userDeleteRows('Calendar', 4);
    addon.userEdit('Calendar', 3, calendarColumn('startDate'), 'mid April');
    report = sync(addon);
    expect(report).toMatchObject({ created: 0, updated: 0, deleted: 1, failed: 1 });
    expect(report.errors).toEqual([
      {
        row: 3,
        activityId: 'A2',
        message: expect.stringContaining('Start date “mid April” is not a date'),
      },
    ]);
    rows = calendarRows(ws);
    expect(rows[1].startDate).toBe('mid April'); // what the partner typed stays
    expect(rows[1].syncStatus).toContain('Start date “mid April” is not a date');
    // The bad row's event is kept until the row is fixed.
    expect(
      ws.calendar
        .liveEvents(calendarId)
        .map((e) => e.title)
        .sort(),
    ).toEqual(
      [
        'After-school reading tutoring',
        'Family reading fair',
        'Reading tutoring (Thursday group)',
      ].sort(),
    );

    // Fix the date (a day later) and cancel the copy.
    addon.userEdit('Calendar', 3, calendarColumn('startDate'), '2027-04-17');
    addon.userEdit('Calendar', 3, calendarColumn('endDate'), '2027-04-18');
    addon.userEdit('Calendar', 4, calendarColumn('status'), 'Cancelled');
    report = sync(addon);
    expect(report).toMatchObject({ updated: 1, deleted: 1, failed: 0, unchanged: 1 });

    const live = ws.calendar.liveEvents(calendarId);
    rows = calendarRows(ws);
    expect(live).toHaveLength(2);
    expect(live.find((e) => e.tags.swpActivityId === 'A2')).toMatchObject({
      start: '2027-04-17',
      end: '2027-04-19',
      location: 'Library garden',
    });
    expect(rows[2].syncStatus).toBe('Cancelled: its event was removed from the calendar.');
    expect(rows[2].eventId).toBe('');
    // Every valid row points at its own live event.
    for (const r of rows.filter((x) => x.status !== 'Cancelled'))
      expect(live.filter((e) => e.id === r.eventId && e.tags.swpActivityId === r.id)).toHaveLength(
        1,
      );
    // And one more sync is quiet.
    ws.runtime.resetCounts();
    expect(sync(addon)).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    expect(calendarWrites(ws)).toBe(0);
  });

  it('records every deletion in the Sync Log with the event’s details', () => {
    const { ws, addon } = syncFixture();
    appendRows(ws, CALENDAR_TAB, [tutoring, fair]);
    sync(addon);
    ws.sheets.userDeleteRows('Calendar', 2);
    sync(addon);
    const [header, ...log] = ws.sheets.table('Sync Log');
    expect(header).toContain('Activity ID');
    const deletion = log.find((r) => r[2] === 'Deleted event');
    expect(deletion).toBeDefined();
    expect(deletion).toEqual(
      expect.arrayContaining([
        'A1',
        'After-school reading tutoring',
        'Riverside Elementary, Room 12',
      ]),
    );
    // The Sync Log's When: the day as the spreadsheet (en_US) writes dates, then the clock.
    expect(String(deletion?.[6])).toContain(`${day(3, 2)} 15:30 → 16:30`);
    expect(String(deletion?.[9])).toContain('RRULE:FREQ=WEEKLY;COUNT=10');
    expect(String(deletion?.[9])).toContain('Lead partner: State University Tutoring Corps');
  });

  it('keeps logging once the Sync Log fills its grid (a range past the last row throws)', () => {
    const { ws, addon } = syncFixture();
    appendRows(ws, CALENDAR_TAB, [tutoring, fair]);
    sync(addon);
    // Months of hourly syncs: the log reaches the last of the grid's 1,000 rows.
    const spreadsheet = ws.sheets.app.getActiveSpreadsheet();
    const log = spreadsheet.getSheetByName('Sync Log');
    if (!log) throw new Error('The first sync should have created the Sync Log');
    const filler = Array.from({ length: log.getMaxRows() - log.getLastRow() }, () => [
      'earlier run',
    ]);
    log.getRange(log.getLastRow() + 1, 1, filler.length, 1).setValues(filler);
    expect(log.getLastRow()).toBe(log.getMaxRows());
    ws.sheets.userDeleteRows('Calendar', 2);
    expect(sync(addon)).toMatchObject({ deleted: 1, failed: 0 });
    const rows = ws.sheets.table('Sync Log');
    expect(rows.length).toBeGreaterThan(1000);
    expect(rows.some((r) => r[2] === 'Deleted event' && r[3] === 'A1')).toBe(true);
  });

  it('writes each row its own event even when partners insert and sort rows during the sync', () => {
    const { ws, addon, calendarId } = syncFixture();
    appendRows(ws, CALENDAR_TAB, [tutoring, fair, meeting]);
    // The second event write happens while a partner inserts a row at the top and sorts by title.
    const events = ws.calendar.advanced.Events;
    const insert = events.insert.bind(events);
    let calls = 0;
    events.insert = ((...args: Parameters<typeof insert>) => {
      calls += 1;
      if (calls === 2) {
        ws.sheets.userInsertRows('Calendar', 2, 1);
        ws.sheets.userSortRows('Calendar', calendarColumn('title'), false, 1);
      }
      return insert(...args);
    }) as typeof events.insert;
    expect(sync(addon)).toMatchObject({ created: 3, failed: 0 });
    events.insert = insert;
    // The rows really moved (descending titles), so the check below is not vacuous.
    expect(
      calendarRows(ws)
        .map((r) => r.title)
        .filter(Boolean),
    ).toEqual([meeting.title, fair.title, tutoring.title]);
    const live = ws.calendar.liveEvents(calendarId);
    for (const row of calendarRows(ws).filter((r) => r.title !== '')) {
      const event = live.find((e) => e.id === row.eventId);
      expect({ row: row.row, title: event?.title, tag: event?.tags.swpActivityId }).toEqual({
        row: row.row,
        title: row.title,
        tag: row.id,
      });
    }
    expect(sync(addon)).toMatchObject({ created: 0, updated: 0, deleted: 0, unchanged: 3 });
    expect(ws.calendar.liveEvents(calendarId)).toHaveLength(3);
  });

  it('never changes or deletes events it did not create', () => {
    const { ws, addon, calendarId } = syncFixture();
    const events = ws.calendar.advanced.Events;
    events.insert(
      {
        summary: 'Principal’s own meeting',
        start: { date: '2027-03-05' },
        end: { date: '2027-03-06' },
      },
      calendarId,
    );
    events.insert(
      {
        summary: 'Another plan’s activity',
        start: { date: '2027-03-05' },
        end: { date: '2027-03-06' },
        extendedProperties: { private: { swpPlan: 'another-spreadsheet', swpActivityId: 'A1' } },
      },
      calendarId,
    );
    appendRows(ws, CALENDAR_TAB, [fair]);
    sync(addon);
    ws.sheets.userDeleteRows('Calendar', 2);
    const report = sync(addon);
    expect(report.deleted).toBe(1);
    expect(
      ws.calendar
        .liveEvents(calendarId)
        .map((e) => e.title)
        .sort(),
    ).toEqual(['Another plan’s activity', 'Principal’s own meeting']);
  });

  it('names each kind of bad row in its status cell and still syncs the others', () => {
    const { ws, addon, calendarId } = syncFixture();
    appendRows(ws, CALENDAR_TAB, [
      { ...fair, startDate: 'next week' },
      { ...fair, title: '' },
      { ...tutoring, endTime: '14:00' },
      { ...tutoring, recurrence: 'Every so often' },
      { ...tutoring, participants: 'Riverside YMCA, coach@ymca' },
      meeting,
    ]);
    const report = sync(addon);
    expect(report).toMatchObject({ created: 1, failed: 5 });
    const status = calendarRows(ws).map((r) => String(r.syncStatus));
    expect(status[0]).toContain('Start date “next week” is not a date');
    expect(status[1]).toContain('Title is empty');
    expect(status[2]).toContain('before it starts');
    expect(status[3]).toContain('Recurrence “Every so often”');
    expect(status[4]).toContain('“coach@ymca” is not a valid email address');
    expect(status[5]).toBe('OK: event created');
    expect(ws.calendar.liveEvents(calendarId)).toHaveLength(1);
  });

  it('refuses a second sync while one holds the document lock, and says so', () => {
    const { ws, addon } = syncFixture();
    appendRows(ws, CALENDAR_TAB, [fair]);
    const release = ws.locks.holdDocumentLock('a partner’s sync');
    expect(() => addon.run('syncCalendar')).toThrow(/Another calendar sync is running/);
    expect(calendarWrites(ws)).toBe(0);
    release();
    expect(sync(addon).created).toBe(1);
  });

  it('says plainly what to do when the calendar is read-only or gone', () => {
    const { ws, addon, calendarId } = syncFixture();
    appendRows(ws, CALENDAR_TAB, [fair]);
    ws.calendar.setAccess(calendarId, 'reader');
    expect(() => addon.run('syncCalendar')).toThrow(
      /not change its events\. Ask its owner to share it/,
    );
    ws.calendar.userDeletesCalendar(calendarId);
    expect(() => addon.run('syncCalendar')).toThrow(/no longer exists or is no longer shared/);
  });
});

describe('syncCalendar: limits and checkpoints', () => {
  const many = (n: number): Cells[] =>
    Array.from({ length: n }, (_, i) => ({
      title: `Session ${i + 1}`,
      startDate: '2027-05-03',
      startTime: '10:00',
    }));

  it('stops at a rate-limit error, keeps what it did, and the next run finishes with no duplicate', () => {
    const { ws, addon, calendarId } = syncFixture();
    appendRows(ws, CALENDAR_TAB, many(8));
    ws.runtime.failAt('Calendar.Events.insert', 4, 'Calendar usage limits exceeded.');
    const first = sync(addon);
    expect(first).toMatchObject({ created: 3, complete: false, remaining: 5 });
    expect(first.summary).toContain('continues by itself');
    expect(ws.script.triggers.map((t) => t.handler)).toContain('continueCalendarSync_');
    const rows = calendarRows(ws);
    expect(rows.slice(0, 3).every((r) => r.eventId !== '')).toBe(true);
    expect(rows[3].syncStatus).toContain('Waiting: the sync stopped before this row');

    ws.runtime.advance(61_000);
    expect(addon.runDueTriggers()).toEqual(['continueCalendarSync_']);
    const live = ws.calendar.liveEvents(calendarId);
    expect(live).toHaveLength(8);
    expect(new Set(live.map((e) => e.tags.swpActivityId)).size).toBe(8);
    expect(calendarRows(ws).every((r) => r.syncStatus === 'OK: event created')).toBe(true);
    expect(ws.script.triggers).toEqual([]);
  });

  it('finishes a Sync now clicked after the coordinator gave the settings up (both automatic syncs off)', () => {
    const { ws, addon, calendarId } = syncFixture();
    sidebarCall(addon, 'setAutoSync', { afterEdits: true, hourly: false });
    sidebarCall(addon, 'setAutoSync', { afterEdits: false, hourly: false });
    appendRows(ws, CALENDAR_TAB, many(8));
    ws.runtime.failAt('Calendar.Events.insert', 4, 'Calendar usage limits exceeded.');
    expect(sync(addon)).toMatchObject({ created: 3, complete: false, remaining: 5 });
    ws.runtime.advance(61_000);
    expect(addon.runDueTriggers()).toEqual(['continueCalendarSync_']);
    expect(ws.calendar.liveEvents(calendarId)).toHaveLength(8);
    expect(ws.script.triggers).toEqual([]);
  });

  it('after the daily limit, waits an hour before trying again instead of every minute', () => {
    const { ws, addon, calendarId } = syncFixture();
    appendRows(ws, CALENDAR_TAB, many(6));
    // The daily quota stays used up: every create from the 3rd on fails until it resets.
    ws.runtime.failAt('Calendar.Events.insert', 3, DAILY_QUOTA_MESSAGE, 10_000);
    const first = sync(addon);
    expect(first).toMatchObject({ created: 2, complete: false });
    expect(first.summary).toContain('tries again by itself in an hour');
    const due = ws.script.triggers.filter((t) => t.handler === 'continueCalendarSync_');
    expect(due).toHaveLength(1);
    expect(due[0].nextDueMs).toBeGreaterThanOrEqual(ws.runtime.now() + 59 * 60_000);
    // A minute later nothing runs: no trigger runtime spent, no Sync Log line added.
    const logLines = ws.sheets.table('Sync Log').length;
    ws.runtime.advance(61_000);
    expect(addon.runDueTriggers()).toEqual([]);
    expect(ws.sheets.table('Sync Log')).toHaveLength(logLines);
    // Still used up an hour later: one more try, and again an hour after it.
    ws.runtime.advance(60 * 60_000);
    expect(addon.runDueTriggers()).toEqual(['continueCalendarSync_']);
    const again = ws.script.triggers.filter((t) => t.handler === 'continueCalendarSync_');
    expect(again).toHaveLength(1);
    expect(again[0].nextDueMs).toBeGreaterThanOrEqual(ws.runtime.now() + 59 * 60_000);
    // The quota is back: the next try finishes, with every event once.
    ws.runtime.clearFaults();
    ws.runtime.advance(61 * 60_000);
    expect(addon.runDueTriggers()).toEqual(['continueCalendarSync_']);
    expect(ws.calendar.liveEvents(calendarId)).toHaveLength(6);
    expect(ws.script.triggers).toEqual([]);
  });

  it('a continuation stopped by a limit before any write schedules the next one, so the work is never dropped', () => {
    const { ws, addon, calendarId } = syncFixture();
    appendRows(ws, CALENDAR_TAB, many(5));
    ws.runtime.failAt('Calendar.Events.insert', 3, 'Calendar usage limits exceeded.');
    expect(sync(addon)).toMatchObject({ created: 2, complete: false });
    // The continuation's first read of the calendar is refused too.
    ws.runtime.failAt('Calendar.Events.list', 1, 'Calendar usage limits exceeded.');
    ws.runtime.advance(61_000);
    expect(addon.runDueTriggers()).toEqual(['continueCalendarSync_']);
    expect(ws.script.triggers.map((t) => t.handler)).toEqual(['continueCalendarSync_']);
    ws.runtime.advance(61_000);
    expect(addon.runDueTriggers()).toEqual(['continueCalendarSync_']);
    expect(ws.calendar.liveEvents(calendarId)).toHaveLength(5);
    expect(ws.script.triggers).toEqual([]);
  });

  it('adopts the events of a run that died before writing back (no duplicate, no churn)', () => {
    const { ws, addon, calendarId } = syncFixture();
    appendRows(ws, CALENDAR_TAB, many(5));
    // The write-back of the sync columns fails: the run dies after creating every event.
    ws.runtime.failAt(
      'SpreadsheetApp.Range.setValues',
      2,
      'Service Spreadsheets failed while accessing document.',
    );
    // Google's words go to the Sync Log; the person reads what to do.
    expect(() => addon.run('syncCalendar')).toThrow(/temporary problem, so the sync stopped/);
    expect(ws.calendar.liveEvents(calendarId)).toHaveLength(5);
    expect(calendarRows(ws).map((r) => r.eventId)).toEqual(['', '', '', '', '']);
    ws.runtime.resetCounts();
    const second = sync(addon);
    expect(second).toMatchObject({ created: 0, deleted: 0, unchanged: 5 });
    expect(calendarWrites(ws)).toBe(0);
    expect(ws.calendar.liveEvents(calendarId)).toHaveLength(5);
    expect(calendarRows(ws).every((r) => r.eventId !== '')).toBe(true);
  });

  it('stops before the 6-minute limit, checkpoints, and the continuation finishes the job', () => {
    const { ws, addon, calendarId } = syncFixture();
    appendRows(ws, CALENDAR_TAB, many(60));
    ws.runtime.setLatency('Calendar.Events.insert', 6_000); // a slow day: 6.4 s per event
    const first = sync(addon);
    expect(first.complete).toBe(false);
    expect(first.stoppedReason).toContain('6-minute');
    expect(first.created).toBeGreaterThan(30);
    expect(first.created + first.remaining).toBe(60);
    ws.runtime.advance(61_000);
    addon.runDueTriggers();
    const live = ws.calendar.liveEvents(calendarId);
    expect(live).toHaveLength(60);
    expect(new Set(live.map((e) => e.tags.swpActivityId)).size).toBe(60);
  });
});

describe('syncCalendar: changes made in Google Calendar', () => {
  function moved() {
    const f = syncFixture();
    appendRows(f.ws, CALENDAR_TAB, [fair, meeting]);
    sync(f.addon);
    const event = calendarRows(f.ws)[0].eventId as string;
    f.ws.runtime.advance(3_600_000);
    f.ws.calendar.userEditsEvent(f.calendarId, event, {
      title: 'Family reading fair (moved)',
      start: '2027-04-24',
      end: '2027-04-26',
    });
    return { ...f, event };
  }

  it('reports the change and overwrites neither the row nor the event', () => {
    const { ws, addon, calendarId, event } = moved();
    ws.runtime.resetCounts();
    const report = sync(addon);
    expect(report.conflicts).toBe(1);
    expect(report.conflictList[0]).toMatchObject({
      row: 2,
      activityId: 'A1',
      side: 'calendar',
      changed: ['title', 'time'],
      calendar: {
        title: 'Family reading fair (moved)',
        when: `${day(4, 24)} → ${day(4, 25)} (all day)`,
      },
      sheet: { title: 'Family reading fair', when: `${day(4, 10)} → ${day(4, 11)} (all day)` },
    });
    expect(calendarWrites(ws)).toBe(0);
    expect(ws.calendar.liveEvents(calendarId).find((e) => e.id === event)?.title).toBe(
      'Family reading fair (moved)',
    );
    const row = calendarRows(ws)[0];
    expect(row.title).toBe('Family reading fair');
    expect(row.syncStatus).toContain('Changed in Google Calendar (title, time)');
  });

  it('pulls the change into the row when the coordinator chooses Calendar’s version', () => {
    const { ws, addon, calendarId, event } = moved();
    const report = sidebarCall(addon, 'resolveCalendarChange', 'A1', 'calendar');
    expect(report.conflicts).toBe(0);
    const row = calendarRows(ws)[0];
    expect(row.title).toBe('Family reading fair (moved)');
    expect(row.location).toBe('Riverside Public Library');
    const ev = ws.calendar.liveEvents(calendarId).find((e) => e.id === event);
    expect(ev).toMatchObject({
      title: 'Family reading fair (moved)',
      start: '2027-04-24',
      end: '2027-04-26',
    });
    ws.runtime.resetCounts();
    expect(sync(addon)).toMatchObject({ conflicts: 0, updated: 0, unchanged: 2 });
    expect(calendarWrites(ws)).toBe(0);
  });

  it('overwrites the event when the coordinator keeps the sheet’s version', () => {
    const { ws, addon, calendarId, event } = moved();
    const report = sidebarCall(addon, 'resolveCalendarChange', 'A1', 'sheet');
    expect(report).toMatchObject({ conflicts: 0, updated: 1 });
    expect(ws.calendar.liveEvents(calendarId).find((e) => e.id === event)).toMatchObject({
      title: 'Family reading fair',
      start: '2027-04-10',
    });
    expect(sync(addon)).toMatchObject({ conflicts: 0, updated: 0 });
  });
});
