// The target calendar, sharing, invitations, automatic syncs, time zones and the ICS export, through the bundle.

import ICAL from 'ical.js';
import type { SyncReport } from '../../src/domain/calendarSync/report';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import type { CalendarChoiceInput } from '../../src/shared/calendarWire';
import { sidebarCall } from '../harness/sidebarCall';
import {
  appendRows,
  calendarColumn,
  calendarRows,
  EXAMPLE_PARTNERS,
  syncFixture,
} from '../harness/syncFixture';

const sync = (addon: { run(name: string): unknown }) => addon.run('syncCalendar') as SyncReport;

describe('the target calendar', () => {
  it('creates the partnership’s calendar once, named after it and in its zone', () => {
    const { ws, addon } = syncFixture({ calendar: { mode: 'none', calendarId: null } });
    expect(() => addon.run('syncCalendar')).toThrow(
      /Choose or create the partnership’s calendar first/,
    );
    const choice: CalendarChoiceInput = {
      mode: 'new',
      calendarId: null,
      shareWithPartners: false,
      invitePartners: false,
      sendInvites: false,
    };
    const state = sidebarCall(addon, 'saveCalendarChoice', choice);
    expect(state).toMatchObject({
      mode: 'new',
      calendarName: 'Riverside Community Schools Partnership',
    });
    const again = sidebarCall(addon, 'saveCalendarChoice', choice);
    expect(again.calendarId).toBe(state.calendarId);
    const record = ws.calendar
      .toJSON()
      .calendars.filter((c) => c.name === 'Riverside Community Schools Partnership');
    expect(record).toHaveLength(1);
    expect(record[0].timeZone).toBe('America/New_York');
  });

  it('shares the calendar with the partners through the Calendar ACL, once', () => {
    // Only a calendar the add-on created is ever shared (docs/security.md).
    const { ws, addon } = syncFixture({ calendar: { mode: 'none', calendarId: null } });
    const { calendarId } = sidebarCall(addon, 'saveCalendarChoice', {
      mode: 'new',
      calendarId: null,
      shareWithPartners: true,
      invitePartners: false,
      sendInvites: false,
    });
    // Sharing goes only to addresses the coordinator approved (issue 10).
    sidebarCall(
      addon,
      'approvePeople',
      EXAMPLE_PARTNERS.map((p) => String(p.email)),
    );
    appendRows(ws, CALENDAR_TAB, [{ title: 'Kick-off', startDate: '2027-03-10' }]);
    sync(addon);
    const acl = ws.calendar.toJSON().calendars.find((c) => c.id === calendarId)?.acl ?? [];
    expect(
      acl
        .filter((r) => r.role === 'reader')
        .map((r) => r.scope.value)
        .sort(),
    ).toEqual([
      'info@northside-food.example.org',
      'outreach@riverside-library.example.org',
      'principal@riverside-elem.example.org',
    ]);
    ws.runtime.resetCounts();
    sync(addon);
    expect(ws.runtime.count('Calendar.Acl.insert')).toBe(0);
  });

  it('adds partners ticked for invites as guests, and emails them only when asked, never on updates', () => {
    const { ws, addon, calendarId } = syncFixture({
      calendar: { invitePartners: true, sendInvites: false },
    });
    sidebarCall(
      addon,
      'approvePeople',
      EXAMPLE_PARTNERS.map((p) => String(p.email)),
    );
    appendRows(ws, CALENDAR_TAB, [
      { title: 'Kick-off', startDate: '2027-03-10', startTime: '17:00' },
    ]);
    sync(addon);
    const [event] = ws.calendar.liveEvents(calendarId);
    expect(event.guests.map((g) => g.email)).toEqual([
      'outreach@riverside-library.example.org',
      'principal@riverside-elem.example.org',
    ]);
    expect(ws.calendar.invitationsSent()).toEqual([]);

    const f = syncFixture({ calendar: { invitePartners: true, sendInvites: true } });
    sidebarCall(
      f.addon,
      'approvePeople',
      EXAMPLE_PARTNERS.map((p) => String(p.email)),
    );
    appendRows(f.ws, CALENDAR_TAB, [
      { title: 'Kick-off', startDate: '2027-03-10', startTime: '17:00' },
    ]);
    sync(f.addon);
    expect(f.ws.calendar.invitationsSent()).toHaveLength(2);
    f.addon.userEdit('Calendar', 2, calendarColumn('location'), 'Library');
    expect(sync(f.addon).updated).toBe(1);
    expect(f.ws.calendar.invitationsSent()).toHaveLength(2);
  });
});

