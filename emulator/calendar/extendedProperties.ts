// Extended-property limits (keys dropped, values cut, a cap per event) shared by the REST service and CalendarApp tags.
import type { Ambiguities } from '../ambiguities';

/**
 * The "Limits" section of Google's "Extended properties" guide (V,
 * developers.google.com/workspace/calendar/api/guides/extended-properties): a key longer than 44
 * characters is dropped without a word, a value longer than 1,024 characters is cut without a word,
 * and an event holds at most 300 properties of at most 32 kB (keys and values together, shared and
 * private, every copy of the event).
 */
export const PROPERTY_KEY_MAX = 44;
export const PROPERTY_VALUE_MAX = 1024;
export const PROPERTIES_PER_EVENT = 300;
export const PROPERTY_BYTES_PER_EVENT = 32 * 1024;

/** What a write past the per-event cap meets (I: the guide gives the cap, not what happens past it). */
export const TOO_MANY_PROPERTIES = 'The event has too many extended properties.';

type Props = Record<string, string>;

/**
 * One store write: `null` removes the key (V: patch with null deletes), a long key is dropped and a
 * long value cut (V). Characters are UTF-16 units, as JavaScript counts them (I: the guide says
 * "characters").
 */
export function mergeLimited(current: Props, incoming: unknown): Props {
  const out = { ...current };
  if (!incoming || typeof incoming !== 'object') return out;
  for (const [key, value] of Object.entries(incoming as Record<string, unknown>)) {
    if (value === null) {
      delete out[key];
      continue;
    }
    if (key.length > PROPERTY_KEY_MAX) continue;
    // defineProperty: a key such as "__proto__" is a key like any other to Google.
    Object.defineProperty(out, key, {
      value: String(value).slice(0, PROPERTY_VALUE_MAX),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** Whether an event's properties (private and shared together) are within the per-event cap. */
export function withinEventCap(privateProps: Props, sharedProps: Props): boolean {
  const entries = [...Object.entries(privateProps), ...Object.entries(sharedProps)];
  const size = entries.reduce((n, [k, v]) => n + bytes(k) + bytes(v), 0);
  return entries.length <= PROPERTIES_PER_EVENT && size <= PROPERTY_BYTES_PER_EVENT;
}

/**
 * The properties an event keeps after a write past the cap, by the workspace's option (I): the
 * write is refused (`refuses`: the caller throws) or the properties past the cap are left out in
 * the order they came (`drops`). Returns null for a refusal.
 */
export function capEventProperties(
  privateProps: Props,
  sharedProps: Props,
  mode: Ambiguities['propertyOverflow'],
): { privateProps: Props; sharedProps: Props } | null {
  if (withinEventCap(privateProps, sharedProps)) return { privateProps, sharedProps };
  if (mode === 'refuses') return null;
  let count = 0;
  let size = 0;
  const keep = (props: Props): Props => {
    const out: Props = {};
    for (const [k, v] of Object.entries(props)) {
      const next = size + bytes(k) + bytes(v);
      if (count + 1 > PROPERTIES_PER_EVENT || next > PROPERTY_BYTES_PER_EVENT) continue;
      out[k] = v;
      count += 1;
      size = next;
    }
    return out;
  };
  return { privateProps: keep(privateProps), sharedProps: keep(sharedProps) };
}
