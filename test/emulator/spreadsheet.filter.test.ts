// A sheet's basic filter (hidden rows still read and written), and a person deleting or moving a whole tab.
import fc from 'fast-check';
import { Runtime } from '../../emulator/runtime';
import { type ChangeEvent, SpreadsheetEmulator } from '../../emulator/spreadsheet';
import { FILTER_EXISTS } from '../../emulator/spreadsheet/filter';

const STATUSES = ['Planned', 'Done', 'Draft', 'Cancelled'];

function setup(statuses: readonly string[]) {
  const runtime = new Runtime({ startTime: Date.UTC(2027, 0, 15, 12) });
  const em = new SpreadsheetEmulator(runtime, { userEmail: 'owner@example.org' });
  const ss = em.app.getActiveSpreadsheet();
  const sheet = ss.insertSheet('Plan');
  const rows = statuses.map((s, i) => [`A${i + 1}`, `Activity ${i + 1}`, s]);
  sheet.getRange(1, 1, rows.length + 1, 3).setValues([['ID', 'Title', 'Status'], ...rows]);
  return { em, ss, sheet, rows };
}

const statusLists = fc.array(fc.constantFrom(...STATUSES), { minLength: 1, maxLength: 12 });
const hiddenSets = fc.subarray(STATUSES);

describe('Filter (V: developers.google.com/apps-script/reference/spreadsheet/filter)', () => {
  it('hides exactly the rows whose column shows a hidden value; getValues still reads every row', () => {
    fc.assert(
      fc.property(statusLists, hiddenSets, (statuses, hidden) => {
        const { em, sheet, rows } = setup(statuses);
        const filter = sheet.getRange(1, 1, rows.length + 1, 3).createFilter();
        filter.setColumnFilterCriteria(
          3,
          em.app.newFilterCriteria().setHiddenValues(hidden).build(),
        );
        statuses.forEach((s, i) => {
          expect(sheet.isRowHiddenByFilter(i + 2)).toBe(hidden.includes(s));
          expect(sheet.isRowHiddenByUser(i + 2)).toBe(false);
        });
        expect(sheet.isRowHiddenByFilter(1)).toBe(false); // the header row never hides
        expect(sheet.getDataRange().getValues().slice(1)).toEqual(rows);
        expect(filter.getColumnFilterCriteria(3)?.getHiddenValues()).toEqual(hidden);
        expect(filter.getColumnFilterCriteria(2)).toBeNull();
      }),
      { numRuns: 40 },
    );
  });

  it('setValues writes hidden rows too, and removing the filter shows every row again', () => {
    const { em, sheet } = setup(['Done', 'Planned', 'Done']);
    const filter = sheet.getDataRange().createFilter();
    filter.setColumnFilterCriteria(3, em.app.newFilterCriteria().setHiddenValues(['Done']).build());
    sheet.getRange('B2:B4').setValues([['x'], ['y'], ['z']]);
    expect(sheet.getRange('B2:B4').getValues()).toEqual([['x'], ['y'], ['z']]);
    expect(sheet.isRowHiddenByFilter(2)).toBe(true);
    filter.remove();
    expect(sheet.getFilter()).toBeNull();
    expect([2, 3, 4].map((r) => sheet.isRowHiddenByFilter(r))).toEqual([false, false, false]);
  });

  it('a sheet has one filter: a second createFilter is refused', () => {
    const { sheet } = setup(['Done']);
    sheet.getDataRange().createFilter();
    expect(() => sheet.getRange('A1:B2').createFilter()).toThrow(FILTER_EXISTS);
    expect(sheet.getFilter()?.getRange().getA1Notation()).toBe('A1:C2');
  });

  it('a hidden row keeps being hidden when rows move: sort, insert and delete (I)', () => {
    fc.assert(
      fc.property(statusLists, fc.boolean(), (statuses, ascending) => {
        const { em, sheet } = setup(statuses);
        const filter = sheet.getDataRange().createFilter();
        filter.setColumnFilterCriteria(
          3,
          em.app.newFilterCriteria().setHiddenValues(['Done']).build(),
        );
        filter.sort(2, ascending);
        sheet.insertRowsBefore(2, 1);
        sheet.deleteRows(2, 1);
        const values = sheet.getDataRange().getValues();
        for (let r = 2; r <= values.length; r++)
          expect(sheet.isRowHiddenByFilter(r)).toBe(values[r - 1][2] === 'Done');
        expect(filter.getRange().getNumRows()).toBe(statuses.length + 1);
      }),
      { numRuns: 30 },
    );
  });

  it('a person filters a column and hides a row by hand: both still read', () => {
    const { em, sheet, rows } = setup(['Done', 'Planned', 'Draft']);
    expect(em.userFilterColumn('Plan', 3, ['Planned']).ok).toBe(true);
    expect(em.userHideRows('Plan', 4).ok).toBe(true);
    expect([2, 3, 4].map((r) => sheet.isRowHiddenByFilter(r))).toEqual([false, true, false]);
    expect(sheet.isRowHiddenByUser(4)).toBe(true);
    expect(em.table('Plan').slice(1)).toEqual(rows);
    em.userRemoveFilter('Plan');
    expect(sheet.getFilter()).toBeNull();
  });
});

