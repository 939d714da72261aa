// Session emulator: the active user and the script's time zone.
import type { Runtime } from '../runtime';

export class SessionEmulator {
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
    public userEmail: string,
    /** The script's zone (appsscript.json timeZone): distinct from the sheet's and the calendar's. */
    public scriptTimeZone: string,
  ) {
    const user = () => ({ getEmail: () => this.userEmail }) as GoogleAppsScript.Base.User;
    this.app = {
      getActiveUser: () => {
        runtime.call('Session.getActiveUser', 'other');
        return user();
      },
      getEffectiveUser: () => {
        runtime.call('Session.getEffectiveUser', 'other');
        return user();
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
