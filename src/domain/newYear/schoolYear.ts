// School years (1 August to 31 July) and which one "Start the next year" closes on a given day.

/** The month a school year starts in (August): the usual school year of the plans the add-on serves. */
export const SCHOOL_YEAR_START_MONTH: number = 8;

/**
 * How long into a new school year a rollover still closes the year before: a coordinator starting
 * the new year in August, September or October means last year; in May, June or July this one.
 */
export const GRACE_MONTHS = 3;

export interface SchoolYear {
  /** The calendar year it starts in: 2027 for 2027–28. */
  startYear: number;
  /** Stable key for properties and metadata: "2027-28". */
  key: string;
  /** As people write it: "2027–28". */
  label: string;
  /** Its first and last days, yyyy-mm-dd. */
  first: string;
  last: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function schoolYearStarting(startYear: number): SchoolYear {
  const next = String((startYear + 1) % 100).padStart(2, '0');
  const lastMonth = SCHOOL_YEAR_START_MONTH === 1 ? 12 : SCHOOL_YEAR_START_MONTH - 1;
  const lastYear = SCHOOL_YEAR_START_MONTH === 1 ? startYear : startYear + 1;
  const lastDay = new Date(Date.UTC(lastYear, lastMonth, 0)).getUTCDate();
  return {
    startYear,
    key: `${startYear}-${next}`,
    label: `${startYear}–${next}`,
    first: `${startYear}-${pad(SCHOOL_YEAR_START_MONTH)}-01`,
    last: `${lastYear}-${pad(lastMonth)}-${pad(lastDay)}`,
  };
}

/** The school year a day (yyyy-mm-dd) falls in. */
export function schoolYearOf(day: string): SchoolYear {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return schoolYearStarting(month >= SCHOOL_YEAR_START_MONTH ? year : year - 1);
}

/** The year a rollover on `today` (yyyy-mm-dd, the spreadsheet's day) closes: see GRACE_MONTHS. */
export function yearToClose(today: string): SchoolYear {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - GRACE_MONTHS;
  const shifted = month >= 1 ? `${year}-${pad(month)}-01` : `${year - 1}-${pad(month + 12)}-01`;
  return schoolYearOf(shifted);
}

/** The archive tab's name for a year: "Archive 2027–28". */
export const archiveTabName = (year: SchoolYear) => `Archive ${year.label}`;

/** The tab-key metadata value of a year's archive: one archive per year, found after a rename. */
export const archiveTabKey = (year: SchoolYear) => `archive-${year.key}`;
