// Matching needs to other partners' assets, and the gaps, on the example partnership and on small cases.
import {
  BUSINESS,
  CLINIC,
  FOOD_BANK,
  LIB,
  PARENTS,
  RES,
  TUTORS,
  YMCA,
} from '../../emulator/example/findings';
import { canCover, matchNeeds } from '../../src/domain/assets/matching';
import type { Finding, PartnerEntry } from '../../src/domain/assets/model';
import { analyseExample, exampleId } from '../harness/examplePlan';

/**
 * Derived by hand from the example's design (emulator/example/findings.ts): per category, which
 * partners listed assets; a partner's need gets every other partner's asset, a community need
 * every partner's; offers in alphabetical order of partner.
 */
const EXPECTED_OFFERS: Array<[string, string[]]> = [
  // People and skills: assets of the Tutoring Corps and the Parent Association
  ['Not enough adults', [PARENTS, TUTORS]],
  ['Needs Somali and Spanish speakers', [PARENTS, TUTORS]],
  ['Members want bilingual summer interns', [PARENTS, TUTORS]],
  ['Half of K–2 students', [PARENTS, TUTORS]],
  // Associations and networks: Parent Association, Business Alliance (the soccer league is a community asset)
  ['Few connections to parent groups', [BUSINESS, PARENTS]],
  // Physical space: school, library, YMCA
  ['No room for a family resource centre', [LIB, YMCA]],
  ['No quiet space near the school', [RES, LIB, YMCA]],
  ['Needs a second distribution site', [RES, LIB, YMCA]],
  ['Families without cars', [RES, LIB, YMCA]],
  // Economy and funding: food bank (in kind), Business Alliance
  ['Title I funds', [BUSINESS, FOOD_BANK]],
  ['No budget for childcare', [BUSINESS, FOOD_BANK]],
  ['Scholarships for after-school fees', [BUSINESS, FOOD_BANK]],
  ['Many households cannot afford', [BUSINESS, FOOD_BANK]],
  // Staffing: only the YMCA
  ['No staff to supervise', [YMCA]],
  ['No bilingual staff', [YMCA]],
  ['Only one staff member', [YMCA]],
  ['One school counsellor', [YMCA]],
  // Expertise: clinic, library, university
  ['Teachers need training', [CLINIC, LIB, TUTORS]],
  ['Parents want to learn', [CLINIC, LIB, TUTORS]],
  ['After-school staff lack training', [CLINIC, LIB, TUTORS]],
  ['Families report 3-month waits', [CLINIC, LIB, TUTORS]],
  // Data and evaluation: school, university (each partner's own asset excluded)
  ['Cannot link tutoring attendance', [TUTORS]],
  ['Needs anonymised reading scores', [RES]],
  ['Records of which families', [RES, TUTORS]],
  ['No way to measure program outcomes', [RES, TUTORS]],
  // Communications: school, library, Business Alliance (the library's own excluded for its need)
  ['Summer reading program is poorly advertised', [BUSINESS, RES]],
  ['Families do not know about free clinic hours', [BUSINESS, RES, LIB]],
  ['Families miss school messages', [BUSINESS, RES, LIB]],
  // Volunteers: university, Parent Association
  ['Needs volunteers for after-school homework', [PARENTS, TUTORS]],
  ['Needs 15 volunteers', [PARENTS, TUTORS]],
  ['Needs volunteer coaches', [PARENTS, TUTORS]],
  // Relationships: clinic, food bank
  ['Low trust with newly arrived', [CLINIC, FOOD_BANK]],
  ['Tutors are new to the neighbourhood', [CLINIC, FOOD_BANK]],
  ['A third of parents', [CLINIC, FOOD_BANK]],
];

/** Needs nobody covers, by priority then row, with the community assets of their category. */
const EXPECTED_GAPS: Array<[string, string[]]> = [
  ['Immigrant families feel', ['Somali and Mexican community', 'An oral-history project']],
  ['No dental provider', ['Three congregations']],
  ['High turnover of front-desk staff', []],
  ['No programs that reflect', ['Somali and Mexican community', 'An oral-history project']],
  ['No link to the community college', ['Three congregations']],
];

