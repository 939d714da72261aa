// Re-running set-up on a plan partners have filled, sorted and rearranged: nothing lost, repairs reported.

import { COLUMN_KEY_METADATA } from '../../src/domain/schema/metadata';
import { USER_TABS } from '../../src/domain/schema/tabs';
import type { SetupSummary } from '../../src/shared/setupWire';
import { sidebarCall } from '../harness/sidebarCall';
import { columnOf, PARTNERS, rowsOf, setUp, sheetOf } from '../harness/workbook';
import { loadAddon } from '../harness/workspace';

const FORMULA_NAME = '=IMPORTXML("http://x","//a")';

function fillPlan() {
  const { ws, addon } = loadAddon();
  setUp(addon, { partners: [...PARTNERS, { organisation: FORMULA_NAME }] });
  // Partners type three more partners below (no IDs: set-up gives them), and their own column.
  const org = columnOf(ws, 'Partners', 'Organisation');
  ws.sheets.userPasteValues('Partners', 6, org, [
    ['Parent-Teacher Association', 'Parent or family group', 'Rosa Diaz'],
    ['Food Bank of Riverside', 'Nonprofit', 'Tom Hale'],
    ['Riverside YMCA', 'Nonprofit', 'Jo Kim'],
  ]);
  addon.userEdit(
    'Partners',
    2,
    columnOf(ws, 'Partners', 'Responsibilities'),
    'Host family literacy nights',
  );
  addon.userEdit('Partners', 7, columnOf(ws, 'Partners', 'In-kind value'), '2500');
  const own = ws.sheets.table('Partners')[0].length + 1;
  addon.userEdit('Partners', 1, own, 'Board contact');
  addon.userEdit('Partners', 3, own, 'J. Smith');
  ws.sheets.userPasteValues('Goals', 2, columnOf(ws, 'Goals', 'Goal'), [
    ['Every child reads at grade level by grade 3', 'High'],
    ['Families are connected to the school', 'Medium'],
  ]);
  return { ws, addon };
}

