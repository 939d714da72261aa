// Bad rows in the Assessments tab, findings added from the sidebar, and Calendar drafts for gaps.

import { exampleFindingRows } from '../../emulator/example/rows';
import type { Workspace } from '../../emulator/workspace';
import { ASSESSMENTS_TAB, CALENDAR_TAB } from '../../src/domain/schema/tabs';
import type { FindingInput } from '../../src/shared/assetsWire';
import { exampleId } from '../harness/examplePlan';
import { readKeyedRows, writeAssessmentPlan, writeTab } from '../harness/planFixture';
import type { KeyedRow } from '../harness/records';
import { sidebarCall } from '../harness/sidebarCall';
import { loadAddon } from '../harness/workspace';

const column = (key: string) => ASSESSMENTS_TAB.columns.findIndex((c) => c.key === key) + 1;

function setUp(findings: KeyedRow[] = exampleFindingRows()) {
  const { ws, addon } = loadAddon();
  writeAssessmentPlan(ws, findings);
  ws.runtime.resetCounts();
  return { ws, addon, build: () => sidebarCall(addon, 'buildAssetMap') };
}

const problemRows = (ws: Workspace) => {
  const rows = ws.sheets.table('Asset Map');
  const start = rows.findIndex((r) => String(r[0]).startsWith('Data problems'));
  return rows.slice(start + 3).filter((r) => /^Assessments row \d+$/.test(String(r[0])));
};

describe('bad input is reported on the Asset Map with the row to fix, nothing dropped', () => {
  const good = exampleFindingRows().slice(0, 20);
  // Sheet rows in comments (the header is row 1).
  const bad = [
    ...good.slice(0, 3), // rows 2–4
    null, // row 5: a blank row between findings
    {
      id: 'F90',
      source: 'Organisational',
      partner: 'Riverside Elementary',
      kind: 'Need',
      category: 'Staffing',
      description: 'Needs a reading coach',
    }, // row 6: partner name cut short
    {
      id: 'F91',
      source: 'Organisational',
      partner: 'Riverside YMCA',
      kind: 'Asset',
      category: 'Facilities',
      description: 'A teaching kitchen',
    }, // row 7: another taxonomy's word for a category
    good[3], // row 8
    { ...good[3], id: 'F92' }, // row 9: the same finding again
    { ...good[4], priority: 'urgent!' }, // row 10: text in the priority column
    good[5], // row 11
    { ...good[6], id: good[5].id }, // row 12: a copied row keeps row 11's ID
    ...good.slice(7), // rows 13–25
  ];

  it('lists each problem with its row and what it does to the map', () => {
    const { ws, build } = setUp(bad);
    const summary = build();
    expect(summary.problems.map((p) => [p.row, p.effect, p.message])).toEqual([
      [
        5,
        'note',
        'Row 5 is empty and skipped. If a finding was cleared by mistake, undo or type it again.',
      ],
      [
        6,
        'excluded',
        'Partner “Riverside Elementary” is not in the Partners tab. Did you mean “Riverside Elementary School”? Pick a partner from the list or add the organisation to the Partners tab.',
      ],
      [
        7,
        'excluded',
        'Category “Facilities” is not in the Categories tab. Did you mean “Physical space”? Pick a listed category or add this one to the Categories tab.',
      ],
      [
        9,
        'excluded',
        'repeats row 8 (same partner, kind, category and description); counted once. Delete one of the two rows.',
      ],
      [
        10,
        'used',
        'Priority “urgent!” should be High, Medium or Low; ranked after every priority until fixed.',
      ],
      [
        12,
        'used',
        'ID F6 is also on row 11 (a copied row?); this row is shown as “row 12” until it gets its own ID.',
      ],
    ]);
    // 23 non-blank rows: 20 findings in the map, 3 left out and listed.
    expect(summary.counts.findings).toBe(20);
    expect(problemRows(ws).map((r) => r[0])).toEqual(
      [5, 6, 7, 9, 10, 12].map((row) => `Assessments row ${row}`),
    );
    expect(problemRows(ws)[1][2]).toBe('Left out of the map until fixed');
    // The copy with a borrowed ID is still a need (a gap here: no Staffing asset in these rows).
    expect(summary.gaps.map((g) => g.findingId)).toContain('row 12');
    // The priority that could not be read ranks last, after Low.
    expect(summary.matches.at(-1)?.needRef).toBe(String(good[4].id));
    // Nothing typed was changed.
    const rows = readKeyedRows(ws, ASSESSMENTS_TAB);
    expect(rows.map((r) => r.id)).toEqual(bad.map((r) => r?.id ?? ''));
    expect(rows[5].category).toBe('Facilities');
    expect(rows[8].priority).toBe('urgent!');
  });

  it('reports text a partner typed over a priority and a category, then clears them after a fix', () => {
    const { ws, addon, build } = setUp();
    const row = Number(exampleId('Teachers need training').slice(1)) + 1;
    addon.userEdit('Assessments', row, column('priority'), '1');
    addon.userEdit('Assessments', row, column('category'), 'Trainings');
    const summary = build();
    expect(summary.problems.map((p) => p.row)).toEqual([row, row]);
    expect(summary.problems.map((p) => p.message)).toEqual([
      `Category “Trainings” is not in the Categories tab. Pick a listed category or add this one to the Categories tab.`,
      `Priority “1” should be High, Medium or Low; ranked after every priority until fixed.`,
    ]);
    addon.userEdit('Assessments', row, column('priority'), 'High');
    addon.userEdit('Assessments', row, column('category'), 'Expertise');
    expect(build().problems).toEqual([]);
    expect(ws.sheets.table('Asset Map').some((r) => r[0] === 'Data problems (0)')).toBe(true);
  });
});

