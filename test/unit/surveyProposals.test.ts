// Any set of community survey answers becomes proposals: each answer at most once, never one decided before, names only when asked for, words as typed.
import fc from 'fast-check';
import {
  populationOf,
  readSurveyAnswers,
  type SurveyDecision,
  type SurveyResponse,
} from '../../src/domain/survey/proposals';
import {
  CATEGORY_QUESTION,
  COUNT_QUESTION,
  DESCRIPTION_QUESTION,
  EMAIL_QUESTION,
  EVIDENCE_QUESTION,
  GROUP_QUESTION,
  GROUPS,
  KIND_ASSET,
  KIND_NEED,
  KIND_QUESTION,
  MODE_QUESTION,
  MODE_SELF,
  MODE_SURVEYOR,
  NAME_QUESTION,
} from '../../src/domain/survey/questions';

const SURVEYS = ['Survey 1', 'Survey 2'];
/** Text as people type it: words, digits, dates, formulas, blanks and bare punctuation. */
const typed = fc.oneof(
  fc.constantFrom(
    '',
    '   ',
    '...',
    '?!',
    '007',
    '3/4',
    '=1+1',
    'Too few buses',
    ' tutors ',
    'Ça va',
  ),
  fc.string({ maxLength: 30 }),
);
/** Names and emails carry a marker no other answer has, so any copy of them can be seen. */
const marked = (tag: string) => fc.string({ maxLength: 10 }).map((s) => `${tag}${s}`);

const answers = fc.record(
  {
    [MODE_QUESTION]: fc.constantFrom(MODE_SELF, MODE_SURVEYOR, '', 'something else'),
    [GROUP_QUESTION]: fc.constantFrom(...GROUPS, ''),
    [COUNT_QUESTION]: fc.oneof(fc.nat(5000).map(String), typed),
    [KIND_QUESTION]: fc.constantFrom(KIND_ASSET, KIND_NEED, '', 'Both'),
    [CATEGORY_QUESTION]: fc.constantFrom('Physical space', 'Culture', '', ' Institutions '),
    [DESCRIPTION_QUESTION]: typed,
    [EVIDENCE_QUESTION]: typed,
    [NAME_QUESTION]: marked('NAME§'),
    [EMAIL_QUESTION]: marked('MAIL§'),
  },
  { requiredKeys: [] },
);

const response: fc.Arbitrary<SurveyResponse> = fc
  .record({
    survey: fc.constantFrom(...SURVEYS),
    id: fc.integer({ min: 1, max: 30 }),
    atMs: fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }),
    answers,
  })
  .map(({ survey, id, atMs, answers: a }) => ({
    key: `${survey}:response-${id}`,
    survey,
    atMs,
    answers: a as Record<string, string>,
  }));

const decision: fc.Arbitrary<SurveyDecision> = fc.record({
  status: fc.constantFrom('accepted' as const, 'declined' as const),
  atMs: fc.nat(),
});

const world = fc.record({
  responses: fc.array(response, { maxLength: 40 }),
  names: fc.record({ 'Survey 1': fc.boolean(), 'Survey 2': fc.boolean() }),
  decided: fc.dictionary(
    fc
      .integer({ min: 1, max: 30 })
      .chain((n) => fc.constantFrom(...SURVEYS).map((s) => `${s}:response-${n}`)),
    decision,
  ),
});

const surveysOf = (names: Record<string, boolean>) =>
  SURVEYS.map((id) => ({ id, names: names[id] }));