describe('automatic sync', () => {
  it('syncs after a partner edits the Calendar tab, and every hour, reporting to the Sync Log', () => {
    const { ws, addon, calendarId } = syncFixture();
    const auto = sidebarCall(addon, 'setAutoSync', { afterEdits: true, hourly: true });
    expect(auto).toEqual({ afterEdits: true, hourly: true });
    expect(ws.script.triggers.map((t) => `${t.eventType}:${t.handler}`).sort()).toEqual([
      'CLOCK:syncCalendarHourly_',
      'ON_EDIT:syncCalendarAfterEdit_',
    ]);
    // Turning it on twice keeps one trigger of each type (editor add-on limit).
    sidebarCall(addon, 'setAutoSync', { afterEdits: true, hourly: true });
    expect(ws.script.triggers).toHaveLength(2);

    // Automatic syncs send rows that are ready: Title, Start date and a Status.
    appendRows(ws, CALENDAR_TAB, [
      { title: 'Kick-off', startDate: '2027-03-10', status: 'Planned' },
    ]);
    addon.userEdit('Calendar', 2, calendarColumn('location'), 'Riverside Elementary gym');
    expect(ws.calendar.liveEvents(calendarId)).toMatchObject([
      { title: 'Kick-off', location: 'Riverside Elementary gym' },
    ]);

    // Pastes fire the after-edit sync too; with it off, the hourly sync picks the row up.
    sidebarCall(addon, 'setAutoSync', { afterEdits: false, hourly: true });
    ws.sheets.userPasteValues('Calendar', 3, calendarColumn('title'), [['Reading night']]);
    ws.sheets.userPasteValues('Calendar', 3, calendarColumn('startDate'), [['2027-03-18']]);
    ws.sheets.userPasteValues('Calendar', 3, calendarColumn('status'), [['Confirmed']]);
    ws.runtime.advance(3_600_000);
    expect(addon.runDueTriggers()).toEqual(['syncCalendarHourly_']);
    expect(
      ws.calendar
        .liveEvents(calendarId)
        .map((e) => e.title)
        .sort(),
    ).toEqual(['Kick-off', 'Reading night']);
    const log = ws.sheets.table('Sync Log').slice(1);
    expect(log.map((r) => r[1])).toEqual(['after an edit', 'after an edit', 'hourly']);
    expect(String(log[2][9])).toContain('1 event created');

    sidebarCall(addon, 'setAutoSync', { afterEdits: false, hourly: false });
    expect(ws.script.triggers).toEqual([]);
  });

  it('holds back a mass deletion in an automatic run', () => {
    const { ws, addon, calendarId } = syncFixture();
    appendRows(
      ws,
      CALENDAR_TAB,
      Array.from({ length: 8 }, (_, i) => ({ title: `Session ${i + 1}`, startDate: '2027-05-03' })),
    );
    sync(addon);
    sidebarCall(addon, 'setAutoSync', { afterEdits: false, hourly: true });
    ws.sheets.userDeleteRows('Calendar', 2, 8);
    ws.runtime.advance(3_600_000);
    addon.runDueTriggers();
    expect(ws.calendar.liveEvents(calendarId)).toHaveLength(8);
    expect(String(ws.sheets.table('Sync Log').at(-1)?.[9])).toContain(
      '8 events to remove held back',
    );
    // A manual sync asks for the count too; confirmed with it, the removals go.
    expect(sync(addon).deleted).toBe(0);
    expect(sidebarCall(addon, 'syncCalendar', 8).deleted).toBe(8);
  });
});

