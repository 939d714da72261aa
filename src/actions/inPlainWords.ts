// Runs that write the plan (set-up, repair, builds) answer a Google error with one sentence; Google's words go to the log.
import { UserError } from '../shared/errors';
import { googleErrorKind, plainRunError } from '../shared/googleErrors';

/** Each run in the words its sentence uses ("…, so building the asset map stopped"). */
export const RUN_WORDS = {
  setUp: 'setting up the plan',
  repair: 'checking and repairing the plan',
  assetMap: 'building the asset map',
  logicModel: 'building the logic model',
  dashboard: 'building the dashboard',
  briefs: 'writing the partner briefs',
} as const;

/**
 * Runs `run`; an error from Google (Sheets' "Service error: Spreadsheets", "Service Spreadsheets
 * timed out…", a limit) becomes a UserError the sidebar or the menu's dialog shows as it is, and
 * Google's own words go to the execution log, where whoever helps the coordinator looks. Errors
 * written for people already, and errors that are not Google's (a bug stays a bug), pass as they are.
 */
export function inPlainWords<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof UserError || googleErrorKind(error) === null) throw error;
    const plain = plainRunError(error, what);
    console.log(`${plain.sentence} Google’s words: ${plain.raw}`);
    throw new UserError(plain.sentence);
  }
}
