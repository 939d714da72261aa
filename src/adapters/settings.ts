// Stores PlanSettings in the document's properties (one JSON value, far under the 9 KB limit).
import { SCHEMA_VERSION } from '../domain/schema/tabs';
import { UserError } from '../shared/errors';
import { SETUP_MESSAGES } from '../shared/messages';
import { DEFAULT_CALENDAR_SETTINGS, type PlanSettings } from '../shared/settings';
import type { PropertyStore } from './google';

/**
 * Refuses any write to a plan a newer add-on set up: it may store things this copy does not know
 * and would erase by saving its own idea of the settings (the first version did exactly that to
 * the owner, the automatic-sync state and the import mode). Costs no call: the settings are read.
 */
export function refuseNewerPlan(settings: PlanSettings | null): void {
  if (settings && settings.schemaVersion > SCHEMA_VERSION)
    throw new UserError(SETUP_MESSAGES.newerPlan(settings.schemaVersion));
}

export const SETTINGS_KEY = 'sharedWorkPlan.settings';

export function loadSettings(properties: PropertyStore): PlanSettings | null {
  const text = properties.getProperty(SETTINGS_KEY);
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as PlanSettings;
    return { ...parsed, calendar: { ...DEFAULT_CALENDAR_SETTINGS, ...parsed.calendar } };
  } catch {
    // A damaged value must not block the coordinator: set-up writes it again.
    return null;
  }
}

/** Google keeps at most 9 KB in one property value (docs/google-facts.md, "Services with limits") (V). */
export const PROPERTY_VALUE_BYTES = 9 * 1024;

/** UTF-8 bytes of a text: what a property's size is counted in (an accented letter takes two). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * Checked before anything else is written: settings too big for one property would fail only at
 * the end, after tabs were made or a calendar created. Null when they fit.
 */
export function settingsTooBig(settings: PlanSettings): { bytes: number; limit: number } | null {
  const bytes = utf8Bytes(JSON.stringify(settings));
  return bytes > PROPERTY_VALUE_BYTES ? { bytes, limit: PROPERTY_VALUE_BYTES } : null;
}

export function saveSettings(properties: PropertyStore, settings: PlanSettings): void {
  refuseNewerPlan(settings);
  properties.setProperty(SETTINGS_KEY, JSON.stringify(settings));
}