const input = (over: Partial<FindingInput> = {}): FindingInput => ({
  source: 'Organisational',
  partner: 'Riverside YMCA',
  kind: 'Asset',
  category: 'Culture',
  description: 'Staff who speak Somali and run a cultural dance club',
  evidence: '',
  dataSource: '',
  population: '',
  priority: '',
  goalId: 'G2',
  ...over,
});

describe('adding findings from the sidebar', () => {
  it('appends a row with the next ID, literal text, and the goal written as a reference', () => {
    const { ws, addon, build } = setUp();
    const result = sidebarCall(addon, 'addAssessmentFinding', input());
    expect(result).toEqual({
      id: 'F66',
      row: 67,
      message: 'Added F66 to the Assessments tab, row 67. Build the asset map to see its matches.',
    });
    const row = readKeyedRows(ws, ASSESSMENTS_TAB)[65];
    expect(row).toMatchObject({
      id: 'F66',
      source: 'Organisational',
      partner: 'Riverside YMCA',
      kind: 'Asset',
      category: 'Culture',
      dataSource: 'Self-assessment',
      goal: 'G2 · Every family is connected to the school',
    });
    // The new asset covers the community's Culture need (the YMCA's own Culture need stays a gap).
    const gaps = build().gaps.map((g) => g.findingId);
    expect(gaps).not.toContain(exampleId('Immigrant families feel'));
    expect(gaps).toContain(exampleId('No programs that reflect'));

    const formula = sidebarCall(
      addon,
      'addAssessmentFinding',
      input({ description: '=HYPERLINK("http://x","click")', kind: 'Need' }),
    );
    const sheet = ws.sheets.spreadsheet.getSheetByName('Assessments');
    const cell = sheet?.getRange(formula.row, column('description'));
    expect(cell?.getValue()).toBe('=HYPERLINK("http://x","click")');
    expect(cell?.getFormula()).toBe('');
  });

  it('refuses a repeat and unknown choices, in plain words, and adds nothing', () => {
    const { ws, addon } = setUp();
    sidebarCall(addon, 'addAssessmentFinding', input());
    const before = ws.sheets.table('Assessments');
    expect(() => sidebarCall(addon, 'addAssessmentFinding', input())).toThrow(
      'This asset is already on row 67 (F66).',
    );
    expect(() =>
      sidebarCall(
        addon,
        'addAssessmentFinding',
        input({ partner: 'YMCA of Riverside', category: 'Facilities' }),
      ),
    ).toThrow(
      // The same rules and words as for a row typed on the tab (one finding validator).
      'Category “Facilities” is not in the Categories tab. Did you mean “Physical space”? Pick a listed category or add this one to the Categories tab. Partner “YMCA of Riverside” is not in the Partners tab. Pick a partner from the list or add the organisation to the Partners tab.',
    );
    // A priority outside the list never reaches the sheet: the boundary names the choices.
    expect(() =>
      addon.runFromSidebar('addAssessmentFinding', { ...input(), priority: 'urgent' }),
    ).toThrow('Priority must be one of: High, Medium, Low (or left empty). Nothing was changed.');
    expect(ws.sheets.table('Assessments')).toEqual(before);
  });

  it('offers the partners, categories and goals of the sheet', () => {
    const { addon } = setUp();
    const form = sidebarCall(addon, 'getAssessmentForm');
    expect(form.partners).toHaveLength(8);
    expect(form.categories.map((c) => c.name)).toContain('Physical space');
    expect(form.goals.map((g) => g.id)).toEqual(['G1', 'G2', 'G3']);
    expect(form.notes).toEqual([]);
  });
});

