// Merges the guests a row asks for with the event's guests, so Calendar-side guests and answers survive a patch.
import { hash } from './fingerprint';
import { PROPERTY_LIMITS } from './propertyLimits';

/** A REST attendee as Google returns it: every field is sent back untouched, answer included. */
export interface AttendeeJson {
  email?: string;
  responseStatus?: string;
  [field: string]: unknown;
}

/** Google keeps at most 1,024 characters of an extended property's value, cutting the rest (V). */
const TAG_LIMIT = PROPERTY_LIMITS.valueChars;
const PER_GUEST = 6;

/**
 * The guests the add-on itself put on the event, as 6 hex digits each (a guest's email is not
 * stored in the clear). Past ~170 guests the tag is cut: the guests left out count as added in
 * Calendar, so they are kept — the safe side.
 */
export function writtenGuestsTag(guests: readonly string[]): string {
  const tag = guests.map((g) => hash(g.toLowerCase()).slice(1, 1 + PER_GUEST)).join('');
  return tag.slice(0, Math.floor(TAG_LIMIT / PER_GUEST) * PER_GUEST);
}

function tagged(tag: string, email: string): boolean {
  const mark = hash(email.toLowerCase()).slice(1, 1 + PER_GUEST);
  for (let i = 0; i < tag.length; i += PER_GUEST)
    if (tag.slice(i, i + PER_GUEST) === mark) return true;
  return false;
}

export interface MergedAttendees {
  attendees: AttendeeJson[];
  /** Guests someone added in Google Calendar (not in the row): kept, with their answers. */
  keptFromCalendar: string[];
  /** Whether the list differs from the event's: no attendee field is sent when it does not. */
  changed: boolean;
}

/**
 * The event's attendees after a patch. A guest the row asks for keeps the attendee entry (and so
 * the answer) the event already has; a guest the add-on wrote last time and the row no longer
 * names is removed; any other guest on the event was added in Google Calendar and is kept.
 * `writtenTag` is null for events written before the add-on tagged its guests: then nobody is
 * removed, because nobody can be told apart from a Calendar-side guest.
 */
export function mergeAttendees(
  desired: readonly string[],
  existing: readonly AttendeeJson[],
  writtenTag: string | null,
): MergedAttendees {
  const wanted = new Set(desired.map((g) => g.toLowerCase()));
  const attendees: AttendeeJson[] = [];
  const keptFromCalendar: string[] = [];
  const present = new Set<string>();
  let changed = false;
  for (const a of existing) {
    const email = (a.email ?? '').toLowerCase();
    if (!email) {
      attendees.push(a);
      continue;
    }
    present.add(email);
    if (wanted.has(email)) attendees.push(a);
    else if (writtenTag !== null && tagged(writtenTag, email)) changed = true;
    else {
      attendees.push(a);
      keptFromCalendar.push(email);
    }
  }
  for (const email of wanted) {
    if (present.has(email)) continue;
    attendees.push({ email });
    changed = true;
  }
  return { attendees, keptFromCalendar, changed };
}
