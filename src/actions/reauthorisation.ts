// After a release adds a permission: triggers stand down and tell the owner once; the menu's "Re-authorise…" shows the way back.
import type { GoogleServices } from '../adapters/google';
import { clearReauthNotice, readReauthNotice, saveReauthNotice } from '../adapters/reauthNotice';
import { REAUTH_TEXT } from '../shared/messages';

/** The plan's name for the owner's mail; the spreadsheet's name is reachable without new scopes. */
function planName(services: GoogleServices): string {
  try {
    return services.spreadsheet().getName();
  } catch {
    return 'your work plan';
  }
}

/**
 * One mail to the trigger's owner (the account it runs as) with the page that grants the missing
 * permission, as Google's own add-on samples do. It may itself need a permission the owner has not
 * given (an upgrade from a version without mail): then the menu's note is the only notice.
 */
function mailOwner(services: GoogleServices, url: string): boolean {
  try {
    const plan = planName(services);
    services
      .mail()
      .sendEmail(
        services.effectiveUserEmail(),
        REAUTH_TEXT.mailSubject(plan),
        REAUTH_TEXT.mailBody(plan, url),
      );
    return true;
  } catch (error) {
    console.log(`The permission notice could not be mailed: ${String(error)}`);
    return false;
  }
}

/**
 * Called first by every trigger handler. A trigger runs as its creator with the permissions they
 * gave; after a release that asks for a new one, every call needing it would fail each hour. So
 * while permission is missing the trigger does nothing but, the first time, record it and mail
 * the owner once; the record makes the menu say so at the next open. Returns whether to go on.
 */
export function triggerMayRun(services: GoogleServices, handler: string): boolean {
  const { required, url } = services.authorization();
  const store = services.documentProperties();
  const notice = readReauthNotice(store);
  if (!required) {
    // Permission came back (Re-authorise…, or any menu item the owner used): the note goes.
    if (notice) clearReauthNotice(store);
    return true;
  }
  if (notice) {
    console.log(
      `${handler} did nothing: the owner's permission is still missing (since ${notice.since}).`,
    );
    return false;
  }
  const since = new Date().toISOString();
  // Recorded before mailing: a mail that fails half-way is never sent again by the next hour.
  saveReauthNotice(store, { since, mailed: false });
  const mailed = url !== null && mailOwner(services, url);
  if (mailed) saveReauthNotice(store, { since, mailed });
  console.log(
    `${handler} did nothing: a new permission is needed; the owner was ${mailed ? 'mailed' : 'told in the menu'}.`,
  );
  return false;
}

/**
 * Menu: "Re-authorise…". Choosing a menu item already makes Google ask for any missing
 * permission, so usually everything is granted by now: say so, and drop the note. Otherwise show
 * the link to Google's permission page.
 */
export function reauthorise(services: GoogleServices): void {
  const { required, url } = services.authorization();
  const ui = services.ui();
  if (!required || url === null) {
    clearReauthNotice(services.documentProperties());
    ui.alert(REAUTH_TEXT.title, REAUTH_TEXT.allSet, ui.ButtonSet.OK);
    return;
  }
  const page = services.htmlOutput(
    `<p style="font-family: sans-serif">${REAUTH_TEXT.needed(url)}</p>`,
  );
  ui.showModalDialog(page.setWidth(360).setHeight(140), REAUTH_TEXT.title);
}

/** The menu's caption for the item: noted while a trigger waits for permission (not in AuthMode.NONE). */
export function reauthoriseCaption(
  services: GoogleServices,
  propertiesReadable: boolean,
): 'plain' | 'needed' {
  if (!propertiesReadable) return 'plain';
  return readReauthNotice(services.documentProperties()) ? 'needed' : 'plain';
}
