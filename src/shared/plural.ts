// "1 row", "3 rows": counts in messages read as a person would write them.

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The word alone, agreeing with a count: word(2, 'it', 'them') → "them", word(1, 'Row') → "Row". */
export function word(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}
