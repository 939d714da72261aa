// The planner: creates, updates, deletions, copies, adoption after a lost write-back, and Calendar-side edits.
import fc from 'fast-check';
import { parseActivity } from '../../src/domain/calendarSync/activity';
import { toEventJson, toExistingEvent } from '../../src/domain/calendarSync/eventResource';
import { type PlanRow, planSync } from '../../src/domain/calendarSync/plan';
import { buildReport } from '../../src/domain/calendarSync/report';
import type { ExistingEvent, Operation } from '../../src/domain/calendarSync/types';
import { TEST_ACTIVITY_CONTEXT } from '../harness/activityContext';
import { intlZoneOracle } from '../harness/intlZoneOracle';

const PLAN = 'sheet-1';
const context = TEST_ACTIVITY_CONTEXT;

interface Row {
  row: number;
  id?: string;
  eventId?: string;
  fp?: string;
  cells: Record<string, unknown>;
}

const planRow = (r: Row): PlanRow => ({
  row: r.row,
  idCell: r.id ?? '',
  eventId: r.eventId ?? '',
  storedFingerprint: r.fp ?? '',
  parseAs: (id) => parseActivity({ row: r.row, cells: r.cells }, id, context),
});

/** What the calendar holds after a perfect earlier sync of these rows. */
function synced(rows: Row[]): { rows: Row[]; events: ExistingEvent[] } {
  const events: ExistingEvent[] = [];
  const out = rows.map((r, i) => {
    const p = planRow(r).parseAs(r.id!);
    if (p.kind !== 'event') return r;
    const json = toEventJson(p.event, PLAN);
    const e = toExistingEvent({ ...json, id: `ev${i}`, updated: '2027-01-01T00:00:00Z' }, PLAN)!;
    events.push(e);
    return { ...r, eventId: e.eventId, fp: p.event.fingerprint };
  });
  return { rows: out, events };
}

const kinds = (ops: Operation[]) => ops.map((o) => `${o.kind}:${o.activityId}`);
const opts = { idPrefix: 'A' };

const training = { title: 'Tutor training', startDate: '2027-03-04', startTime: '15:00' };
const fair = { title: 'Family reading fair', startDate: '2027-04-10' };

