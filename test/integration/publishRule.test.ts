// One rule for what a sync publishes (issue 22): a click and every trigger send only rows whose Status is Planned, Confirmed or Done.
import fc from 'fast-check';
import { CALENDAR_TAB, PUBLISHED_STATUSES } from '../../src/domain/schema/tabs';
import type { SyncReport } from '../../src/shared/calendarWire';
import { sidebarCall } from '../harness/sidebarCall';
import { appendRows, calendarColumn, calendarRows, syncFixture } from '../harness/syncFixture';

const PARTNER = 'outreach@riverside-library.example.org';

/** What partners type in Status: the list in any case and spacing, nothing, and their own words. */
const STATUS = fc.constantFrom(
  '',
  'Planned',
  'Confirmed',
  'Done',
  'Draft',
  'Cancelled',
  'planned',
  ' DONE ',
  'Idea',
  'Maybe',
  'Proposed',
);

const published = (status: string) =>
  (PUBLISHED_STATUSES as readonly string[]).some(
    (s) => s.toLowerCase() === status.trim().toLowerCase(),
  );

type Run = 'click' | 'afterEdit' | 'hourly' | 'continuation';

/** A plan whose coordinator owns the settings, with the rows typed, then one run of `how`. */
function runWith(how: Run, statuses: readonly string[], zone: string) {
  const fixture = syncFixture({ spreadsheetTimeZone: zone });
  const { ws, addon } = fixture;
  ws.sheets.book.state.editors.push(PARTNER);
  // The coordinator claims the settings (automatic syncs act with their account). Turning both
  // off would give them up (hand-over), and a continuation then only finishes a click.
  if (how !== 'continuation')
    sidebarCall(addon, 'setAutoSync', {
      afterEdits: how === 'afterEdit',
      hourly: how === 'hourly',
    });
  const rows = statuses.map((status, i) => ({
    title: `Activity ${i + 1}`,
    startDate: `2027-05-${String(i + 1).padStart(2, '0')}`,
    startTime: '16:00',
    status,
  }));
  // A paste is a script write in the emulator: no trigger fires until someone types.
  appendRows(ws, CALENDAR_TAB, rows);
  let report: SyncReport | null = null;
  if (how === 'click') report = sidebarCall(addon, 'syncCalendar') as SyncReport;
  else if (how === 'afterEdit')
    addon.userEdit('Calendar', 2, calendarColumn('notes'), 'typed after the paste');
  else if (how === 'hourly') addon.run('syncCalendarHourly_');
  else addon.run('continueCalendarSync_');
  return { ...fixture, rows, report };
}

const titlesIn = (ws: ReturnType<typeof syncFixture>['ws'], calendarId: string) =>
  ws.calendar
    .liveEvents(calendarId)
    .map((e) => e.title)
    .sort();

describe('what a sync publishes', () => {
  it.each([
    ['click', 'America/New_York'],
    ['afterEdit', 'Europe/Berlin'],
    ['hourly', 'Asia/Kolkata'],
    ['continuation', 'Pacific/Auckland'],
  ] as const)(
    'is the same for a %s (%s): only Planned, Confirmed or Done rows become events',
    (how, zone) => {
      fc.assert(
        fc.property(fc.array(STATUS, { minLength: 1, maxLength: 7 }), (statuses) => {
          const { ws, calendarId, rows, report } = runWith(how, statuses, zone);
          const expected = rows
            .filter((r) => published(r.status))
            .map((r) => r.title)
            .sort();
          expect(titlesIn(ws, calendarId)).toEqual(expected);
          // Every row not sent says why in its own Sync status.
          for (const row of calendarRows(ws)) {
            if (published(String(row.status))) continue;
            const status = String(row.syncStatus);
            if (String(row.status).trim() === '') expect(status).toMatch(/choose a Status/);
            else if (/^(draft|cancelled)$/i.test(String(row.status).trim()))
              expect(status).toMatch(/^(Draft|Cancelled)/);
            else expect(status).toMatch(/is not one of .*: choose a Status/);
          }
          if (report) {
            const blank = statuses.filter((s) => s.trim() === '').length;
            expect(report.noStatus).toBe(blank);
            if (blank) expect(report.summary).toMatch(/no Status, so (it was|they were) not sent/);
          }
        }),
        { numRuns: 6 },
      );
    },
  );
});

