// The asset map's indexed lookups give the same answers as plain scans, on random messy plans of varied sizes.
import { analyseAssessments } from '../../src/domain/assets/analysis';
import { findGapActivity, gapActivityTitle } from '../../src/domain/assets/gapActivity';
import { assetMapLayout } from '../../src/domain/assets/layout';
import {
  COMMUNITY_LEADS_SHOWN,
  canCover,
  leadLabels,
  matchLines,
  matchNeeds,
  OFFERS_SHOWN_PER_NEED,
} from '../../src/domain/assets/matching';
import type { Finding } from '../../src/domain/assets/model';
import { closestName } from '../../src/domain/assets/suggest';
import { asText, referenceId } from '../../src/domain/table/cells';
import { normalise } from '../../src/domain/table/locate';
import type { RawTab, TableRecord } from '../../src/domain/table/records';
import { intlZoneOracle } from '../harness/intlZoneOracle';

/** A small seeded generator (mulberry32), so a failure names the seed that reproduces it. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  return { next, int, pick };
}
type Random = ReturnType<typeof random>;

/** The way partners retype a name: other case, extra spaces, a curly apostrophe. */
function retype(r: Random, text: string): string {
  return r.pick([
    text,
    text.toUpperCase(),
    text.toLowerCase(),
    ` ${text.replace(/ /g, '  ')} `,
    text.replace(/'/g, '’'),
  ]);
}

const NAMES = [
  'Riverside YMCA',
  'Public Library',
  "Parents' Association",
  'P2',
  'Food Bank',
  'Clinic',
];
const CATEGORIES = ['Staffing', 'Physical space', 'Culture', 'Transport', 'Funding'];
const DESCRIPTIONS = ['Quiet rooms', 'Bus passes', 'Interpreters', 'Evening staff', 'Grants'];

function records(rows: Array<Record<string, unknown>>, blanksEvery = 0): TableRecord[] {
  let row = 1;
  return rows.map((cells, i) => {
    row += blanksEvery && i % blanksEvery === blanksEvery - 1 ? 2 : 1;
    return { row, cells };
  });
}

function randomPlan(r: Random, size: number) {
  const partnerCount = 1 + r.int(Math.max(2, size / 3));
  const partners = records(
    Array.from({ length: partnerCount }, (_, i) => ({
      id: r.next() < 0.8 ? `P${r.int(partnerCount + 2) + 1}` : '',
      organisation: r.next() < 0.9 ? retype(r, `${r.pick(NAMES)}${i % 3 ? ` ${i % 7}` : ''}`) : '',
      contact: r.next() < 0.5 ? `Contact ${i}` : '',
      email: '',
      phone: '',
    })),
  );
  const categories =
    r.next() < 0.2
      ? null
      : records(CATEGORIES.filter(() => r.next() < 0.8).map((c) => ({ category: retype(r, c) })));
  const goals = records(
    Array.from({ length: r.int(6) }, (_, i) => ({
      id: `G${r.int(5) + 1}`,
      goal: `Goal ${i % 3}`,
    })),
  );
  const partnerTexts = () =>
    r.pick([
      '',
      retype(r, asText(r.pick(partners).cells.organisation)),
      asText(r.pick(partners).cells.id),
      'Unknown partner',
      'riversde ymca',
    ]);
  const findingRows = Array.from({ length: size }, () => ({
    id: r.next() < 0.7 ? `F${r.int(size + 3) + 1}` : '',
    source: r.pick(['Organisational', 'Community', '', 'organisational', 'Other']),
    partner: partnerTexts(),
    kind: r.pick(['Asset', 'Need', 'need', 'Strength', '']),
    category: r.next() < 0.9 ? retype(r, r.pick(CATEGORIES)) : 'Staffng',
    description: r.next() < 0.95 ? `${r.pick(DESCRIPTIONS)} ${r.int(size)}` : '',
    priority: r.pick(['High', 'Medium', 'Low', '', 'Urgent']),
    goal: r.pick(['', 'G1', 'g2 · anything', 'Goal 1', 'G9', 'Nothing']),
    evidence: '',
    dataSource: '',
    population: '',
  }));
  const assessments = records(findingRows, r.int(4) === 0 ? 7 : 0);
  const raw: RawTab = {
    sheetName: 'Assessments',
    headerRow: 1,
    headers: [],
    metadataKeys: [],
    rows: [],
  };
  return {
    partners,
    categories,
    goals,
    assessments: { raw, records: assessments },
    dates: { sheetZone: 'Europe/Berlin', oracle: intlZoneOracle, locale: 'de_DE' },
  };
}

/** Calendar rows that mention needs as the add-on and as partners do, near misses included. */
function randomCalendar(r: Random, needs: readonly Finding[], size: number): TableRecord[] {
  const ref = () => (needs.length > 0 ? r.pick(needs).ref : 'F1');
  return records(
    Array.from({ length: size }, () => {
      const mention = r.pick([
        () => `Added from the Asset Map for need ${ref()}: no partner listed an asset.`,
        () => `see need ${ref().toLowerCase()}.`,
        () => `NEED ${ref()}2 and need ${ref()}`,
        () => `needs ${ref()}`,
        () => `need ${ref()}_x`,
        () => '',
        () => 'Planning meeting',
      ])();
      const title = needs.length > 0 && r.next() < 0.5 ? gapActivityTitle(r.pick(needs)) : 'Other';
      return {
        id: r.next() < 0.8 ? `A${r.int(size + 1)}` : '',
        notes: mention,
        title: retype(r, title),
        type: r.pick(['Capacity building', 'capacity  building', 'Meeting']),
        status: r.pick(['Draft', 'Planned', '']),
      };
    }),
  );
}

/** The plain scans the indexes replaced. */
const reference = {
  partner: (text: string, partners: readonly { name: string; id: string }[]) => {
    const key = normalise(text);
    return partners.find((p) => normalise(p.name) === key || (p.id && normalise(p.id) === key));
  },
  offers: (need: Finding, findings: readonly Finding[]) =>
    findings
      .filter((asset) => canCover(asset, need))
      .sort(
        (a, b) => (a.partner?.name ?? '').localeCompare(b.partner?.name ?? '') || a.row - b.row,
      ),
};

const SIZES = [0, 1, 3, 10, 40, 150, 400];
const cases = SIZES.flatMap((size) => [1, 2, 3, 4, 5].map((k) => ({ size, seed: size * 31 + k })));

describe.each(cases)('a random plan of $size findings (seed $seed)', ({ size, seed }) => {
  const r = random(seed);
  const plan = randomPlan(r, size);
  const first = analyseAssessments({ ...plan, calendar: [] });
  const needs = first.findings.filter((f) => f.kind === 'Need');
  const calendar = randomCalendar(r, needs, Math.max(1, size));
  const a = analyseAssessments({ ...plan, calendar });
  const rowsOf = new Map(plan.assessments.records.map((rec) => [rec.row, rec.cells]));

  it('finds each finding’s partner, category and goal as a scan of the lists would', () => {
    for (const f of a.findings) {
      const cells = rowsOf.get(f.row) ?? {};
      const text = asText(cells.partner);
      expect(f.partner).toBe(text === '' ? null : (reference.partner(text, a.partners) ?? null));
      const category = a.categories.find((c) => normalise(c.name) === normalise(cells.category));
      expect(f.category).toBe(category?.name);
      const id = referenceId(cells.goal, 'G');
      const goal = id
        ? a.context.goals.find((g) => g.id === id)
        : a.context.goals.find((g) => normalise(g.label) === normalise(cells.goal));
      if (asText(cells.goal) !== '') expect(f.goal).toBe(goal ?? null);
    }
  });

  it('pairs every need with the same offers as a scan of all assets, listing the first few', () => {
    const byNeed = new Map<Finding, Finding[]>();
    for (const m of a.matches) byNeed.set(m.need, [...(byNeed.get(m.need) ?? []), m.asset]);
    let total = 0;
    for (const need of needs.length ? a.findings.filter((f) => f.kind === 'Need') : []) {
      const offers = reference.offers(need, a.findings);
      total += offers.length;
      expect(byNeed.get(need) ?? []).toEqual(offers.slice(0, OFFERS_SHOWN_PER_NEED));
      expect(a.offerCount.get(need)).toBe(offers.length || undefined);
      const gap = a.gaps.find((g) => g.need === need);
      expect(gap !== undefined).toBe(offers.length === 0);
      if (gap) {
        const leads = a.findings.filter(
          (f) => f.kind === 'Asset' && f.source === 'Community' && f.category === need.category,
        );
        expect(gap.communityLeads).toEqual(leads.slice(0, COMMUNITY_LEADS_SHOWN));
        expect(gap.communityLeadCount).toBe(leads.length);
      }
    }
    expect(a.matchCount).toBe(total);
    expect(a.coveredNeeds).toEqual(
      matchNeeds(a.findings).coveredNeeds.filter((n) => (a.offerCount.get(n) ?? 0) > 0),
    );
  });

  it('counts the matrix as a scan of partners per finding would', () => {
    for (const row of a.matrix.rows) {
      const mine = a.findings.filter((f) =>
        row.partner === null
          ? f.source === 'Community'
          : f.source !== 'Community' &&
            a.partners.find((p) => p.name === f.partner?.name) === row.partner,
      );
      const count = (kind: string) =>
        mine.filter((f) => f.kind === kind && a.matrix.categories.includes(f.category)).length;
      expect(row.total).toEqual({ assets: count('Asset'), needs: count('Need') });
    }
  });

  it('finds each gap’s Calendar draft as the one-need search does', () => {
    for (const gap of a.gaps)
      expect(a.planned.get(gap.need.ref) ?? null).toEqual(findGapActivity(gap.need, calendar));
  });

  it('suggests the same name for a mistyped partner whether or not it was asked before', () => {
    for (const typed of ['riversde ymca', 'Libary', 'P 2', 'zzz'])
      expect(closestName(typed, a.partners)).toBe(closestName(typed, [...a.partners]));
  });
});

describe('the matches table of a plan where needs have many offers', () => {
  const r = random(11);
  const a = analyseAssessments({ ...randomPlan(r, 400), calendar: [] });
  const values = assetMapLayout(a, 'now').values;

  it('lists each need’s first offers, then one line with how many more there are', () => {
    const crowded = a.coveredNeeds.filter(
      (n) => (a.offerCount.get(n) ?? 0) > OFFERS_SHOWN_PER_NEED,
    );
    expect(crowded.length).toBeGreaterThan(0);
    const lines = matchLines(a);
    for (const need of a.coveredNeeds) {
      const total = a.offerCount.get(need) ?? 0;
      const mine = lines.filter((l) => (l.kind === 'offer' ? l.match.need : l.need) === need);
      expect(mine.filter((l) => l.kind === 'offer')).toHaveLength(
        Math.min(total, OFFERS_SHOWN_PER_NEED),
      );
      expect(mine.filter((l) => l.kind === 'more').map((l) => l.kind === 'more' && l.more)).toEqual(
        total > OFFERS_SHOWN_PER_NEED ? [total - OFFERS_SHOWN_PER_NEED] : [],
      );
    }
    const more = values.filter((row) => /^And \d+ more assets?$/.test(String(row[4])));
    expect(more).toHaveLength(crowded.length);
    expect(String(more[0][7])).toMatch(/more assets? in .* could also help/);
    expect(values.some((row) => String(row[0]).includes(`(${a.matchCount})`))).toBe(true);
  });

  it('lists a gap’s first community leads and counts the rest', () => {
    const plan = randomPlan(random(5), 400);
    const findings = plan.assessments.records.map((rec) => ({
      ...rec,
      cells: { ...rec.cells, kind: rec.row % 3 ? 'Asset' : 'Need', source: 'Community' },
    }));
    const b = analyseAssessments({
      ...plan,
      assessments: { ...plan.assessments, records: findings },
      calendar: [],
    });
    expect(b.gaps.length).toBeGreaterThan(0);
    for (const gap of b.gaps) {
      const labels = leadLabels(gap, (f) => f.ref);
      const more = gap.communityLeadCount - COMMUNITY_LEADS_SHOWN;
      expect(labels).toHaveLength(Math.min(gap.communityLeadCount, COMMUNITY_LEADS_SHOWN + 1));
      if (more > 0)
        expect(labels.at(-1)).toBe(
          `And ${more} more community asset${more === 1 ? '' : 's'} in ${gap.need.category}`,
        );
    }
    expect(b.gaps.some((g) => g.communityLeadCount > COMMUNITY_LEADS_SHOWN)).toBe(true);
  });
});

describe('the planned activities of many needs', () => {
  it('are found for needs whose refs differ in length and prefix (F1, F12, row 3)', () => {
    const r = random(7);
    const plan = randomPlan(r, 300);
    const a = analyseAssessments({ ...plan, calendar: [] });
    const needs = a.findings.filter((f) => f.kind === 'Need');
    const calendar = randomCalendar(r, needs, 600);
    const found = analyseAssessments({ ...plan, calendar }).planned;
    const expected = new Map(
      a.gaps.flatMap((g) => {
        const hit = findGapActivity(g.need, calendar);
        return hit ? [[g.need.ref, hit] as const] : [];
      }),
    );
    expect(expected.size).toBeGreaterThan(3);
    expect(found).toEqual(expected);
  });
});
