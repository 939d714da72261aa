// Realm-safe checks for values read from Google (a Date from another realm fails `instanceof`).

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export function isValidDate(value: unknown): value is Date {
  return isDate(value) && !Number.isNaN(value.getTime());
}

/** A result that carries either a value or a message written for the partner who typed the cell. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = <T = never>(message: string): Parsed<T> => ({ ok: false, message });

/** A cell shown back to the user inside a message: short, and quoted. */
export function quoteCell(value: unknown): string {
  const text = isDate(value) ? value.toISOString().slice(0, 10) : String(value);
  return `“${text.length > 40 ? `${text.slice(0, 37)}…` : text}”`;
}
