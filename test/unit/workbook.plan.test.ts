// The workbook planner: columns to add, tag and restore; formats; conditional rules; rows; profile.
import type { TabDef } from '../../src/domain/schema/columns';
import { COLUMN_KEY_METADATA } from '../../src/domain/schema/metadata';
import { CALENDAR_TAB, GOALS_TAB, OUTCOMES_TAB, PARTNERS_TAB } from '../../src/domain/schema/tabs';
import { placeCells } from '../../src/domain/table/place';
import { columnLetter, sheetRef } from '../../src/domain/workbook/a1';
import { placementMap, planColumns } from '../../src/domain/workbook/columns';
import { conditionalRules, isAddonRuleFormula } from '../../src/domain/workbook/conditional';
import { columnFormat } from '../../src/domain/workbook/formats';
import type { ObservedTab } from '../../src/domain/workbook/observed';
import { profileColumn, profileRows } from '../../src/domain/workbook/profile';
import { idColumnValues, nextFreeRow } from '../../src/domain/workbook/rows';
import { DEFAULT_CALENDAR_SETTINGS } from '../../src/shared/settings';

const observe = (headers: string[], keys: (string | null)[], extra: Partial<ObservedTab> = {}) =>
  ({
    sheetName: 'Partners',
    headers,
    metadataKeys: keys,
    notes: headers.map(() => ''),
    lastColumn: headers.length,
    maxRows: 1000,
    maxColumns: 26,
    frozenRows: 1,
    tagged: true,
    ...extra,
  }) satisfies ObservedTab;

describe('planColumns', () => {
  it('lays out a new tab in schema order, tags every column and writes every note', () => {
    const plan = planColumns(PARTNERS_TAB, null, false);
    expect(plan.placements.map((p) => p.column)).toEqual(
      PARTNERS_TAB.columns.map((_c, i) => i + 1),
    );
    expect(plan.append).toHaveLength(PARTNERS_TAB.columns.length);
    expect(plan.tag).toHaveLength(PARTNERS_TAB.columns.length);
    expect(plan.notes[0]).toContain(PARTNERS_TAB.purpose);
    expect(plan.notes[4]).toBe(PARTNERS_TAB.columns[4].note);
    expect(plan.repairs).toEqual([]);
  });

  it('keeps moved and renamed columns where they are and appends only what is missing', () => {
    const all = PARTNERS_TAB.columns.map((c) => c.key);
    // Partners moved Email first, renamed Organisation, added their own column, deleted Phone.
    const keys = [
      'email',
      'id',
      'organisation',
      null,
      ...all.filter((k) => !['email', 'id', 'organisation', 'phone'].includes(k)),
    ];
    const headers = keys.map((k) =>
      k === null
        ? 'Our notes'
        : k === 'organisation'
          ? 'Org name'
          : PARTNERS_TAB.columns.find((c) => c.key === k)!.header,
    );
    const plan = planColumns(PARTNERS_TAB, observe(headers, keys), true);
    const at = placementMap(plan.placements);
    expect(at.email).toBe(1);
    expect(at.organisation).toBe(3);
    expect(at.phone).toBe(headers.length + 1);
    expect(plan.append.map((p) => p.key)).toEqual(['phone']);
    expect(plan.tag.map((p) => p.key)).toEqual(['phone']);
    expect(plan.repairs).toEqual([
      expect.objectContaining({ action: 'restored', column: 'Phone', tab: 'Partners' }),
    ]);
    expect(plan.repairs[0].message).toContain(`column ${columnLetter(headers.length + 1)}`);
    expect(plan.details.join(' ')).toContain('“Org name” is used as Organisation');
    // The partners' own column keeps its note (none) and is not touched.
    expect(plan.notes[3]).toBe('');
  });

  it('calls a missing required column required, and restores an emptied header', () => {
    const keys = PARTNERS_TAB.columns.map((c) => c.key).filter((k) => k !== 'organisation');
    const headers = keys.map((k) =>
      k === 'email' ? '' : PARTNERS_TAB.columns.find((c) => c.key === k)!.header,
    );
    const plan = planColumns(PARTNERS_TAB, observe(headers, keys), true);
    expect(plan.repairs.map((r) => r.action).sort()).toEqual(['headerRestored', 'restored']);
    expect(plan.repairs.find((r) => r.action === 'restored')?.message).toContain(
      'required Organisation',
    );
    expect(plan.headerRestores.map((p) => p.key)).toEqual(['email']);
  });

  it('adopts a half-filled sheet by its headers: tags them, adds the rest, reports no repair', () => {
    const plan = planColumns(
      PARTNERS_TAB,
      observe(['Organization', 'Email'], [null, null], { tagged: false }),
      false,
    );
    const byHeader = plan.tag.filter((p) => !plan.append.includes(p));
    expect(byHeader.map((p) => [p.key, p.column])).toEqual([
      ['organisation', 1],
      ['email', 2],
    ]);
    expect(plan.append[0]).toMatchObject({ key: 'id', column: 3 });
    expect(plan.repairs).toEqual([]);
    expect(plan.details.join(' ')).toContain('Recognised 2 existing columns');
  });

  it('finds a tagged column beyond the last used column instead of adding a second one', () => {
    const keys = PARTNERS_TAB.columns.map((c) => c.key);
    const headers = PARTNERS_TAB.columns.map((c) => c.header);
    headers[headers.length - 1] = '';
    const plan = planColumns(
      PARTNERS_TAB,
      observe(headers, keys, { lastColumn: keys.length - 1 }),
      true,
    );
    expect(plan.append).toEqual([]);
    expect(plan.width).toBe(keys.length);
    expect(plan.headerRestores.map((p) => p.key)).toEqual(['notes']);
  });

  it('is a no-op on a tab already in order', () => {
    const keys = GOALS_TAB.columns.map((c) => c.key);
    const first = planColumns(GOALS_TAB, null, false);
    const plan = planColumns(
      GOALS_TAB,
      observe(
        GOALS_TAB.columns.map((c) => c.header),
        keys,
        { notes: first.notes },
      ),
      true,
    );
    expect([plan.append, plan.tag, plan.headerRestores, plan.repairs, plan.details]).toEqual([
      [],
      [],
      [],
      [],
      [],
    ]);
    expect(plan.notes).toEqual(first.notes);
  });
});

