// The self-test's two-run probe of a time trigger on a private function: one run sets it, the trigger notes that it fired, the next run reads the note.
import type { GoogleServices } from './google';

/** Handler of the self-test's throwaway triggers (private: exported by src/index.ts). */
export const PROBE_TRIGGER_HANDLER = 'selfTestTriggerProbe_';

/** The running user's note of the pending probe trigger (user properties: per user, any document). */
export const PROBE_TRIGGER_MARK = 'swpSelfTestTrigger';
/** How soon the probe trigger fires; Apps Script runs one-off time triggers about then (V: `after`). */
const DELAY_MS = 60_000;
/** Longer than this without firing is an answer: it did not fire. */
const PATIENCE_MS = 15 * 60_000;

interface Mark {
  uid: string;
  setMs: number;
  firedMs?: number;
}

type Services = Pick<GoogleServices, 'userProperties' | 'triggers'>;

/** A probe's note in the user's properties: { uid, setMs, … }, or null when absent or unreadable. */
export function readProbeMark<T extends { uid: string; setMs: number }>(
  services: Pick<GoogleServices, 'userProperties'>,
  key: string,
): T | null {
  try {
    const mark = JSON.parse(services.userProperties().getProperty(key) ?? 'null');
    return mark && typeof mark.uid === 'string' && typeof mark.setMs === 'number' ? mark : null;
  } catch {
    return null;
  }
}

const readMark = (services: Services) => readProbeMark<Mark>(services, PROBE_TRIGGER_MARK);

/** Deletes the user's trigger with this id in this project, if it is still there. */
export function removeTrigger(services: Pick<GoogleServices, 'triggers'>, uid: string): void {
  const scripts = services.triggers();
  for (const t of scripts.getProjectTriggers())
    if (t.getUniqueId() === uid) scripts.deleteTrigger(t);
}

/**
 * The probe: "fired" or "did not fire" when an earlier run set a trigger; otherwise it sets one and
 * says, as an error (the row reads "could not run"), to run the self-test again in two minutes.
 * An add-on has one time trigger per document (V): with automatic hourly sync on, there is no room.
 */
export function probePrivateTrigger(services: Services): string {
  const mark = readMark(services);
  const props = services.userProperties();
  if (mark?.firedMs) {
    props.deleteProperty(PROBE_TRIGGER_MARK);
    return 'fired';
  }
  if (mark && Date.now() - mark.setMs < PATIENCE_MS)
    throw new Error(
      'waiting: the trigger the last run set has not fired yet. Run the self-test again in a few minutes.',
    );
  if (mark) {
    removeTrigger(services, mark.uid);
    props.deleteProperty(PROBE_TRIGGER_MARK);
    return 'did not fire';
  }
  let uid: string;
  try {
    uid = services
      .triggers()
      .newTrigger(PROBE_TRIGGER_HANDLER)
      .timeBased()
      .after(DELAY_MS)
      .create()
      .getUniqueId();
  } catch (error) {
    throw new Error(
      `no time trigger could be set (${(error as Error).message}). An add-on has one time trigger per document: turn the automatic hourly sync off while you run this probe.`,
    );
  }
  props.setProperty(PROBE_TRIGGER_MARK, JSON.stringify({ uid, setMs: Date.now() }));
  throw new Error(
    'set: a trigger on a private function fires in about a minute. Run the self-test again after two minutes to read the answer.',
  );
}

/**
 * What the probe trigger does when it fires: notes it for the next self-test run and removes
 * itself. Any other call (another trigger, a stray run) changes nothing.
 */
export function noteProbeTriggerFired(services: Services, triggerUid: string | undefined): void {
  const mark = readMark(services);
  if (!mark || !triggerUid || triggerUid !== mark.uid) return;
  services
    .userProperties()
    .setProperty(PROBE_TRIGGER_MARK, JSON.stringify({ ...mark, firedMs: Date.now() }));
  removeTrigger(services, mark.uid);
}
