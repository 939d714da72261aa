// The year's archive tab as data (title, three sections) and read back, so a resumed rollover and tests see what it holds.
import { plural } from '../../shared/plural';
import { asText } from '../table/cells';
import { localeDay } from '../time/localeDate';
import type { LiveRow, RolloverPlan } from './plan';
import { archiveTabName, type SchoolYear, schoolYearStarting } from './schoolYear';

/** Text cells of the archive are plain text, so a measure or an ID is kept as typed. */
export const PLAIN_TEXT = '@';

/** Where each section starts: a heading that begins with these words, then its header row. */
export const SECTION_HEADINGS = {
  activities: 'Activities of ',
  measurements: 'Progress of ',
  baselines: 'Baselines carried into ',
} as const;
export type SectionKey = keyof typeof SECTION_HEADINGS;

export const BASELINE_HEADERS = (year: SchoolYear) => {
  const next = schoolYearStarting(year.startYear + 1);
  return [
    'Outcome ID',
    'Outcome',
    'Indicator',
    `Baseline in ${year.label}`,
    'Latest measurement',
    'Measured on',
    `Baseline from ${next.label}`,
    'Target',
    'Target date',
  ];
};

export interface ArchiveInput {
  plan: RolloverPlan;
  planName: string;
  /** The day the next year was started, yyyy-mm-dd. */
  startedOn: string;
  /** The spreadsheet's locale: the note writes its dates as the plan's cells show them. */
  locale: string;
  calendarHeaders: readonly unknown[];
  progressHeaders: readonly unknown[];
  /** Number formats of the live tabs' cells, by sheet row, so dates and times read as they did. */
  calendarFormats: (row: number) => readonly string[];
  progressFormats: (row: number) => readonly string[];
}

export interface ArchiveGrid {
  values: unknown[][];
  formats: string[][];
  /** 1-based rows of the section headings (bold). */
  headings: number[];
}

function sectionTitles(plan: RolloverPlan) {
  const next = schoolYearStarting(plan.year.startYear + 1);
  return {
    activities: `${SECTION_HEADINGS.activities}${plan.year.label} (${plural(plan.activities.length, 'row')})`,
    measurements: `${SECTION_HEADINGS.measurements}${plan.year.label} (${plural(plan.measurements.length, 'measurement')})`,
    baselines: `${SECTION_HEADINGS.baselines}${next.label} (${plural(plan.baselines.length, 'outcome')})`,
  };
}

/** Every row of the archive, each with the formats of its cells. */
export function archiveGrid(input: ArchiveInput): ArchiveGrid {
  const { plan } = input;
  const next = schoolYearStarting(plan.year.startYear + 1);
  const rows: { values: unknown[]; formats?: readonly string[]; heading?: boolean }[] = [];
  const text = (values: unknown[], heading = false) => rows.push({ values, heading });
  const titles = sectionTitles(plan);
  const day = (iso: string) => localeDay(iso, input.locale);
  text([`${archiveTabName(plan.year)}${input.planName ? ` · ${input.planName}` : ''}`], true);
  text([
    `The activities and progress of the school year ${plan.year.label} (${day(plan.year.first)} to ${day(plan.year.last)}), moved here on ${day(input.startedOn)} when ${next.label} was started. Kept as history: their events stay in Google Calendar and syncs leave them alone. Goals, outcomes, partners and the steps stay in their tabs.`,
  ]);
  text([]);
  const section = (
    title: string,
    headers: readonly unknown[],
    body: readonly LiveRow[],
    formats: (row: number) => readonly string[],
  ) => {
    text([title], true);
    text([...headers], true);
    for (const r of body) rows.push({ values: [...r.values], formats: formats(r.row) });
    text([]);
  };
  section(titles.activities, input.calendarHeaders, plan.activities, input.calendarFormats);
  section(titles.measurements, input.progressHeaders, plan.measurements, input.progressFormats);
  text([titles.baselines], true);
  text(BASELINE_HEADERS(plan.year), true);
  for (const b of plan.baselines)
    text([
      b.outcomeId,
      b.outcome,
      b.indicator,
      b.old,
      b.latest,
      b.measuredOn,
      b.latest,
      b.target,
      b.targetDate,
    ]);
  const width = Math.max(1, ...rows.map((r) => r.values.length));
  const pad = <T>(cells: readonly T[], fill: T) =>
    Array.from({ length: width }, (_, i) => (i < cells.length ? cells[i] : fill));
  return {
    values: rows.map((r) => pad(r.values, '')),
    formats: rows.map((r) => pad(r.formats ?? [], PLAIN_TEXT).map((f) => f || PLAIN_TEXT)),
    headings: rows.flatMap((r, i) => (r.heading ? [i + 1] : [])),
  };
}

export interface ArchiveSection {
  headers: string[];
  /** Rows below the header up to the next blank row, with their 1-based sheet rows. */
  rows: LiveRow[];
}

const blank = (row: readonly unknown[]) => row.every((c) => asText(c) === '');

/** The sections of an archive tab's values (an absent section reads as empty). */
export function readArchive(
  values: readonly (readonly unknown[])[],
): Record<SectionKey, ArchiveSection> {
  const out = {} as Record<SectionKey, ArchiveSection>;
  for (const key of Object.keys(SECTION_HEADINGS) as SectionKey[]) {
    const at = values.findIndex((r) => asText(r[0]).startsWith(SECTION_HEADINGS[key]));
    const headers = at >= 0 ? (values[at + 1] ?? []).map(asText) : [];
    // The grid is as wide as its widest section: the blank cells after a header name no column.
    while (headers.length && headers[headers.length - 1] === '') headers.pop();
    const rows: LiveRow[] = [];
    for (let i = at + 2; at >= 0 && i < values.length && !blank(values[i]); i++)
      rows.push({ row: i + 1, values: values[i] });
    out[key] = { headers, rows };
  }
  return out;
}