describe('columnFormat', () => {
  const lists = { goals: ['G1 · Reading'], outcomes: [] };
  const col = (tab: TabDef, key: string) => tab.columns.find((c) => c.key === key)!;

  it('feeds partner dropdowns from the Partners tab and enum dropdowns from the schema', () => {
    expect(columnFormat(col(CALENDAR_TAB, 'lead'), lists, 'en_US').validation).toMatchObject({
      type: 'range',
      tab: 'partners',
      column: 'organisation',
    });
    expect(columnFormat(col(PARTNERS_TAB, 'role'), lists, 'en_US').validation).toMatchObject({
      type: 'list',
      values: expect.arrayContaining(['Lead', 'Funder']),
    });
  });

  it('lists goals by label, and leaves outcome references without a dropdown while there are none', () => {
    expect(columnFormat(col(OUTCOMES_TAB, 'goal'), lists, 'en_US').validation).toMatchObject({
      type: 'list',
      values: ['G1 · Reading'],
    });
    expect(columnFormat(col(CALENDAR_TAB, 'outcome'), lists, 'en_US').validation).toBeNull();
    const many = {
      goals: Array.from({ length: 501 }, (_v, i) => `G${i + 1} · Goal`),
      outcomes: [],
    };
    expect(columnFormat(col(OUTCOMES_TAB, 'goal'), many, 'en_US').validation).toBeNull();
  });

  it('formats dates, money and IDs, and puts no list rule on Recurrence (it takes any phrase its note’s examples stand for)', () => {
    // Dates in the spreadsheet locale's short date: the one date format of what the add-on writes.
    expect(columnFormat(col(PARTNERS_TAB, 'agreementEnd'), lists, 'en_US').numberFormat).toBe(
      'm/d/yyyy',
    );
    expect(columnFormat(col(PARTNERS_TAB, 'agreementEnd'), lists, 'en_GB').numberFormat).toBe(
      'dd/mm/yyyy',
    );
    expect(columnFormat(col(CALENDAR_TAB, 'lastSynced'), lists, 'de_DE').numberFormat).toBe(
      'dd.mm.yyyy hh:mm',
    );
    expect(columnFormat(col(PARTNERS_TAB, 'inKindValue'), lists, 'en_US').numberFormat).toBe(
      '#,##0.00',
    );
    expect(columnFormat(col(PARTNERS_TAB, 'id'), lists, 'en_US').numberFormat).toBe('@');
    expect(columnFormat(col(CALENDAR_TAB, 'recurrence'), lists, 'en_US').validation).toBeNull();
    expect(columnFormat(col(PARTNERS_TAB, 'responsibilities'), lists, 'en_US').wrap).toBe(true);
  });
});

