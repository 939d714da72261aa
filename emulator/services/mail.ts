// MailApp emulator: sendEmail (plain body, htmlBody, recipients counted against the daily quota) and getRemainingDailyQuota.
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

  /** The sender's recipients left in the last 24 hours (V: quotas reset 24 hours after use). */
  remaining(account: string): number {
    const since = this.runtime.now() - DAY_MS;
    const used = this.sent
      .filter((m) => m.from === account && m.atMs > since)
      .reduce((n, m) => n + m.to.length, 0);
    return Math.max(0, (this.dailyQuota.get(account) ?? CONSUMER_DAILY_RECIPIENTS) - used);
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
