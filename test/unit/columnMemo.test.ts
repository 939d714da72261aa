// The column-identity memo is trusted only while the header row and the entry count say nothing moved.
import {
  type ColumnMemo,
  headerDigest,
  memoKeys,
  parseColumnMemo,
} from '../../src/domain/table/columnMemo';

const HEADERS = ['Activity ID', 'Title', 'Type', 'Start date', 'Location', 'Notes', 'My column'];
const KEYS = ['id', 'title', 'type', 'startDate', 'location', 'notes', null];
const memo = (headers = HEADERS, keys = KEYS): ColumnMemo => ({
  count: keys.filter(Boolean).length,
  headers: headerDigest(headers),
  keys,
});

const swap = <T>(list: readonly T[], i: number, j: number) => {
  const copy = [...list];
  [copy[i], copy[j]] = [copy[j], copy[i]];
  return copy;
};

describe('memoKeys', () => {
  it('gives the remembered keys back while the header row and count are the same', () => {
    expect(memoKeys(memo(), HEADERS, 6)).toEqual(KEYS);
    expect(memoKeys(parseColumnMemo(JSON.stringify(memo())), [...HEADERS], 6)).toEqual(KEYS);
  });

  it('refuses after any move, rename, insert or delete of a column, or another entry count', () => {
    const changed: unknown[][] = [];
    for (let i = 0; i < HEADERS.length; i++) {
      for (let j = i + 1; j < HEADERS.length; j++) changed.push(swap(HEADERS, i, j));
      changed.push(HEADERS.map((h, k) => (k === i ? `${h} ` : h)));
      changed.push(HEADERS.filter((_h, k) => k !== i));
      changed.push([...HEADERS.slice(0, i), '', ...HEADERS.slice(i)]);
    }
    for (const headers of changed) expect(memoKeys(memo(), headers, 6)).toBeNull();
    expect(memoKeys(memo(), HEADERS, 5)).toBeNull();
    expect(memoKeys(memo(), HEADERS, 7)).toBeNull();
  });

  it('refuses when an identified column’s header is blank or repeated (a swap would not show)', () => {
    const blank = HEADERS.map((h) => (h === 'Location' || h === 'Notes' ? '' : h));
    expect(memoKeys(memo(blank), blank, 6)).toBeNull();
    const twice = HEADERS.map((h) => (h === 'My column' ? 'Title' : h));
    expect(memoKeys(memo(twice), twice, 6)).toBeNull();
    // A repeated header on columns without identity does not matter.
    const extra = [...HEADERS, 'My column'];
    expect(memoKeys(memo(extra, [...KEYS, null]), extra, 6)).toEqual([...KEYS, null]);
  });

  it('reads only a memo of the expected shape', () => {
    for (const text of [null, '', 'not json', '{"count":"1","headers":"x","keys":[]}', '[]'])
      expect(parseColumnMemo(text)).toBeNull();
    expect(parseColumnMemo('{"count":1,"headers":"x","keys":[1]}')).toBeNull();
  });
});
