// The Sync Log reads whole at 100 % zoom: every sentence wraps, and When (a date, which Sheets cannot wrap) fits its column.
import { cellWidth } from '../../src/domain/table/textFit';
import { sidebarCall } from '../harness/sidebarCall';
import { loadAddon } from '../harness/workspace';

describe.each(['en_US', 'en_GB', 'de_DE'])('a new plan’s Sync Log in %s', (locale) => {
  it('has no cut cell after the first sync: text wraps, dates fit', () => {
    const { ws, addon } = loadAddon({ spreadsheetTimeZone: 'Europe/London' });
    ws.sheets.spreadsheet.setSpreadsheetLocale(locale);
    sidebarCall(addon, 'setUpPlan', {
      name: 'Westside Reading Partnership',
      coordinator: 'Ana Ruiz',
      timeZone: 'Europe/London',
      partners: [],
      calendar: { mode: 'new' },
    });
    const headers = ws.sheets.table('Calendar')[0] as string[];
    const type = (row: number, header: string, text: string) =>
      addon.userEdit('Calendar', row, headers.indexOf(header) + 1, text);
    type(
      2,
      'Title',
      'Reading club for third graders and their families, with the library’s volunteers',
    );
    type(2, 'Start date', '2027-05-04');
    type(2, 'Start time', '16:00');
    type(2, 'Location', 'Westside Elementary School, library, second floor, room 214');
    type(2, 'Status', 'Planned');
    sidebarCall(addon, 'syncCalendar');

    const sheet = ws.sheets.spreadsheet.getSheetByName('Sync Log');
    if (!sheet) throw new Error('no Sync Log');
    const range = sheet.getDataRange();
    const shown = range.getDisplayValues();
    const wraps = range.getWraps();
    const values = range.getValues();
    expect(shown.length).toBeGreaterThan(1);
    for (const [r, row] of shown.entries())
      for (const [c, text] of row.entries()) {
        if (text === '') continue;
        const isDate = Object.prototype.toString.call(values[r][c]) === '[object Date]';
        const fits = cellWidth(text) <= sheet.getColumnWidth(c + 1);
        // Sheets wraps text, never a date or a number: those must fit their column.
        if (isDate) expect({ text, fits }).toEqual({ text, fits: true });
        else expect({ text, readable: wraps[r][c] || fits }).toEqual({ text, readable: true });
      }
  });
});
