// The one record that a trigger found the owner's permission missing: what makes the notice go out once.
import type { PropertyStore } from './google';

/** Document property: set by the first trigger that could not run, cleared once permission is back. */
export const REAUTH_NOTICE_KEY = 'sharedWorkPlan.reauthorisation';

/** When a trigger first found permission missing, and whether the owner could be mailed. */
export interface ReauthNotice {
  since: string;
  mailed: boolean;
}

export function readReauthNotice(store: PropertyStore): ReauthNotice | null {
  const text = store.getProperty(REAUTH_NOTICE_KEY);
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<ReauthNotice>;
    return { since: String(value.since ?? ''), mailed: value.mailed === true };
  } catch {
    // A damaged record still means the owner was told: never mail twice.
    return { since: '', mailed: true };
  }
}

export function saveReauthNotice(store: PropertyStore, notice: ReauthNotice): void {
  store.setProperty(REAUTH_NOTICE_KEY, JSON.stringify(notice));
}

export function clearReauthNotice(store: PropertyStore): void {
  store.deleteProperty(REAUTH_NOTICE_KEY);
}