describe('re-running set-up on a plan partners have filled and rearranged', () => {
  const { ws, addon } = fillPlan();
  setUp(addon); // gives the typed rows their IDs
  const idsByOrg = () =>
    Object.fromEntries(rowsOf(ws, 'Partners').map((r) => [r.Organisation, r['Partner ID']]));
  const idsBefore = idsByOrg();

  // What partners then do to the tabs.
  ws.sheets.userSortRows('Partners', columnOf(ws, 'Partners', 'Organisation'));
  ws.sheets.userMoveColumn('Partners', columnOf(ws, 'Partners', 'Email'), 2);
  addon.userEdit('Partners', 1, columnOf(ws, 'Partners', 'Contact'), 'Main contact');
  ws.sheets.userDeleteColumn('Partners', columnOf(ws, 'Partners', 'Role'));
  ws.sheets.userDeleteColumn('Goals', columnOf(ws, 'Goals', 'Goal'));
  const copyTo = rowsOf(ws, 'Partners').length + 2;
  ws.sheets.userCopyRow('Partners', 3, copyTo);
  ws.sheets.userRenameSheet('Partners', 'Our partners');

  const before = ws.sheets.table('Our partners');
  const goalsBefore = ws.sheets.table('Goals');
  const summary = setUp(addon);
  const after = ws.sheets.table('Our partners');

  it('loses nothing: every cell typed before is still where it was', () => {
    const idCol = before[0].indexOf('Partner ID');
    for (let r = 0; r < before.length; r++) {
      for (let c = 0; c < before[0].length; c++) {
        if (c === idCol && r === copyTo - 1) continue; // the copied row's ID, reported below
        expect([r, c, after[r][c]]).toEqual([r, c, before[r][c]]);
      }
    }
    expect(ws.sheets.table('Goals').map((row) => row.slice(0, goalsBefore[0].length))).toEqual(
      goalsBefore,
    );
  });

  it('keeps IDs with their rows through the sort, and gives the copied row a new ID', () => {
    const rows = rowsOf(ws, 'Our partners');
    const originals = rows.slice(0, -1);
    expect(Object.fromEntries(originals.map((r) => [r.Organisation, r['Partner ID']]))).toEqual(
      idsBefore,
    );
    const copy = rows.at(-1)!;
    expect(copy.Organisation).toBe(rows[1].Organisation);
    expect(copy['Partner ID']).toBe('P8');
    expect(summary.repaired).toContainEqual(
      expect.objectContaining({
        tab: 'Our partners',
        action: 'idReassigned',
        message: expect.stringContaining(
          `Row ${copyTo} had the same ID as an earlier row (${rows[1]['Partner ID']}`,
        ),
      }),
    );
  });

  it('restores deleted columns at the end, tagged, with header and note, and reports them', () => {
    expect(after[0].at(-1)).toBe('Role');
    expect(ws.sheets.table('Goals')[0].at(-1)).toBe('Goal');
    const repairs = summary.repaired.filter((r) => r.action === 'restored');
    expect(repairs.map((r) => [r.tab, r.column])).toEqual([
      ['Our partners', 'Role'],
      ['Goals', 'Goal'],
    ]);
    expect(repairs[1].message).toContain('required Goal column was missing');
    const sheet = sheetOf(ws, 'Our partners');
    const roleCol = after[0].length;
    expect(sheet.getRange(1, roleCol).getNote()).toContain('role in the partnership');
    const tags = sheet
      .createDeveloperMetadataFinder()
      .withKey(COLUMN_KEY_METADATA)
      .withValue('role')
      .find();
    expect(tags.map((m) => m.getLocation().getColumn()?.getColumn())).toEqual([roleCol]);
    expect(sheet.getRange(5, roleCol).getDataValidation()?.getCriteriaValues()[0]).toContain(
      'Funder',
    );
  });

  it('keeps the moved column, the renamed header, the renamed tab and the partners’ own column', () => {
    expect(after[0][1]).toBe('Email');
    expect(after[0]).toContain('Main contact');
    expect(after[0]).not.toContain('Contact');
    expect(after[0]).toContain('Board contact');
    expect(summary.updated.map((t) => t.name)).toEqual(
      expect.arrayContaining(['Our partners', 'Goals']),
    );
    expect(ws.sheets.spreadsheet.getSheets().map((s) => s.getName())).not.toContain('Partners');
    // Dropdowns now read the renamed tab's moved Organisation column.
    const lead = columnOf(ws, 'Calendar', 'Lead partner');
    expect(addon.userEdit('Calendar', 2, lead, 'Riverside YMCA')).toEqual({ ok: true });
  });

  it('keeps formula-looking names as text', () => {
    const row = rowsOf(ws, 'Our partners').find((r) => r.Organisation === FORMULA_NAME);
    expect(row).toBeDefined();
    const formulas = sheetOf(ws, 'Our partners')
      .getDataRange()
      .getFormulas()
      .flat()
      .filter(Boolean);
    expect(formulas).toEqual([]);
  });

  it('reports nothing more on the next run: everything is in order', () => {
    const again = setUp(addon) as SetupSummary;
    expect(again.repaired).toEqual([]);
    expect(again.created).toEqual([]);
    expect(again.updated).toEqual([]);
    expect(again.kept).toHaveLength(USER_TABS.length);
    expect(again.warnings).toEqual([
      `Already on the Partners tab, kept as they were: ${PARTNERS.map((p) => p.organisation).join(', ')}.`,
    ]);
    expect(ws.sheets.table('Our partners')).toEqual(after);
  });
});

