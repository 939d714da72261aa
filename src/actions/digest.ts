// The weekly partner digest: preview, the owner's switch and its trigger, and a run that sends within the mail quota.
import { loadApprovals } from '../adapters/approvals';
import {
  clearSlotNote,
  type DigestSlotNote,
  loadSlotNote,
  saveSlotNote,
} from '../adapters/digestSlot';
import { type DigestState, loadDigestState, saveDigestState } from '../adapters/digestState';
import { withDocumentLock } from '../adapters/documentLock';
import type { GoogleServices } from '../adapters/google';
import { remainingMailQuota, sendMail } from '../adapters/mail';
import { loadSettings, saveSettings } from '../adapters/settings';
import { readTab } from '../adapters/sheets/readTab';
import { appendSyncLog, type SyncLogEntry } from '../adapters/sheets/syncLog';
import { continuationPending, DIGEST_HANDLER, HANDLERS } from '../adapters/syncServices';
import { readDashboardPlan } from '../domain/dashboard/read';
import { type DigestSnapshot, partnerDigest, snapshotOf } from '../domain/digest/items';
import { type DigestRecipient, digestRecipients } from '../domain/digest/recipients';
import { type DigestEmail, renderDigest } from '../domain/digest/render';
import { CALENDAR_TAB, PARTNERS_TAB, PARTNERSHIP_TAB } from '../domain/schema/tabs';
import { asBoolean, asText } from '../domain/table/cells';
import { formatWallDate } from '../domain/time/zones';
import type { DigestPreview } from '../shared/digestWire';
import { UserError } from '../shared/errors';
import { plural } from '../shared/plural';
import {
  actingUser,
  claimSettings,
  isSettingsOwner,
  requireSettingsOwner,
  sameEmail,
  triggerMayAct,
} from './authority';
import { planBasics } from './calendarContext';
import { source } from './dashboard';
import { digestHealthInvites, noteLinksSent } from './digestHealthLink';

/** A round a week long; a little slack so a daily trigger firing early still starts the next one. */
export const ROUND_MS = 7 * 86_400_000 - 3_600_000;

const sentKey = (r: DigestRecipient) => `${r.partnerId} ${r.email}`;

interface Composed {
  recipient: DigestRecipient;
  email: DigestEmail;
  /** True when the email carries the open health check round's personal link. */
  healthLink: boolean;
}

/** Everything a preview or a run needs, read once (under the document lock: it may add health check invitations). */
function compose(services: GoogleServices, state: DigestState, nowMs: number, sending: boolean) {
  const basics = planBasics(services);
  const { spreadsheet, settings, sheetZone, oracle } = basics;
  const cache = services.documentCache();
  const locale = spreadsheet.getSpreadsheetLocale();
  const partners = readTab(spreadsheet, PARTNERS_TAB, cache);
  if (!partners)
    throw new UserError('The Partners tab is missing: run Set up the work plan… first.');
  const plan = readDashboardPlan({
    partnership: source(readTab(spreadsheet, PARTNERSHIP_TAB, cache)),
    partners: null,
    outcomes: null,
    progress: null,
    assessments: null,
    calendar: source(readTab(spreadsheet, CALENDAR_TAB, cache)),
    sheetZone,
    oracle,
    locale,
  });
  const rows = partners.records
    .map(({ row, cells }) => {
      const optOut = asBoolean(cells.digestOptOut, 'No weekly email');
      return {
        id: asText(cells.id).toUpperCase(),
        name: asText(cells.organisation),
        email: asText(cells.email),
        contact: asText(cells.contact),
        // A cell that is not a clear tick or blank counts as "opted out": never mail on a doubt.
        optedOut: !optOut.ok || optOut.value,
        row,
      };
    })
    .filter((p) => p.name !== '' || p.email !== '');
  const { recipients, leftOut } = digestRecipients(
    rows,
    loadApprovals(services.documentProperties()),
  );
  const newRound = !state.round || nowMs - state.round.startedMs >= ROUND_MS;
  // This round compares with the plan as the previous round began.
  const baseline: DigestSnapshot | null = newRound ? state.roundStart : state.baseline;
  const today = formatWallDate(oracle(nowMs, sheetZone));
  const context = {
    planName: settings.name || spreadsheet.getName(),
    coordinator: settings.coordinator,
    url: spreadsheet.getUrl(),
    locale,
  };
  const health = digestHealthInvites(services, today, recipients, sending);
  const composed: Composed[] = recipients.map((recipient) => {
    const invite = health.get(recipient.email) ?? null;
    const digest = partnerDigest(plan, recipient, today, baseline);
    return {
      recipient,
      email: renderDigest(recipient, digest, context, invite),
      healthLink: invite !== null,
    };
  });
  return { basics, plan, composed, leftOut, newRound, partnersTab: partners.raw.sheetName };
}

