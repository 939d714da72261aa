// A set of IDs written as ranges ("A1-21,A25"): a year's archived activities fit one property value.

/** "A1-3,A7" for A1, A2, A3, A7 (IDs of another shape are kept whole, comma-free). */
export function idRangesText(ids: Iterable<string>): string {
  const byPrefix = new Map<string, number[]>();
  const other = new Set<string>();
  for (const id of ids) {
    const m = /^([A-Z]+)(\d{1,15})$/.exec(id);
    if (!m) {
      if (id && !id.includes(',')) other.add(id);
      continue;
    }
    byPrefix.set(m[1], [...(byPrefix.get(m[1]) ?? []), Number(m[2])]);
  }
  const parts: string[] = [];
  for (const [prefix, numbers] of byPrefix) {
    const sorted = [...new Set(numbers)].sort((a, b) => a - b);
    for (let i = 0; i < sorted.length; ) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
      parts.push(j > i ? `${prefix}${sorted[i]}-${sorted[j]}` : `${prefix}${sorted[i]}`);
      i = j + 1;
    }
  }
  return [...parts, ...other].join(',');
}

/** The IDs of idRangesText's text. */
export function idRangesSet(text: string): Set<string> {
  const out = new Set<string>();
  for (const part of text.split(',')) {
    const m = /^([A-Z]+)(\d{1,15})-(\d{1,15})$/.exec(part.trim());
    // A damaged value is read as what it says, never as a loop over millions of numbers.
    if (!m || Number(m[3]) - Number(m[2]) > 100_000) {
      if (part.trim()) out.add(part.trim());
      continue;
    }
    for (let n = Number(m[2]); n <= Number(m[3]); n++) out.add(`${m[1]}${n}`);
  }
  return out;
}
