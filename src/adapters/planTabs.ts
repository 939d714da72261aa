// Remembers which tabs the coordinator chose, so a repair recreates a chosen tab someone deleted.
const KEY = 'sharedWorkPlan.planTabs';

export function loadPlanTabs(): string[] | null {
  const text = PropertiesService.getDocumentProperties().getProperty(KEY);
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? parsed.map(String) : null;
  } catch {
    return null;
  }
}

export function savePlanTabs(keys: readonly string[]): void {
  PropertiesService.getDocumentProperties().setProperty(KEY, JSON.stringify(keys));
}
