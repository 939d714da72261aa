// Plural rules from their one home, and the weekly email's counts read as a partner reads them, over counts 0..n.
import fc from 'fast-check';
import type { DigestItem, PartnerDigest } from '../../src/domain/digest/items';
import { renderDigest } from '../../src/domain/digest/render';
import { counts, listed, plural, word } from '../../src/shared/plural';

const count = fc.nat({ max: 1_000 });
const noun = fc.constantFrom<[string, string]>(
  ['row', 'rows'],
  ['activity', 'activities'],
  ['item due soon', 'items due soon'],
  ['overdue item', 'overdue items'],
  ['change', 'changes'],
);

describe('plural rules', () => {
  it('uses the singular for exactly one and the plural phrase for every other count', () => {
    fc.assert(
      fc.property(count, noun, (n, [one, many]) => {
        expect(plural(n, one, many)).toBe(`${n} ${n === 1 ? one : many}`);
        expect(word(n, one, many)).toBe(n === 1 ? one : many);
        // The noun phrase is never pluralised by gluing an s on its last word ("item dues").
        expect(plural(n, one, many)).not.toMatch(/ dues?s\b|dues\b/);
      }),
    );
  });

  it('lists the counts that are not zero, and says the "none" sentence when all are zero', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(count, noun), { maxLength: 4 }), (parts) => {
        const text = counts(
          parts.map(([n, [one, many]]) => [n, one, many] as const),
          'nothing',
        );
        const nonZero = parts.filter(([n]) => n > 0);
        if (nonZero.length === 0) expect(text).toBe('nothing');
        else {
          expect(text).not.toMatch(/(^|\D)0 /);
          for (const [n, [one, many]] of nonZero) expect(text).toContain(plural(n, one, many));
          // "a, b and c": one "and", before the last.
          expect(text.split(' and ').length).toBe(nonZero.length > 1 ? 2 : 1);
        }
      }),
    );
  });

  it('joins lists as a person writes them', () => {
    expect(listed([])).toBe('');
    expect(listed(['a'])).toBe('a');
    expect(listed(['a', 'b'])).toBe('a and b');
    expect(listed(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

const item = (i: number): DigestItem => ({
  id: `A${i}`,
  key: `A${i}`,
  kind: 'Activity',
  label: `Activity ${i}`,
  date: '2027-03-05',
  end: '2027-03-05',
  status: 'Planned',
  tab: 'Calendar',
  row: i + 2,
});
const items = (n: number) => Array.from({ length: n }, (_, i) => item(i));
const context = {
  planName: 'Riverside Reads',
  coordinator: 'Maya Lopez',
  url: '',
  locale: 'en_US',
};

describe('the weekly email’s sentences', () => {
  it('reads naturally whatever the counts, nothing due included', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 30 }),
        fc.nat({ max: 30 }),
        fc.nat({ max: 30 }),
        fc.boolean(),
        (due, overdue, changed, first) => {
          const digest: PartnerDigest = {
            due: items(due),
            overdue: items(overdue),
            changed: items(changed),
            first,
          };
          const { subject, text } = renderDigest(
            { name: 'Library', contact: 'Ana Ruiz' },
            digest,
            context,
          );
          expect(subject).not.toMatch(/(^|\D)0 |item dues|\(\)/);
          expect(subject.includes('nothing due')).toBe(due === 0 && overdue === 0);
          if (due) expect(subject).toContain(plural(due, 'item due soon', 'items due soon'));
          if (overdue) expect(subject).toContain(plural(overdue, 'overdue item', 'overdue items'));
          // Changes are counted once there is a week to compare with.
          expect(subject.includes('change')).toBe(!first && changed > 0);
          expect(text.startsWith('Hello Ana Ruiz,')).toBe(true);
          expect(text.includes('changed since last week')).toBe(!first && changed === 0);
        },
      ),
    );
  });

  it('greets the contact by name, and the organisation’s team when nobody is named', () => {
    const none: PartnerDigest = { due: [], overdue: [], changed: [], first: false };
    expect(renderDigest({ name: 'Library', contact: ' Ana Ruiz ' }, none, context).text).toMatch(
      /^Hello Ana Ruiz, here is this week in Riverside Reads for Library\./,
    );
    expect(renderDigest({ name: 'Library', contact: '' }, none, context).text).toMatch(
      /^Hello Library team,/,
    );
    expect(renderDigest({ name: 'Library', contact: '' }, none, context).subject).toBe(
      'Riverside Reads: this week for Library (nothing due)',
    );
  });
});
