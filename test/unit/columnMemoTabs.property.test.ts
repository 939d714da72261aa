// The column memo on the emulated spreadsheet: what happens to other tabs (inserted, deleted, moved, a form's response tab, its answers) or to time never costs a sweep; a change to the tab's own columns always does, and the identities read are always a fresh sweep's.
import fc from 'fast-check';
import { DEFAULT_AMBIGUITIES } from '../../emulator/ambiguities';
import { Workspace } from '../../emulator/workspace';
import type { CacheStore, PropertyStore } from '../../src/adapters/google';
import {
  type ColumnMemoPlace,
  columnKeys,
  headerColumnKeys,
  keptColumnMemo,
} from '../../src/adapters/sheets/columnIdentity';
import { CALENDAR_TAB, PARTNERS_TAB } from '../../src/domain/schema/tabs';
import { ensurePlanTab } from '../harness/planTabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What other people and Google do elsewhere in the spreadsheet: never the Calendar tab's columns. */
type Elsewhere =
  | { kind: 'insertTab'; at: number }
  | { kind: 'deleteTab'; pick: number }
  | { kind: 'moveTab'; pick: number; to: number }
  | { kind: 'form' }
  | { kind: 'answer'; pick: number }
  | { kind: 'partnersColumn'; at: number }
  | { kind: 'calendarRow'; text: string }
  | { kind: 'day' };

/** A change to the Calendar tab's own columns (positions are taken modulo its width). */
type OwnColumns =
  | { kind: 'insertColumn'; at: number }
  | { kind: 'deleteColumn'; at: number }
  | { kind: 'moveColumn'; from: number; by: number }
  | { kind: 'rename'; at: number }
  | { kind: 'cutPaste'; from: number; by: number };

const n = fc.nat({ max: 40 });
const elsewhere: fc.Arbitrary<Elsewhere> = fc.oneof(
  fc.record({ kind: fc.constant('insertTab' as const), at: n }),
  fc.record({ kind: fc.constant('deleteTab' as const), pick: n }),
  fc.record({ kind: fc.constant('moveTab' as const), pick: n, to: n }),
  fc.record({ kind: fc.constant('form' as const) }),
  fc.record({ kind: fc.constant('answer' as const), pick: n }),
  fc.record({ kind: fc.constant('partnersColumn' as const), at: n }),
  fc.record({ kind: fc.constant('calendarRow' as const), text: fc.string({ maxLength: 12 }) }),
  fc.record({ kind: fc.constant('day' as const) }),
);
const own: fc.Arbitrary<OwnColumns> = fc.oneof(
  fc.record({ kind: fc.constant('insertColumn' as const), at: n }),
  fc.record({ kind: fc.constant('deleteColumn' as const), at: n }),
  fc.record({
    kind: fc.constant('moveColumn' as const),
    from: n,
    by: fc.integer({ min: 1, max: 8 }),
  }),
  fc.record({ kind: fc.constant('rename' as const), at: n }),
  fc.record({
    kind: fc.constant('cutPaste' as const),
    from: n,
    by: fc.integer({ min: 1, max: 8 }),
  }),
);
const step = fc.oneof(
  { weight: 3, arbitrary: elsewhere.map((op) => ({ own: false as const, op })) },
  { weight: 1, arbitrary: own.map((op) => ({ own: true as const, op })) },
);

const DAY = 86_400_000;

function plan(cut: 'stays' | 'follows', zone: string) {
  const ws = new Workspace({
    startTime: Date.UTC(2027, 2, 1, 9),
    spreadsheetTimeZone: zone,
    ambiguities: { ...DEFAULT_AMBIGUITIES, cutColumnMetadata: cut },
  });
  const calendar = ensurePlanTab(ws, CALENDAR_TAB);
  ensurePlanTab(ws, PARTNERS_TAB);
  const cache = ws.cache.app.getDocumentCache() as CacheStore;
  const properties = ws.properties.app.getDocumentProperties() as PropertyStore;
  return { ws, calendar, cache, properties, forms: [] as string[], renamed: 0 };
}

type Plan = ReturnType<typeof plan>;

const headersOf = (sheet: Sheet) => sheet.getDataRange().getValues()[0] ?? [];
const sweeps = (ws: Workspace) => ws.runtime.count('SpreadsheetApp.DeveloperMetadataLocation.');

/** Reads the identities through the memo; returns them with whether a sweep was needed. */
function read(p: Plan, place: ColumnMemoPlace) {
  const headers = headersOf(p.calendar);
  const before = sweeps(p.ws);
  const keys = headerColumnKeys(place, p.calendar, headers);
  const swept = sweeps(p.ws) > before;
  return { keys, swept, truth: columnKeys(p.calendar, headers.length) };
}

/** Whether a memo may stand for these columns: every tagged one under a header seen once. */
function trusted(headers: readonly unknown[], keys: readonly (string | null)[]): boolean {
  const texts = headers.map((h) => String(h ?? '').trim());
  return keys.every(
    (k, i) =>
      k === null || (texts[i] !== '' && texts.indexOf(texts[i]) === texts.lastIndexOf(texts[i])),
  );
}

function otherTabs(p: Plan) {
  return p.ws.sheets.spreadsheet.getSheets().filter((s) => s.getName().startsWith('Other '));
}