describe('a Calendar draft for a gap', () => {
  it('appends one Draft capacity-building row linked to the goal, and no duplicate on a second press', () => {
    const { ws, addon, build } = setUp();
    writeTab(ws, CALENDAR_TAB, [
      { id: 'A1', title: 'Partners kick-off meeting', type: 'Meeting', status: 'Planned' },
    ]);
    const gap = exampleId('Immigrant families feel');
    const first = sidebarCall(addon, 'addGapActivity', gap);
    expect(first).toEqual({
      created: true,
      activityId: 'A2',
      row: 3,
      title:
        'Build capacity: Immigrant families feel school events do not reflect their languages and traditions',
      message: `Added A2 for need ${gap} to the Calendar tab, row 3, as a Draft: pick a date and set it to Planned to sync it.`,
    });
    const rows = readKeyedRows(ws, CALENDAR_TAB);
    expect(rows[1]).toMatchObject({
      id: 'A2',
      type: 'Capacity building',
      status: 'Draft',
      startDate: '',
      lead: '',
      goal: 'G2 · Every family is connected to the school',
    });
    expect(String(rows[1].notes)).toContain(`Added from the Asset Map for need ${gap}`);

    const second = sidebarCall(addon, 'addGapActivity', gap);
    expect(second.created).toBe(false);
    expect(second.activityId).toBe('A2');
    expect(readKeyedRows(ws, CALENDAR_TAB)).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id: 'A1', title: 'Partners kick-off meeting' });

    // The map shows the draft against the gap, and the sidebar's summary too.
    const summary = build();
    expect(summary.gaps.find((g) => g.findingId === gap)?.activity).toEqual({
      id: 'A2',
      row: 3,
      title: first.title,
      status: 'Draft',
    });
    expect(
      ws.sheets.table('Asset Map').some((r) => String(r[6]).startsWith(`A2 · ${first.title}`)),
    ).toBe(true);
  });

  it('leads an organisational need’s draft with the partner that has the need', () => {
    const { ws, addon } = setUp();
    sidebarCall(addon, 'addGapActivity', exampleId('High turnover'));
    expect(readKeyedRows(ws, CALENDAR_TAB)[0]).toMatchObject({
      id: 'A1',
      lead: 'Riverside YMCA',
      title: 'Build capacity: High turnover of front-desk staff',
    });
  });

  it('refuses a finding that is gone or is an asset', () => {
    const { addon } = setUp();
    expect(() => sidebarCall(addon, 'addGapActivity', 'F999')).toThrow(
      'F999 is no longer a usable finding in the Assessments tab.',
    );
    expect(() => sidebarCall(addon, 'addGapActivity', exampleId('Gym and pool'))).toThrow(
      'is an asset, not a need',
    );
  });
});