/** The sidebar's view: each email as it would go out now, who is left out and why, the quota. */
export function digestPreview(services: GoogleServices): DigestPreview {
  takeBackIdleSlot(services);
  const slot = loadSlotNote(services.documentProperties());
  const state = loadDigestState(services.documentProperties());
  const { basics, composed, leftOut, newRound, partnersTab } = withDocumentLock(
    services.documentLock(),
    () => compose(services, state, Date.now(), false),
  );
  const sent = new Set(newRound ? [] : (state.round?.sent ?? []));
  return {
    enabled: state.enabled,
    owner: basics.settings.calendar.owner,
    canChange: isSettingsOwner(services, basics.settings),
    emails: composed.map(({ recipient, email }) => ({
      partner: recipient.name,
      to: recipient.email,
      row: recipient.row,
      subject: email.subject,
      text: email.text,
      html: email.html,
      sentThisWeek: sent.has(sentKey(recipient)),
    })),
    leftOut: leftOut.map((l) => ({ partner: l.name, row: l.row, reason: l.reason })),
    quota: remainingMailQuota(services),
    lastRun: state.lastRun,
    partnersTab,
    startsAfterSync: state.enabled && slot !== null && !slot.displaced,
  };
}

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Where this user's weekly email stands: its own daily trigger, carried by the hourly sync's,
 * waiting for a sync's continuation to give the clock trigger back, or not scheduled.
 */
export type DigestSchedule = 'daily' | 'hourly' | 'waits' | 'off';

/**
 * This user's digest trigger in this plan: a daily check, unless the hourly sync's trigger (the
 * one time-driven trigger an add-on may hold per user and document (V)) carries it. While a sync's
 * continuation holds that trigger, the digest waits for it (noted; the continuation's end gives it).
 */
function scheduleDigest(services: GoogleServices, spreadsheet: Spreadsheet, on: boolean) {
  const scripts = services.triggers();
  const mine = scripts.getUserTriggers(spreadsheet);
  const digest = mine.filter((t) => t.getHandlerFunction() === DIGEST_HANDLER);
  const hourly = mine.some((t) => t.getHandlerFunction() === HANDLERS.hourly);
  if (!on || hourly) {
    for (const t of digest) scripts.deleteTrigger(t);
    return on ? 'hourly' : 'off';
  }
  if (digest.length > 0) return 'daily';
  if (continuationPending(mine)) {
    waitForSlot(services);
    return 'waits';
  }
  try {
    scripts.newTrigger(DIGEST_HANDLER).timeBased().everyDays(1).atHour(8).create();
    return 'daily';
  } catch {
    throw new UserError(
      'The weekly email could not be scheduled now: Google refused its daily check. Try again in a minute. Nothing was changed.',
    );
  }
}

/** Notes that this account's weekly email waits for the clock trigger a continuation holds. */
function waitForSlot(services: GoogleServices): void {
  const store = services.documentProperties();
  const me = actingUser(services);
  const note = loadSlotNote(store);
  if (note && sameEmail(note.by, me)) return;
  saveSlotNote(store, { v: 1, by: me, at: Date.now(), displaced: false });
}