describe('planSync', () => {
  it('creates events for new rows and gives them IDs', () => {
    const plan = planSync(
      [planRow({ row: 2, cells: training }), planRow({ row: 3, cells: fair })],
      [],
      opts,
    );
    expect(kinds(plan.operations)).toEqual(['create:A1', 'create:A2']);
    expect(plan.newIds).toEqual([
      { row: 2, activityId: 'A1', copiedFrom: null },
      { row: 3, activityId: 'A2', copiedFrom: null },
    ]);
  });

  it('writes nothing when nothing changed', () => {
    const s = synced([
      { row: 2, id: 'A1', cells: training },
      { row: 3, id: 'A2', cells: fair },
    ]);
    const plan = planSync(s.rows.map(planRow), s.events, opts);
    expect(kinds(plan.operations)).toEqual(['keep:A1', 'keep:A2']);
    expect(plan.newIds).toEqual([]);
  });

  it('updates only the changed row and names what changed', () => {
    const s = synced([
      { row: 2, id: 'A1', cells: training },
      { row: 3, id: 'A2', cells: fair },
    ]);
    s.rows[0] = { ...s.rows[0], cells: { ...training, startTime: '16:00', location: 'Library' } };
    const plan = planSync(s.rows.map(planRow), s.events, opts);
    expect(kinds(plan.operations)).toEqual(['update:A1', 'keep:A2']);
    expect(plan.operations[0].kind === 'update' && plan.operations[0].changed).toEqual([
      'time',
      'location',
    ]);
  });

  it('deletes the event of a removed or cancelled row, and only tagged events exist to delete', () => {
    const s = synced([
      { row: 2, id: 'A1', cells: training },
      { row: 3, id: 'A2', cells: fair },
    ]);
    const rows = [{ ...s.rows[1], cells: { ...fair, status: 'Cancelled' } }];
    const plan = planSync(rows.map(planRow), s.events, opts);
    expect(
      plan.operations.map((o) => (o.kind === 'delete' ? `${o.activityId}:${o.reason}` : o.kind)),
    ).toEqual(['A2:cancelled', 'A1:removed']);
  });

  it('gives a copied row its own ID and event, and the original keeps its own', () => {
    const s = synced([{ row: 2, id: 'A1', cells: training }]);
    const copy = { ...s.rows[0], row: 3, cells: { ...training, startDate: '2027-03-11' } };
    const plan = planSync([s.rows[0], copy].map(planRow), s.events, opts);
    expect(kinds(plan.operations)).toEqual(['keep:A1', 'create:A2']);
    expect(plan.newIds).toEqual([{ row: 3, activityId: 'A2', copiedFrom: 'A1' }]);
  });

  it('keeps the ID on the row that still matches the event when the copy sits above it', () => {
    const s = synced([{ row: 5, id: 'A1', cells: training }]);
    const copyAbove = { ...s.rows[0], row: 2, cells: { ...training, title: 'Tutor training (2)' } };
    const plan = planSync([copyAbove, s.rows[0]].map(planRow), s.events, opts);
    expect(kinds(plan.operations)).toEqual(['create:A2', 'keep:A1']);
  });

  it('adopts its tagged event when the row lost its Event ID (a run stopped before writing back)', () => {
    const s = synced([{ row: 2, id: 'A1', cells: training }]);
    const plan = planSync([{ ...s.rows[0], eventId: '' }].map(planRow), s.events, opts);
    expect(kinds(plan.operations)).toEqual(['keep:A1']);
  });

  it('deletes a duplicate event of one activity', () => {
    const s = synced([{ row: 2, id: 'A1', cells: training }]);
    const dup = { ...s.events[0], eventId: 'ev-dup' };
    const plan = planSync(s.rows.map(planRow), [...s.events, dup], opts);
    expect(
      plan.operations.map((o) => (o.kind === 'delete' ? `${o.eventId}:${o.reason}` : o.kind)),
    ).toEqual(['keep', 'ev-dup:duplicate']);
  });

  it('keeps the event of a bad row untouched until the row is fixed', () => {
    const s = synced([{ row: 2, id: 'A1', cells: training }]);
    const bad = { ...s.rows[0], cells: { ...training, startDate: 'soon' } };
    const plan = planSync([bad].map(planRow), s.events, opts);
    expect(kinds(plan.operations)).toEqual(['invalid:A1']);
  });

  it('reports an event moved in Calendar instead of overwriting it, unless the coordinator keeps the sheet', () => {
    const s = synced([{ row: 2, id: 'A1', cells: training }]);
    const moved: ExistingEvent = {
      ...s.events[0],
      title: 'Tutor training — moved',
      currentCoreHash: 'changed',
    };
    const plan = planSync(s.rows.map(planRow), [moved], opts);
    expect(plan.operations[0]).toMatchObject({
      kind: 'conflict',
      side: 'calendar',
      changed: ['title'],
    });
    const forced = planSync(s.rows.map(planRow), [moved], { ...opts, keepSheet: ['A1'] });
    expect(kinds(forced.operations)).toEqual(['update:A1']);
  });

  it('holds back mass removals of every kind, and lets exactly the confirmed count through', () => {
    const rows: Row[] = [
      { row: 2, id: 'A1', cells: training },
      { row: 3, id: 'A2', cells: fair },
      { row: 4, id: 'A3', cells: { ...fair, title: 'Board meeting' } },
      { row: 5, id: 'A4', cells: { ...training, title: 'Parent night' } },
    ];
    const s = synced(rows);
    // A1 deleted from the tab, A2 cancelled, A3 back to Draft, A4 unchanged.
    const now = [
      { ...s.rows[1], cells: { ...fair, status: 'Cancelled' } },
      { ...s.rows[2], cells: { ...s.rows[2].cells, status: 'Draft' } },
      s.rows[3],
    ].map(planRow);
    const held = planSync(now, s.events, { ...opts, maxDeletions: 2 });
    expect(held.heldBackDeletions).toBe(3);
    expect(held.removals).toBe(3);
    expect(held.operations.filter((o) => o.kind === 'delete')).toEqual([]);
    expect(kinds(held.operations).sort()).toEqual(['held:A1', 'held:A2', 'held:A3', 'keep:A4']);
    const stale = planSync(now, s.events, { ...opts, maxDeletions: 2, confirmedRemovals: 2 });
    expect(stale.heldBackDeletions).toBe(3);
    const confirmed = planSync(now, s.events, { ...opts, maxDeletions: 2, confirmedRemovals: 3 });
    expect(confirmed.heldBackDeletions).toBe(0);
    expect(kinds(confirmed.operations).sort()).toEqual([
      'delete:A1',
      'delete:A2',
      'delete:A3',
      'keep:A4',
    ]);
    // At or under the threshold nothing waits.
    expect(planSync(now, s.events, { ...opts, maxDeletions: 3 }).heldBackDeletions).toBe(0);
  });

  it('never pairs events of another plan', () => {
    const s = synced([{ row: 2, id: 'A1', cells: training }]);
    expect(
      toExistingEvent(
        {
          ...toEventJson(
            (planRow(s.rows[0]).parseAs('A1') as { kind: 'event'; event: never }).event,
            'other',
          ),
          id: 'x',
        },
        PLAN,
      ),
    ).toBeNull();
  });
});

