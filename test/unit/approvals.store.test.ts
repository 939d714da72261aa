// The approval book: waiting addresses keep when they were first seen, and the store splits it under the 9 KB per value.
import fc from 'fast-check';
import { loadApprovals, saveApprovals } from '../../src/adapters/approvals';
import type { PropertyStore } from '../../src/adapters/google';
import { PROPERTY_VALUE_BYTES, utf8Bytes } from '../../src/adapters/settings';
import {
  type ApprovalBook,
  approve,
  emptyBook,
  isApproved,
  noteWaiting,
  unapprove,
} from '../../src/domain/people/approvals';

/** A property store that refuses what Google refuses: a value over 9 KB. */
function memoryStore(): PropertyStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  const set = (k: string, v: string) => {
    if (utf8Bytes(v) > PROPERTY_VALUE_BYTES) throw new Error(`${k}: value too large`);
    data.set(k, v);
  };
  return {
    data,
    getProperty: (k) => data.get(k) ?? null,
    setProperty(k, v) {
      set(k, v);
      return this as never;
    },
    getProperties: () => Object.fromEntries(data),
    setProperties(values) {
      for (const [k, v] of Object.entries(values)) set(k, String(v));
      return this as never;
    },
    deleteProperty(k) {
      data.delete(k);
      return this as never;
    },
  };
}

const source = (row: number) => ({ tab: 'calendar', row, activityId: `A${row}` });

describe('the approval book', () => {
  it('keeps when an address was first seen, replaces its places, and drops addresses no longer typed', () => {
    const first = noteWaiting(emptyBook(), [{ email: 'A@x.example', source: source(2) }], 1000);
    expect(first.changed).toBe(true);
    const again = noteWaiting(
      first.book,
      [
        { email: 'a@x.example ', source: source(5) },
        { email: 'b@y.example', source: source(6) },
      ],
      2000,
    );
    expect(again.book.waiting).toEqual({
      'a@x.example': { sources: [source(5)], firstSeen: 1000 },
      'b@y.example': { sources: [source(6)], firstSeen: 2000 },
    });
    const quiet = noteWaiting(again.book, [{ email: 'b@y.example', source: source(6) }], 3000);
    expect(Object.keys(quiet.book.waiting)).toEqual(['b@y.example']);
    expect(
      noteWaiting(quiet.book, [{ email: 'b@y.example', source: source(6) }], 4000).changed,
    ).toBe(false);
  });

  it('approving takes an address off the waiting list and keeps who approved first; un-approving removes it', () => {
    const waiting = noteWaiting(emptyBook(), [{ email: 'a@x.example', source: source(2) }], 1).book;
    const once = approve(waiting, ['A@X.example'], 'coord@example.org', 10);
    const twice = approve(once, ['a@x.example'], 'someone@example.org', 20);
    expect(twice.approved['a@x.example']).toEqual({ by: 'coord@example.org', at: 10 });
    expect(twice.waiting).toEqual({});
    expect(isApproved(twice, ' a@x.EXAMPLE ')).toBe(true);
    expect(isApproved(unapprove(twice, ['a@x.example']), 'a@x.example')).toBe(false);
    // Typed again after approval, it does not wait.
    expect(
      noteWaiting(twice, [{ email: 'a@x.example', source: source(3) }], 30).book.waiting,
    ).toEqual({});
    expect(isApproved(emptyBook(), 'constructor')).toBe(false);
  });
});

describe('the approval store', () => {
  const email = fc
    .tuple(
      fc.stringMatching(/^[a-z0-9._+-]{1,20}$/),
      fc.constantFrom('outside.example', 'école.example.fr', 'пример.example', '例え.example'),
    )
    .map(([local, domain]) => `${local}@${domain}`);

  it('round-trips any book through parts each under 9 KB, and deletes parts a smaller book no longer needs', () => {
    fc.assert(
      fc.property(fc.uniqueArray(email, { maxLength: 600 }), fc.nat(600), (emails, keep) => {
        const store = memoryStore();
        let book: ApprovalBook = approve(emptyBook(), emails, 'coord@example.org', 5);
        book = noteWaiting(
          book,
          emails.map((e, i) => ({ email: `w${i}.${e}`, source: source(i + 2) })),
          7,
        ).book;
        book = { ...book, shared: emails.slice(0, 50).map((e) => ({ calendar: 'c1', email: e })) };
        saveApprovals(store, book);
        expect(loadApprovals(store)).toEqual(book);
        const smaller = approve(emptyBook(), emails.slice(0, keep), 'coord@example.org', 9);
        saveApprovals(store, smaller);
        expect(loadApprovals(store)).toEqual(smaller);
        const parts = [...store.data.keys()].filter((k) =>
          k.startsWith('sharedWorkPlan.approvals'),
        );
        const text = JSON.stringify(smaller);
        expect(parts.length).toBe(Math.max(1, Math.ceil(text.length / 3000)));
      }),
      { numRuns: 25, seed: 10 },
    );
  });

  it('reads a damaged value as nobody approved: sharing and guests wait rather than guess', () => {
    const store = memoryStore();
    store.setProperty('sharedWorkPlan.approvals', '{"approved":');
    expect(loadApprovals(store)).toEqual(emptyBook());
  });
});