/** Applies what happens elsewhere; always true (it always applies, or does nothing there). */
function applyElsewhere(p: Plan, op: Elsewhere): true {
  const ss = p.ws.sheets.spreadsheet;
  const tabs = ss.getSheets();
  if (op.kind === 'insertTab') {
    // A name no tab has had: after a deletion the count of tabs names an existing one again.
    let n = tabs.length;
    while (ss.getSheetByName(`Other ${n}`)) n += 1;
    ss.insertSheet(`Other ${n}`, op.at % (tabs.length + 1));
  }
  if (op.kind === 'deleteTab') {
    const others = otherTabs(p);
    if (others.length > 0) p.ws.sheets.userDeleteSheet(others[op.pick % others.length].getName());
  }
  if (op.kind === 'moveTab') {
    // Any tab, the Calendar tab itself included: its place in the tab bar is not its columns.
    p.ws.sheets.userMoveSheet(tabs[op.pick % tabs.length].getName(), op.to % tabs.length);
  }
  if (op.kind === 'form') {
    const app = p.ws.forms.app as {
      create(title: string): {
        addTextItem(): { setTitle(t: string): unknown };
        setDestination(type: string, id: string): unknown;
        getId(): string;
      };
    };
    const form = app.create(`Survey ${p.forms.length + 1}`);
    form.addTextItem().setTitle('What should change?');
    // (S) the destination inserts a "Form Responses N" tab: first or last (formResponseTab).
    form.setDestination('SPREADSHEET', ss.getId());
    p.forms.push(form.getId());
  }
  if (op.kind === 'answer' && p.forms.length > 0)
    p.ws.forms.submit(p.forms[op.pick % p.forms.length], { 'What should change?': 'More time' });
  if (op.kind === 'partnersColumn') {
    const partners = ss.getSheetByName(PARTNERS_TAB.name)!;
    p.ws.sheets.userInsertColumn(PARTNERS_TAB.name, 1 + (op.at % partners.getLastColumn()));
  }
  if (op.kind === 'calendarRow')
    p.ws.sheets.userEdit(CALENDAR_TAB.name, p.calendar.getLastRow() + 1, 2, `Visit ${op.text}`);
  if (op.kind === 'day') p.ws.runtime.advance(DAY);
  return true;
}

/** Applies a change to the Calendar tab's columns; false when the tab is too narrow for it. */
function applyOwn(p: Plan, op: OwnColumns): boolean {
  const width = p.calendar.getLastColumn();
  if (width < 3) return false;
  const name = CALENDAR_TAB.name;
  if (op.kind === 'moveColumn' || op.kind === 'cutPaste') {
    const from = 1 + (op.from % width);
    const to = 1 + ((from - 1 + op.by) % width);
    if (to === from) return false;
    if (op.kind === 'moveColumn') p.ws.sheets.userMoveColumn(name, from, to);
    else p.ws.sheets.userCutPasteColumn(name, from, to);
    return true;
  }
  const at = 1 + (op.at % width);
  if (op.kind === 'insertColumn') p.ws.sheets.userInsertColumn(name, at);
  if (op.kind === 'deleteColumn') p.ws.sheets.userDeleteColumn(name, at);
  if (op.kind === 'rename') p.ws.sheets.userEdit(name, 1, at, `Renamed ${++p.renamed}`);
  return true;
}

describe('the column memo as the spreadsheet changes around a tab', () => {
  it('nothing done elsewhere (tabs inserted, deleted, moved, a form’s response tab and answers, a day passing) costs a sweep; every change to the tab’s own columns does; the identities are always a fresh sweep’s', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'stays' | 'follows'>('stays', 'follows'),
        fc.constantFrom('America/New_York', 'Europe/Paris', 'Asia/Kolkata'),
        fc.array(step, { minLength: 1, maxLength: 25 }),
        (cut, zone, steps) => {
          const p = plan(cut, zone);
          // An action that writes the document anyway keeps the memo in its properties too.
          const place = keptColumnMemo(p.cache, p.properties);
          read(p, place);
          for (const s of steps) {
            const applied = s.own ? applyOwn(p, s.op) : applyElsewhere(p, s.op);
            const { keys, swept, truth } = read(p, place);
            expect(keys).toEqual(truth);
            // A tagged column under a blank or repeated header is never trusted from a memo (two
            // such columns could swap unseen): that tab is swept at each read until it is repaired.
            const expected = !trusted(headersOf(p.calendar), truth);
            if (!s.own) expect({ step: s.op, swept }).toEqual({ step: s.op, swept: expected });
            else if (applied) expect({ step: s.op, swept }).toEqual({ step: s.op, swept: true });
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('an action that may write nothing uses the cache alone: after a day it sweeps and stores nothing in the document', () => {
    const p = plan('stays', 'Europe/Paris');
    const before = JSON.stringify(p.properties.getProperties());
    expect(read(p, p.cache).swept).toBe(true);
    expect(read(p, p.cache).swept).toBe(false);
    p.ws.runtime.advance(DAY);
    const later = read(p, p.cache);
    expect(later.swept).toBe(true);
    expect(later.keys).toEqual(later.truth);
    expect(JSON.stringify(p.properties.getProperties())).toBe(before);
  });

  it('a memo the cache alone held is kept in the document by the next action that keeps memos, once', () => {
    const p = plan('follows', 'Asia/Kolkata');
    read(p, p.cache);
    const place = keptColumnMemo(p.cache, p.properties);
    const writes = () => p.ws.runtime.count(/^PropertiesService\..*\.setProperty$/);
    const first = writes();
    expect(read(p, place).swept).toBe(false);
    const afterFirst = writes();
    expect(afterFirst).toBeGreaterThan(first);
    expect(read(p, place).swept).toBe(false);
    expect(writes()).toBe(afterFirst);
    p.ws.runtime.advance(DAY);
    const later = read(p, place);
    expect(later.swept).toBe(false);
    expect(later.keys).toEqual(later.truth);
  });
});
