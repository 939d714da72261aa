// Zone maths: wall time <-> instant across zones and daylight-saving changes.

import { addDays, offsetMinutes, wallToInstant } from '../../src/domain/time/zones';
import { intlZoneOracle as oracle } from '../harness/intlZoneOracle';

const wall = (year: number, month: number, day: number, hour = 0, minute = 0) => ({
  year,
  month,
  day,
  hour,
  minute,
  second: 0,
});

describe('zones', () => {
  it('reads offsets on both sides of a DST change', () => {
    expect(offsetMinutes(oracle, Date.UTC(2027, 0, 15), 'America/New_York')).toBe(-300);
    expect(offsetMinutes(oracle, Date.UTC(2027, 6, 15), 'America/New_York')).toBe(-240);
    expect(offsetMinutes(oracle, Date.UTC(2027, 0, 15), 'Asia/Kolkata')).toBe(330);
  });

  it('turns a wall time into the instant clocks in that zone show it', () => {
    expect(
      new Date(wallToInstant(oracle, wall(2027, 3, 4, 9, 30), 'America/New_York')).toISOString(),
    ).toBe('2027-03-04T14:30:00.000Z');
    expect(
      new Date(wallToInstant(oracle, wall(2027, 3, 15, 9, 30), 'America/New_York')).toISOString(),
    ).toBe('2027-03-15T13:30:00.000Z');
    expect(
      new Date(wallToInstant(oracle, wall(2027, 3, 4, 9, 30), 'Europe/Paris')).toISOString(),
    ).toBe('2027-03-04T08:30:00.000Z');
  });

  it('moves a time in the spring-forward gap forward, and takes the earlier instant in the fall-back overlap', () => {
    // 2027-03-14 02:30 does not exist in New York: read as 03:30 EDT.
    expect(
      new Date(wallToInstant(oracle, wall(2027, 3, 14, 2, 30), 'America/New_York')).toISOString(),
    ).toBe('2027-03-14T07:30:00.000Z');
    // 2027-11-07 01:30 happens twice: the first (EDT) one.
    expect(
      new Date(wallToInstant(oracle, wall(2027, 11, 7, 1, 30), 'America/New_York')).toISOString(),
    ).toBe('2027-11-07T05:30:00.000Z');
  });

  it('adds days across month and year ends', () => {
    expect(addDays({ year: 2027, month: 12, day: 31 }, 1)).toEqual({
      year: 2028,
      month: 1,
      day: 1,
    });
    expect(addDays({ year: 2028, month: 3, day: 1 }, -1)).toEqual({
      year: 2028,
      month: 2,
      day: 29,
    });
  });
});
