// Triggers made by earlier releases name functions that are now forwarding stubs: the first one to fire renews them all.
import type { GoogleServices } from '../adapters/google';
import { loadSettings, saveSettings } from '../adapters/settings';
import { hasTriggerNamed, setTriggers, triggerState } from '../adapters/syncServices';
import { claimSettings, isSettingsOwner } from './authority';
import { approveEarlierPeople } from './earlierPeople';

/**
 * Called by a forwarding stub (a handler name an earlier release gave its triggers). Apps Script
 * runs a trigger by its function's name, and a name that no longer exists fails every hour, so
 * the old names stay forever as stubs. A stub only acts for a real trigger: the running user must
 * hold a trigger under that old name in this plan. An old name has no "_", so any editor could
 * call it through google.script.run; such a call finds no trigger of theirs and does nothing.
 *
 * When it acts, every old-named trigger of this user in this plan is replaced by today's (the
 * after-edit and hourly ones kept on, a fired continuation removed) without anyone opening a
 * sidebar, and settings saved before owners existed get this trigger's creator as their owner,
 * with the automatic syncs recorded as on, so partners' sidebars show them as they are; the
 * people that version had shared with or invited are approved (src/actions/earlierPeople.ts).
 * Returns whether the caller should go on and run today's handler.
 */
export function renewLegacyTriggers(services: GoogleServices, legacyName: string): boolean {
  const spreadsheet = services.spreadsheet();
  const scripts = services.triggers();
  if (!hasTriggerNamed(scripts, spreadsheet, legacyName)) {
    console.log(
      `${legacyName} was called, but you have no trigger of that name in this spreadsheet: nothing was done.`,
    );
    return false;
  }
  const store = services.documentProperties();
  const settings = loadSettings(store);
  // Another person's plan settings: their triggers act, not this one (automaticSync says so too).
  if (settings && !isSettingsOwner(services, settings)) return true;
  setTriggers(scripts, spreadsheet, triggerState(scripts, spreadsheet));
  if (settings) {
    const claimed = claimSettings(services, settings);
    const owned = {
      ...claimed,
      calendar: { ...claimed.calendar, autoSync: triggerState(scripts, spreadsheet) },
    };
    saveSettings(store, owned);
    approveEarlierPeople(services, owned);
  }
  return true;
}
