// The status a Calendar-tab row with an archived ID gets: only such rows, only when it does not say so already.
import fc from 'fast-check';
import {
  type ArchivedPlace,
  archivedRowStatus,
  archivedRowUpdates,
} from '../../src/domain/calendarSync/archivedRows';

const place = fc.record({
  tab: fc.constantFrom('Archive 2026–27', 'Archive 2027–28'),
  done: fc.boolean(),
});
const row = fc.record({
  id: fc.constantFrom('', 'A1', 'A2', 'A3', 'A7', 'A12'),
  syncStatus: fc.constantFrom('', 'OK', 'OK: event created'),
  saysSo: fc.boolean(),
});

describe('archived rows', () => {
  it('updates exactly the rows with an archived ID whose status differs, once', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('A1', 'A2', 'A7'), place),
        fc.array(row, { maxLength: 12 }),
        (archive, typed) => {
          const placeOf = (id: string): ArchivedPlace | null => archive[id] ?? null;
          const rows = typed.map((r, i) => {
            const known = placeOf(r.id);
            const syncStatus = r.saysSo && known ? archivedRowStatus(known) : r.syncStatus;
            return { row: i + 2, id: r.id, syncStatus };
          });
          const updates = archivedRowUpdates(rows, placeOf);
          const expected = rows.filter((r) => {
            const known = r.id ? placeOf(r.id) : null;
            return known !== null && r.syncStatus !== archivedRowStatus(known);
          });
          expect(updates.map((u) => u.row)).toEqual(expected.map((r) => r.row));
          for (const u of updates) expect(Object.keys(u).sort()).toEqual(['row', 'syncStatus']);
          // Applied, the statuses ask for nothing more.
          const applied = rows.map((r) => ({
            ...r,
            syncStatus: updates.find((u) => u.row === r.row)?.syncStatus ?? r.syncStatus,
          }));
          expect(archivedRowUpdates(applied, placeOf)).toEqual([]);
        },
      ),
    );
  });

  it('tells a rollover under way from a closed year, naming the archive tab', () => {
    expect(archivedRowStatus({ tab: 'Archive 2027–28', done: false })).toMatch(
      /^Being archived to “Archive 2027–28”: .*finishes it with Extensions › Shared Work Plan › Start the next year…$/,
    );
    expect(archivedRowStatus({ tab: 'Archive 2027–28', done: true })).toMatch(
      /^Archived in “Archive 2027–28”: .*clear its Activity ID and Event ID/,
    );
  });
});
