// MailApp's daily recipients: a window opened by the first mail and reset 24 hours after it (not a rolling day), per account.
import fc from 'fast-check';
import { CONSUMER_DAILY_RECIPIENTS, MAIL_QUOTA_MESSAGE } from '../../emulator/services/mail';
import { Workspace } from '../../emulator/workspace';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function setup() {
  const ws = new Workspace({ startTime: Date.UTC(2027, 2, 1, 9) });
  const mail = ws.mail.app;
  const me = ws.session.userEmail;
  const send = (n: number) =>
    mail.sendEmail(
      Array.from({ length: n }, (_, i) => `p${i}@example.org`).join(','),
      'Weekly',
      'Hello',
    );
  return { ws, mail, me, send };
}

describe('MailApp daily recipients (V: quotas "reset 24 hours after the first request")', () => {
  test('each recipient counts; past the allowance sendEmail throws the quota message', () => {
    const { ws, mail, me, send } = setup();
    ws.mail.dailyQuota.set(me, 5);
    send(3);
    expect(mail.getRemainingDailyQuota()).toBe(2);
    expect(() => send(3)).toThrow(MAIL_QUOTA_MESSAGE);
    send(2);
    expect(mail.getRemainingDailyQuota()).toBe(0);
  });

  test('the allowance comes back whole 24 hours after the first mail, not 24 hours after each', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 23 * 60 }), { minLength: 1, maxLength: 6 }),
        (minutes) => {
          const { ws, mail, me, send } = setup();
          ws.mail.dailyQuota.set(me, 10);
          const start = ws.runtime.now();
          // Mails spread over the first day (minutes after the first one).
          const times = [0, ...minutes].sort((a, b) => a - b);
          for (const m of times) {
            ws.runtime.advance(Math.max(0, start + m * 60_000 - ws.runtime.now()));
            if (mail.getRemainingDailyQuota() > 0) send(1);
          }
          const used = Math.min(times.length, 10);
          const first = ws.mail.sent[0].atMs;
          // Read without a counted call: a call's modelled cost would move the clock past the edge.
          ws.runtime.advance(first + DAY - 1 - ws.runtime.now());
          expect(ws.mail.remaining(me)).toBe(10 - used);
          expect(ws.mail.quotaResetsAt(me)).toBe(first + DAY);
          // A rolling day would still count the later mails here; the window is over.
          ws.runtime.advance(1);
          expect(ws.mail.remaining(me)).toBe(10);
          expect(ws.mail.quotaResetsAt(me)).toBeNull();
        },
      ),
      { numRuns: 30 },
    );
  });

  test('the next mail after a window opens a new one, counted from that mail', () => {
    const { ws, mail, me, send } = setup();
    ws.mail.dailyQuota.set(me, 4);
    send(4);
    ws.runtime.advance(DAY + 5 * HOUR);
    send(1);
    const opened = ws.mail.sent[1].atMs;
    ws.runtime.advance(20 * HOUR);
    send(3);
    expect(mail.getRemainingDailyQuota()).toBe(0);
    expect(ws.mail.quotaResetsAt(me)).toBe(opened + DAY);
  });

  test('a consumer account starts at 100 recipients; each account has its own window', () => {
    const { ws, mail, send } = setup();
    expect(mail.getRemainingDailyQuota()).toBe(CONSUMER_DAILY_RECIPIENTS);
    send(10);
    expect(ws.mail.remaining('someone.else@example.org')).toBe(CONSUMER_DAILY_RECIPIENTS);
  });
});
