// How far an execution may reach: its AuthMode, the scopes each user granted, and where the add-on is installed or enabled.
import type { ScopeTarget } from './runtime';
import { allowingScopes } from './scopes';

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';

/**
 * (V) Editor add-on authorization guide: in NONE and LIMITED no service that needs authorization
 * runs; menus can always be built; LIMITED also reaches the document the add-on runs in and the
 * Properties service (the AuthMode reference's own sample reads document properties in every mode
 * but NONE). Services that need no authorization (Utilities, Cache, Lock) run in every mode except
 * that NONE reaches nothing of the document: Cache and Lock are per document, so NONE refuses them too.
 */
const MENU_CALLS = /^SpreadsheetApp\.(getUi$|Ui\.(createAddonMenu|createMenu)$|Menu\.)/;
const NEEDS_NO_AUTHORIZATION = /^Utilities\./;
const AUTHORIZATION_INFO = 'ScriptApp.getAuthorizationInfo';
const SCRIPTAPP_SCOPE = 'https://www.googleapis.com/auth/script.scriptapp';
const DOCUMENT_CALLS = /^(SpreadsheetApp\.|PropertiesService\.|CacheService\.|LockService\.)/;

/**
 * Whether a counted call may run in `mode` (FULL: whatever the scopes allow). `infoIsFree`: the
 * reading of emulator/ambiguities.ts `authorizationInfo` (getAuthorizationInfo needs nothing).
 */
export function modeAllows(mode: AuthModeName, method: string, infoIsFree = true): boolean {
  if (mode === 'FULL') return true;
  if (MENU_CALLS.test(method) || NEEDS_NO_AUTHORIZATION.test(method)) return true;
  if (method === AUTHORIZATION_INFO) return infoIsFree;
  if (mode === 'NONE') return false;
  // LIMITED: the current document, but no UI beyond menus (a sidebar or dialog needs authorization).
  return DOCUMENT_CALLS.test(method) && !/^SpreadsheetApp\.(getUi$|Ui\.)/.test(method);
}

/**
 * Apps Script's words when a simple trigger calls a service that needs authorization (S: the
 * message scripts report for `onOpen`/`onEdit` reaching beyond the document).
 */
export const modeRefusal = (method: string) =>
  `You do not have permission to call ${method}. Authorization is required for this action in this authorization mode.`;

/** (S) What an installable trigger's call gets when its owner has not granted a scope the add-on now asks for. */
export const AUTHORIZATION_REQUIRED_MESSAGE = 'Authorization is required to perform that action.';

/**
 * The add-on's installation and each user's consent. Before any test says otherwise every user has
 * granted every manifest scope (the state of every earlier test); `grantOnly` stands for a user
 * who consented to an earlier version's scopes and has not come back since a release added one.
 */
export class AddonAuthorization {
  /** Users for whom the add-on is installed (from the Marketplace): their menus show it in every file. */
  readonly installedFor = new Set<string>();
  /** Documents where someone used the add-on: every collaborator's menu shows it there (V). */
  readonly enabledIn = new Set<string>();
  /** Scopes granted per user; a user absent here granted every manifest scope. */
  private readonly granted = new Map<string, Set<string>>();
  /** Consent screens shown (user and the scopes they then granted), for tests to read. */
  readonly consents: Array<{ user: string; scopes: string[] }> = [];

  constructor(readonly manifest: readonly string[]) {}

  /** A user whose consent covers only `scopes` (an earlier version's manifest). */
  grantOnly(user: string, scopes: readonly string[]): void {
    this.granted.set(user, new Set(scopes));
  }

  grantedScopes(user: string): string[] {
    return [...(this.granted.get(user) ?? this.manifest)];
  }

  /** The manifest scopes the user has not granted. */
  missing(user: string): string[] {
    const have = this.granted.get(user);
    return have ? this.manifest.filter((s) => !have.has(s)) : [];
  }

  /**
   * Scopes users untick on the consent screen. (V: scopes guide, "granular OAuth consent"; the
   * AuthorizationInfo reference: some executions start without consent to every scope) Whether
   * add-on menu runs already show the granular screen is not said (S: Workspace Updates blog,
   * January 2025, lists add-ons among the surfaces it reaches later): tests choose.
   */
  readonly untickedAtConsent = new Set<string>();

  /**
   * (V) A user who starts an execution themselves (a menu item, a sidebar call) is asked for any
   * missing scope before it runs, and the execution then runs with what they granted: the whole
   * manifest, or less when they untick some. Triggers ask nobody.
   */
  consent(user: string): void {
    const missing = this.missing(user);
    if (missing.length === 0) return;
    const granted = missing.filter((s) => !this.untickedAtConsent.has(s));
    if (granted.length === 0) return;
    this.consents.push({ user, scopes: granted });
    const have = new Set([...this.grantedScopes(user), ...granted]);
    if (this.manifest.every((s) => have.has(s))) this.granted.delete(user);
    else this.granted.set(user, have);
  }

  /**
   * Whether `user`'s grants allow `method`: a call whose scopes are in the manifest but none of
   * them granted needs the user's consent first. Null: allowed (or the manifest rules decide).
   */
  refusal(user: string, method: string, target?: ScopeTarget, infoIsFree = true): string | null {
    const have = this.granted.get(user);
    if (method === AUTHORIZATION_INFO && !infoIsFree) {
      // The 'scriptapp' reading: as any ScriptApp call (a manifest without the scope is refused by
      // the manifest's own rules, emulator/scopes.ts, which then apply).
      return have && this.manifest.includes(SCRIPTAPP_SCOPE) && !have.has(SCRIPTAPP_SCOPE)
        ? AUTHORIZATION_REQUIRED_MESSAGE
        : null;
    }
    if (!have) return null;
    const allowing = (allowingScopes(method, target) ?? []).filter((s) =>
      this.manifest.includes(s),
    );
    if (allowing.length === 0 || allowing.some((s) => have.has(s))) return null;
    return AUTHORIZATION_REQUIRED_MESSAGE;
  }

  /**
   * (V: editor add-on authorization guide, "Editor add-on states") the mode onOpen runs in for
   * `user` in `documentId`: LIMITED where the add-on is enabled, NONE where it is only installed
   * for the user, and no onOpen at all (null) where neither holds.
   */
  openMode(user: string, documentId: string): AuthModeName | null {
    if (this.enabledIn.has(documentId)) return 'LIMITED';
    if (this.installedFor.has(user)) return 'NONE';
    return null;
  }

  /**
   * The authorization URL (I: its form is not documented; the reference says only that opening it
   * lets the user grant access, and that it is null when nothing is required).
   */
  url(user: string, scriptId: string): string | null {
    if (this.missing(user).length === 0) return null;
    return `https://script.google.com/macros/d/${scriptId}/authorize?scopes=${encodeURIComponent(this.missing(user).join(' '))}`;
  }
}
