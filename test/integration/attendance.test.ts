// Attendance (issue 15): each row shows how its event's guests answered, read from the one list the sync makes.
import type { SyncReport } from '../../src/domain/calendarSync/report';
import { SCHEMA_VERSION_METADATA } from '../../src/domain/schema/metadata';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import { seeded } from '../harness/seeded';
import { sidebarCall } from '../harness/sidebarCall';
import { appendRows, type Cells, calendarRows, syncFixture } from '../harness/syncFixture';
import { columnOf, rowsOf, setUp } from '../harness/workbook';
import { loadAddon } from '../harness/workspace';

const sync = (addon: { run(name: string): unknown }) => addon.run('syncCalendar') as SyncReport;
const ANSWERS = ['accepted', 'declined', 'tentative', 'needsAction'] as const;
const WORD = { accepted: 'yes', declined: 'no', tentative: 'maybe', needsAction: 'no answer' };

/** What the Attendance cell should say, counted independently of the add-on's code. */
function expected(answers: readonly (typeof ANSWERS)[number][]): string {
  return ANSWERS.map((a) => [a, answers.filter((x) => x === a).length] as const)
    .filter(([, n]) => n > 0)
    .map(([a, n]) => `${n} ${WORD[a]}`)
    .join(' · ');
}

describe.each([
  [1, 'America/New_York'],
  [7, 'Asia/Kolkata'],
  [23, 'Pacific/Auckland'],
])('attendance (seed %i, %s)', (seed, zone) => {
  it('shows each row’s answers as the guests give them, with no extra Calendar call', () => {
    const rnd = seeded(seed);
    const { ws, addon, calendarId } = syncFixture({ spreadsheetTimeZone: zone });
    const people = Array.from({ length: 6 }, (_, i) => `guest${i}.${seed}@partners.example.org`);
    sidebarCall(addon, 'approvePeople', people);
    // Rows with 0 to 6 guests, some weekly series, some all-day.
    const rows: Cells[] = Array.from({ length: 8 }, (_, i) => ({
      title: `Meeting ${i}`,
      startDate: `2027-0${1 + (i % 9)}-1${i}`,
      ...(i % 3 === 0 ? {} : { startTime: '10:00', endTime: '11:00' }),
      ...(i % 2 ? { recurrence: 'Weekly, 4 times' } : {}),
      participants: people.slice(0, Math.floor(rnd() * 7)).join(', '),
    }));
    appendRows(ws, CALENDAR_TAB, rows);
    sync(addon);
    // Nobody has answered yet: every guest counts as no answer, rows without guests stay empty.
    for (const row of calendarRows(ws)) {
      const guests = String(row.participants).split(',').filter(Boolean).length;
      expect(row.attendance).toBe(guests ? `${guests} no answer` : '');
    }
    // Guests answer in their own calendars, some twice (the last answer counts).
    const answered = new Map<string, (typeof ANSWERS)[number][]>();
    for (const event of ws.calendar.liveEvents(calendarId)) {
      const answers = event.guests.map(() => ANSWERS[Math.floor(rnd() * ANSWERS.length)]);
      event.guests.forEach((g, i) => {
        if (rnd() < 0.3) ws.calendar.guestAnswers(calendarId, event.id, g.email, 'declined');
        ws.calendar.guestAnswers(calendarId, event.id, g.email, answers[i]);
      });
      answered.set(event.id, answers);
    }
    ws.runtime.resetCounts();
    const report = sync(addon);
    expect(report).toMatchObject({ created: 0, updated: 0, conflicts: 0 });
    // The answers come from the lists the sync reads anyway (the plan's events, and the
    // incremental read that finds foreign ones): no get per event.
    expect(ws.runtime.count(/^Calendar\.Events\./)).toBe(2);
    expect(ws.runtime.count(/^Calendar\.Events\.list$/)).toBe(2);
    for (const row of calendarRows(ws))
      expect(row.attendance).toBe(expected(answered.get(String(row.eventId)) ?? []));
  });
});

it('keeps the answers when a row changes, and counts a newly added guest as no answer', () => {
  const { ws, addon, calendarId } = syncFixture();
  sidebarCall(addon, 'approvePeople', ['ana@example.org', 'bo@example.org', 'cy@example.org']);
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
  ws.calendar.guestAnswers(calendarId, event.id, 'ana@example.org', 'accepted');
  ws.calendar.guestAnswers(calendarId, event.id, 'bo@example.org', 'tentative');
  addon.userEdit(
    'Calendar',
    2,
    CALENDAR_TAB.columns.findIndex((c) => c.key === 'participants') + 1,
    'ana@example.org, bo@example.org, cy@example.org',
  );
  ws.runtime.resetCounts();
  expect(sync(addon).updated).toBe(1);
  // The patch's own response carries the answers: still no read per event.
  expect(ws.runtime.count(/^Calendar\.Events\.get$/)).toBe(0);
  expect(calendarRows(ws)[0].attendance).toBe('1 yes · 1 maybe · 1 no answer');
  // Cancelling the row removes its event and empties its attendance.
  addon.userEdit(
    'Calendar',
    2,
    CALENDAR_TAB.columns.findIndex((c) => c.key === 'status') + 1,
    'Cancelled',
  );
  sync(addon);
  expect(calendarRows(ws)[0].attendance).toBe('');
});

describe('a plan set up before the Attendance column existed', () => {
  it('still syncs without it, and gets the column (filled by the next sync) on repair', () => {
    const { ws, addon } = loadAddon({ spreadsheetTimeZone: 'Europe/Berlin' });
    const options = {
      coordinatorEmail: 'coordinator@example.org',
      timeZone: 'Europe/Berlin',
      calendar: { mode: 'new' as const },
    };
    setUp(addon, options);
    sidebarCall(addon, 'approvePeople', ['ana@example.org']);
    // As a version-1 plan: no Attendance column, schema version 1 on the spreadsheet.
    ws.sheets.userDeleteColumn('Calendar', columnOf(ws, 'Calendar', 'Attendance'));
    const [version] = ws.sheets.spreadsheet
      .createDeveloperMetadataFinder()
      .withKey(SCHEMA_VERSION_METADATA)
      .find();
    version.setValue('1');
    const type = (header: string, text: string) =>
      addon.userEdit('Calendar', 2, columnOf(ws, 'Calendar', header), text);
    type('Title', 'Kick-off');
    type('Start date', '2027-06-07');
    type('Start time', '17:00');
    type('Participants', 'ana@example.org');
    type('Status', 'Planned');
    expect(sidebarCall(addon, 'syncCalendar')).toMatchObject({ created: 1, failed: 0 });
    const summary = setUp(addon, options);
    expect(summary.migratedFrom).toBe(1);
    expect(rowsOf(ws, 'Calendar')[0]).toHaveProperty('Attendance', '');
    const [event] = ws.calendar.listCalendars().flatMap((c) => ws.calendar.liveEvents(c.id));
    ws.calendar.guestAnswers(event.calendarId, event.id, 'ana@example.org', 'accepted');
    sidebarCall(addon, 'syncCalendar');
    expect(rowsOf(ws, 'Calendar')[0].Attendance).toBe('1 yes');
  });
});
