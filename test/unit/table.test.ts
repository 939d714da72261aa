// Column location by identity and the cell readers partners' typing goes through.
import fc from 'fast-check';
import { PARTNERS_TAB } from '../../src/domain/schema/tabs';
import {
  asBoolean,
  asNumber,
  asTimeOfDay,
  asWallDate,
  parseDateText,
  referenceId,
  splitList,
} from '../../src/domain/table/cells';
import { locateColumns } from '../../src/domain/table/locate';
import { readRecords } from '../../src/domain/table/records';
import { monthFirst, parseTypedDate } from '../../src/domain/time/typedDate';
import { intlZoneOracle as oracle } from '../harness/intlZoneOracle';

describe('locateColumns', () => {
  it('finds a renamed, moved column by its metadata and an untagged one by header', () => {
    const headers = [
      'Org name (renamed)',
      'Partner ID',
      'E-mail',
      'Our own column',
      'Contact name',
    ];
    const meta = ['organisation', 'id', 'email', null, null];
    const loc = locateColumns(PARTNERS_TAB, headers, meta);
    expect(loc.index.organisation).toBe(0);
    expect(loc.index.id).toBe(1);
    expect(loc.index.contact).toBe(4);
    expect(loc.matchedByHeader).toEqual(['contact']);
    expect(loc.missing).toContain('phone');
    expect(loc.extraColumns).toEqual([{ index: 3, header: 'Our own column' }]);
  });

  it('treats a copied column (same metadata twice) as an extra column, not a second owner', () => {
    const loc = locateColumns(
      PARTNERS_TAB,
      ['Organisation', 'Organisation copy'],
      ['organisation', 'organisation'],
    );
    expect(loc.index.organisation).toBe(0);
    expect(loc.extraColumns.map((c) => c.header)).toEqual(['Organisation copy']);
  });

  it('reads records with their sheet row and skips blank rows', () => {
    const loc = locateColumns(PARTNERS_TAB, ['Partner ID', 'Organisation'], ['id', 'organisation']);
    const records = readRecords(PARTNERS_TAB, loc, {
      sheetName: 'Partners',
      headerRow: 1,
      headers: ['Partner ID', 'Organisation'],
      metadataKeys: ['id', 'organisation'],
      rows: [
        ['P1', 'Library'],
        ['', ''],
        ['P9', ''],
      ],
    });
    expect(records.map((r) => [r.row, r.cells.organisation])).toEqual([[2, 'Library']]);
  });
});