describe('rows with no Status, sent as Planned by count', () => {
  it('only by the coordinator, only with the count shown, and never over a partner’s word', () => {
    const { ws, addon, calendarId } = syncFixture({ spreadsheetTimeZone: 'Europe/London' });
    ws.sheets.book.state.editors.push(PARTNER);
    sidebarCall(addon, 'setAutoSync', { afterEdits: false, hourly: true });
    const pasted = Array.from({ length: 20 }, (_, i) => ({
      title: `Pasted ${i + 1}`,
      startDate: `2027-06-${String(i + 1).padStart(2, '0')}`,
      status: '',
    }));
    appendRows(ws, CALENDAR_TAB, [
      { title: 'Ready one', startDate: '2027-05-30', status: 'Confirmed' },
      ...pasted,
      { title: 'Someone’s idea', startDate: '2027-07-01', status: 'Idea' },
      { title: '', startDate: '2027-07-02', status: '' },
    ]);
    const first = sidebarCall(addon, 'syncCalendar') as SyncReport;
    // The row without a Title is still being typed: it is not offered; nor is the "Idea".
    expect(first).toMatchObject({ created: 1, noStatus: 20, notReady: 2, failed: 0 });
    expect(first.summary).toMatch(
      /^20 rows have no Status, so they were not sent.*2 rows not sent yet/,
    );
    expect(titlesIn(ws, calendarId)).toEqual(['Ready one']);

    const doc = ws.currentSpreadsheetId;
    const before = calendarRows(ws).map((r) => r.status);
    expect(() => addon.runAs(PARTNER, doc, 'syncCalendar', null, 20)).toThrow(
      /Only .* can send rows without a Status as Planned.*Nothing was changed/,
    );
    expect(calendarRows(ws).map((r) => r.status)).toEqual(before);
    expect(titlesIn(ws, calendarId)).toEqual(['Ready one']);

    // A partner clears one more Status meanwhile: the confirmed count no longer holds.
    ws.sheets.userEdit('Calendar', 2, calendarColumn('status'), '');
    expect(() => sidebarCall(addon, 'syncCalendar', null, 20)).toThrow(
      /21 rows have no Status now, not 20\. Nothing was changed/,
    );
    expect(calendarRows(ws).map((r) => r.status)).toEqual(['', ...before.slice(1)]);

    const sent = sidebarCall(addon, 'syncCalendar', null, 21) as SyncReport;
    expect(sent).toMatchObject({ created: 20, noStatus: 0 });
    const after = calendarRows(ws);
    expect(after.filter((r) => r.title !== '').map((r) => r.status)).toEqual([
      'Planned',
      ...pasted.map(() => 'Planned'),
      'Idea',
    ]);
    // The untitled row was left as typed.
    expect(after.find((r) => r.startDate !== '' && r.title === '')?.status).toBe('');
    expect(titlesIn(ws, calendarId)).toHaveLength(21);
    // The row already in the calendar kept its one event through all of it.
    expect(ws.calendar.liveEvents(calendarId).filter((e) => e.title === 'Ready one')).toHaveLength(
      1,
    );
  });

  it('an event whose row loses its Status stays as last synced, and the row says so', () => {
    const { ws, addon, calendarId } = syncFixture({ spreadsheetTimeZone: 'America/Chicago' });
    appendRows(ws, CALENDAR_TAB, [
      { title: 'Book fair', startDate: '2027-05-04', status: 'Planned' },
    ]);
    sidebarCall(addon, 'syncCalendar');
    ws.sheets.userEdit('Calendar', 2, calendarColumn('status'), '');
    ws.sheets.userEdit('Calendar', 2, calendarColumn('title'), 'Book fair (moved?)');
    const report = sidebarCall(addon, 'syncCalendar') as SyncReport;
    expect(report).toMatchObject({ updated: 0, deleted: 0, noStatus: 1 });
    expect(titlesIn(ws, calendarId)).toEqual(['Book fair']);
    expect(String(calendarRows(ws)[0].syncStatus)).toMatch(
      /^Not updated: choose a Status .*Its event stays in the calendar as last synced\./,
    );
  });
});