describe('community survey answers as proposals', () => {
  it('proposes each answer at most once, never one accepted or declined, and counts every other answer once', () => {
    fc.assert(
      fc.property(world, ({ responses, names, decided }) => {
        // The same answers read twice (two sidebars, a re-read) change nothing.
        const reading = readSurveyAnswers([...responses, ...responses], surveysOf(names), decided);
        const keys = reading.proposals.map((p) => p.key);
        expect(new Set(keys).size).toBe(keys.length);
        for (const k of keys) expect(k in decided).toBe(false);
        const distinct = new Set(responses.map((r) => r.key));
        const decidedSeen = [...distinct].filter((k) => k in decided);
        expect(reading.accepted + reading.declined).toBe(decidedSeen.length);
        expect(reading.proposals.length + reading.skipped + decidedSeen.length).toBe(distinct.size);
      }),
    );
  });

  it('never copies a name or an email unless that survey asked for them', () => {
    fc.assert(
      fc.property(world, ({ responses, names, decided }) => {
        const reading = readSurveyAnswers(responses, surveysOf(names), decided);
        const asked: Record<string, boolean> = names;
        for (const p of reading.proposals) {
          const text = JSON.stringify({ ...p, respondent: '' });
          expect(text).not.toMatch(/NAME§|MAIL§/);
          if (!asked[p.survey]) expect(p.respondent).toBe('');
          else {
            // The answer proposed is the earliest read under its key.
            const first = responses
              .filter((r) => r.key === p.key)
              .sort((a, b) => a.atMs - b.atMs)[0];
            const given = [first.answers[NAME_QUESTION], first.answers[EMAIL_QUESTION]]
              .map((v) => (v ?? '').trim())
              .filter((v) => v !== '');
            expect(p.respondent).toBe(given.join(' · '));
          }
        }
      }),
    );
  });

  it('keeps the words as typed and proposes an answer only when it holds a finding', () => {
    fc.assert(
      fc.property(fc.array(response, { maxLength: 30 }), (responses) => {
        const reading = readSurveyAnswers(responses, surveysOf({}), {});
        const byKey = new Map<string, SurveyResponse>();
        for (const r of [...responses].sort((a, b) => a.atMs - b.atMs || (a.key < b.key ? -1 : 1)))
          if (!byKey.has(r.key)) byKey.set(r.key, r);
        const holdsFinding = (a: Record<string, string>) =>
          [KIND_ASSET, KIND_NEED].includes((a[KIND_QUESTION] ?? '').trim()) &&
          (a[CATEGORY_QUESTION] ?? '').trim() !== '' &&
          /[\p{L}\p{N}]/u.test(a[DESCRIPTION_QUESTION] ?? '');
        const expected = [...byKey.values()].filter((r) => holdsFinding(r.answers));
        expect(reading.proposals.map((p) => p.key).sort()).toEqual(
          expected.map((r) => r.key).sort(),
        );
        for (const p of reading.proposals) {
          const a = byKey.get(p.key)!.answers;
          expect(p.description).toBe((a[DESCRIPTION_QUESTION] ?? '').trim());
          expect(p.kind).toBe(a[KIND_QUESTION] === KIND_ASSET ? 'Asset' : 'Need');
          expect(p.category).toBe(a[CATEGORY_QUESTION].trim());
        }
        expect(reading.skipped).toBe(byKey.size - expected.length);
        // Oldest first, whatever order the form gave them in.
        const times = reading.proposals.map((p) => p.atMs);
        expect(times).toEqual([...times].sort((x, y) => x - y));
      }),
    );
  });

  it('says who was asked: the group, and a surveyor’s count as a number or as typed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...GROUPS), fc.integer({ min: 2, max: 99999 }), (group, n) => {
        const surveyor = { [MODE_QUESTION]: MODE_SURVEYOR, [GROUP_QUESTION]: group };
        expect(populationOf({ ...surveyor, [COUNT_QUESTION]: ` ${n} ` })).toBe(
          `${group}: ${n} people asked by a surveyor`,
        );
        expect(populationOf({ ...surveyor, [COUNT_QUESTION]: 'about a dozen' })).toBe(
          `${group}: asked by a surveyor (how many: “about a dozen”)`,
        );
        expect(
          populationOf({
            [MODE_QUESTION]: MODE_SELF,
            [GROUP_QUESTION]: group,
            [COUNT_QUESTION]: String(n),
          }),
        ).toBe(group);
      }),
    );
    expect(
      populationOf({
        [MODE_QUESTION]: MODE_SURVEYOR,
        [GROUP_QUESTION]: 'Youth',
        [COUNT_QUESTION]: '1',
      }),
    ).toBe('Youth: 1 person asked by a surveyor');
  });
});
