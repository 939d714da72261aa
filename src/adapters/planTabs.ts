// Remembers which tabs the coordinator chose, so a repair recreates a chosen tab someone deleted.
import type { PropertyStore } from './google';

const KEY = 'sharedWorkPlan.planTabs';

export function loadPlanTabs(properties: PropertyStore): string[] | null {
  const text = properties.getProperty(KEY);
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? parsed.map(String) : null;
  } catch {
    return null;
  }
}

export function savePlanTabs(properties: PropertyStore, keys: readonly string[]): void {
  properties.setProperty(KEY, JSON.stringify(keys));
}
