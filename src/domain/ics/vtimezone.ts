// VTIMEZONE components built from the zone oracle: each UTC-offset change of the years needed.
import { offsetMinutes, pad, type ZoneOracle } from '../time/zones';
import { localStamp } from './lines';

const HOUR = 3_600_000;

export interface Transition {
  atMs: number;
  fromMinutes: number;
  toMinutes: number;
}

/** The instants in [fromMs, toMs) at which the zone's offset changes (found to the minute). */
export function transitions(
  oracle: ZoneOracle,
  zone: string,
  fromMs: number,
  toMs: number,
): Transition[] {
  const out: Transition[] = [];
  const step = 7 * 24 * HOUR;
  let prevMs = fromMs;
  let prev = offsetMinutes(oracle, prevMs, zone);
  for (let t = fromMs + step; t <= toMs + step; t += step) {
    const at = Math.min(t, toMs);
    const now = offsetMinutes(oracle, at, zone);
    if (now !== prev) {
      // Binary search for the first minute with the new offset.
      let lo = prevMs;
      let hi = at;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (offsetMinutes(oracle, mid, zone) === prev) lo = mid;
        else hi = mid;
      }
      out.push({ atMs: hi, fromMinutes: prev, toMinutes: now });
      prev = now;
    }
    prevMs = at;
    if (at >= toMs) break;
  }
  return out;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/**
 * A VTIMEZONE for `zone` valid over [fromMs, toMs): one observance per offset change, each with
 * an explicit DTSTART (RFC 5545 §3.6.5 allows observances without RRULE). A zone without changes
 * gets one STANDARD observance.
 */
export function vtimezone(
  oracle: ZoneOracle,
  zone: string,
  fromMs: number,
  toMs: number,
): string[] {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const changes = transitions(oracle, zone, fromMs, toMs);
  const first = offsetMinutes(oracle, fromMs, zone);
  const observance = (kind: string, atMs: number, from: number, to: number) => {
    // DTSTART of an observance is the local time in the offset in force before the change.
    const local = oracle(atMs - 60_000, zone);
    const wall = new Date(
      Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute) + 60_000,
    );
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${localStamp({
        year: wall.getUTCFullYear(),
        month: wall.getUTCMonth() + 1,
        day: wall.getUTCDate(),
        hour: wall.getUTCHours(),
        minute: wall.getUTCMinutes(),
        second: 0,
      })}`,
      `TZOFFSETFROM:${offsetText(from)}`,
      `TZOFFSETTO:${offsetText(to)}`,
      `END:${kind}`,
    );
  };
  if (changes.length === 0) {
    observance('STANDARD', fromMs, first, first);
  } else {
    // The offset in force before the first change, from the start of the window.
    observance(
      changes[0].fromMinutes > changes[0].toMinutes ? 'DAYLIGHT' : 'STANDARD',
      fromMs,
      first,
      first,
    );
    for (const c of changes)
      observance(
        c.toMinutes > c.fromMinutes ? 'DAYLIGHT' : 'STANDARD',
        c.atMs,
        c.fromMinutes,
        c.toMinutes,
      );
  }
  lines.push('END:VTIMEZONE');
  return lines;
}
