// MailApp, as the digest uses it: the day's remaining recipients and one mail with its HTML and plain-text bodies.
import type { GoogleServices } from './google';

export interface OutgoingMail {
  to: string;
  subject: string;
  /** The plain-text alternative, for mail readers that show no HTML. */
  text: string;
  html: string;
  /** The name shown as the sender, and where replies go (the coordinator). */
  name: string;
  replyTo: string;
}

/** Recipients this account may still mail today (MailApp.getRemainingDailyQuota (V)). */
export function remainingMailQuota(services: GoogleServices): number {
  return services.mail().getRemainingDailyQuota();
}

/** Sends one mail from the running account; throws what MailApp throws (quota, bad address). */
export function sendMail(services: GoogleServices, mail: OutgoingMail): void {
  services.mail().sendEmail(mail.to, mail.subject, mail.text, {
    htmlBody: mail.html,
    name: mail.name || undefined,
    replyTo: mail.replyTo || undefined,
  });
}
