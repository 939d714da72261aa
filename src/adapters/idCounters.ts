// The highest ID number each tab has handed out, so a deleted row's ID is never reused.
const KEY = 'sharedWorkPlan.idCounters';

export type IdCounters = Record<string, number>;

export function loadIdCounters(): IdCounters {
  const text = PropertiesService.getDocumentProperties().getProperty(KEY);
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as IdCounters) : {};
  } catch {
    // A damaged value only costs the reuse guard: IDs still continue after the highest in the tab.
    return {};
  }
}

export function saveIdCounters(counters: IdCounters): void {
  PropertiesService.getDocumentProperties().setProperty(KEY, JSON.stringify(counters));
}
