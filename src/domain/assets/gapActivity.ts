// The Calendar draft a coordinator adds for a gap, and how a second press finds the first one.
import { asText, referenceLabel } from '../table/cells';
import { normalise } from '../table/locate';
import type { TableRecord } from '../table/records';
import { shorten } from './describe';
import type { Finding, PlannedActivity } from './model';

export const GAP_ACTIVITY_TYPE = 'Capacity building';
export const GAP_ACTIVITY_STATUS = 'Draft';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The Notes text naming the need; the add-on finds its own draft by it ("need F12"). */
export function gapMarker(need: Finding): string {
  return `Added from the Asset Map for need ${need.ref}`;
}

/** Any need's marker: a row carrying another need's marker is that need's, whatever its title. */
const ANY_MARKER = /\bAdded from the Asset Map for need\b/i;
const markerPattern = (ref: string) => new RegExp(`\\bneed ${escapeRegExp(ref)}(?![\\w])`, 'i');

export function gapActivityTitle(need: Finding): string {
  return `Build capacity: ${shorten(need.description, 90)}`;
}

/**
 * The Calendar row already added for this need: the one whose Notes carry the marker, or — if a
 * partner rewrote the notes — a capacity-building row with the title the add-on gave it.
 */
export function findGapActivity(
  need: Finding,
  calendar: readonly TableRecord[],
): PlannedActivity | null {
  const marker = markerPattern(need.ref);
  const title = normalise(gapActivityTitle(need));
  const record =
    calendar.find((r) => marker.test(asText(r.cells.notes))) ??
    calendar.find(
      (r) =>
        !ANY_MARKER.test(asText(r.cells.notes)) &&
        normalise(r.cells.title) === title &&
        normalise(r.cells.type) === normalise(GAP_ACTIVITY_TYPE),
    );
  return record ? planned(record) : null;
}

function planned(record: TableRecord): PlannedActivity {
  return {
    id: asText(record.cells.id),
    row: record.row,
    title: asText(record.cells.title),
    status: asText(record.cells.status),
  };
}

/** The end of a "need <ref>" mention: the ref must not run on into a longer word ("F1" in "F12"). */
const WORD_CHAR = /\w/;

/**
 * For every need, what `findGapActivity` answers, in one pass over the Calendar tab: each row's
 * "need …" mentions are looked up among the refs (of the few lengths refs have), and titles are
 * looked up in a map, so the work is rows + needs rather than rows × needs.
 */
export function plannedActivities(
  needs: readonly Finding[],
  calendar: readonly TableRecord[],
): Map<string, PlannedActivity> {
  const wanted = new Set(needs.map((n) => n.ref.toLowerCase()));
  const lengths = [...new Set(needs.map((n) => n.ref.length))];
  const byMarker = new Map<string, TableRecord>();
  const byTitle = new Map<string, TableRecord>();
  const gapType = normalise(GAP_ACTIVITY_TYPE);
  for (const record of calendar) {
    const notes = asText(record.cells.notes);
    for (const mention of notes.matchAll(/\bneed /gi)) {
      const from = (mention.index ?? 0) + mention[0].length;
      for (const length of lengths) {
        const key = notes.slice(from, from + length).toLowerCase();
        if (!byMarker.has(key) && wanted.has(key) && !WORD_CHAR.test(notes.charAt(from + length)))
          byMarker.set(key, record);
      }
    }
    const title = normalise(record.cells.title);
    if (!byTitle.has(title) && !ANY_MARKER.test(notes) && normalise(record.cells.type) === gapType)
      byTitle.set(title, record);
  }
  const found = new Map<string, PlannedActivity>();
  for (const need of needs) {
    const record =
      byMarker.get(need.ref.toLowerCase()) ?? byTitle.get(normalise(gapActivityTitle(need)));
    if (record) found.set(need.ref, planned(record));
  }
  return found;
}

/**
 * The draft's cells by column key. It is a Draft with no date, so the sync leaves it alone until
 * a coordinator picks a date, confirms the lead and sets it to Planned.
 */
export function gapActivityCells(need: Finding, activityId: string): Record<string, unknown> {
  const who = need.source === 'Organisational' && need.partner ? need.partner.name : '';
  return {
    id: activityId,
    title: gapActivityTitle(need),
    type: GAP_ACTIVITY_TYPE,
    lead: who,
    participants: who,
    goal: need.goal ? referenceLabel(need.goal.id, need.goal.label) : '',
    status: GAP_ACTIVITY_STATUS,
    notes: `${gapMarker(need)}: no partner listed an asset in ${need.category}. Pick a date, confirm the lead, then set the status to Planned to put it on the shared calendar.`,
  };
}
