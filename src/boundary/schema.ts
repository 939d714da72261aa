// A small hand-written validator for what sidebars send: typed schemas that check, strip and explain.
//
// Why hand-written rather than a library: valibot (the smallest tree-shakable candidate) added
// ~16 KB (library alone) to an es2019 keep-names bundle for shapes like ours; its messages would need a plain-words
// layer, and the integration tests walk these schemas to generate malformed calls, which wants a
// tiny, stable shape to read. This file, the schemas and the list of sidebar functions add ~9.7 KB
// to dist/Code.js (272,589 → 282,298 bytes, unminified as the build ships it).
import { CELL_TEXT_LIMIT } from '../domain/table/literal';
import { UserError } from '../shared/errors';

interface Named {
  /** The words naming the value in a message ("Target date"); the field's name otherwise. */
  readonly label?: string;
}

export interface TextSchema extends Named {
  readonly kind: 'text';
  readonly max: number;
}
export interface OneOfSchema<T extends string = string> extends Named {
  readonly kind: 'oneOf';
  readonly options: readonly T[];
}
export interface FlagSchema extends Named {
  readonly kind: 'flag';
}
export interface WholeSchema extends Named {
  readonly kind: 'whole';
  readonly min: number;
  readonly max: number;
}
export interface ListSchema<I extends Schema = Schema> extends Named {
  readonly kind: 'list';
  readonly item: I;
  readonly maxItems: number;
}
export interface RecordSchema<F extends Fields = Fields> extends Named {
  readonly kind: 'record';
  readonly fields: F;
}
/** May be left out; `allowNull` also lets null (JSON's "nothing") through. */
export interface MaybeSchema<I extends Schema = Schema, N extends boolean = boolean> extends Named {
  readonly kind: 'maybe';
  readonly inner: I;
  readonly allowNull: N;
}

export type Schema =
  | TextSchema
  | OneOfSchema
  | FlagSchema
  | WholeSchema
  | ListSchema
  | RecordSchema
  | MaybeSchema;

export type Fields = { readonly [key: string]: Schema };

/** The TypeScript type of the values a schema lets through. */
export type Infer<S> =
  S extends MaybeSchema<infer I, infer N>
    ? Infer<I> | undefined | (N extends true ? null : never)
    : S extends TextSchema
      ? string
      : S extends OneOfSchema<infer T>
        ? T
        : S extends FlagSchema
          ? boolean
          : S extends WholeSchema
            ? number
            : S extends ListSchema<infer I>
              ? Infer<I>[]
              : S extends RecordSchema<infer F>
                ? InferFields<F>
                : never;

type Optional<F extends Fields> = {
  [K in keyof F]: undefined extends Infer<F[K]> ? K : never;
}[keyof F];
type Flatten<T> = { [K in keyof T]: T[K] } & {};
export type InferFields<F extends Fields> = Flatten<
  { [K in Exclude<keyof F, Optional<F>>]: Infer<F[K]> } & { [K in Optional<F>]?: Infer<F[K]> }
>;

export const text = (max = CELL_TEXT_LIMIT): TextSchema => ({ kind: 'text', max });
export const oneOf = <T extends string>(options: readonly T[]): OneOfSchema<T> => ({
  kind: 'oneOf',
  options,
});
export const flag = (): FlagSchema => ({ kind: 'flag' });
export const whole = (min: number, max: number): WholeSchema => ({ kind: 'whole', min, max });
export const list = <I extends Schema>(item: I, maxItems: number): ListSchema<I> => ({
  kind: 'list',
  item,
  maxItems,
});
export const record = <F extends Fields>(fields: F): RecordSchema<F> => ({
  kind: 'record',
  fields,
});
/** May be left out (undefined). */
export const optional = <I extends Schema>(inner: I): MaybeSchema<I, false> => ({
  kind: 'maybe',
  inner,
  allowNull: false,
});
/** May be left out or null. */
export const nullish = <I extends Schema>(inner: I): MaybeSchema<I, true> => ({
  kind: 'maybe',
  inner,
  allowNull: true,
});