/**
 * After the automatic syncs changed, or a continuation ended: the digest keeps its daily check
 * (or hands it to the hourly sync), only while it is on and this account owns the settings.
 */
export function keepDigestScheduled(services: GoogleServices): DigestSchedule {
  const state = loadDigestState(services.documentProperties());
  if (!state.enabled) return 'off';
  const basics = planBasics(services);
  // Only a named owner's account sends: never re-create it for settings nobody owns (issue 25).
  if (basics.settings.calendar.owner === null || !isSettingsOwner(services, basics.settings))
    return 'off';
  try {
    return scheduleDigest(services, basics.spreadsheet, true);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return 'off';
  }
}

/**
 * No continuation of this user's remains (the run completed, the hourly sync took over, the chain
 * died): the weekly email gets its daily trigger back through keepDigestScheduled's rules. True
 * when its daily check was displaced and a round may have fallen due meanwhile: the caller then
 * runs that check once, outside its lock (digestCheck), as the hourly sync does.
 */
export function giveSlotBack(services: GoogleServices, note: DigestSlotNote): boolean {
  const store = services.documentProperties();
  if (!sameEmail(note.by, actingUser(services))) {
    // Another account's slot (a partner's sync sees the coordinator's note) is theirs to take
    // back, unless they no longer own the settings: their triggers remove themselves then.
    const settings = loadSettings(store);
    if (!settings || !sameEmail(note.by, settings.calendar.owner)) clearSlotNote(store);
    return false;
  }
  const schedule = keepDigestScheduled(services);
  if (schedule !== 'waits') clearSlotNote(store);
  return schedule === 'daily' && note.displaced;
}

/**
 * A sidebar (weekly email, calendar sync) opened: a clock trigger lent to a continuation chain
 * that died (a failure, a trigger deleted by hand) comes back to the weekly email. Its missed
 * check, if any, is the next daily check's: a sidebar that only shows sends no mail.
 */
export function takeBackIdleSlot(services: GoogleServices): void {
  const note = loadSlotNote(services.documentProperties());
  if (!note) return;
  const mine = services.triggers().getUserTriggers(services.spreadsheet());
  if (!continuationPending(mine)) giveSlotBack(services, note);
}

/** Owner only: turns the weekly email on (its trigger acts with this account) or off. */
export function setDigestEnabled(services: GoogleServices, enabled: boolean): DigestPreview {
  const basics = planBasics(services);
  requireSettingsOwner(services, basics.settings, 'weeklyEmail');
  const properties = services.documentProperties();
  if (!loadSettings(properties))
    throw new UserError(
      'Set up the work plan first: the weekly email needs its partners and settings.',
    );
  withDocumentLock(services.documentLock(), () => {
    // While a sync's continuation holds the clock trigger, the digest's comes when it ends.
    scheduleDigest(services, basics.spreadsheet, enabled);
    // Turning it on makes this account the settings owner: the mail goes out from it.
    if (enabled && basics.settings.calendar.owner === null)
      saveSettings(properties, claimSettings(services, basics.settings));
    saveDigestState(properties, { ...loadDigestState(properties), enabled });
  });
  return digestPreview(services);
}

/** One mail per recipient not yet sent this round, while the day's quota lasts. */
function sendRound(services: GoogleServices, composed: Composed[], sent: Set<string>) {
  const replyTo = planBasics(services).settings.coordinatorEmail;
  const name = planBasics(services).settings.coordinator;
  let quota = remainingMailQuota(services);
  const done: string[] = [];
  const waiting: Composed[] = [];
  const failed: { item: Composed; reason: string }[] = [];
  for (const item of composed) {
    if (sent.has(sentKey(item.recipient))) continue;
    if (quota < 1) {
      waiting.push(item);
      continue;
    }
    try {
      sendMail(services, { to: item.recipient.email, ...item.email, name, replyTo });
      quota -= 1;
      done.push(item.recipient.name);
      sent.add(sentKey(item.recipient));
    } catch (error) {
      failed.push({ item, reason: (error as Error).message });
      // Google's own count may differ from ours: ask it again before the next mail.
      quota = remainingMailQuota(services);
    }
  }
  return { done, waiting, failed };
}

