// Times that never drift, through the bundle: clock changes told, zone names checked, guests merged.
import type { SyncReport } from '../../src/domain/calendarSync/report';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import { localeDate } from '../../src/domain/time/localeDate';
import { sidebarCall } from '../harness/sidebarCall';
import { appendRows, calendarColumn, calendarRows, syncFixture } from '../harness/syncFixture';

const sync = (addon: { run(name: string): unknown }) => addon.run('syncCalendar') as SyncReport;

// Sheet in Kolkata (an 1899 offset with seconds), script in Los Angeles, calendar in Sydney,
// plan in Berlin: four different zones.
const zones = {
  spreadsheetTimeZone: 'Asia/Kolkata',
  scriptTimeZone: 'America/Los_Angeles',
  calendarTimeZone: 'Australia/Sydney',
  planTimeZone: 'Europe/Berlin',
};

describe('clock changes are told to the partner', () => {
  it('moves 02:30 on the Berlin spring-forward day to 03:30 and says so in the row and the report', () => {
    const { ws, addon, calendarId } = syncFixture(zones);
    appendRows(ws, CALENDAR_TAB, [
      { title: 'Gap', startDate: '2027-03-28', startTime: '02:30', endTime: '04:00' },
      { title: 'Overlap', startDate: '2027-10-31', startTime: '02:30', endTime: '04:00' },
      { title: 'Plain', startDate: '2027-05-04', startTime: '10:00' },
    ]);
    const report = sync(addon);
    const byTitle = Object.fromEntries(ws.calendar.liveEvents(calendarId).map((e) => [e.title, e]));
    expect(byTitle.Gap.start).toEqual(new Date(Date.UTC(2027, 2, 28, 1, 30)));
    expect(byTitle.Overlap.start).toEqual(new Date(Date.UTC(2027, 9, 31, 0, 30)));
    const rows = calendarRows(ws);
    expect(rows[0].syncStatus).toBe(
      `OK: event created. Note: 02:30 does not exist on ${localeDate({ year: 2027, month: 3, day: 28 }, 'en_US')} in Europe/Berlin (the clocks go forward); the event starts at 03:30.`,
    );
    expect(rows[1].syncStatus).toContain(
      `02:30 happens twice on ${localeDate({ year: 2027, month: 10, day: 31 }, 'en_US')} in Europe/Berlin`,
    );
    expect(rows[2].syncStatus).toBe('OK: event created');
    expect(report.notes.map((n) => n.row)).toEqual([2, 3]);
    expect(report.summary).toContain('2 rows were read with a note');
  });

  it('refuses a New York 02:30–03:30 on the spring-forward day instead of a zero-minute event', () => {
    const { ws, addon, calendarId } = syncFixture(zones);
    appendRows(ws, CALENDAR_TAB, [
      {
        title: 'Vanishing hour',
        startDate: '2027-03-14',
        startTime: '02:30',
        endTime: '03:30',
        timeZone: 'America/New_York',
      },
    ]);
    const report = sync(addon);
    expect(ws.calendar.liveEvents(calendarId)).toEqual([]);
    expect(report.failed).toBe(1);
    expect(calendarRows(ws)[0].syncStatus).toMatch(
      new RegExp(
        `^Fix this row: 02:30 does not exist on ${localeDate({ year: 2027, month: 3, day: 14 }, 'en_US')} in America/New_York .* would last no time at all`,
      ),
    );
  });
});

describe('zone names are checked against the IANA list, never tried on Google', () => {
  it.each([
    ['Europe/Pariss', 'Did you mean Europe/Paris?'],
    ['America/New_Yrok', 'Did you mean America/New_York?'],
    ['EST', 'is an abbreviation, which Google may read differently from you'],
    ['GMT+1', 'is a fixed offset'],
  ])('a row in %s is not synced, and says “%s”', (zone, words) => {
    const { ws, addon, calendarId } = syncFixture(zones);
    appendRows(ws, CALENDAR_TAB, [
      { title: 'Call', startDate: '2027-06-01', startTime: '09:00', timeZone: zone },
    ]);
    sync(addon);
    expect(ws.calendar.liveEvents(calendarId)).toEqual([]);
    expect(calendarRows(ws)[0].syncStatus).toContain(words);
  });

  it('reads a zone typed in lower case as the listed name', () => {
    const { ws, addon, calendarId } = syncFixture(zones);
    appendRows(ws, CALENDAR_TAB, [
      { title: 'Call', startDate: '2027-06-01', startTime: '09:00', timeZone: 'europe/paris' },
    ]);
    sync(addon);
    const [event] = ws.calendar.advanced.Events.list(calendarId, {}).items ?? [];
    expect(event.start?.timeZone).toBe('Europe/Paris');
    expect(ws.calendar.liveEvents(calendarId)[0].start).toEqual(new Date(Date.UTC(2027, 5, 1, 7)));
  });
});

