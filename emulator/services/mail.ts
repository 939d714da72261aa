// MailApp emulator: sendEmail (plain body, htmlBody, recipients counted against the daily quota window) and getRemainingDailyQuota.
import type { Runtime } from '../runtime';

/**
 * Recipients per day for a consumer (gmail.com) account; Google Workspace accounts get 1,500 (V:
 * Apps Script quotas page, "Email recipients per day"). The emulator starts every user at this.
 */
export const CONSUMER_DAILY_RECIPIENTS = 100;

/** The error Apps Script throws once a day's recipients are used up (S: as scripts report it). */
export const MAIL_QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';

export interface SentMail {
  /** The account the mail went out from (the effective user: a trigger's owner). */
  from: string;
  to: string[];
  subject: string;
  body: string;
  htmlBody: string | null;
  name: string | null;
  replyTo: string | null;
  atMs: number;
}

type MailOptions = GoogleAppsScript.Mail.MailAdvancedParameters;

const DAY_MS = 86_400_000;

/** "a@x, b@y" → two addresses (sendEmail's recipient is a comma-separated list (V)). */
const split = (list: string | undefined) =>
  (list ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');

export class MailEmulator {
  /** Every mail sent, per sending account, oldest first. */
  readonly sent: SentMail[] = [];
  /** Each account's daily recipient allowance; tests lower it to exercise the quota. */
  readonly dailyQuota = new Map<string, number>();
  readonly app: Pick<GoogleAppsScript.Mail.MailApp, 'sendEmail' | 'getRemainingDailyQuota'>;

  constructor(
    private readonly runtime: Runtime,
    /** The account mail goes out from: Session's effective user. */
    private readonly sender: () => string,
  ) {
    const sendEmail = (
      first: string | GoogleAppsScript.Mail.MailAdvancedParameters,
      subject?: string,
      body?: string,
      options?: MailOptions,
    ): GoogleAppsScript.Mail.MailApp => {
      runtime.call('MailApp.sendEmail', 'write');
      const message: MailOptions & { to?: string; subject?: string; body?: string } =
        typeof first === 'string' ? { ...options, to: first, subject, body } : first;
      this.send(message);
      return this.app as GoogleAppsScript.Mail.MailApp;
    };
    this.app = {
      sendEmail: sendEmail as GoogleAppsScript.Mail.MailApp['sendEmail'],
      getRemainingDailyQuota: () => {
        runtime.call('MailApp.getRemainingDailyQuota', 'other');
        return this.remaining(this.sender());
      },
    };
  }

  /**
   * The sender's recipients left. Quotas "reset 24 hours after the first request" (V: Apps Script
   * quotas page): a window opens at the first mail, counts every recipient until it is 24 hours
   * old, and the next mail after that opens a new one — not a rolling 24 hours. The first *mail*
   * opens it (I: whether a quota read counts as a request is not said).
   */
  remaining(account: string): number {
    const allowance = this.dailyQuota.get(account) ?? CONSUMER_DAILY_RECIPIENTS;
    const open = this.window(account);
    return Math.max(0, allowance - (open?.used ?? 0));
  }

  /** When the sender's allowance comes back whole (the open window's end), or null when it is whole. */
  quotaResetsAt(account: string): number | null {
    const open = this.window(account);
    return open ? open.startMs + DAY_MS : null;
  }

  /** The sender's open quota window: when it opened and the recipients counted in it. */
  private window(account: string): { startMs: number; used: number } | null {
    let startMs: number | null = null;
    let used = 0;
    for (const m of this.sent) {
      if (m.from !== account) continue;
      if (startMs === null || m.atMs >= startMs + DAY_MS) {
        startMs = m.atMs;
        used = 0;
      }
      used += m.to.length;
    }
    if (startMs === null || this.runtime.now() >= startMs + DAY_MS) return null;
    return { startMs, used };
  }

  /** Emulator API: the mail that reached one address. */
  inboxOf(address: string): SentMail[] {
    const wanted = address.trim().toLowerCase();
    return this.sent.filter((m) => m.to.some((a) => a.toLowerCase() === wanted));
  }

  private send(message: MailOptions & { to?: string; subject?: string; body?: string }): void {
    const to = [...split(message.to), ...split(message.cc), ...split(message.bcc)];
    // (V) sendEmail needs a recipient, and a subject and body (an empty body needs htmlBody).
    if (to.length === 0) throw new Error('Invalid argument: recipient');
    for (const address of to)
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) throw new Error(`Invalid email: ${address}`);
    const from = this.sender();
    if (to.length > this.remaining(from)) throw new Error(MAIL_QUOTA_MESSAGE);
    this.sent.push({
      from,
      to,
      subject: message.subject ?? '',
      body: message.body ?? '',
      htmlBody: message.htmlBody ?? null,
      name: message.name ?? null,
      replyTo: message.replyTo ?? null,
      atMs: this.runtime.now(),
    });
  }
}
