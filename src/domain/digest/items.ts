// What is one partner's in the plan this week: due in the next two weeks, overdue, changed since the last digest.
import { hash } from '../calendarSync/fingerprint';
import type { ActivityRow, DashboardPlan } from '../dashboard/read';
import { sameName } from '../people/names';
import { addDays, formatWallDate } from '../time/zones';

/** "Due soon" looks this far ahead, today included. */
export const DUE_DAYS = 14;

const STEP_CLOSED = new Set(['Done', 'Not needed']);
const ACTIVITY_CLOSED = new Set(['Done', 'Cancelled']);

export interface DigestItem {
  /** Row ID (A3, S2), '' for an activity never synced (the sync gives activities their IDs). */
  id: string;
  /** What the snapshot remembers it by: its ID, else what it holds (see rowKey). */
  key: string;
  kind: 'Activity' | 'Step';
  label: string;
  /** yyyy-mm-dd in the sheet's zone. */
  date: string | null;
  /** The last day it is due by (an activity's end date, else its date). */
  end: string | null;
  status: string;
  tab: string;
  row: number;
}

export interface PartnerDigest {
  due: DigestItem[];
  overdue: DigestItem[];
  changed: DigestItem[];
  /**
   * True on the first email (no earlier week to compare with): `changed` then holds everything of
   * theirs still open, each new to them in this email, and the email says so.
   */
  first: boolean;
}

/** Per row ID, a short hash of what a partner would notice changing: kept between digests. */
export type DigestSnapshot = Record<string, string>;

const same = sameName;

/** A partner's rows: activities it leads or joins (by name or address), steps it owns. */
function theirs(plan: DashboardPlan, name: string, email: string): DigestItem[] {
  const isThem = (text: string) =>
    text !== '' && (same(text, name) || (!!email && same(text, email)));
  const items: DigestItem[] = [];
  for (const a of plan.activities)
    if (a.title && (isThem(a.lead) || a.participants.some(isThem)))
      items.push({
        id: a.id,
        key: activityKey(a),
        kind: 'Activity',
        label: a.title,
        date: a.start,
        end: a.end ?? a.start,
        status: a.status,
        tab: a.tab,
        row: a.row,
      });
  for (const s of plan.steps)
    if (s.step && isThem(s.owner))
      items.push({
        id: s.id,
        key: s.id,
        kind: 'Step',
        label: s.step,
        date: s.due,
        end: s.due,
        status: s.status,
        tab: s.tab,
        row: s.row,
      });
  return items;
}

/** What the snapshot keeps of a row: its words, dates, status and who is in it. */
function rowPrint(parts: readonly unknown[]): string {
  return hash(JSON.stringify(parts));
}

const activityPrint = (a: ActivityRow) =>
  rowPrint([a.title, a.start, a.end, a.status, a.lead, a.participants]);

/**
 * An activity's snapshot key: its ID, given by the first sync. A plan that never syncs has
 * activities without IDs (the repair leaves them to the sync, which numbers them), so such a row
 * is keyed by what it holds: changed, it is a new key, and so "changed since last week".
 */
function activityKey(a: ActivityRow): string {
  return a.id || `~${activityPrint(a)}`;
}

/** The plan's rows as the next digest will compare them ("what changed since last week"). */
export function snapshotOf(plan: DashboardPlan): DigestSnapshot {
  const snapshot: DigestSnapshot = {};
  for (const a of plan.activities) if (a.title) snapshot[activityKey(a)] = activityPrint(a);
  for (const s of plan.steps)
    if (s.id && s.step) snapshot[s.id] = rowPrint([s.step, s.due, s.status, s.owner]);
  return snapshot;
}

const byDate = (a: DigestItem, b: DigestItem) =>
  (a.date ?? '9999') < (b.date ?? '9999') ? -1 : (a.date ?? '9999') > (b.date ?? '9999') ? 1 : 0;

/**
 * One partner's digest on `today` (yyyy-mm-dd, sheet zone). Changed: rows new or different since
 * `baseline`. Before the first digest there is nothing to compare with, so every open row of
 * theirs is new to them: listed as such (`first`), never "nothing changed".
 */
export function partnerDigest(
  plan: DashboardPlan,
  partner: { name: string; email: string },
  today: string,
  baseline: DigestSnapshot | null,
): PartnerDigest {
  const [y, m, d] = today.split('-').map(Number);
  const last = formatWallDate(addDays({ year: y, month: m, day: d }, DUE_DAYS - 1));
  const items = theirs(plan, partner.name, partner.email);
  const now = snapshotOf(plan);
  const open = (i: DigestItem) =>
    !(i.kind === 'Step' ? STEP_CLOSED : ACTIVITY_CLOSED).has(i.status);
  return {
    due: items.filter((i) => open(i) && i.date && i.date >= today && i.date <= last).sort(byDate),
    // An activity is overdue once its last day passed (as on the dashboard).
    overdue: items.filter((i) => open(i) && !!i.end && i.end < today).sort(byDate),
    changed: baseline
      ? items.filter(
          (i) => i.key !== '' && now[i.key] !== undefined && baseline[i.key] !== now[i.key],
        )
      : items.filter(open).sort(byDate),
    first: baseline === null,
  };
}
