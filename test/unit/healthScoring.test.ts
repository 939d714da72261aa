// The health check's scores are a plain recount of the answers, and no figure shown stands for fewer than 3 people.
import fc from 'fast-check';
import { FACTORS, ORGANISATION_QUESTION, STATEMENTS } from '../../src/domain/health/questions';
import { readResponses } from '../../src/domain/health/responses';
import {
  change,
  type HealthResponse,
  MIN_GROUP,
  scoreFactors,
  shownScores,
  splitByOrganisation,
  weakestFactors,
} from '../../src/domain/health/scoring';

const ORGS = ['Library', 'Clinic', 'Youth Club', 'library ', ''];

const response: fc.Arbitrary<HealthResponse> = fc.record({
  agreement: fc.dictionary(
    fc.constantFrom(...STATEMENTS.map((s) => s.key)),
    fc.integer({ min: 1, max: 5 }),
  ),
  organisation: fc.constantFrom(...ORGS),
  open: fc.constant({}),
});
const responses = fc.array(response, { maxLength: 40 });

/** The recount a person would do with a pencil: every answer to the factor's two statements. */
function recount(rs: readonly HealthResponse[], factor: string) {
  const keys = STATEMENTS.filter((s) => s.factor === factor).map((s) => s.key);
  const all: number[] = [];
  let people = 0;
  for (const r of rs) {
    const mine = keys.map((k) => r.agreement[k]).filter((v): v is number => v !== undefined);
    all.push(...mine);
    if (mine.length) people++;
  }
  const mean = all.length ? all.reduce((a, b) => a + b, 0) / all.length : null;
  return { mean, people, count: all.length };
}

describe('scoreFactors', () => {
  it('gives every factor the mean of its answers and the number of people who answered it', () => {
    fc.assert(
      fc.property(responses, (rs) => {
        for (const s of scoreFactors(rs)) {
          const plain = recount(rs, s.factor);
          expect(s.answers).toBe(plain.people);
          if (plain.mean === null) expect(s.score).toBeNull();
          else expect(s.score).toBeCloseTo(plain.mean, 10);
          if (s.spread !== null) expect(s.spread).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('does not depend on the order responses arrived in', () => {
    fc.assert(
      fc.property(
        responses.chain((rs) =>
          fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length })),
        ),
        ([rs, shuffled]) => {
          const a = scoreFactors(rs);
          const b = scoreFactors(shuffled);
          a.forEach((s, i) => {
            expect(b[i].answers).toBe(s.answers);
            if (s.score === null) expect(b[i].score).toBeNull();
            else expect(b[i].score).toBeCloseTo(s.score, 10);
          });
        },
      ),
    );
  });
});

describe('the anonymity rule', () => {
  it('shows no factor score that fewer than 3 people stand for', () => {
    fc.assert(
      fc.property(responses, (rs) => {
        for (const s of shownScores(rs))
          if (s.score !== null) expect(s.answers).toBeGreaterThanOrEqual(MIN_GROUP);
      }),
    );
  });

  it('splits by organisation only for groups of 3 or more, and never leaves 1 or 2 people to be worked out by subtraction', () => {
    fc.assert(
      fc.property(responses, (rs) => {
        const split = splitByOrganisation(rs);
        const shownPeople = split.shown.reduce((n, g) => n + g.people, 0);
        for (const g of split.shown) {
          expect(g.people).toBeGreaterThanOrEqual(MIN_GROUP);
          const same = rs.filter(
            (r) => r.organisation.trim().toLowerCase() === g.organisation.toLowerCase(),
          );
          expect(same).toHaveLength(g.people);
          for (const s of g.scores)
            if (s.score !== null) expect(s.answers).toBeGreaterThanOrEqual(MIN_GROUP);
        }
        expect(split.notSplit).toBe(rs.length - shownPeople);
        expect(
          split.notSplit === 0 || split.notSplit >= MIN_GROUP || split.shown.length === 0,
        ).toBe(true);
      }),
    );
  });
});

describe('change and the weakest factors', () => {
  it('change is the difference only when both rounds show a score', () => {
    fc.assert(
      fc.property(responses, responses, (before, now) => {
        const b = shownScores(before);
        shownScores(now).forEach((s, i) => {
          const d = change(s, b[i]);
          if (s.score === null || b[i].score === null) expect(d).toBeNull();
          else expect(d).toBeCloseTo(s.score - (b[i].score as number), 10);
        });
      }),
    );
  });

  it('the weakest are the lowest shown scores, at most three, lowest first', () => {
    fc.assert(
      fc.property(responses, (rs) => {
        const shown = shownScores(rs);
        const weak = weakestFactors(shown);
        const scored = shown.filter((s) => s.score !== null);
        expect(weak).toHaveLength(Math.min(3, scored.length));
        for (let i = 1; i < weak.length; i++)
          expect(weak[i].score!).toBeGreaterThanOrEqual(weak[i - 1].score!);
        const worstLeft = scored.filter((s) => !weak.includes(s)).map((s) => s.score as number);
        for (const w of weak)
          for (const other of worstLeft) expect(w.score!).toBeLessThanOrEqual(other);
      }),
    );
  });
});

describe('readResponses', () => {
  it('reads the response tab by its headers, numbers or their text, in any column order', () => {
    fc.assert(
      fc.property(responses, fc.boolean(), fc.boolean(), (rs, asText, reversed) => {
        const titles = ['Timestamp', ...STATEMENTS.map((s) => s.text), ORGANISATION_QUESTION];
        const rows = rs.map((r) => [
          new Date(0),
          ...STATEMENTS.map((s) => {
            const v = r.agreement[s.key];
            return v === undefined ? '' : asText ? String(v) : v;
          }),
          r.organisation,
        ]);
        const flip = <T>(row: T[]) => (reversed ? [...row].reverse() : row);
        const read = readResponses([flip(titles), ...rows.map(flip)]);
        const expected = rs.filter((r) => Object.keys(r.agreement).length || r.organisation.trim());
        expect(read.responses).toHaveLength(expected.length);
        expect(
          FACTORS.map((f) => scoreFactors(read.responses).find((s) => s.factor === f)?.score),
        ).toEqual(FACTORS.map((f) => scoreFactors(expected).find((s) => s.factor === f)?.score));
      }),
    );
  });

  it('a cell that is not a whole number from 1 to 5 is not an answer', () => {
    const header = ['Timestamp', STATEMENTS[0].text];
    const read = readResponses([header, [1, '0'], [1, 6], [1, '3.5'], [1, 'agree'], [1, ' 4 ']]);
    expect(read.responses.map((r) => r.agreement[STATEMENTS[0].key])).toEqual([4]);
  });
});