describe('cells', () => {
  it('reads the date texts people type, and refuses impossible ones', () => {
    expect(parseDateText('2027-03-04', 'en_US')).toEqual({ year: 2027, month: 3, day: 4 });
    expect(parseDateText('3/4/2027', 'en_US')).toEqual({ year: 2027, month: 3, day: 4 });
    expect(parseDateText('4 March 2027', 'en_US')).toEqual({ year: 2027, month: 3, day: 4 });
    expect(parseDateText('March 4, 2027', 'en_US')).toEqual({ year: 2027, month: 3, day: 4 });
    expect(parseDateText('2027-02-30', 'en_US')).toBeNull();
    expect(parseDateText('next Tuesday', 'en_US')).toBeNull();
  });

  it('reads a day/month date in the order of the sheet locale, as the Calendar tab does', () => {
    // 3/4/2027 is 4 March where dates are written month first, 3 April everywhere else.
    expect(parseDateText('3/4/2027', 'en_GB')).toEqual({ year: 2027, month: 4, day: 3 });
    expect(parseDateText('3/4/2027', 'fr_FR')).toEqual({ year: 2027, month: 4, day: 3 });
    expect(parseDateText('3/4/2027', 'en_US')).toEqual({ year: 2027, month: 3, day: 4 });
    // Only one reading fits: taken whatever the locale.
    expect(parseDateText('25/12/2027', 'en_US')).toEqual({ year: 2027, month: 12, day: 25 });
    // A date with a time after it is not a plain date; a date without a year is refused in words.
    expect(parseDateText('2027-03-04 10:00', 'en_GB')).toBeNull();
    expect(asWallDate('4 Mar', 'Etc/UTC', oracle, 'Target date', 'en_GB')).toEqual({
      ok: false,
      message: 'Target date “4 Mar” has no year: type the year too.',
    });
  });

  it('reads every date cell as the calendar rows read it, in every locale (one typed-date rule)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2060 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.constantFrom('en_US', 'en_GB', 'de_DE', 'fr_FR', 'es_US', 'ja_JP', 'en'),
        fc.constantFrom('/', '.', '-'),
        (year, month, day, locale, sep) => {
          const [a, b] = monthFirst(locale) ? [month, day] : [day, month];
          for (const text of [`${a}${sep}${b}${sep}${year}`, `${year}-${month}-${day}`]) {
            const typed = parseTypedDate(text, { locale, today: null }, 'Date');
            const expected = typed?.ok ? typed.value.date : null;
            expect(parseDateText(text, locale)).toEqual(expected);
            expect(expected).toEqual({ year, month, day });
          }
        },
      ),
    );
  });

  it('reads a Date cell in the spreadsheet zone, not UTC', () => {
    // Midnight 4 March in New York is 05:00 UTC: the wall date stays the 4th.
    const cell = new Date('2027-03-04T05:00:00Z');
    expect(asWallDate(cell, 'America/New_York', oracle, 'Start date', 'en_US')).toEqual({
      ok: true,
      value: { year: 2027, month: 3, day: 4 },
    });
    expect(asWallDate(cell, 'Asia/Tokyo', oracle, 'Start date', 'en_US')).toEqual({
      ok: true,
      value: { year: 2027, month: 3, day: 4 },
    });
    expect(asWallDate(cell, 'Pacific/Honolulu', oracle, 'Start date', 'en_US')).toEqual({
      ok: true,
      value: { year: 2027, month: 3, day: 3 },
    });
  });

  it('explains a bad date in words a partner understands', () => {
    const r = asWallDate('next Tuesday', 'Etc/UTC', oracle, 'Start date', 'en_US');
    expect(r).toEqual({
      ok: false,
      message: 'Start date “next Tuesday” is not a date. Type a date such as 2027-03-04.',
    });
  });

  it('reads times typed or stored as day fractions', () => {
    expect(asTimeOfDay('9:30', 'Etc/UTC', oracle, 'Start time')).toEqual({
      ok: true,
      value: { hour: 9, minute: 30 },
    });
    expect(asTimeOfDay('2:15 pm', 'Etc/UTC', oracle, 'Start time')).toEqual({
      ok: true,
      value: { hour: 14, minute: 15 },
    });
    expect(asTimeOfDay(0.375, 'Etc/UTC', oracle, 'Start time')).toEqual({
      ok: true,
      value: { hour: 9, minute: 0 },
    });
    expect(asTimeOfDay('25:00', 'Etc/UTC', oracle, 'Start time').ok).toBe(false);
  });

  it('reads booleans, money, lists and references', () => {
    expect(asBoolean('Yes', 'Invite')).toEqual({ ok: true, value: true });
    expect(asBoolean('maybe', 'Invite').ok).toBe(false);
    expect(asNumber('$1,200.50', 'Value')).toEqual({ ok: true, value: 1200.5 });
    expect(asNumber('lots', 'Value').ok).toBe(false);
    expect(splitList('Library; Clinic,\nYMCA ,')).toEqual(['Library', 'Clinic', 'YMCA']);
    expect(referenceId('G12 · Improve literacy', 'G')).toBe('G12');
    expect(referenceId('g3', 'G')).toBe('G3');
    expect(referenceId('Improve literacy', 'G')).toBeNull();
  });
});
