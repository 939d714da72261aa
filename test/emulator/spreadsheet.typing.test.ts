// Text typed or set lands the way US-locale Sheets stores it, in every zone; cells hold ≤ 50,000 characters.
import { formatDate } from '../../emulator/services/utilities';
import { Workspace } from '../../emulator/workspace';

const ZONES = [
  'America/New_York',
  'Asia/Kolkata',
  'Pacific/Kiritimati',
  'America/St_Johns',
  'Australia/Lord_Howe',
  'Europe/Berlin',
  'Pacific/Pago_Pago',
];

/** Seeded dates 1950–2099 (mulberry32), so a failure names a reproducible case. */
function dates(seed: number, count: number): Array<{ y: number; m: number; d: number }> {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => {
    const day = new Date(Date.UTC(1950, 0, 1) + Math.floor(random() * 150 * 365.25) * 86_400_000);
    return { y: day.getUTCFullYear(), m: day.getUTCMonth() + 1, d: day.getUTCDate() };
  });
}

function sheetIn(zone: string) {
  const ws = new Workspace({ startTime: Date.UTC(2027, 2, 1), spreadsheetTimeZone: zone });
  const sheet = ws.sheets.app.getActiveSpreadsheet().getActiveSheet();
  sheet.setName('Plan');
  return { ws, sheet };
}

const pad = (n: number) => String(n).padStart(2, '0');

describe.each(ZONES)('typed text in a US-locale spreadsheet in %s', (zone) => {
  const { sheet } = sheetIn(zone);
  const cell = sheet.getRange('A1');
  const typed = (text: string) => {
    cell.setValue(text);
    return cell.getValue() as unknown;
  };
  const wallDate = (value: unknown) =>
    value instanceof Date ? formatDate(value, zone, 'yyyy-MM-dd HH:mm:ss') : value;

  it('reads month/day/year, year-month-day and year/month/day as that date at midnight', () => {
    for (const { y, m, d } of dates(zone.length, 40)) {
      const expected = `${y}-${pad(m)}-${pad(d)} 00:00:00`;
      expect(wallDate(typed(`${m}/${d}/${y}`))).toBe(expected);
      expect(wallDate(typed(`${y}-${pad(m)}-${pad(d)}`))).toBe(expected);
      expect(wallDate(typed(`${y}/${m}/${d}`))).toBe(expected);
    }
  });

  it('keeps day/month/year as text when the day cannot be a month (15/03/2027)', () => {
    for (const { y, m, d } of dates(zone.length + 1, 40).filter((x) => x.d > 12)) {
      expect(typed(`${d}/${m}/${y}`)).toBe(`${d}/${m}/${y}`);
      expect(typed(`${pad(d)}/${pad(m)}/${y}`)).toBe(`${pad(d)}/${pad(m)}/${y}`);
    }
  });

  it('reads times as 30 Dec 1899 on the spreadsheet’s clock, to the second', () => {
    expect(wallDate(typed('09:00'))).toBe('1899-12-30 09:00:00');
    expect(wallDate(typed('9:05 pm'))).toBe('1899-12-30 21:05:00');
    expect(wallDate(typed('23:59:58'))).toBe('1899-12-30 23:59:58');
  });
});

describe('typed numbers and text in en_US', () => {
  const { sheet } = sheetIn('America/New_York');
  const cell = sheet.getRange('B2');
  it.each([
    ['1,234', 1234],
    ['1,234.5', 1234.5],
    ['-1,234,567', -1234567],
    ['007', 7],
    ['12%', 0.12],
    ['TRUE', true],
    ['false', false],
    ['1,23', '1,23'],
    ['(555) 201-3300', '(555) 201-3300'],
    ['2027-13-01', '2027-13-01'],
    ['2027-02-30', '2027-02-30'],
    ['2027/03-15', '2027/03-15'],
    ['Room 101', 'Room 101'],
  ])('%s is stored as %p', (text, expected) => {
    cell.setValue(text);
    expect(cell.getValue()).toEqual(expected);
  });

  it('reads a two-digit year in 20xx below 30 and 19xx from 30', () => {
    const [a, b] = [sheet.getRange('C3'), sheet.getRange('C4')];
    a.setValue('3/15/27');
    b.setValue('3/15/45');
    const day = (r: typeof a) => formatDate(r.getValue() as Date, 'America/New_York', 'yyyy-MM-dd');
    expect(day(a)).toBe('2027-03-15');
    expect(day(b)).toBe('1945-03-15');
  });
});

describe('a time-only cell where the 1899 offset has seconds', () => {
  it('keeps the wall clock exactly (Asia/Kolkata was +05:21:10 in 1899)', () => {
    const { sheet } = sheetIn('Asia/Kolkata');
    const cell = sheet.getRange('A1');
    cell.setValue('09:00');
    const value = cell.getValue() as Date;
    expect(formatDate(value, 'Asia/Kolkata', 'yyyy-MM-dd HH:mm:ss')).toBe('1899-12-30 09:00:00');
    expect(value.toISOString()).toBe('1899-12-30T03:38:50.000Z');
    cell.setValue(value);
    expect(cell.getDisplayValue()).toBe('9:00 am');
    expect(formatDate(cell.getValue() as Date, 'Asia/Kolkata', 'HH:mm:ss')).toBe('09:00:00');
  });
});

describe('the 50,000-character cell limit', () => {
  const limit = 50_000;
  const message = `Your input contains more than the maximum of 50000 characters in a single cell.`;

  it('stores 50,000 characters and refuses 50,001 from setValue, whatever the format', () => {
    const { sheet } = sheetIn('America/New_York');
    const cell = sheet.getRange('A1');
    cell.setValue('x'.repeat(limit));
    expect((cell.getValue() as string).length).toBe(limit);
    expect(() => cell.setValue('y'.repeat(limit + 1))).toThrow(message);
    cell.setNumberFormat('@');
    expect(() => cell.setValue('y'.repeat(limit + 1))).toThrow(message);
    expect((cell.getValue() as string).startsWith('x')).toBe(true);
  });

  it('refuses a whole setValues when one cell is too long: nothing is written', () => {
    const { sheet } = sheetIn('America/New_York');
    const range = sheet.getRange('A1:B1');
    expect(() => range.setValues([['short', 'z'.repeat(limit + 1)]])).toThrow(message);
    expect(range.getValues()).toEqual([['', '']]);
  });

  it('refuses a person’s typing of more, with the same words', () => {
    const { ws } = sheetIn('America/New_York');
    expect(ws.sheets.userEdit('Plan', 1, 1, 'w'.repeat(limit + 1))).toEqual({
      ok: false,
      message,
    });
  });
});