describe('buildReport', () => {
  it('counts a preview as what would happen', () => {
    const plan = planSync(
      [planRow({ row: 2, cells: training }), planRow({ row: 3, cells: { title: '' } })],
      [],
      opts,
    );
    const report = buildReport(plan, [], {
      preview: true,
      stoppedReason: null,
      oracle: intlZoneOracle,
      zone: 'UTC',
      locale: 'en_GB',
    });
    expect(report).toMatchObject({ created: 1, failed: 1, preview: true });
    expect(report.errors[0]).toMatchObject({ row: 3, activityId: 'A2' });
    expect(report.summary).toContain('1 event would be created');
  });
});

describe('planSync identity: either the Activity ID or the Event ID is enough', () => {
  const base = (n: number): Row[] =>
    Array.from({ length: n }, (_, i) => ({
      row: i + 2,
      id: `A${i + 1}`,
      cells: {
        title: `Session ${i + 1}`,
        startDate: `2027-05-${String(1 + (i % 28)).padStart(2, '0')}`,
        startTime: i % 3 ? '10:00' : '',
      },
    }));

  it('keeps every event, with no create or delete, whichever IDs are lost or overtyped', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.constantFrom('keep', 'clear', 'junk', 'fresh', 'lostEventId'), {
          minLength: 12,
          maxLength: 12,
        }),
        (n, fates) => {
          const { rows, events } = synced(base(n));
          const touched = rows.map((r, i): Row => {
            switch (fates[i]) {
              case 'clear':
                return { ...r, id: '' };
              case 'junk':
                return { ...r, id: 'see notes' };
              case 'fresh':
                return { ...r, id: `A${500 + i}` };
              case 'lostEventId':
                return { ...r, eventId: '' };
              default:
                return r;
            }
          });
          const plan = planSync(touched.map(planRow), events, opts);
          const writes = plan.operations.filter((o) => o.kind === 'create' || o.kind === 'delete');
          expect(writes).toEqual([]);
          // Each event is paired with exactly the row that had it.
          const paired = plan.operations.flatMap((o) =>
            o.kind === 'keep' || o.kind === 'update' ? [[o.row, o.eventId]] : [],
          );
          expect(paired).toEqual(rows.map((r) => [r.row, r.eventId]));
          // Cleared or unreadable IDs come back as they were; typed new IDs are kept (the event is retagged).
          for (const [i, r] of touched.entries()) {
            const given = plan.newIds.find((x) => x.row === r.row)?.activityId;
            if (fates[i] === 'clear' || fates[i] === 'junk') expect(given).toBe(`A${i + 1}`);
            else expect(given).toBeUndefined();
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('lets only one of two rows naming the same event keep it; the other is told it belongs to another row', () => {
    const { rows, events } = synced(base(2));
    const copy: Row = { ...rows[0], row: 4, id: '' };
    const plan = planSync([...rows, copy].map(planRow), events, opts);
    const create = plan.operations.find((o) => o.kind === 'create');
    expect(create).toMatchObject({ row: 4, activityId: 'A3', recreated: true, lost: 'otherRow' });
    expect(plan.operations.filter((o) => o.kind === 'delete')).toEqual([]);
  });

  it('says which side removed a lost event', () => {
    const { rows } = synced(base(2));
    const removed = new Set(['ev0']);
    const plan = planSync(rows.map(planRow), [], {
      ...opts,
      removedBySync: (id) => removed.has(id),
    });
    expect(plan.operations.map((o) => (o.kind === 'create' ? [o.activityId, o.lost] : []))).toEqual(
      [
        ['A1', 'removedBySync'],
        ['A2', 'deletedInCalendar'],
      ],
    );
  });
});