describe('adopting a half-filled spreadsheet', () => {
  it('recognises a hand-made Partners sheet by its headers and fills in the rest', () => {
    const { ws, addon } = loadAddon();
    const sheet = ws.sheets.spreadsheet.insertSheet('Partners');
    sheet.getRange(1, 1, 3, 2).setValues([
      ['Organization', 'E-mail address'],
      ['Riverside Public Library', 'ana@library.example.org'],
      ['Eastside Health Clinic', 'sam@clinic.example.org'],
    ]);
    const summary = setUp(addon, { partners: [PARTNERS[0]] });
    expect(summary.updated.map((t) => t.name)).toEqual(['Partners']);
    expect(summary.repaired).toEqual([]);
    const rows = rowsOf(ws, 'Partners');
    expect(rows.map((r) => [r.Organization, r['E-mail address'], r['Partner ID']])).toEqual([
      ['Riverside Public Library', 'ana@library.example.org', 'P1'],
      ['Eastside Health Clinic', 'sam@clinic.example.org', 'P2'],
    ]);
    // 'E-mail address' is not a known header, so Email is added; the partner in options was already there.
    expect(ws.sheets.table('Partners')[0]).toContain('Email');
    expect(summary.partnersAdded).toEqual([]);
  });
});

describe('a tab someone deleted', () => {
  it('comes back empty on repair, with a warning', () => {
    const { ws, addon } = loadAddon();
    setUp(addon);
    ws.sheets.spreadsheet.deleteSheet(sheetOf(ws, 'Outcomes'));
    const summary = sidebarCall(addon, 'repairPlan');
    expect(summary.created.map((t) => t.name)).toEqual(['Outcomes']);
    expect(summary.warnings.join(' ')).toContain('The Outcomes tab was missing');
    expect(summary.partnersAdded).toEqual([]);
  });

  it('the repair menu item says what it did', () => {
    const { ws, addon } = loadAddon();
    addon.run('checkAndRepairPlan');
    expect(ws.sheets.ui.dialogs.at(-1)?.prompt).toContain('no work plan yet');
    setUp(addon);
    addon.run('checkAndRepairPlan');
    expect(ws.sheets.ui.dialogs.at(-1)?.prompt).toContain(
      'Already in order: Partnership, Partners',
    );
  });
});

describe('addPartner', () => {
  it('appends one row with the next ID, keeping formula-looking text literal', () => {
    const { ws, addon } = loadAddon();
    setUp(addon);
    const result = sidebarCall(addon, 'addPartner', {
      organisation: FORMULA_NAME,
      type: 'Business',
      contact: '+1 555 0100',
      email: 'x@corner.example.com',
    });
    expect(result).toEqual({ id: 'P4', organisation: FORMULA_NAME, sheetName: 'Partners', row: 5 });
    const row = rowsOf(ws, 'Partners')[3];
    expect([row['Partner ID'], row.Organisation, row.Type, row.Contact]).toEqual([
      'P4',
      FORMULA_NAME,
      'Business',
      '+1 555 0100',
    ]);
    expect(sheetOf(ws, 'Partners').getRange(5, 2).getFormula()).toBe('');
    expect(() =>
      sidebarCall(addon, 'addPartner', { organisation: 'riverside public library' }),
    ).toThrow('riverside public library is already on the Partners tab (row 2).');
    // Spaces typed twice (or around) do not make another partner either.
    expect(() =>
      sidebarCall(addon, 'addPartner', { organisation: ' Riverside  Public Library' }),
    ).toThrow('is already on the Partners tab (row 2).');
    expect(() => sidebarCall(addon, 'addPartner', { organisation: 'A', email: 'nope' })).toThrow(
      'is not an email address',
    );
  });

  it('never reuses the ID of a deleted partner', () => {
    const { ws, addon } = loadAddon();
    setUp(addon);
    ws.sheets.userDeleteRows('Partners', 4);
    const result = sidebarCall(addon, 'addPartner', {
      organisation: 'Riverside YMCA',
    });
    expect(result.id).toBe('P4');
    expect(result.row).toBe(4);
  });

  it('asks for set-up first on a blank spreadsheet', () => {
    const { addon } = loadAddon();
    expect(() => sidebarCall(addon, 'addPartner', { organisation: 'Library' })).toThrow(
      'Set up the work plan',
    );
  });
});
