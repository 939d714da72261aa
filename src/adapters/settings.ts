// Stores PlanSettings in the document's properties (one JSON value, far under the 9 KB limit).
import { DEFAULT_CALENDAR_SETTINGS, type PlanSettings } from '../shared/settings';

export const SETTINGS_KEY = 'sharedWorkPlan.settings';

export function loadSettings(): PlanSettings | null {
  const text = PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY);
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as PlanSettings;
    return { ...parsed, calendar: { ...DEFAULT_CALENDAR_SETTINGS, ...parsed.calendar } };
  } catch {
    // A damaged value must not block the coordinator: set-up writes it again.
    return null;
  }
}

export function saveSettings(settings: PlanSettings): void {
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_KEY, JSON.stringify(settings));
}
