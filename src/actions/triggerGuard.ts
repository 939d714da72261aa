// The first thing every trigger handler does: act only as the settings' owner, else remove itself and stop.
import type { GoogleServices } from '../adapters/google';
import { loadSettings } from '../adapters/settings';
import { removeMyPlanTriggers } from '../adapters/syncServices';
import { triggerMayAct } from './authority';

/**
 * True when this trigger run may go on. A trigger runs with its creator's authority (V), so one
 * left behind by a former coordinator (after a hand-over), an editor who once turned sync on, or
 * an owner who gave the settings up, would act in the plan with an account that no longer speaks
 * for it: it deletes its creator's triggers of this spreadsheet (the only ones it may delete) and
 * does nothing else. A plan with no settings yet has nobody to check against and goes on.
 */
export function triggerMayRun(
  services: GoogleServices,
  what: string,
  finishesAClick = false,
): boolean {
  const settings = loadSettings(services.documentProperties());
  if (!settings) return true;
  const verdict = triggerMayAct(services, settings, finishesAClick);
  if (verdict.act) return true;
  const removed = removeMyPlanTriggers(services.triggers(), services.spreadsheet());
  console.log(
    `${what} did nothing: ${verdict.reason} It removed this account’s ${removed === 1 ? 'trigger' : `${removed} triggers`} of this spreadsheet.`,
  );
  return false;
}
