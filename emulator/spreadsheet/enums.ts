// Enum objects of the SpreadsheetApp emulator (SpreadsheetApp.X, Ui.Button, Charts.ChartType).
//
// Apps Script enum values are objects whose toString() is the member name (V: enum reference
// pages print as their names). Strings equal to the name keep `===` comparisons and String()
// working the same way, and survive JSON, which the preview needs.

/**
 * One enum member: a frozen singleton whose toString()/toJSON() is its name, so `===` against
 * `SpreadsheetApp.X.Y` works, String(x) prints the name as in Apps Script, and a member is never
 * mistaken for a plain string argument (addDeveloperMetadata(key, visibility) vs (key, value)).
 */
export interface EnumMember<N extends string = string> {
  readonly name: N;
  toString(): N;
  toJSON(): N;
}

const members = new WeakSet<object>();

function enumOf<const K extends string>(names: readonly K[]): { readonly [P in K]: EnumMember<P> } {
  const out: Record<string, EnumMember> = {};
  for (const name of names) {
    const m: EnumMember = Object.freeze({
      name,
      toString: () => name,
      toJSON: () => name,
    });
    members.add(m);
    out[name] = m;
  }
  return Object.freeze(out) as { readonly [P in K]: EnumMember<P> };
}

/** Is `x` one of the emulator's enum members? */
export function isEnumMember(x: unknown): x is EnumMember {
  return typeof x === 'object' && x !== null && members.has(x);
}

/** The name of an enum member, or of a string that names one (scripts sometimes pass names). */
export function enumName(x: unknown): string {
  return isEnumMember(x) ? x.name : String(x);
}

export const DataValidationCriteria = enumOf([
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
]);

export const ProtectionType = enumOf(['RANGE', 'SHEET']);
export const DeveloperMetadataLocationType = enumOf(['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN']);
export const DeveloperMetadataVisibility = enumOf(['DOCUMENT', 'PROJECT']);
export const BorderStyle = enumOf([
  'DOTTED',
  'DASHED',
  'SOLID',
  'SOLID_MEDIUM',
  'SOLID_THICK',
  'DOUBLE',
]);
export const WrapStrategy = enumOf(['WRAP', 'OVERFLOW', 'CLIP']);
export const Dimension = enumOf(['COLUMNS', 'ROWS']);
export const BooleanCriteria = enumOf([
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_NOT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
]);

export const Button = enumOf(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const ButtonSet = enumOf(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);

/** For a `Charts` global: Charts.ChartType (V: Charts service reference). */
export const ChartType = enumOf([
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
]);

export type ButtonName = keyof typeof Button;
export type ButtonSetName = keyof typeof ButtonSet;
