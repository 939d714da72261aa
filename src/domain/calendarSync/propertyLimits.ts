// Google's limits on an event's extended properties, so nothing the add-on stores is ever cut without a word.

/**
 * The "Limits" of Google's "Extended properties" guide (V): a key over 44 characters is dropped and
 * a value over 1,024 characters cut — silently, no error — and an event holds at most 300
 * properties of at most 32 kB, keys and values together. The add-on's tags stay far inside them
 * (test/unit/propertyLimits.property.test.ts measures the worst cases).
 */
export const PROPERTY_LIMITS = {
  keyChars: 44,
  valueChars: 1024,
  perEvent: 300,
  bytesPerEvent: 32 * 1024,
} as const;

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

/** What Google would drop or cut from these properties, in words; empty when they fit. */
export function propertyLimitProblems(props: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  let bytes = 0;
  for (const [key, value] of Object.entries(props)) {
    if (key.length > PROPERTY_LIMITS.keyChars)
      problems.push(`the key ${key.slice(0, 20)}… is over ${PROPERTY_LIMITS.keyChars} characters`);
    if (value.length > PROPERTY_LIMITS.valueChars)
      problems.push(`${key} is over ${PROPERTY_LIMITS.valueChars} characters`);
    bytes += utf8Bytes(key) + utf8Bytes(value);
  }
  if (Object.keys(props).length > PROPERTY_LIMITS.perEvent)
    problems.push(`more than ${PROPERTY_LIMITS.perEvent} properties`);
  if (bytes > PROPERTY_LIMITS.bytesPerEvent)
    problems.push(`more than ${PROPERTY_LIMITS.bytesPerEvent} bytes of properties`);
  return problems;
}