/** "targetDate" → "Target date": how a field is named in a message when no label is given. */
export function fieldLabel(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const count = (n: number) => n.toLocaleString('en-US');

function typeName(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a group of fields' : `a ${typeof value}`;
}

/**
 * The value as the schema allows it (unknown fields dropped), or the first problem in plain words.
 * `name` is what the message calls the value ("Target date", "Partner 2's email").
 */
function check(schema: Schema, value: unknown, name: string, within = ''): unknown {
  switch (schema.kind) {
    case 'maybe':
      if (value === undefined || (schema.allowNull && value === null)) return value;
      return check(schema.inner, value, name, within);
    case 'text':
      if (typeof value !== 'string') throw problem(value, name, 'text');
      if (value.length > schema.max)
        throw new UserError(
          `${name} is too long: ${count(value.length)} characters, at most ${count(schema.max)}.`,
        );
      return value;
    case 'oneOf':
      if (typeof value !== 'string' || !schema.options.includes(value)) {
        const named = schema.options.filter((o) => o !== '').join(', ');
        const orEmpty = schema.options.includes('') ? ' (or left empty)' : '';
        throw new UserError(`${name} must be one of: ${named}${orEmpty}.`);
      }
      return value;
    case 'flag':
      if (typeof value !== 'boolean') throw problem(value, name, 'yes or no (true or false)');
      return value;
    case 'whole':
      if (typeof value === 'number' && !Number.isInteger(value))
        throw new UserError(`${name} must be a whole number.`);
      if (typeof value !== 'number') throw problem(value, name, 'a whole number');
      if (value < schema.min || value > schema.max)
        throw new UserError(
          `${name} must be between ${count(schema.min)} and ${count(schema.max)}.`,
        );
      return value;
    case 'list': {
      if (!Array.isArray(value)) throw problem(value, name, 'a list');
      if (value.length > schema.maxItems)
        throw new UserError(
          `${name} has ${count(value.length)} items, at most ${count(schema.maxItems)}.`,
        );
      // A field of the 2nd partner is named "Partner 2: email".
      return value.map((item, i) =>
        check(schema.item, item, `${name} ${i + 1}`, `${name} ${i + 1}: `),
      );
    }
    case 'record': {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw problem(value, name, 'a group of fields');
      const source = value as Record<string, unknown>;
      // Own keys only (a field named like Object.prototype's members is not "there").
      const present = new Set(Object.keys(source));
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(schema.fields)) {
        const named = labelOf(field) ?? fieldLabel(key);
        const label = within ? `${within}${named.charAt(0).toLowerCase()}${named.slice(1)}` : named;
        const has = present.has(key);
        if (!has && field.kind !== 'maybe') throw new UserError(`${label} is missing.`);
        const checked = check(field, has ? source[key] : undefined, label);
        if (checked !== undefined) out[key] = checked;
      }
      return out;
    }
  }
}

/** A label given inside optional()/nullish() names the field too. */
const labelOf = (schema: Schema): string | undefined =>
  schema.label ?? (schema.kind === 'maybe' ? labelOf(schema.inner) : undefined);

function problem(value: unknown, name: string, wanted: string): UserError {
  if (value === undefined || value === null) return new UserError(`${name} is missing.`);
  return new UserError(`${name} must be ${wanted}, not ${typeName(value)}.`);
}

/** The arguments a list of schemas lets through, as a tuple. */
export type InferArgs<S extends readonly Schema[]> = { -readonly [I in keyof S]: Infer<S[I]> };

/** Checks one call's arguments against their schemas; throws a UserError naming the first problem. */
export function checkArguments(schemas: readonly Schema[], args: readonly unknown[]): unknown[] {
  const out = schemas.map((schema, i) => {
    try {
      return check(schema, args[i], labelOf(schema) ?? 'The request');
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      throw new UserError(`${error.message} Nothing was changed.`);
    }
  });
  return out;
}

/** Names a value in messages ("Row"): returns the same schema with a label. */
export const labelled = <S extends Schema>(label: string, schema: S): S => ({
  ...schema,
  label,
});
