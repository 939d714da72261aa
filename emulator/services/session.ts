// Session emulator: the active user and the script's time zone.
import type { Runtime } from '../runtime';

export class SessionEmulator {
  /**
   * Whose authority the script runs under when it is not the active user's: an installable
   * trigger runs as the user who created it (V: installable triggers guide, "Restrictions").
   * null: the active user.
   */
  effectiveUserEmail: string | null = null;
  readonly app: Pick<
    GoogleAppsScript.Base.Session,
    | 'getActiveUser'
    | 'getEffectiveUser'
    | 'getScriptTimeZone'
    | 'getActiveUserLocale'
    | 'getTemporaryActiveUserKey'
  >;

  constructor(
    runtime: Runtime,
    /** The user at the keyboard (Session.getActiveUser). */
    public userEmail: string,
    /** The script's zone (appsscript.json timeZone): distinct from the sheet's and the calendar's. */
    public scriptTimeZone: string,
  ) {
    const user = (email: string) => ({ getEmail: () => email }) as GoogleAppsScript.Base.User;
    this.app = {
      getActiveUser: () => {
        runtime.call('Session.getActiveUser', 'other');
        return user(this.userEmail);
      },
      getEffectiveUser: () => {
        runtime.call('Session.getEffectiveUser', 'other');
        return user(this.effectiveUserEmail ?? this.userEmail);
      },
      getScriptTimeZone: () => {
        runtime.call('Session.getScriptTimeZone', 'other');
        return this.scriptTimeZone;
      },
      getActiveUserLocale: () => 'en',
      getTemporaryActiveUserKey: () => `key-${this.userEmail}`,
    };
  }
}
