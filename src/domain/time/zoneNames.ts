// Checks a typed time-zone name against the IANA list shipped in the bundle, with plain suggestions.
import { fail, ok, type Parsed } from '../values';
import { ZONE_NAMES } from './zoneNames.generated';

const byLowerCase = new Map(ZONE_NAMES.map((name) => [name.toLowerCase(), name]));

/**
 * Abbreviations people type for a zone, with the region names that keep its summer time. Google's
 * formatDate reads them as Java's old ids (V: java.time.ZoneId.SHORT_IDS): "EST", "MST" and "HST"
 * are fixed offsets (EST stays UTC−5 in July), "PST" and "CST" follow Los Angeles and Chicago, and
 * several name another place than people mean ("BST" is Bangladesh, "NST" New Zealand). So an
 * abbreviation is never accepted: the region name says one thing to everyone.
 */
const ABBREVIATIONS: Record<string, readonly string[]> = {
  EST: ['America/New_York', 'America/Toronto'],
  EDT: ['America/New_York', 'America/Toronto'],
  ET: ['America/New_York', 'America/Toronto'],
  CST: ['America/Chicago', 'America/Mexico_City'],
  CDT: ['America/Chicago'],
  CT: ['America/Chicago'],
  MST: ['America/Denver', 'America/Phoenix'],
  MDT: ['America/Denver'],
  MT: ['America/Denver'],
  PST: ['America/Los_Angeles', 'America/Vancouver'],
  PDT: ['America/Los_Angeles', 'America/Vancouver'],
  PT: ['America/Los_Angeles'],
  AKST: ['America/Anchorage'],
  HST: ['Pacific/Honolulu'],
  AST: ['America/Halifax', 'America/Puerto_Rico'],
  NST: ['America/St_Johns'],
  BST: ['Europe/London'],
  WET: ['Europe/Lisbon'],
  WEST: ['Europe/Lisbon'],
  CET: ['Europe/Paris', 'Europe/Berlin'],
  CEST: ['Europe/Paris', 'Europe/Berlin'],
  MET: ['Europe/Paris', 'Europe/Berlin'],
  EET: ['Europe/Athens', 'Africa/Cairo'],
  EEST: ['Europe/Athens'],
  MSK: ['Europe/Moscow'],
  WAT: ['Africa/Lagos'],
  CAT: ['Africa/Maputo', 'Africa/Harare'],
  EAT: ['Africa/Nairobi'],
  SAST: ['Africa/Johannesburg'],
  IST: ['Asia/Kolkata', 'Europe/Dublin'],
  PKT: ['Asia/Karachi'],
  ICT: ['Asia/Bangkok'],
  WIB: ['Asia/Jakarta'],
  HKT: ['Asia/Hong_Kong'],
  SGT: ['Asia/Singapore'],
  PHT: ['Asia/Manila'],
  JST: ['Asia/Tokyo'],
  KST: ['Asia/Seoul'],
  AEST: ['Australia/Sydney', 'Australia/Brisbane'],
  AEDT: ['Australia/Sydney'],
  ACST: ['Australia/Adelaide'],
  AWST: ['Australia/Perth'],
  NZST: ['Pacific/Auckland'],
  NZDT: ['Pacific/Auckland'],
  BRT: ['America/Sao_Paulo'],
  ART: ['America/Argentina/Buenos_Aires'],
};

/** Region names by standard offset in hours, for "GMT+1" and "UTC-5". */
const BY_OFFSET: Record<string, readonly string[]> = {
  '-10': ['Pacific/Honolulu'],
  '-9': ['America/Anchorage'],
  '-8': ['America/Los_Angeles', 'America/Vancouver'],
  '-7': ['America/Denver', 'America/Phoenix'],
  '-6': ['America/Chicago', 'America/Mexico_City'],
  '-5': ['America/New_York', 'America/Bogota'],
  '-4': ['America/Halifax', 'America/Caracas'],
  '-3': ['America/Sao_Paulo', 'America/Argentina/Buenos_Aires'],
  '0': ['Europe/London', 'Africa/Abidjan'],
  '1': ['Europe/Paris', 'Africa/Lagos'],
  '2': ['Europe/Athens', 'Africa/Johannesburg'],
  '3': ['Europe/Moscow', 'Africa/Nairobi'],
  '4': ['Asia/Dubai'],
  '5': ['Asia/Karachi', 'Asia/Tashkent'],
  '5.5': ['Asia/Kolkata'],
  '6': ['Asia/Dhaka'],
  '7': ['Asia/Bangkok', 'Asia/Jakarta'],
  '8': ['Asia/Singapore', 'Australia/Perth'],
  '9': ['Asia/Tokyo', 'Asia/Seoul'],
  '10': ['Australia/Sydney', 'Australia/Brisbane'],
  '12': ['Pacific/Auckland'],
};

