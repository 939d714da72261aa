// Dates and times inside sentences ("02:30 does not exist on 28 Mar 2027"); cells, logs and the last run use the locale's short date (localeDate.ts).
import type { WallTime } from './zones';

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