describe('the example partnership (8 partners, 65 findings)', () => {
  const a = analyseExample();

  it('reads every finding without a problem', () => {
    expect(a.problems).toEqual([]);
    expect(a.findings).toHaveLength(65);
    expect(a.partners).toHaveLength(8);
    expect(a.partnersWithoutFindings).toEqual([]);
  });

  it('pairs each need with exactly the other partners’ assets of its category', () => {
    const offers = new Map<string, string[]>();
    for (const m of a.matches) {
      offers.set(m.need.ref, [...(offers.get(m.need.ref) ?? []), m.asset.partner?.name ?? '?']);
    }
    const expected = new Map(
      EXPECTED_OFFERS.map(([need, partners]) => [exampleId(need), partners]),
    );
    expect(Object.fromEntries(offers)).toEqual(Object.fromEntries(expected));
    expect(a.coveredNeeds).toHaveLength(EXPECTED_OFFERS.length);
    expect(a.matches).toHaveLength(EXPECTED_OFFERS.reduce((n, [, p]) => n + p.length, 0));
  });

  it('finds exactly the gaps, with the community assets that could help', () => {
    expect(a.gaps.map((g) => [g.need.ref, g.communityLeads.map((f) => f.ref)])).toEqual(
      EXPECTED_GAPS.map(([need, leads]) => [exampleId(need), leads.map(exampleId)]),
    );
  });

  it('ranks matches by the need’s priority, then the need’s row', () => {
    const rank = { High: 0, Medium: 1, Low: 2 } as Record<string, number>;
    const keys = a.matches.map((m) => [rank[m.need.priority ?? ''] ?? 3, m.need.row]);
    const sorted = [...keys].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    expect(keys).toEqual(sorted);
    expect(a.matches[0].need.priority).toBe('High');
    expect(a.matches.at(-1)?.need.priority).toBe('Low');
  });

  it('counts assets and needs per partner and category, community in its own row', () => {
    const { matrix } = a;
    const at = (label: string, category: string) =>
      matrix.rows.find((r) => r.label === label)?.cells[matrix.categories.indexOf(category)];
    expect(at(YMCA, 'Staffing')).toEqual({ assets: 1, needs: 1 });
    expect(at('Community assessment', 'Culture')).toEqual({ assets: 2, needs: 1 });
    expect(matrix.rows.map((r) => r.label)).toEqual([
      RES,
      LIB,
      CLINIC,
      TUTORS,
      PARENTS,
      FOOD_BANK,
      YMCA,
      BUSINESS,
      'Community assessment',
    ]);
    const culture = matrix.totals[matrix.categories.indexOf('Culture')];
    expect(culture).toEqual({ assets: 2, needs: 2, uncovered: 2 });
    const totalFindings = matrix.rows.reduce((n, r) => n + r.total.assets + r.total.needs, 0);
    expect(totalFindings).toBe(65);
  });
});

const partner = (name: string): PartnerEntry => ({
  id: '',
  name,
  contact: '',
  email: '',
  phone: '',
  row: 2,
});

let nextRow = 2;
const finding = (over: Partial<Finding>): Finding => {
  const row = nextRow++;
  return {
    ref: `F${row}`,
    id: `F${row}`,
    row,
    source: 'Organisational',
    partner: partner('A'),
    kind: 'Need',
    category: 'Staffing',
    description: `finding ${row}`,
    evidence: '',
    dataSource: '',
    population: '',
    priority: null,
    goal: null,
    ...over,
  };
};

describe('canCover and matchNeeds', () => {
  it('never pairs a partner’s need with its own asset, nor across categories', () => {
    const need = finding({ partner: partner('A') });
    expect(canCover(finding({ kind: 'Asset', partner: partner('A') }), need)).toBe(false);
    expect(canCover(finding({ kind: 'Asset', partner: partner('B') }), need)).toBe(true);
    expect(
      canCover(finding({ kind: 'Asset', partner: partner('B'), category: 'Expertise' }), need),
    ).toBe(false);
  });

  it('lets a community need use any partner’s asset, but no community asset covers a need', () => {
    const communityNeed = finding({ source: 'Community', partner: partner('A') });
    expect(canCover(finding({ kind: 'Asset', partner: partner('A') }), communityNeed)).toBe(true);
    const communityAsset = finding({ kind: 'Asset', source: 'Community', partner: partner('B') });
    expect(canCover(communityAsset, finding({ partner: partner('A') }))).toBe(false);
    const { gaps } = matchNeeds([communityAsset, communityNeed]);
    expect(gaps.map((g) => g.communityLeads)).toEqual([[communityAsset]]);
  });

  it('puts needs without a priority after Low ones', () => {
    const none = finding({});
    const low = finding({ priority: 'Low' });
    const high = finding({ priority: 'High' });
    expect(matchNeeds([none, low, high]).gaps.map((g) => g.need)).toEqual([high, low, none]);
  });
});