describe('conditionalRules', () => {
  it('anchors formulas to the columns’ current positions and tags them as the add-on’s', () => {
    const columns = placementMap(planColumns(PARTNERS_TAB, null, false).placements);
    const moved = { ...columns, agreementEnd: 3 };
    const [expired, expiring] = conditionalRules('partners', moved);
    expect(expired.formula).toBe('=AND(ISNUMBER($C2),$C2<TODAY(),N("swp:agreement-expired")=0)');
    expect(expiring.formula).toContain('$C2<TODAY()+60');
    expect(isAddonRuleFormula(expiring.formula)).toBe(true);
    expect(isAddonRuleFormula('=$C2<TODAY()')).toBe(false);
  });

  it('leaves out a rule whose columns are missing', () => {
    expect(conditionalRules('calendar', { title: 2 })).toEqual([]);
    expect(conditionalRules('categories', { category: 1 })).toEqual([]);
  });
});

describe('rows', () => {
  it('writes new rows at the columns’ positions, keeping formula-looking text literal', () => {
    expect(
      placeCells(
        { organisation: '=IMPORTXML("http://x","//a")', id: 'P3', invite: true },
        {
          index: { id: 1, organisation: 0, invite: 3 },
          missing: [],
          matchedByHeader: [],
          extraColumns: [],
        },
        4,
      ),
    ).toEqual(['\'=IMPORTXML("http://x","//a")', 'P3', '', true]);
  });

  it('finds room below every non-blank row, ignoring the profile block', () => {
    const rows = [
      ['S1', '', '', 'Name', 'Riverside'],
      ['', '', '', 'Purpose', 'Reading'],
      ['', '', '', '', ''],
    ];
    expect(nextFreeRow(rows, 1)).toBe(4);
    expect(nextFreeRow(rows, 1, new Set([4, 5]))).toBe(3);
    expect(nextFreeRow([], 1)).toBe(2);
  });

  it('rewrites the ID column in one block, keeping every other ID', () => {
    const rows = [['P1'], [''], ['P1'], ['P2']];
    const write = idColumnValues(rows, 1, 1, [
      { row: 3, id: 'P3', previous: null, reason: 'missing' },
      { row: 4, id: 'P4', previous: 'P1', reason: 'duplicate' },
    ]);
    expect(write).toEqual({ startRow: 2, values: [['P1'], ['P3'], ['P4']] });
    expect(idColumnValues(rows, 1, 1, [])).toBeNull();
  });
});

describe('profile block', () => {
  const settings = {
    name: '=HYPERLINK("x")',
    purpose: 'Every child reads',
    coordinator: 'Maya',
    coordinatorEmail: 'maya@example.org',
    timeZone: 'America/New_York',
    calendar: { ...DEFAULT_CALENDAR_SETTINGS, mode: 'existing' as const, calendarId: 'abc@group' },
    schemaVersion: 1,
  };

  it('keeps user text literal and totals the in-kind column live', () => {
    const rows = profileRows(settings, { sheetName: "Bob's partners", column: 14 });
    expect(rows[1]).toEqual(['Name', '\'=HYPERLINK("x")']);
    expect(rows.at(-1)).toEqual([
      'Total in-kind value (match)',
      `=SUM(${sheetRef("Bob's partners")}!N2:N)`,
    ]);
    expect(rows.find((r) => r[0] === 'Shared calendar')?.[1]).toContain('abc@group');
    expect(sheetRef("Bob's partners")).toBe("'Bob''s partners'");
  });

  it('stays where it is, or goes two columns right of everything else', () => {
    expect(profileColumn(12, 20)).toBe(12);
    expect(profileColumn(null, 8)).toBe(10);
  });
});

it('uses the schema’s metadata key for columns', () => {
  expect(COLUMN_KEY_METADATA).toBe('swp.column');
});
