// Times typed any way a partner types them end up one time value, shown the one way the sheet shows times.
import fc from 'fast-check';
import type { SyncReport } from '../../src/domain/calendarSync/report';
import type { CalendarSyncState } from '../../src/shared/calendarWire';
import type { SetupSummary } from '../../src/shared/setupWire';
import { loadAddon } from '../harness/workspace';

/** The ways people write h:m (24-hour h, minute m), each as Sheets would receive it typed. */
function phrasings(h: number, m: number): string[] {
  const mm = String(m).padStart(2, '0');
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const half = h < 12 ? 'am' : 'pm';
  const out = [`${h}:${mm}`, `${String(h).padStart(2, '0')}:${mm}`, `${h}h${m ? mm : ''}`];
  out.push(
    m ? `${h12}:${mm}${half}` : `${h12}${half}`,
    m ? `${h12}:${mm} ${half.toUpperCase()}` : `${h12} ${half}`,
    m ? `${h12}:${mm} ${half[0]}.m.` : `${h12} ${half[0]}.m.`,
  );
  // "16.00" and "16,30": a whole hour from 1 to 12 that way is asked about (morning or afternoon?);
  // "0.30" is a fraction of a day to Sheets, a time value already (docs/time-zones.md).
  if (h > 0 && (h > 12 || m > 0)) out.push(`${h}.${mm}`, `${h},${mm}`);
  return out;
}

const LOCALES = ['en_US', 'en_GB', 'de_DE', 'fr_FR'];
const ZONES = ['Asia/Kolkata', 'America/Los_Angeles', 'Europe/Berlin', 'Pacific/Auckland', 'UTC'];

/** A plan set up in `zone` and `locale` (set-up gives the time columns the sheet's time format). */
function plan(zone: string, locale: string) {
  const { ws, addon } = loadAddon({ spreadsheetTimeZone: zone });
  ws.sheets.spreadsheet.setSpreadsheetLocale(locale);
  addon.runFromSidebar('setUpPlan', {
    name: 'Westside Reading Partnership',
    coordinator: 'Ana Ruiz',
    coordinatorEmail: 'coordinator@example.org',
    timeZone: zone,
    partners: [],
    calendar: { mode: 'new' },
  });
  const headers = ws.sheets.table('Calendar')[0] as string[];
  const column = (header: string) => headers.indexOf(header);
  const type = (row: number, header: string, text: string) =>
    addon.userEdit('Calendar', row, column(header) + 1, text);
  const row = (r: number, start: string, end = '') => {
    type(r, 'Title', `Meeting ${r}`);
    type(r, 'Start date', '2027-05-04');
    type(r, 'Start time', start);
    if (end) type(r, 'End time', end);
    type(r, 'Status', 'Planned');
  };
  const shown = (r: number, header: string) =>
    ws.sheets.displayTable('Calendar')[r - 1][column(header)];
  const value = (r: number, header: string) => ws.sheets.table('Calendar')[r - 1][column(header)];
  return { ws, addon, row, shown, value, type };
}

const clock = (h: number, m: number) =>
  `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;

describe('times typed any way are shown one way, the sheet’s', () => {
  it('every phrasing of every time, in every locale and zone, becomes that time after a sync', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LOCALES),
        fc.constantFrom(...ZONES),
        fc.array(
          fc
            .record({ h: fc.integer({ min: 0, max: 22 }), m: fc.integer({ min: 0, max: 59 }) })
            .chain(({ h, m }) =>
              fc.record({
                h: fc.constant(h),
                m: fc.constant(m),
                start: fc.constantFrom(...phrasings(h, m)),
                end: fc.constantFrom(...phrasings(h + 1, m)),
              }),
            ),
          { minLength: 1, maxLength: 8 },
        ),
        (locale, zone, times) => {
          const p = plan(zone, locale);
          for (const [i, t] of times.entries()) p.row(i + 2, t.start, t.end);
          const report = p.addon.run('syncCalendar') as SyncReport;
          expect(report.failed).toBe(0);
          times.forEach((t, i) => {
            expect(p.shown(i + 2, 'Start time')).toBe(clock(t.h, t.m));
            expect(p.shown(i + 2, 'End time')).toBe(clock(t.h + 1, t.m));
            // A time value (a Date on Sheets' day zero), no longer text or a number.
            expect(Object.prototype.toString.call(p.value(i + 2, 'Start time'))).toBe(
              '[object Date]',
            );
          });
          // Every row made its event.
          const { calendarId } = p.addon.runFromSidebar(
            'getCalendarSyncState',
          ) as CalendarSyncState;
          expect(p.ws.calendar.liveEvents(calendarId ?? '')).toHaveLength(times.length);
        },
      ),
      { seed: 2216, numRuns: 10 },
    );
  });

  it.each([
    ['4', 'could be morning or afternoon: type 4 am or 4 pm (or 16:00)'],
    ['4.00', 'could be morning or afternoon'],
    ['12', 'could be noon or midnight'],
    ['noon-ish', 'is not a time. Type a time such as 09:30, 16:00 or 4 pm.'],
  ])('“%s” is not guessed: the row says “%s” and the cell keeps what was typed', (typed, words) => {
    const p = plan('Europe/Berlin', 'en_US');
    p.row(2, typed);
    const before = p.value(2, 'Start time');
    const report = p.addon.run('syncCalendar') as SyncReport;
    expect(report.failed).toBe(1);
    expect(p.shown(2, 'Sync status')).toContain(words);
    expect(p.value(2, 'Start time')).toEqual(before);
  });

  it('the sync after an edit retypes the time a partner just typed', () => {
    const p = plan('America/Los_Angeles', 'en_US');
    p.addon.runFromSidebar('setAutoSync', { afterEdits: true, hourly: false });
    p.row(2, '4pm', '17h');
    expect(p.shown(2, 'Start time')).toBe('16:00');
    expect(p.shown(2, 'End time')).toBe('17:00');
  });

  it('Check and repair retypes them too, and says so', () => {
    const p = plan('Asia/Kolkata', 'de_DE');
    p.row(2, '4pm');
    p.row(3, '16,30');
    const summary = p.addon.run('repairPlan') as SetupSummary;
    expect(p.shown(2, 'Start time')).toBe('16:00');
    expect(p.shown(3, 'Start time')).toBe('16:30');
    const calendar = summary.updated.find((t) => t.name === 'Calendar');
    expect(calendar?.details).toContain(
      'Times typed another way (such as “4pm” or “16h”) now show as the sheet shows times (2 cells).',
    );
  });
});
