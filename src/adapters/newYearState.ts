// What "Start the next year" keeps in document properties: the journal of a rollover under way, and each year archived.
import type { ArchivedPlace } from '../domain/calendarSync/archivedRows';
import { idRangesSet, idRangesText } from '../domain/newYear/idRanges';
import { loadChunked, saveChunked } from './chunkedProperty';
import type { PropertyStore } from './google';

const JOURNAL_KEY = 'swp.newYear.journal';
const YEARS_KEY = 'swp.newYear.years';

/** The steps of a rollover, in order; the journal names the last one finished. */
export type RolloverStep = 'started' | 'archived' | 'baselines' | 'removed';

export interface RolloverJournal {
  /** Version of this record's shape. */
  v: 1;
  /** The closed school year's first calendar year (2027 for 2027–28). */
  year: number;
  step: RolloverStep;
  startedOn: string;
  /** Outcome ID → the baseline it takes (the latest measurement of the closed year). */
  baselines: Record<string, string>;
}

export interface ArchivedYear {
  /** The archive tab's name when it was made (the tab itself is found by its metadata). */
  tab: string;
  /** The activity IDs it holds, as ranges. */
  ids: string;
  /** True once the rollover of that year finished. */
  done: boolean;
}

export type ArchivedYears = Record<string, ArchivedYear>;

export function loadJournal(store: PropertyStore): RolloverJournal | null {
  const text = store.getProperty(JOURNAL_KEY);
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as RolloverJournal;
    return parsed && parsed.v === 1 ? parsed : null;
  } catch {
    return null;
  }
}

/** Saved before each write step's effects are relied on: a rerun resumes after `step`. */
export function saveJournal(store: PropertyStore, journal: RolloverJournal): void {
  store.setProperty(JOURNAL_KEY, JSON.stringify(journal));
}

export function clearJournal(store: PropertyStore): void {
  store.deleteProperty(JOURNAL_KEY);
}

export function loadArchivedYears(
  store: PropertyStore,
  /** A read of every property the run already made, if any (no second read). */
  all?: Readonly<Record<string, string>>,
): ArchivedYears {
  const text = loadChunked(store, YEARS_KEY, all);
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as ArchivedYears) : {};
  } catch {
    return {};
  }
}

export function saveArchivedYear(store: PropertyStore, key: string, year: ArchivedYear): void {
  saveChunked(store, YEARS_KEY, JSON.stringify({ ...loadArchivedYears(store), [key]: year }));
}

export const archivedIdsText = (ids: Iterable<string>) => idRangesText(ids);

/**
 * Every activity ID in an archive (any year, finished or under way) with the archive it went to:
 * the sync leaves these rows and their events alone, so an archived activity's event is never
 * deleted nor updated, and says so in a row still in the tab. Read lazily, at most once a run.
 */
export function archivedPlaces(
  store: PropertyStore,
  all?: Readonly<Record<string, string>>,
): (activityId: string) => ArchivedPlace | null {
  let places: Map<string, ArchivedPlace> | null = null;
  return (activityId) => {
    if (places === null) {
      places = new Map();
      for (const year of Object.values(loadArchivedYears(store, all)))
        for (const id of idRangesSet(year.ids ?? ''))
          places.set(id, { tab: year.tab, done: year.done === true });
    }
    return places.get(activityId) ?? null;
  };
}
