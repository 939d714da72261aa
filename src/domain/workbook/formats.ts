// How each schema column is formatted and validated, as data the Sheets adapter turns into calls.
import type { ColumnDef } from '../schema/columns';
import { localeDateCellFormat } from '../time/localeDate';

/**
 * Every rule is a warning, never a refusal (the adapter sets `allowInvalid(true)`): a partner's
 * typing is never thrown away by a rejected edit, a renamed partner or an unknown value is flagged
 * with the cell's red triangle, and the readers explain the problem in plain words. Pasted values
 * bypass refusals anyway, so refusing would only punish typing.
 */
export type ValidationSpec =
  | { type: 'list'; values: readonly string[]; help: string }
  /** Fed live from another tab's column (rows 2..end): a new entry there appears in the dropdown. */
  | { type: 'range'; tab: string; column: string; help: string }
  | { type: 'checkbox' }
  | { type: 'date'; help: string }
  | { type: 'number'; help: string }
  | { type: 'email'; help: string };

export interface ColumnFormat {
  /** Sheets number format for the data cells, or null to leave the column's format alone. */
  numberFormat: string | null;
  validation: ValidationSpec | null;
  /** Long texts wrap, so a whole responsibility or obstacle is readable. */
  wrap: boolean;
}

/** Dropdown values that come from other tabs' rows: "G1 · Every child reads at grade level". */
export interface ReferenceLists {
  goals: readonly string[];
  outcomes: readonly string[];
}

/** Times: the 24-hour clock, how every typed time is shown once read (time/typedTime.ts). */
export const TIME_FORMAT = 'hh:mm';
export const MONEY_FORMAT = '#,##0.00';
/** Plain text: keeps phone numbers' leading zeros and "+" and IDs exactly as written. */
export const TEXT_FORMAT = '@';

/**
 * (I) Sheets' list rules are reported to stop at 500 items; above that the reference column keeps
 * no dropdown (only the ID counts anyway, and the readers still check it).
 */
export const MAX_LIST_ITEMS = 500;

const REFRESH_HINT =
  'New ones appear after Extensions › Shared Work Plan › Check and repair the plan.';

function validationFor(def: ColumnDef, lists: ReferenceLists): ValidationSpec | null {
  switch (def.kind) {
    case 'enum':
      return def.options
        ? { type: 'list', values: def.options, help: `Pick one of: ${def.options.join(', ')}.` }
        : null;
    case 'partner':
      return {
        type: 'range',
        tab: 'partners',
        column: 'organisation',
        help: 'Pick a partner from the Partners tab. A name not on that tab is flagged: add the partner there or fix the spelling.',
      };
    case 'category':
      return {
        type: 'range',
        tab: 'categories',
        column: 'category',
        help: 'Pick a category from the Categories tab (add your own there).',
      };
    case 'goalRef':
      return lists.goals.length && lists.goals.length <= MAX_LIST_ITEMS
        ? {
            type: 'list',
            values: lists.goals,
            help: `Pick a goal; only its ID (G1) counts, so renaming a goal keeps the link. ${REFRESH_HINT}`,
          }
        : null;
    case 'outcomeRef':
      return lists.outcomes.length && lists.outcomes.length <= MAX_LIST_ITEMS
        ? {
            type: 'list',
            values: lists.outcomes,
            help: `Pick an outcome; only its ID (O1) counts. ${REFRESH_HINT}`,
          }
        : null;
    case 'boolean':
      return { type: 'checkbox' };
    case 'date':
      return { type: 'date', help: 'Type a date such as 2027-03-04.' };
    case 'number':
    case 'currency':
      return { type: 'number', help: 'Type a number (e.g. 1200).' };
    case 'email':
      return { type: 'email', help: 'Type one email address, e.g. name@example.org.' };
    default:
      return null;
  }
}

/**
 * Dates and date-times (Last synced) in the spreadsheet locale's short date, the one date format
 * of everything the add-on writes (time/localeDate.ts): 12/7/2026 in en_US, 07/12/2026 in en_GB.
 */
function numberFormatFor(def: ColumnDef, locale: string): string | null {
  switch (def.kind) {
    case 'date':
      return localeDateCellFormat(locale);
    case 'time':
      return TIME_FORMAT;
    case 'dateTime':
      return localeDateCellFormat(locale, true);
    case 'currency':
      return MONEY_FORMAT;
    case 'phone':
    case 'id':
      return TEXT_FORMAT;
    default:
      return null;
  }
}

export function columnFormat(
  def: ColumnDef,
  lists: ReferenceLists,
  /** The spreadsheet's locale (`getSpreadsheetLocale`): how its dates are written. */
  locale: string,
): ColumnFormat {
  return {
    numberFormat: numberFormatFor(def, locale),
    validation: validationFor(def, lists),
    wrap: def.kind === 'longText',
  };
}