describe('time zones', () => {
  // Sheet in New York, script in Tokyo, calendar in Los Angeles: all three differ.
  const zones = {
    spreadsheetTimeZone: 'America/New_York',
    scriptTimeZone: 'Asia/Tokyo',
    calendarTimeZone: 'America/Los_Angeles',
  };

  it('reads times in the plan zone, across the daylight-saving change, whatever the script and calendar zones', () => {
    const { ws, addon, calendarId } = syncFixture(zones);
    appendRows(ws, CALENDAR_TAB, [
      { title: 'Before DST', startDate: '2027-03-13', startTime: '10:00' },
      { title: 'After DST', startDate: '2027-03-15', startTime: '10:00' },
      {
        title: 'Weekly across DST',
        startDate: '2027-03-08',
        startTime: '10:00',
        recurrence: 'Weekly, 3 times',
      },
    ]);
    sync(addon);
    const byTitle = Object.fromEntries(ws.calendar.liveEvents(calendarId).map((e) => [e.title, e]));
    expect(byTitle['Before DST'].start).toEqual(new Date(Date.UTC(2027, 2, 13, 15)));
    expect(byTitle['After DST'].start).toEqual(new Date(Date.UTC(2027, 2, 15, 14)));
    // The series is anchored in New York, so its occurrences after 14 March stay at 10:00 there.
    const list = ws.calendar.advanced.Events.list(calendarId, { singleEvents: true, q: 'Weekly' });
    expect((list.items ?? []).map((i) => i.start?.dateTime)).toEqual([
      '2027-03-08T07:00:00-08:00',
      '2027-03-15T07:00:00-07:00',
      '2027-03-22T07:00:00-07:00',
    ]);
  });

  it('puts all-day events on the day the sheet shows, not a day early', () => {
    const { ws, addon, calendarId } = syncFixture({
      ...zones,
      scriptTimeZone: 'Pacific/Kiritimati',
    });
    appendRows(ws, CALENDAR_TAB, [
      { title: 'Spring break', startDate: '2027-03-15', endDate: '2027-03-19' },
      { title: 'Report cards due', startDate: '2027-03-14' },
    ]);
    sync(addon);
    const byTitle = Object.fromEntries(ws.calendar.liveEvents(calendarId).map((e) => [e.title, e]));
    expect(byTitle['Spring break']).toMatchObject({
      allDay: true,
      start: '2027-03-15',
      end: '2027-03-20',
    });
    expect(byTitle['Report cards due']).toMatchObject({
      allDay: true,
      start: '2027-03-14',
      end: '2027-03-15',
    });
  });

  it('honours a row’s own time zone', () => {
    const { ws, addon, calendarId } = syncFixture(zones);
    appendRows(ws, CALENDAR_TAB, [
      {
        title: 'Trainer workshop',
        startDate: '2027-05-20',
        startTime: '09:00',
        endTime: '12:00',
        timeZone: 'Europe/Paris',
      },
      { title: 'Bad zone', startDate: '2027-05-20', startTime: '09:00', timeZone: 'Paris' },
    ]);
    const report = sync(addon);
    expect(report.errors[0].message).toContain('Time zone “Paris” is not a time zone name');
    const [event] = ws.calendar.liveEvents(calendarId);
    expect(event.start).toEqual(new Date(Date.UTC(2027, 4, 20, 7)));
    expect(event.end).toEqual(new Date(Date.UTC(2027, 4, 20, 10)));
  });
});

describe('exportIcs', () => {
  it('downloads the activities as an iCalendar file a parser reads back', () => {
    const { ws, addon } = syncFixture();
    appendRows(ws, CALENDAR_TAB, [
      {
        title: 'Tutoring',
        startDate: '2027-03-02',
        startTime: '15:30',
        recurrence: 'Every 2 weeks, 4 times',
      },
      { title: 'Fair', startDate: '2027-04-10', endDate: '2027-04-11' },
      { title: 'Draft idea', startDate: '2027-04-10', status: 'Draft' },
    ]);
    const file = sidebarCall(addon, 'exportIcs');
    expect(file).toMatchObject({ events: 2, skippedRows: 1 });
    expect(file.fileName).toMatch(
      /^Riverside-Community-Schools-Partnership-\d{4}-\d{2}-\d{2}\.ics$/,
    );
    const root = new ICAL.Component(ICAL.parse(file.content));
    for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
    const [tutoring, fair] = root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(fair.startDate.toString()).toBe('2027-04-10');
    expect(fair.endDate.toString()).toBe('2027-04-12');
    const it = tutoring.iterator();
    const starts: number[] = [];
    for (let next = it.next(); next; next = it.next())
      starts.push(tutoring.getOccurrenceDetails(next).startDate.toJSDate().getTime());
    expect(starts).toEqual([
      Date.UTC(2027, 2, 2, 20, 30),
      Date.UTC(2027, 2, 16, 19, 30),
      Date.UTC(2027, 2, 30, 19, 30),
      Date.UTC(2027, 3, 13, 19, 30),
    ]);
    expect(calendarRows(ws)[0].id).toBe(''); // exporting writes nothing
  });
});

describe('automatic sync after edits', () => {
  it('ignores edits to other tabs, and follows a renamed Calendar tab', () => {
    const { ws, addon, calendarId } = syncFixture();
    appendRows(ws, CALENDAR_TAB, [
      { title: 'Kick-off', startDate: '2027-03-10', status: 'Planned' },
    ]);
    sidebarCall(addon, 'setAutoSync', { afterEdits: true, hourly: false });
    addon.userEdit('Partners', 2, 4, 'Ana Ruiz');
    expect(ws.calendar.liveEvents(calendarId)).toHaveLength(0);
    ws.sheets.userRenameSheet('Calendar', 'Activities 2027');
    addon.userEdit('Activities 2027', 2, calendarColumn('location'), 'Gym');
    expect(ws.calendar.liveEvents(calendarId)).toMatchObject([
      { title: 'Kick-off', location: 'Gym' },
    ]);
  });
});
