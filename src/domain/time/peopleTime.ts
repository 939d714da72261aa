// The one way times are shown to people (messages, sidebars, cells meant for reading): "30 Nov 2026, 09:59".
import type { WallTime } from './zones';

/** Utilities.formatDate's (Java SimpleDateFormat) spelling of the format. */
export const PEOPLE_TIME_PATTERN = 'd MMM yyyy, HH:mm';
/** The same format as a Sheets number format, for cells that hold a date-time to be read. */
export const PEOPLE_TIME_CELL_FORMAT = 'd mmm yyyy, hh:mm';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** "4 Mar 2027". */
export function peopleDate(w: Pick<WallTime, 'year' | 'month' | 'day'>): string {
  return `${w.day} ${MONTHS[w.month - 1]} ${w.year}`;
}

/** "4 Mar 2027, 09:30". */
export function peopleTime(w: WallTime): string {
  return `${peopleDate(w)}, ${pad(w.hour)}:${pad(w.minute)}`;
}

/** "09:30". */
export function peopleClock(w: Pick<WallTime, 'hour' | 'minute'>): string {
  return `${pad(w.hour)}:${pad(w.minute)}`;
}
