// Reading Assessments rows: every non-blank row is a finding or a problem naming its row.

import { readCategories, readPartners } from '../../src/domain/assets/directory';
import { findingCells } from '../../src/domain/assets/findingInput';
import { readFindings } from '../../src/domain/assets/findings';
import { closestName } from '../../src/domain/assets/suggest';
import { DEFAULT_CATEGORIES } from '../../src/domain/schema/categories';
import { ASSESSMENTS_TAB, CATEGORIES_TAB, PARTNERS_TAB } from '../../src/domain/schema/tabs';
import type { FindingInput } from '../../src/shared/assetsWire';
import type { AsTyped } from '../../src/shared/wire';
import { intlZoneOracle } from '../harness/intlZoneOracle';
import { type KeyedRow, tabRecords } from '../harness/records';

const partners = readPartners(
  tabRecords(PARTNERS_TAB, [
    { id: 'P1', organisation: 'Riverside YMCA', contact: 'Jamal Wright' },
    { id: 'P2', organisation: 'Northside Food Bank' },
  ]).records,
).entries;
const categories = readCategories(null).entries;
const context = {
  partners,
  categories,
  goals: [{ id: 'G1', label: 'Every child reads' }],
  goalsKnown: true,
  dates: { sheetZone: 'Asia/Tokyo', oracle: intlZoneOracle, locale: 'ja_JP' },
};

const read = (rows: KeyedRow[]) => {
  const { raw, records } = tabRecords(ASSESSMENTS_TAB, rows);
  return readFindings(raw, records, context);
};

const row = (over: Record<string, unknown> = {}) => ({
  source: 'Organisational',
  partner: 'Riverside YMCA',
  kind: 'Need',
  category: 'Staffing',
  description: 'Front-desk turnover',
  ...over,
});

describe('readFindings', () => {
  it('reads a finding with case and spacing forgiven, and links its goal by ID', () => {
    const { findings, problems } = read([
      row({
        partner: ' riverside  ymca',
        kind: 'need',
        category: 'staffing',
        goal: 'g1 · old label',
      }),
    ]);
    expect(problems).toEqual([]);
    expect(findings[0]).toMatchObject({
      ref: 'row 2',
      partner: { name: 'Riverside YMCA', contact: 'Jamal Wright' },
      kind: 'Need',
      category: 'Staffing',
      goal: { id: 'G1', label: 'Every child reads' },
    });
  });

  it('leaves out rows it cannot place, saying why and what to do', () => {
    const { findings, problems } = read([
      row({ kind: '' }),
      row({ kind: 'Strength' }),
      row({ category: '' }),
      row({ description: '' }),
      row({ partner: '' }),
      row({ partner: 'YMCA' }),
    ]);
    expect(findings).toEqual([]);
    expect(problems.map((p) => [p.row, p.effect, p.message])).toEqual([
      [2, 'excluded', 'Asset or need is empty: choose Asset or Need.'],
      [3, 'excluded', 'Asset or need “Strength” should be Asset or Need. Did you mean “Asset”?'],
      [4, 'excluded', 'Category is empty: choose one from the list.'],
      [5, 'excluded', 'Description is empty: write the finding in a sentence.'],
      [6, 'excluded', 'Partner is empty: an organisational finding needs the partner it is about.'],
      [
        7,
        'excluded',
        'Partner “YMCA” is not in the Partners tab. Did you mean “Riverside YMCA”? Pick a partner from the list or add the organisation to the Partners tab.',
      ],
    ]);
  });

  it('keeps rows whose problem does not change what they mean, and says which cell is ignored', () => {
    const { findings, problems } = read([
      row({ source: '', priority: 'ASAP', goal: 'G7' }),
      row({ source: 'Community', partner: 'The city', kind: 'Asset', description: 'A park' }),
    ]);
    expect(findings.map((f) => [f.source, f.priority, f.goal, f.partner])).toEqual([
      ['Organisational', null, null, partners[0]],
      ['Community', null, null, null],
    ]);
    expect(problems.map((p) => [p.row, p.effect])).toEqual([
      [2, 'used'],
      [2, 'used'],
      [2, 'used'],
      [3, 'used'],
    ]);
    expect(problems[0].message).toBe(
      'Source is empty; read as Organisational. Choose the source to be sure.',
    );
    expect(problems[3].message).toContain('The community finding is used without a partner.');
  });

  it('counts a repeated finding once and names the row it repeats', () => {
    const { findings, problems } = read([
      row({ id: 'F1' }),
      null,
      row({ id: 'F2', description: ' front-desk  TURNOVER ' }),
    ]);
    expect(findings.map((f) => f.ref)).toEqual(['F1']);
    expect(problems.map((p) => p.message)).toEqual([
      'Row 3 is empty and skipped. If a finding was cleared by mistake, undo or type it again.',
      'repeats row 2 (same partner, kind, category and description); counted once. Delete one of the two rows.',
    ]);
  });

  it('lists many blank rows in one note, and none after the last finding', () => {
    const rows: KeyedRow[] = [
      row(),
      ...Array.from({ length: 14 }, () => null),
      row({ kind: 'Asset' }),
      null,
      null,
    ];
    const { problems } = read(rows);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toBe(
      'Rows 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14 and 2 more are empty and skipped. If a finding was cleared by mistake, undo or type it again.',
    );
  });
});

