// The .ics export through the built bundle, read by two parsers of different lineage (ical.js; node-ical on rrule-temporal).
import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import type { IcsFile } from '../../src/shared/calendarWire';
import { sidebarCall } from '../harness/sidebarCall';
import {
  appendRows,
  type Cells,
  calendarColumn,
  calendarRows,
  syncFixture,
} from '../harness/syncFixture';

/** The wall clock of an instant in a zone, by ICU directly. */
function wall(instantMs: number, zone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(instantMs));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}`,
  };
}

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const addMonths = (iso: string, months: number) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
};

/** ical.js with only the file's own VTIMEZONEs (it has no zone data of its own). */
function icalJsEvents(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

function icalJsStarts(event: ICAL.Event, untilMs: number): number[] {
  const it = event.iterator();
  const starts: number[] = [];
  for (let next = it.next(); next; next = it.next()) {
    const ms = event.getOccurrenceDetails(next).startDate.toJSDate().getTime();
    if (ms > untilMs) break;
    starts.push(ms);
  }
  return starts;
}

function nodeIcalEvents(text: string) {
  return Object.values(nodeIcal.sync.parseICS(text)).filter(
    (c): c is nodeIcal.VEvent => c?.type === 'VEVENT',
  );
}

// Zones east and west, half- and quarter-hour offsets, a 30-minute DST (Lord Howe), southern
// hemisphere rules (Santiago, Chatham), a "Fri>=23" rule (Jerusalem) and a zone without DST.
const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'America/Santiago',
  'Pacific/Chatham',
  'Asia/Jerusalem',
];
const TEN_YEARS_END = Date.UTC(2037, 0, 1);

function exportedPlan() {
  const fixture = syncFixture({
    spreadsheetTimeZone: 'Asia/Tokyo',
    scriptTimeZone: 'America/Los_Angeles',
    calendarTimeZone: 'Europe/London',
    planTimeZone: 'America/Chicago',
  });
  const rows: Cells[] = ZONES.flatMap((zone) => [
    {
      title: `Weekly ${zone}`,
      startDate: '2027-01-04',
      startTime: '09:30',
      endTime: '11:00',
      recurrence: 'Weekly',
      timeZone: zone,
    },
    {
      title: `Monthly ${zone}`,
      startDate: '2027-01-15',
      startTime: '18:45',
      endTime: '20:00',
      recurrence: 'Monthly',
      timeZone: zone,
    },
  ]);
  appendRows(fixture.ws, CALENDAR_TAB, rows);
  return { ...fixture, file: sidebarCall(fixture.addon, 'exportIcs') as IcsFile };
}

describe('.ics series keep their wall time for 10 years in every zone', () => {
  const { file } = exportedPlan();

  it('expands weekly and monthly series with ical.js at the row’s wall time, 2027–2036', () => {
    const events = icalJsEvents(file.content);
    for (const zone of ZONES) {
      const weekly = events.find((e) => e.summary === `Weekly ${zone}`)!;
      const starts = icalJsStarts(weekly, TEN_YEARS_END);
      expect(starts.length).toBeGreaterThan(520);
      starts.forEach((ms, k) => {
        expect([zone, wall(ms, zone)]).toEqual([
          zone,
          { date: addDays('2027-01-04', 7 * k), time: '09:30' },
        ]);
      });
      const monthly = events.find((e) => e.summary === `Monthly ${zone}`)!;
      const months = icalJsStarts(monthly, TEN_YEARS_END);
      expect(months).toHaveLength(120);
      months.forEach((ms, k) => {
        expect([zone, wall(ms, zone)]).toEqual([
          zone,
          { date: addMonths('2027-01-15', k), time: '18:45' },
        ]);
      });
    }
  });

  it('expands the same series with node-ical at the row’s wall time, 2027–2036', () => {
    const events = nodeIcalEvents(file.content);
    for (const zone of ZONES) {
      for (const [kind, first, time, step] of [
        ['Weekly', '2027-01-04', '09:30', (k: number) => addDays('2027-01-04', 7 * k)],
        ['Monthly', '2027-01-15', '18:45', (k: number) => addMonths('2027-01-15', k)],
      ] as const) {
        const event = events.find((e) => String(e.summary) === `${kind} ${zone}`)!;
        const instances = nodeIcal.expandRecurringEvent(event, {
          from: new Date(Date.parse(`${first}T00:00:00Z`) - 86_400_000),
          to: new Date(TEN_YEARS_END - 86_400_000),
        });
        expect(instances.length).toBeGreaterThanOrEqual(kind === 'Weekly' ? 520 : 119);
        instances.forEach((instance, k) => {
          expect([zone, wall(instance.start.getTime(), zone)]).toEqual([
            zone,
            { date: step(k), time },
          ]);
        });
      }
    }
  });
});

describe('.ics rows a calendar app can update', () => {
  const notes =
    'Bring: books, pens; snacks \\ more\r\nLine two\rLine three\nTab\there\u0007bell\u0000';
  const rows: Cells[] = [
    { title: 'Reading club', startDate: '2027-03-02', startTime: '15:30', endTime: '16:30', notes },
    { title: 'Family fair', startDate: '2027-04-10', endDate: '2027-04-11' },
    { title: 'Board meeting', startDate: '2027-05-05', startTime: '18:00', status: 'Cancelled' },
    { title: 'Idea', startDate: '2027-06-01', status: 'Draft' },
  ];

  it('escapes text so both parsers read the notes back (lone CR, CRLF, controls stripped)', () => {
    const { ws, addon } = syncFixture({
      spreadsheetTimeZone: 'Asia/Kolkata',
      scriptTimeZone: 'Etc/UTC',
      calendarTimeZone: 'America/Denver',
    });
    appendRows(ws, CALENDAR_TAB, rows);
    const file = sidebarCall(addon, 'exportIcs') as IcsFile;
    for (const line of file.content.split('\r\n'))
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the file must hold no control characters.
    expect(file.content).not.toMatch(/[\u0000-\u0008\u000B-\u000C\u000E-\u001F\u007F]|\r(?!\n)/);
    const expected = 'Bring: books, pens; snacks \\ more\nLine two\nLine three\nTab\therebell';
    const [club] = icalJsEvents(file.content);
    expect(club.description).toContain(expected);
    const [nodeClub] = nodeIcalEvents(file.content);
    expect(String(nodeClub.description)).toContain(expected);
  });

  it('exports a cancelled activity as STATUS:CANCELLED and leaves out drafts and rows the sync would not publish', () => {
    const { ws, addon } = syncFixture({
      spreadsheetTimeZone: 'Pacific/Auckland',
      scriptTimeZone: 'Etc/UTC',
      calendarTimeZone: 'Europe/Paris',
    });
    appendRows(ws, CALENDAR_TAB, [
      ...rows,
      // Unfinished rows: no Status, and a partner's own word. Neither reaches a calendar.
      { title: 'Half-typed idea', startDate: '2027-05-04', status: '' },
      { title: 'Maybe a picnic', startDate: '2027-05-05', status: 'Idea' },
    ]);
    const file = sidebarCall(addon, 'exportIcs') as IcsFile;
    expect(file).toMatchObject({ events: 3, skippedRows: 3 });
    const statuses = Object.fromEntries(
      icalJsEvents(file.content).map((e) => [
        e.summary,
        e.component.getFirstPropertyValue('status'),
      ]),
    );
    expect(statuses).toEqual({
      'Reading club': 'TENTATIVE',
      'Family fair': 'TENTATIVE',
      'Board meeting': 'CANCELLED',
    });
    const board = nodeIcalEvents(file.content).find((e) => String(e.summary) === 'Board meeting')!;
    expect(board.status).toBe('CANCELLED');
  });

  it('keeps every UID through a sort, before and after the first sync, and raises SEQUENCE', () => {
    const { ws, addon } = syncFixture({
      spreadsheetTimeZone: 'America/Los_Angeles',
      scriptTimeZone: 'Asia/Tokyo',
      calendarTimeZone: 'Australia/Sydney',
    });
    appendRows(ws, CALENDAR_TAB, [...rows, { ...rows[1] }]);
    const uids = (text: string) =>
      icalJsEvents(text)
        .map((e) => `${e.summary} ${e.uid}`)
        .sort();
    const sequences = (text: string) =>
      icalJsEvents(text).map((e) => Number(e.component.getFirstPropertyValue('sequence')));
    const before = sidebarCall(addon, 'exportIcs') as IcsFile;
    // Two identical rows still get two UIDs.
    expect(new Set(icalJsEvents(before.content).map((e) => e.uid)).size).toBe(4);
    for (const e of icalJsEvents(before.content)) expect(e.uid).not.toMatch(/R\d+-/);
    ws.sheets.userSortRows(CALENDAR_TAB.name, calendarColumn('title'), false);
    ws.runtime.advance(5 * 60_000);
    const sorted = sidebarCall(addon, 'exportIcs') as IcsFile;
    expect(uids(sorted.content)).toEqual(uids(before.content));
    expect(Math.min(...sequences(sorted.content))).toBeGreaterThan(
      Math.max(...sequences(before.content)),
    );

    addon.run('syncCalendar');
    const synced = sidebarCall(addon, 'exportIcs') as IcsFile;
    ws.sheets.userSortRows(CALENDAR_TAB.name, calendarColumn('startDate'), true);
    ws.runtime.advance(60_000);
    const again = sidebarCall(addon, 'exportIcs') as IcsFile;
    expect(uids(again.content)).toEqual(uids(synced.content));
    const ids = calendarRows(ws)
      .map((r) => String(r.id))
      .filter(Boolean);
    for (const e of icalJsEvents(again.content).filter((x) => x.summary !== 'Board meeting'))
      expect(ids.some((id) => e.uid.startsWith(`${id}-`))).toBe(true);
    // A row unchanged since its sync was last modified when it was synced.
    const club = calendarRows(ws).find((r) => r.title === 'Reading club')!;
    const lastModified = icalJsEvents(again.content)
      .find((e) => e.summary === 'Reading club')!
      .component.getFirstPropertyValue('last-modified') as ICAL.Time;
    expect(lastModified.toJSDate().getTime()).toBe(
      Math.floor((club.lastSynced as Date).getTime() / 1000) * 1000,
    );
  });
});
