// Reads an event's RRULE/EXDATE lines back as a sentence ("Every 2 weeks until 17 Dec 2027").

const UNITS: Record<string, [string, string]> = {
  DAILY: ['Daily', 'day'],
  WEEKLY: ['Weekly', 'week'],
  MONTHLY: ['Monthly', 'month'],
  YEARLY: ['Yearly', 'year'],
};

const DAYS: Record<string, string> = {
  MO: 'Mon',
  TU: 'Tue',
  WE: 'Wed',
  TH: 'Thu',
  FR: 'Fri',
  SA: 'Sat',
  SU: 'Sun',
};

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/** "17 Dec 2027": day first and the month in words, so no reader mistakes the order. */
export function readableDate(year: number, month: number, day: number): string {
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/**
 * RFC 5545 UNTIL: a DATE (all-day events) or a UTC date-time, read as the date it falls on in the
 * event's zone (the sync writes 23:59:59 of the last day there).
 */
function untilText(value: string, timeZone: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (m[4] === undefined) return readableDate(y, mo, d);
  const instant = Date.UTC(y, mo - 1, d, Number(m[4]), Number(m[5]), Number(m[6]));
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return readableDate(part('year'), part('month'), part('day'));
}

/** The recurrence lines of an event as words; the raw rule when it holds something unexpected. */
export function describeRecurrence(lines: readonly string[], timeZone: string): string {
  const rule = lines.find((l) => l.startsWith('RRULE:'));
  if (!rule) return '';
  const fields = new Map(
    rule
      .slice('RRULE:'.length)
      .split(';')
      .map((pair) => pair.split('=') as [string, string]),
  );
  const unit = UNITS[fields.get('FREQ') ?? ''];
  if (!unit) return rule;
  const interval = Number(fields.get('INTERVAL') ?? '1');
  let text = interval > 1 ? `Every ${interval} ${unit[1]}s` : unit[0];
  const byDay = fields.get('BYDAY');
  if (byDay) {
    const days = byDay.split(',').map((d) => DAYS[d]);
    if (days.some((d) => d === undefined)) return rule;
    text += ` on ${days.join(', ')}`;
  }
  const count = fields.get('COUNT');
  if (count) text += `, ${count} times`;
  const until = fields.get('UNTIL');
  if (until) {
    const date = untilText(until, timeZone);
    if (!date) return rule;
    text += ` until ${date}`;
  }
  const skipped = lines
    .filter((l) => l.startsWith('EXDATE'))
    .reduce((n, l) => n + l.slice(l.indexOf(':') + 1).split(',').length, 0);
  if (skipped) text += ` (${skipped} date${skipped === 1 ? '' : 's'} skipped)`;
  return text;
}
