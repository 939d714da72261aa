// Partners sort, insert and delete rows of every plan tab while a repair runs, at any call of it (issue 25 item 3).
import type { Addon } from '../../emulator/addon';
import type { Workspace } from '../../emulator/workspace';
import type { TabDef } from '../../src/domain/schema/columns';
import {
  ASSESSMENTS_TAB,
  CALENDAR_TAB,
  GOALS_TAB,
  OUTCOMES_TAB,
  PARTNERS_TAB,
  PROGRESS_TAB,
} from '../../src/domain/schema/tabs';
import { loadExamplePlan } from '../harness/logicFixture';
import { readKeyedRows } from '../harness/planFixture';
import { setUp } from '../harness/workbook';

/** Each raced tab with the column that tells its rows apart (what a partner would read a row by). */
const RACED: ReadonlyArray<{ tab: TabDef; label: string }> = [
  { tab: GOALS_TAB, label: 'goal' },
  { tab: OUTCOMES_TAB, label: 'outcome' },
  { tab: PARTNERS_TAB, label: 'organisation' },
  { tab: ASSESSMENTS_TAB, label: 'description' },
  { tab: PROGRESS_TAB, label: 'value' },
];

const ID_TABS = RACED.filter(({ tab }) => tab.idPrefix);

/** The links every tab makes to goals and outcomes, by the ID they name. */
const LINKS: ReadonlyArray<{ tab: TabDef; key: string; to: TabDef; label: string }> = [
  { tab: OUTCOMES_TAB, key: 'goal', to: GOALS_TAB, label: 'goal' },
  { tab: ASSESSMENTS_TAB, key: 'goal', to: GOALS_TAB, label: 'goal' },
  { tab: CALENDAR_TAB, key: 'goal', to: GOALS_TAB, label: 'goal' },
  { tab: CALENDAR_TAB, key: 'outcome', to: OUTCOMES_TAB, label: 'outcome' },
  { tab: PROGRESS_TAB, key: 'outcome', to: OUTCOMES_TAB, label: 'outcome' },
];

type Edit = 'sort' | 'insert' | 'delete';

function columnOfKey(ws: Workspace, tab: TabDef, key: string): number {
  const header = tab.columns.find((c) => c.key === key)?.header ?? key;
  return ws.sheets.table(tab.name)[0].indexOf(header) + 1;
}

function partnerEdit(ws: Workspace, tab: TabDef, label: string, edit: Edit): void {
  const done =
    edit === 'sort'
      ? ws.sheets.userSortRows(tab.name, columnOfKey(ws, tab, label), false)
      : edit === 'insert'
        ? ws.sheets.userInsertRows(tab.name, 2, 2)
        : ws.sheets.userDeleteRows(tab.name, 3);
  expect(done).toEqual({ ok: true });
}

/** A set-up plan where every ID tab has rows waiting for an ID: two typed by hand and a copy. */
function planWithWork(): { ws: Workspace; addon: Addon } {
  const loaded = loadExamplePlan();
  setUp(loaded.addon, { partners: [] });
  for (const { tab, label } of ID_TABS) {
    const column = columnOfKey(loaded.ws, tab, label);
    const last = readKeyedRows(loaded.ws, tab).filter((r) => r[label] !== '').length + 1;
    loaded.ws.sheets.userEdit(tab.name, last + 1, column, `New ${tab.name} one`);
    loaded.ws.sheets.userEdit(tab.name, last + 2, column, `New ${tab.name} two`);
    loaded.ws.sheets.userCopyRow(tab.name, 2, last + 3);
    loaded.ws.sheets.userEdit(tab.name, last + 3, column, `Copied ${tab.name}`);
  }
  return loaded;
}

/** Each ID's row label, per tab (rows with a label only; an ID a copy shares with its original is left out). */
function idLabels(ws: Workspace): Map<string, Map<string, string>> {
  return new Map(
    ID_TABS.map(({ tab, label }) => {
      const rows = readKeyedRows(ws, tab).filter((r) => r[label] !== '' && r.id !== '');
      const once = rows.filter((r) => rows.filter((o) => o.id === r.id).length === 1);
      return [tab.key, new Map(once.map((r) => [String(r.id), String(r[label])]))];
    }),
  );
}

