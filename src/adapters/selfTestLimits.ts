// The self-test's probes of Google's published limits: extended properties (cut, dropped, capped) and Java's three-letter zone ids.
import { advancedCalendar } from './calendar/service';
import type { GoogleServices } from './google';

type Ev = GoogleAppsScript.Calendar.Schema.Event;
type Insert = (extra: Ev) => Ev;

const LONG_KEY = `swpSelfTest${'K'.repeat(40)}`;
const LONG_VALUE = 'v'.repeat(1_100);

/** A key over 44 characters and a value over 1,024: what Google keeps of each. */
export function probePropertyLimits(services: GoogleServices, calendarId: string, insert: Insert) {
  let created: Ev;
  try {
    created = insert({
      extendedProperties: { private: { [LONG_KEY]: 'x', swpSelfTestLong: LONG_VALUE } },
    });
  } catch {
    return 'refused';
  }
  const props =
    advancedCalendar(services).Events!.get(calendarId, created.id ?? '').extendedProperties
      ?.private ?? {};
  const keyDropped = !(LONG_KEY in props);
  const cut = props.swpSelfTestLong?.length;
  if (keyDropped && cut === 1_024) return 'long key dropped, long value cut to 1,024';
  return `key ${keyDropped ? 'dropped' : 'kept'}, value of ${cut ?? 'no'} characters`;
}

/** 301 properties on one event: refused, or the ones past the cap left out. */
export function probePropertyOverflow(
  services: GoogleServices,
  calendarId: string,
  insert: Insert,
) {
  const many = Object.fromEntries(Array.from({ length: 301 }, (_, i) => [`swpSelfTest${i}`, 'v']));
  let created: Ev;
  try {
    created = insert({ extendedProperties: { private: many } });
  } catch {
    return 'refused';
  }
  const kept = Object.keys(
    advancedCalendar(services).Events!.get(calendarId, created.id ?? '').extendedProperties
      ?.private ?? {},
  ).length;
  return kept === 301
    ? 'all 301 kept'
    : kept === 300
      ? 'properties past the cap left out'
      : `${kept} kept`;
}

/** "PST" and "EST" in July, as formatDate's offset: Java's reading of its old ids (V). */
export function probeThreeLetterIds(services: Pick<GoogleServices, 'formatDate'>): string {
  const july = new Date(Date.UTC(2030, 6, 15, 12));
  const offset = (id: string) => services.formatDate(july, id, 'Z').replace('-', '−');
  return `PST ${offset('PST')}, EST ${offset('EST')}`;
}
