// The preview's .xlsx export read back: every date cell opens showing the wall clock the sheet shows.
import ExcelJS from 'exceljs';
import { workbookXlsx } from '../../preview/export/xlsx';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import { appendRows, calendarColumn, syncFixture } from '../harness/syncFixture';

/** The wall clock of an instant in a zone, by ICU directly (not the emulator's zone model). */
function wallFields(instant: Date, zone: string): number[] {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return [get('year'), get('month'), get('day'), get('hour'), get('minute'), get('second')];
}

/** An .xlsx serial read back by ExcelJS is a Date whose UTC fields are the serial's wall clock. */
const serialFields = (d: Date) => [
  d.getUTCFullYear(),
  d.getUTCMonth() + 1,
  d.getUTCDate(),
  d.getUTCHours(),
  d.getUTCMinutes(),
  d.getUTCSeconds(),
];

describe('.xlsx export writes dates as the sheet’s wall clock', () => {
  it.each([
    'America/New_York',
    'Asia/Tokyo',
    'Asia/Kolkata',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
  ])('in a %s sheet: 16:00 stays 16:00, Last synced and the Sync Log too', async (zone) => {
    const { ws, addon } = syncFixture({
      spreadsheetTimeZone: zone,
      scriptTimeZone: 'Etc/UTC',
      calendarTimeZone: 'Europe/Berlin',
    });
    appendRows(ws, CALENDAR_TAB, [
      {
        title: 'Partners’ meeting',
        startDate: '2027-07-15',
        startTime: '16:00',
        endTime: '17:30',
      },
      { title: 'Family reading fair', startDate: '2027-01-09', endDate: '2027-01-10' },
    ]);
    addon.run('syncCalendar');
    const book = new ExcelJS.Workbook();
    // ExcelJS's typings want the older Buffer type; the bytes are the same.
    await book.xlsx.load((await workbookXlsx(ws)) as unknown as ExcelJS.Buffer);

    const calendar = book.getWorksheet(CALENDAR_TAB.name)!;
    const startTime = calendar.getRow(2).getCell(calendarColumn('startTime')).value as Date;
    expect(serialFields(startTime).slice(3, 5)).toEqual([16, 0]);
    const startDate = calendar.getRow(2).getCell(calendarColumn('startDate')).value as Date;
    expect(serialFields(startDate)).toEqual([2027, 7, 15, 0, 0, 0]);

    // Every date cell of every tab (Last synced, the Sync Log's When, typed dates) as the sheet shows it.
    let checked = 0;
    for (const sheet of ws.sheets.spreadsheet.getSheets()) {
      const values = ws.sheets.table(sheet.getName());
      const out = book.getWorksheet(sheet.getName().slice(0, 31))!;
      for (const [r, row] of values.entries()) {
        for (const [c, value] of row.entries()) {
          if (!(value instanceof Date)) continue;
          const back = out.getRow(r + 1).getCell(c + 1).value as Date;
          expect(serialFields(back)).toEqual(wallFields(value, zone));
          checked += 1;
        }
      }
    }
    const lastSynced = ws.sheets.table(CALENDAR_TAB.name)[1][calendarColumn('lastSynced') - 1];
    expect(lastSynced).toBeInstanceOf(Date);
    expect(ws.sheets.table('Sync Log')[1][0]).toBeInstanceOf(Date);
    expect(checked).toBeGreaterThanOrEqual(7);
  });
});