/** Each ID's row label, the first row carrying it (a copy sits below its original here). */
function firstLabels(ws: Workspace, tab: TabDef, label: string): Map<string, string> {
  const labels = new Map<string, string>();
  for (const r of readKeyedRows(ws, tab))
    if (r[label] !== '' && r.id !== '' && !labels.has(String(r.id)))
      labels.set(String(r.id), String(r[label]));
  return labels;
}

/** What each link points at: the label of the row holding the linked ID, by the linking row's own label. */
function linkTargets(ws: Workspace): string[] {
  const labels = new Map(ID_TABS.map(({ tab, label }) => [tab.key, firstLabels(ws, tab, label)]));
  const own: Record<string, string> = {
    outcomes: 'outcome',
    assessments: 'description',
    calendar: 'title',
    progress: 'value',
  };
  return LINKS.flatMap(({ tab, key, to }) =>
    readKeyedRows(ws, tab)
      .filter((r) => /^[GO]\d+/.test(String(r[key])))
      .map((r) => {
        const id = String(r[key]).split(' ')[0];
        return `${tab.name} “${String(r[own[tab.key]])}” ${key} → ${labels.get(to.key)?.get(id) ?? '(gone)'}`;
      }),
  );
}

function repair(addon: Addon): void {
  addon.runFromSidebar('repairPlan');
}

/**
 * Where the races start: just before each cell write of the repair (the window between a read and
 * the write that follows it, where a moved row would take another row's ID), and calls spread over
 * the rest of it (every tab's reads, formats and dropdowns).
 */
const AT_CALLS = (() => {
  const { ws, addon } = planWithWork();
  ws.runtime.resetCounts();
  ws.runtime.trace = true;
  repair(addon);
  ws.runtime.trace = false;
  const calls = ws.runtime.log.map((c) => c.method);
  // Block writes: the ID column and added rows (single cells are headers and the profile block).
  const writes = calls.flatMap((m, i) => (/\.setValues$/.test(m) ? [i + 1] : []));
  const spread = Array.from({ length: 3 }, (_, i) => 1 + Math.floor((i * (calls.length - 1)) / 2));
  return [...new Set([...writes, ...spread])].sort((a, b) => a - b);
})();

it('races at each block write of the repair and across it', () => {
  expect(AT_CALLS.length).toBeGreaterThan(3);
});

describe.each(RACED.map((r) => [r.tab.name, r] as const))(
  'a partner edits %s while a repair runs',
  (_name, { tab, label }) => {
    it.each(['sort', 'insert', 'delete'] as const)(
      'a %s at any call: the repair finishes, no ID moves to another row, every link points where it did',
      (edit) => {
        for (const atCall of AT_CALLS) {
          const { ws, addon } = planWithWork();
          const before = idLabels(ws);
          let fired = false;
          const disarm = ws.runtime.interleaveAt(atCall, () => {
            fired = true;
            partnerEdit(ws, tab, label, edit);
          });
          const linksBefore = new Set(linkTargets(ws));
          try {
            expect(() => repair(addon)).not.toThrow();
          } finally {
            disarm();
          }
          expect({ atCall, fired }).toEqual({ atCall, fired: true });
          // A second repair, with nobody editing, finishes what the first left to it.
          repair(addon);
          const after = idLabels(ws);
          for (const { tab: idTab, label: idLabel } of ID_TABS) {
            const rows = readKeyedRows(ws, idTab).filter((r) => r[idLabel] !== '');
            const ids = rows.map((r) => String(r.id));
            expect({ atCall, tab: idTab.name, ids: new Set(ids).size }).toEqual({
              atCall,
              tab: idTab.name,
              ids: rows.length,
            });
            expect(ids.every((id) => id.startsWith(idTab.idPrefix ?? '?'))).toBe(true);
            // An ID a row had before the repair is on that same row after it (or gone with it).
            for (const [id, text] of after.get(idTab.key) ?? []) {
              const had = before.get(idTab.key)?.get(id);
              if (had !== undefined)
                expect({ atCall, id, text }).toEqual({ atCall, id, text: had });
            }
          }
          // Links point at the row they pointed at (a deleted row's links point nowhere).
          for (const link of linkTargets(ws)) {
            if (link.endsWith('(gone)')) continue;
            expect({ atCall, link, kept: linksBefore.has(link) }).toEqual({
              atCall,
              link,
              kept: true,
            });
          }
        }
      },
    );
  },
);
