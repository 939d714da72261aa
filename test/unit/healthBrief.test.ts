// Partner briefs and the health check: for every split of responses, no brief shows a group under 3 or lets one be worked out.
import fc from 'fast-check';
import { type BriefPlan, briefLayout } from '../../src/domain/brief/compose';
import { partnerHealthLines } from '../../src/domain/health/partnerView';
import { FACTOR_NAMES, FACTORS, STATEMENTS } from '../../src/domain/health/questions';
import type { HealthResponse } from '../../src/domain/health/scoring';

const ORGS = ['Library', 'Clinic', 'Youth Club', 'Food Bank'];

/** Responses whose organisation is one of the partners, another spelling of one, or unsaid. */
const response: fc.Arbitrary<HealthResponse> = fc.record({
  agreement: fc.dictionary(
    fc.constantFrom(...STATEMENTS.map((s) => s.key)),
    fc.integer({ min: 1, max: 5 }),
    { minKeys: 1 },
  ),
  organisation: fc.constantFrom(...ORGS, 'library', ' Clinic ', '', 'Somewhere else'),
  open: fc.constant({}),
});
const responses = fc.array(response, { maxLength: 30 });

const norm = (s: string) => s.trim().toLowerCase();
const fromOrg = (rs: readonly HealthResponse[], org: string) =>
  rs.filter((r) => norm(r.organisation) === norm(org));

/** Which partners a set of briefs shows own figures for (the line naming how many people). */
function revealed(rs: readonly HealthResponse[]) {
  const round = { id: 'R1', responses: rs };
  return ORGS.filter((org) => /^Round R1, \d+ people from/.test(partnerHealthLines(round, org)[0]));
}

describe('the health check in partner briefs', () => {
  it('shows an organisation’s own figures only for 3 or more of its people, and never leaves 1 or 2 to subtract', () => {
    fc.assert(
      fc.property(responses, (rs) => {
        const shown = revealed(rs);
        for (const org of shown) expect(fromOrg(rs, org).length).toBeGreaterThanOrEqual(3);
        // Once any is shown, everyone else taken together (the round's total minus the shown
        // organisations): none, or a group of 3 or more.
        const rest = rs.length - shown.reduce((n, org) => n + fromOrg(rs, org).length, 0);
        if (shown.length) expect(rest === 0 || rest >= 3).toBe(true);
        for (const org of ORGS.filter((o) => !shown.includes(o))) {
          const [line, ...more] = partnerHealthLines({ id: 'R1', responses: rs }, org);
          // One sentence whatever the reason: it tells neither how many answered nor why.
          expect(line).toBe(
            `Round R1: too few answers from ${org} to show its own scores. They appear once at least 3 people from it answer, and only where no one’s answers could be picked out.`,
          );
          expect(more).toEqual([]);
        }
      }),
    );
  });

  it('lists the organisation’s lowest factors by a recount of its own people’s answers', () => {
    fc.assert(
      fc.property(responses, (rs) => {
        for (const org of revealed(rs)) {
          const mine = fromOrg(rs, org);
          const line = partnerHealthLines({ id: 'R1', responses: rs }, org)[0];
          expect(line).toContain(`${mine.length} people from ${org}`);
          const means = FACTORS.flatMap((f) => {
            const keys = STATEMENTS.filter((s) => s.factor === f).map((s) => s.key);
            const people = mine.filter((r) => keys.some((k) => r.agreement[k] !== undefined));
            const all = people.flatMap((r) =>
              keys.map((k) => r.agreement[k]).filter((v): v is number => v !== undefined),
            );
            return people.length >= 3
              ? [{ f, mean: all.reduce((a, b) => a + b, 0) / all.length }]
              : [];
          });
          const lowest = [...means].sort((a, b) => a.mean - b.mean).slice(0, 3);
          for (const { f, mean } of lowest)
            expect(line).toContain(`${FACTOR_NAMES[f]} ${Math.round(mean * 10) / 10}`);
        }
      }),
    );
  });
});

describe('the health section of a brief', () => {
  it('is left out until a round has run', () => {
    const plan: BriefPlan = {
      name: 'Riverside',
      lead: '',
      purpose: 'Readers',
      coordinator: 'Ann',
      coordinatorEmail: 'ann@example.org',
      goals: [],
      partners: [],
      activities: [],
      steps: [],
      findings: [],
    };
    const partner = {
      id: 'P1',
      name: 'Library',
      contact: '',
      email: '',
      phone: '',
      role: '',
      responsibilities: '',
      inKind: '',
      inKindValue: '',
      mouStatus: '',
      agreementEnd: null,
    };
    const text = (p: BriefPlan) =>
      briefLayout(p, partner, '2027-03-20', 'en_GB').values.flat().join(' ');
    expect(text(plan)).not.toMatch(/health check/i);
    expect(text({ ...plan, health: { id: 'R2', responses: [] } })).toMatch(
      /Partnership health check.*Round R2: too few answers from Library/,
    );
  });
});