describe('a person deletes a tab', () => {
  it('the tab, its protections and metadata go; formulas that read it show #REF!; onChange says REMOVE_GRID', () => {
    const { em, ss, sheet } = setup(['Done']);
    const other = ss.insertSheet('Summary');
    other.getRange('A1').setFormula('=Plan!B2');
    sheet.getRange('A:A').addDeveloperMetadata('key', 'value');
    sheet.protect();
    const changes: ChangeEvent['changeType'][] = [];
    em.onUserChange((e) => changes.push(e.changeType));
    expect(other.getRange('A1').getDisplayValue()).toBe('Activity 1');
    expect(em.userDeleteSheet('Plan').ok).toBe(true);
    expect(ss.getSheetByName('Plan')).toBeNull();
    expect(other.getRange('A1').getDisplayValue()).toBe('#REF!');
    expect(ss.getProtections(em.app.ProtectionType.SHEET)).toHaveLength(0);
    expect(ss.createDeveloperMetadataFinder().withKey('key').find()).toHaveLength(0);
    expect(changes).toEqual(['REMOVE_GRID']);
  });

  it('the last tab cannot be deleted', () => {
    const { em, ss } = setup(['Done']);
    for (const s of ss.getSheets()) if (s.getName() !== 'Plan') ss.deleteSheet(s);
    const result = em.userDeleteSheet('Plan');
    expect(result.ok).toBe(false);
    expect(ss.getSheetByName('Plan')).not.toBeNull();
  });
});

describe('a person moving a tab (V: SheetProperties, "sheetId … cannot be changed once set")', () => {
  it('changes only the order of the tabs: each keeps its ID, cells and metadata, and a sheet’s finder sees only its own', () => {
    fc.assert(
      fc.property(fc.nat({ max: 6 }), fc.nat({ max: 6 }), (from, to) => {
        const { em, ss, sheet } = setup(['Done']);
        for (const name of ['One', 'Two', 'Three']) ss.insertSheet(name);
        sheet.getRange('B:B').addDeveloperMetadata('swp.column', 'title');
        ss.getSheetByName('Two')!.getRange('A:A').addDeveloperMetadata('swp.column', 'other');
        const before = ss.getSheets().map((s) => [s.getName(), s.getSheetId()]);
        const moved = before[from % before.length][0] as string;
        const changes: ChangeEvent['changeType'][] = [];
        em.onUserChange((e) => changes.push(e.changeType));
        expect(em.userMoveSheet(moved, to).ok).toBe(true);
        const after = ss.getSheets().map((s) => [s.getName(), s.getSheetId()]);
        expect([...after].sort()).toEqual([...before].sort());
        expect(after[Math.min(to, after.length - 1)][0]).toBe(moved);
        expect(sheet.getRange('B1').getValue()).toBe('Title');
        const found = sheet.createDeveloperMetadataFinder().withKey('swp.column').find();
        expect(found.map((m) => m.getValue())).toEqual(['title']);
        expect(found[0].getLocation().getColumn()?.getColumn()).toBe(2);
        expect(changes).toEqual(['OTHER']);
      }),
    );
  });
});