describe('categories', () => {
  it('falls back to the documented defaults when the tab is missing or empty, and says so', () => {
    expect(readCategories(null).entries.map((c) => c.name)).toEqual(
      DEFAULT_CATEGORIES.map((c) => c.name),
    );
    expect(readCategories([]).problems[0].message).toBe(
      'The Categories tab is empty, so the default categories were used.',
    );
  });

  it('uses the sheet’s own categories, reporting repeats and keeping default aliases', () => {
    const { entries, problems } = readCategories(
      tabRecords(CATEGORIES_TAB, [
        { category: 'Physical space', kind: 'Both' },
        { category: 'Transport', kind: 'Community asset' },
        { category: 'physical space' },
      ]).records,
    );
    expect(entries.map((c) => c.name)).toEqual(['Physical space', 'Transport']);
    expect(entries[0].aliases).toContain('Facilities');
    expect(problems.map((p) => p.row)).toEqual([4]);
  });

  it('suggests only close names', () => {
    expect(closestName('Facilities', categories)).toBe('Physical space');
    expect(closestName('Comunications', categories)).toBe('Communications');
    expect(closestName('Sports', categories)).toBeNull();
    expect(closestName('Riverside', partners)).toBe('Riverside YMCA');
  });
});

describe('findingCells (the sidebar’s Add)', () => {
  const input = (over: Partial<AsTyped<FindingInput>> = {}): AsTyped<FindingInput> => ({
    source: 'Community',
    partner: '',
    kind: 'Need',
    category: 'Physical space',
    description: 'No safe place to play',
    evidence: '',
    dataSource: 'Focus group',
    population: 'Children 6–11',
    priority: 'High',
    goalId: 'g1',
    ...over,
  });

  it('turns a community finding into cells, with the goal written as a reference', () => {
    expect(findingCells(input(), context, [])).toEqual({
      ok: true,
      value: {
        source: 'Community',
        partner: '',
        kind: 'Need',
        category: 'Physical space',
        description: 'No safe place to play',
        evidence: '',
        dataSource: 'Focus group',
        population: 'Children 6–11',
        priority: 'High',
        goal: 'G1 · Every child reads',
      },
    });
  });

  it('says everything that is wrong at once', () => {
    expect(
      findingCells(
        input({ source: 'Organisational', description: ' ', dataSource: 'Gossip', goalId: 'G9' }),
        context,
        [],
      ),
    ).toEqual({
      ok: false,
      message:
        'Description is empty: write the finding in a sentence. Partner is empty: an organisational finding needs the partner it is about. Linked goal G9 is not in the Goals tab; pick the goal from the list. Data source “Gossip” is not one of the list; choose one.',
    });
  });
});
