// The emulator's zone model holds RFC 5545 §3.3.5 on the RFC's own New York examples (docs/google-facts.md, "Time zones and formatting").
import { instantAt, offsetAt } from '../../emulator/time/zoneModel';

const wall = (y: number, mo: number, d: number, h: number, mi: number) =>
  Date.UTC(y, mo - 1, d, h, mi);
const HOUR = 3_600_000;

describe('wall time → instant at a change of offset (RFC 5545 §3.3.5)', () => {
  it('a local time that occurs twice means its first occurrence (the RFC: 01:30 on 4 Nov 2007 is EDT)', () => {
    const instant = instantAt(wall(2007, 11, 4, 1, 30), 'America/New_York');
    expect(new Date(instant).toISOString()).toBe('2007-11-04T05:30:00.000Z');
    // The other reading is real too, an hour later: the rule chose, nothing was lost.
    expect(offsetAt(instant + HOUR, 'America/New_York')).toBe(-5 * HOUR);
  });

  it('a local time that does not occur is read with the offset before the gap (the RFC: 02:30 on 11 Mar 2007 is 03:30 EDT)', () => {
    const instant = instantAt(wall(2007, 3, 11, 2, 30), 'America/New_York');
    expect(new Date(instant).toISOString()).toBe('2007-03-11T07:30:00.000Z');
    expect(offsetAt(instant, 'America/New_York')).toBe(-4 * HOUR);
  });
});