const FIXED_OFFSET = /^(?:Etc\/)?(?:GMT|UTC|UT)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/i;

/** Optimal-string-alignment distance: edits, with a swap of two neighbours counted once. */
export function editDistance(a: string, b: string): number {
  // Three rolling rows (two back for the swap): the check runs over every listed name per typo.
  let twoBack = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, twoBack[j - 2] + 1);
      current[j] = best;
    }
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  return previous[b.length];
}

const city = (name: string) => name.slice(name.lastIndexOf('/') + 1);
const squash = (text: string) => text.toLowerCase().replace(/[\s_-]+/g, '_');
/** Built on the first typo only: most runs never need it. */
let squashed: Array<{ name: string; whole: string; city: string }> | null = null;

/** The listed names closest to a typo (whole name or city alone), best first; [] when none is close. */
export function closestZoneNames(typed: string, limit = 3): string[] {
  const t = squash(typed);
  const typedCity = squash(city(typed));
  const scored: Array<{ name: string; distance: number }> = [];
  squashed ??= ZONE_NAMES.map((name) => ({ name, whole: squash(name), city: squash(city(name)) }));
  // Close means a few slips, fewer for short names: "Lima" must not suggest "Rome".
  const allowed = Math.max(1, Math.min(3, Math.floor(Math.min(typedCity.length, t.length) / 4)));
  // An edit distance is at least the difference in length: most names are ruled out unmeasured.
  const near = (a: string, b: string) =>
    Math.abs(a.length - b.length) <= allowed ? editDistance(a, b) : allowed + 1;
  for (const { name, whole: listedWhole, city: listedCity } of squashed) {
    const distance = Math.min(near(t, listedWhole), near(typedCity, listedCity));
    if (distance <= allowed) scored.push({ name, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
  return scored.slice(0, limit).map((s) => s.name);
}

const didYouMean = (names: readonly string[]) =>
  names.length === 1
    ? `Did you mean ${names[0]}?`
    : `Did you mean ${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}?`;

/**
 * The zone a partner typed, as its listed IANA name (case as listed), or a message in plain words:
 * abbreviations and fixed offsets are refused with region names to use instead, and a misspelling
 * gets the closest names. Nothing here asks Google: an unknown name is never "tried".
 */
export function checkZoneName(typed: string, column = 'Time zone'): Parsed<string> {
  const text = typed.trim();
  const listed =
    byLowerCase.get(text.toLowerCase()) ?? byLowerCase.get(text.replace(/ /g, '_').toLowerCase());
  if (listed) return ok(listed);
  const quoted = `“${text.length > 40 ? `${text.slice(0, 37)}…` : text}”`;
  const abbreviation = ABBREVIATIONS[text.toUpperCase()];
  if (abbreviation)
    return fail(
      `${column} ${quoted} is an abbreviation, which Google may read differently from you (some never change for summer time; some name another place). Type the region’s name instead. ${didYouMean(abbreviation)}`,
    );
  const offset = FIXED_OFFSET.exec(text);
  if (offset) {
    const hours = Number(offset[2]) + Number(offset[3] ?? 0) / 60;
    const key = String(offset[1] === '-' ? -hours : hours);
    const regions = BY_OFFSET[key] ?? ['Europe/Paris', 'America/New_York'];
    return fail(
      `${column} ${quoted} is a fixed offset, which does not follow summer time. Type the region’s name instead. ${didYouMean(regions)}`,
    );
  }
  const closest = closestZoneNames(text);
  return fail(
    closest.length
      ? `${column} ${quoted} is not a time zone name. ${didYouMean(closest)}`
      : `${column} ${quoted} is not a time zone name. Type one such as Europe/Paris or America/Chicago.`,
  );
}