describe('guests added in Google Calendar survive a patch', () => {
  it('keeps the Calendar-side guest and every answer when the row changes', () => {
    const { ws, addon, calendarId } = syncFixture(zones);
    // Only approved people become guests (docs/approvals.md).
    sidebarCall(addon, 'approvePeople', ['ana@example.org', 'bo@example.org']);
    appendRows(ws, CALENDAR_TAB, [
      {
        title: 'Board',
        startDate: '2027-06-01',
        startTime: '09:00',
        participants: 'ana@example.org, bo@example.org',
      },
    ]);
    sync(addon);
    const [event] = ws.calendar.liveEvents(calendarId);
    ws.calendar.userEditsEvent(calendarId, event.id, {
      guests: [
        { email: 'ana@example.org', responseStatus: 'accepted' },
        { email: 'bo@example.org', responseStatus: 'declined' },
        { email: 'zed@example.org', responseStatus: 'tentative' },
      ],
    });
    // The partner changes the place and drops bo from Participants.
    addon.userEdit('Calendar', 2, calendarColumn('location'), 'Library');
    addon.userEdit('Calendar', 2, calendarColumn('participants'), 'ana@example.org');
    sync(addon);
    const after = ws.calendar.liveEvents(calendarId)[0];
    expect(after.location).toBe('Library');
    expect(after.guests).toEqual([
      { email: 'ana@example.org', status: 'accepted' },
      { email: 'zed@example.org', status: 'tentative' },
    ]);
  });
});

describe('dates as partners type them', () => {
  // 1 June 2027 in every zone of the fixture: "3/15" is then next year's.
  const at = { ...zones, startTime: Date.UTC(2027, 5, 1, 12) };

  it('a date-time typed into Start date starts the event then, in the plan’s zone', () => {
    const { ws, addon, calendarId } = syncFixture(at);
    appendRows(ws, CALENDAR_TAB, [{ title: 'Open house', startDate: '7/15/2027 2:00 PM' }]);
    sync(addon);
    const [event] = ws.calendar.liveEvents(calendarId);
    expect(event.allDay).toBe(false);
    // 14:00 in Berlin (CEST) is 12:00 UTC.
    expect(event.start).toEqual(new Date(Date.UTC(2027, 6, 15, 12)));
  });

  it('a date without a year is the next one, and the row says which year', () => {
    const { ws, addon, calendarId } = syncFixture(at);
    appendRows(ws, CALENDAR_TAB, [{ title: 'Spring fair', startDate: '3/15' }]);
    sync(addon);
    const [event] = ws.calendar.liveEvents(calendarId);
    expect(event.start).toBe('2028-03-15');
    expect(calendarRows(ws)[0].syncStatus).toBe(
      `OK: event created. Note: Start date “3/15” has no year: read as ${localeDate({ year: 2028, month: 3, day: 15 }, 'en_US')}, the next such day from today.`,
    );
  });

  it('follows the spreadsheet’s locale for text dates, and says when the order was in doubt or swapped', () => {
    const { ws, addon, calendarId } = syncFixture(at);
    ws.sheets.app.getActiveSpreadsheet().setSpreadsheetLocale('en_GB');
    appendRows(ws, CALENDAR_TAB, [
      // A leading apostrophe keeps text: Sheets does not read it as a date.
      { title: 'Doubt', startDate: "'4/5/2027" },
      { title: 'Swapped', startDate: "'3/15/2027" },
    ]);
    sync(addon);
    const byTitle = Object.fromEntries(ws.calendar.liveEvents(calendarId).map((e) => [e.title, e]));
    expect(byTitle.Doubt.start).toBe('2027-05-04');
    expect(byTitle.Swapped.start).toBe('2027-03-15');
    const [doubt, swapped] = calendarRows(ws);
    expect(doubt.syncStatus).toContain('could be read either way: it was read day first');
    expect(swapped.syncStatus).toContain(
      `was read month first, as ${localeDate({ year: 2027, month: 3, day: 15 }, 'en_GB')}, although this spreadsheet’s locale (en_GB) writes dates day first`,
    );
  });

  it('reads the end date of a Recurrence in the spreadsheet’s locale too, as the Start date', () => {
    const { ws, addon, calendarId } = syncFixture(at);
    ws.sheets.app.getActiveSpreadsheet().setSpreadsheetLocale('en_GB');
    appendRows(ws, CALENDAR_TAB, [
      { title: 'Club', startDate: "'6/4/2027", recurrence: 'Weekly until 4/5/2027' },
    ]);
    sync(addon);
    const [club] = ws.calendar.liveEvents(calendarId);
    // 6 April to 4 May, day first: five Tuesdays, the last on 4 May.
    expect(club.start).toBe('2027-04-06');
    expect(club.recurrence.join()).toMatch(/^RRULE:FREQ=WEEKLY;UNTIL=2027050[45]/);
  });
});
