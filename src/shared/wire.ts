// Types that cross google.script.run: JSON-shaped by construction (no Date, no functions, no undefined in arrays).

/** A value that survives google.script.run unchanged (docs/google-facts.md, "Editor add-on"). */
export type Wire = string | number | boolean | null | Wire[] | { [key: string]: Wire | undefined };

/** What the sidebars learn about the open spreadsheet before the coordinator does anything. */
export interface PlanOverview {
  spreadsheetName: string;
  spreadsheetUrl: string;
  timeZone: string;
  userEmail: string;
  /** Names of the plan's tabs that already exist in this spreadsheet. */
  existingTabs: string[];
  /** The schema version the plan was set up with, or null on a sheet never set up. */
  schemaVersion: number | null;
}

/**
 * A wire input as a person or an older sidebar might type it: choice fields as any text. The
 * domain's checks take this, so they still match "nonprofit" to "Nonprofit" wherever it comes from.
 */
export type AsTyped<T> = {
  [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends string | null | undefined
      ? string | null | undefined
      : T[K];
};
