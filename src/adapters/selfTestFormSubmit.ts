// The self-test's probe of the form-submit event: a throwaway trigger on this spreadsheet notes which fields its event carried; read at once or by the next run.
import type { GoogleServices } from './google';
import { PROBE_TRIGGER_HANDLER, readProbeMark, removeTrigger } from './selfTestTrigger';

/** The running user's note of the pending form-submit probe (user properties). */
export const FORM_SUBMIT_MARK = 'swpSelfTestFormSubmit';
/** The answer the probe submits, so the handler knows the event is the probe's. */
export const FORM_SUBMIT_ANSWER = 'swp-self-test';
/** The event fields the health check reads (V: Sheets form-submit event), in this order. */
const FIELDS = ['namedValues', 'range', 'triggerUid', 'values'] as const;
/** Longer than this without firing is an answer: it did not fire. */
const PATIENCE_MS = 15 * 60_000;

interface Mark {
  uid: string;
  setMs: number;
  /** What the handler saw: each field present, and the row the range named. */
  seen?: string;
}

type Services = Pick<GoogleServices, 'userProperties' | 'triggers'>;

const readMark = (services: Services) => readProbeMark<Mark>(services, FORM_SUBMIT_MARK);

/** The answer once seen; deletes the note and the trigger. */
function answer(services: Services, mark: Mark, seen: string): string {
  removeTrigger(services, mark.uid);
  services.userProperties().deleteProperty(FORM_SUBMIT_MARK);
  return seen;
}

/**
 * The probe: sets a form-submit trigger on this spreadsheet for the private probe handler and
 * submits one answer to the scratch form (`submit`). If the event came at once, or an earlier run
 * set the trigger and it has fired since, the answer is what the event carried; otherwise it says,
 * as an error (the row reads "could not run"), to run the self-test again. An add-on has one
 * form-submit trigger per document (V): a health check round's takes it.
 */
export function probeFormSubmitEvent(
  services: Services,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  submit: () => void,
): string {
  const earlier = readMark(services);
  if (earlier?.seen) return answer(services, earlier, earlier.seen);
  if (earlier && Date.now() - earlier.setMs < PATIENCE_MS)
    throw new Error(
      'waiting: the form-submit trigger the last run set has not fired yet. Run the self-test again in a few minutes.',
    );
  if (earlier) return answer(services, earlier, 'did not fire');
  const scripts = services.triggers();
  if (
    scripts.getUserTriggers(spreadsheet).some((t) => String(t.getEventType()) === 'ON_FORM_SUBMIT')
  )
    throw new Error(
      'this spreadsheet already has your form-submit trigger (a health check round’s): an add-on has one per document. Run the self-test in a spreadsheet without a health check.',
    );
  const uid = scripts
    .newTrigger(PROBE_TRIGGER_HANDLER)
    .forSpreadsheet(spreadsheet)
    .onFormSubmit()
    .create()
    .getUniqueId();
  services
    .userProperties()
    .setProperty(FORM_SUBMIT_MARK, JSON.stringify({ uid, setMs: Date.now() }));
  submit();
  const now = readMark(services);
  if (now?.seen) return answer(services, now, now.seen);
  throw new Error(
    'set: an answer was sent to the scratch form; its form-submit event comes shortly. Run the self-test again after two minutes to read the answer.',
  );
}

/** What the probe handler notes when a form-submit event reaches it: the fields present. */
export function noteFormSubmitEvent(services: Services, e: Record<string, unknown>): void {
  const mark = readMark(services);
  if (!mark || e.triggerUid !== mark.uid) return;
  const named = e.namedValues as Record<string, unknown[]> | undefined;
  const ours = Object.values(named ?? {}).some(
    (v) => Array.isArray(v) && v[0] === FORM_SUBMIT_ANSWER,
  );
  const missing = FIELDS.filter((f) => e[f] === undefined || e[f] === null);
  const seen = !ours
    ? 'namedValues without the answer sent'
    : missing.length
      ? `missing ${missing.join(', ')}`
      : 'namedValues, range, triggerUid and values';
  services.userProperties().setProperty(FORM_SUBMIT_MARK, JSON.stringify({ ...mark, seen }));
}
