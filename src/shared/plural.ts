// "1 row", "3 rows": counts in messages read as a person would write them.

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