/**
 * The trigger's run (the daily check, or the hourly sync's): when the digest is on and this
 * trigger's owner owns the settings, starts the week's round when due and sends what the round has
 * not sent yet, within MailApp's daily quota; the rest waits for the next run and is reported.
 */
export function runDigest(services: GoogleServices): string {
  const properties = services.documentProperties();
  const first = loadDigestState(properties);
  if (!first.enabled) return 'The weekly email is off.';
  const basics = planBasics(services);
  const verdict = triggerMayAct(services, basics.settings);
  if (!verdict.act) return `The weekly email did nothing: ${verdict.reason}`;
  const now = Date.now();
  if (first.round?.complete && now - first.round.startedMs < ROUND_MS)
    return 'The weekly email: everyone got this week’s.';
  return withDocumentLock(services.documentLock(), () => {
    const state = loadDigestState(properties);
    const { plan, composed, newRound } = compose(services, state, now, true);
    if (!newRound && composed.every((c) => state.round?.sent.includes(sentKey(c.recipient))))
      return 'The weekly email: everyone got this week’s.';
    const next: DigestState = newRound
      ? {
          ...state,
          round: { startedMs: now, sent: [] },
          baseline: state.roundStart,
          roundStart: snapshotOf(plan),
        }
      : state;
    const sent = new Set(next.round?.sent ?? []);
    const before = new Set(sent);
    const { done, waiting, failed } = sendRound(services, composed, sent);
    const linked = composed.filter(
      (c) => c.healthLink && sent.has(sentKey(c.recipient)) && !before.has(sentKey(c.recipient)),
    );
    noteLinksSent(
      services,
      linked.map((c) => c.recipient.email),
      now,
    );
    const parts = [`The weekly email went to ${plural(done.length, 'partner')}.`];
    if (waiting.length)
      parts.push(
        // (V) Google gives the quota back 24 hours after the first email of the day, not at midnight.
        `${plural(waiting.length, 'partner')} wait: this account’s daily email allowance is used up. Google gives it back 24 hours after the day’s first email, and a later run sends theirs (${waiting.map((w) => w.recipient.name).join(', ')}).`,
      );
    if (failed.length)
      parts.push(
        `${plural(failed.length, 'email')} could not be sent: ${failed.map((f) => `${f.item.recipient.name} (${f.reason})`).join('; ')}.`,
      );
    const summary = parts.join(' ');
    saveDigestState(properties, {
      ...next,
      round: next.round
        ? { ...next.round, sent: [...sent], complete: waiting.length + failed.length === 0 }
        : null,
      lastRun: summary,
    });
    logRun(services, summary, [...waiting, ...failed.map((f) => f.item)]);
    return summary;
  });
}

/** The digest's daily check inside a trigger: nobody to answer, so a refusal is logged, never thrown. */
export function digestCheck(services: GoogleServices): void {
  try {
    console.log(runDigest(services));
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    console.log(`The weekly email was skipped: ${error.message}`);
  }
}

/** A Sync Log line for the run, and one per partner it could not mail (with the row). */
function logRun(services: GoogleServices, summary: string, unsent: Composed[]): void {
  const now = new Date();
  const entry = (what: string, row: number | '', name: string, details: string): SyncLogEntry => [
    now,
    'Weekly email',
    what,
    '',
    row,
    name,
    '',
    '',
    '',
    details,
  ];
  appendSyncLog(services.spreadsheet(), [
    entry('Sent', '', '', summary),
    ...unsent.map((u) => entry('Not sent', u.recipient.row, u.recipient.name, u.recipient.email)),
  ]);
}
