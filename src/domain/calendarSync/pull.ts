// Pulling a Calendar-side change back into a row: the cells that differ, as a partner would type them.
import { asText } from '../table/cells';
import { addDays, formatWallDate, pad, type ZoneOracle } from '../time/zones';
import type { ExistingEvent } from './types';

/**
 * The row cells that would make the row ask for the event as it now is in Calendar: title,
 * location, dates and times, written as text (ISO dates, 24-hour times) so no zone is involved.
 * Only cells whose value differs are returned.
 */
export function pulledCells(
  event: ExistingEvent,
  cells: Record<string, unknown>,
  zone: string,
  oracle: ZoneOracle,
): Record<string, string> {
  const next: Record<string, string> = { title: event.title, location: event.location };
  const t = event.timing;
  if (t.allDay) {
    const [y, m, d] = t.endDate.split('-').map(Number);
    const last = formatWallDate(addDays({ year: y, month: m, day: d }, -1));
    Object.assign(next, {
      startDate: t.startDate,
      endDate: last === t.startDate ? '' : last,
      startTime: '',
      endTime: '',
    });
  } else {
    const s = oracle(t.startMs, zone);
    const e = oracle(t.endMs, zone);
    const sd = formatWallDate(s);
    const ed = formatWallDate(e);
    Object.assign(next, {
      startDate: sd,
      startTime: `${pad(s.hour)}:${pad(s.minute)}`,
      endDate: ed === sd ? '' : ed,
      endTime: `${pad(e.hour)}:${pad(e.minute)}`,
    });
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(next)) {
    if (asText(cells[key]) !== value) out[key] = value;
  }
  return out;
}
