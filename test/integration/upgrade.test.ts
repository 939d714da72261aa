// Plans made by earlier bundles, built from git history, opened with today's: nothing lost, nothing doubled, no sidebar needed.
import { Addon } from '../../emulator/addon';
import { Workspace } from '../../emulator/workspace';
import type { CalendarSyncState } from '../../src/shared/calendarWire';
import type { SetupSummary } from '../../src/shared/setupWire';
import { EARLIER_RELEASES, type EarlierRelease, oldBundle } from '../harness/oldBundles';
import {
  activity,
  COORDINATOR,
  FOOD_BANK,
  LIBRARY,
  type OldPlanState,
  oldPlan,
  openWithToday,
  typeRows,
} from '../harness/oldPlan';
import { loadAddon } from '../harness/workspace';

const RELEASES: [string, EarlierRelease][] = Object.values(EARLIER_RELEASES).map((r) => [
  `${r.name} (${r.commit.slice(0, 7)}, ${r.why})`,
  r,
]);
const STATES: OldPlanState[] = ['automatic syncs on', 'a pending continuation'];

/** What partners typed and what ties rows to events: every one of these cells must survive. */
const KEPT_HEADERS = [
  'Activity ID',
  'Title',
  'Start date',
  'Start time',
  'End time',
  'Location',
  'Lead partner',
  'Participants',
  'Status',
  'Event ID',
];

function keptCells(ws: Workspace, tab: string, headers: readonly string[]): unknown[][] {
  const [header, ...rows] = ws.sheets.table(tab);
  const at = headers.map((h) => header.indexOf(h));
  return rows.map((r) =>
    at.map((i, n) => {
      const v = i < 0 ? '' : r[i];
      // An Event ID given by a continuation is new; the others must not change.
      return headers[n] === 'Event ID' && v === '' ? '(none yet)' : v;
    }),
  );
}

function planCalendarId(ws: Workspace): string {
  const made = ws.calendar.listCalendars().filter((c) => c.id !== COORDINATOR);
  expect(made).toHaveLength(1);
  return made[0].id;
}

/** Every live event's title, sorted: one per activity, never two. */
function eventTitles(ws: Workspace): string[] {
  return ws.calendar
    .liveEvents(planCalendarId(ws))
    .map((e) => e.title)
    .sort();
}

function calendarWrites(ws: Workspace): Record<string, number> {
  return Object.fromEntries(
    Object.entries(ws.runtime.counts_()).filter(([name]) =>
      /^Calendar(App)?\..*\.(insert|patch|update|delete|remove|create\w*|set\w*|add\w*)$/.test(
        name,
      ),
    ),
  );
}

function planTriggers(ws: Workspace): string[] {
  return ws.script
    .toJSON()
    .map((t) => `${t.owner} ${t.eventType} ${t.handler}`)
    .sort();
}

/** An hour and a minute pass: due clock triggers (old-named or not) fire, nobody opens a sidebar. */
function anHourPasses(ws: Workspace, addon: Addon): string[] {
  ws.runtime.advance(61 * 60_000);
  return addon.runDueTriggers();
}

describe.each(RELEASES)('A plan made by %s', (_name, release) => {
  describe.each(STATES)('left with %s', (state) => {
    let old: ReturnType<typeof oldPlan>;
    let typedBefore: unknown[][];
    let partnersBefore: unknown[][];

    beforeAll(() => {
      old = oldPlan(release, state);
      // The rows partners typed (under one reading of unticked boxes the first version also
      // numbered the empty rows below them; today's repair retires those IDs, as it should).
      typedBefore = keptCells(old.ws, 'Calendar', KEPT_HEADERS).slice(0, old.activities);
      partnersBefore = keptCells(old.ws, 'Partners', ['Organisation', 'Email']);
    });

    it('was built and synced by the old bundle as a coordinator left it', () => {
      const synced = typedBefore.filter(
        (r) => r[KEPT_HEADERS.indexOf('Event ID')] !== '(none yet)',
      );
      expect(synced).toHaveLength(state === 'a pending continuation' ? 9 : 27);
      expect(planTriggers(old.ws).length).toBeGreaterThan(0);
    });

    it("keeps running under today's bundle: triggers renewed without a sidebar, every activity once, nothing lost", () => {
      const { ws, addon } = openWithToday(old.ws);
      const mailBefore = ws.mail.sent.length;
      const ran = anHourPasses(ws, addon);
      // A synced plan needs no calendar write: no event patched to add a tag nobody sees.
      if (state === 'automatic syncs on') expect(calendarWrites(ws)).toEqual({});
      // Whatever clock trigger the old bundle left ran and succeeded (no "function not found").
      expect(ran.length).toBeGreaterThan(0);
      expect(ws.logs.filter((l) => /failed|not found/i.test(l))).toEqual([]);
      // A partner's edit reaches the calendar through the after-edit trigger, whatever its name was.
      typeRows(ws, 'Calendar', [activity(28)], LIBRARY);
      expect(ws.logs.filter((l) => /failed|not found/i.test(l))).toEqual([]);
      anHourPasses(ws, addon);
      // Every trigger now names a function of today's bundle, under its private name.
      const handlers = addon.topLevelFunctions();
      for (const t of ws.script.toJSON()) {
        expect(handlers).toContain(t.handler);
        expect(t.handler.endsWith('_')).toBe(true);
      }
      expect(planTriggers(ws).filter((t) => / ON_EDIT /.test(t))).toHaveLength(1);
      // The settings have their owner (the triggers' creator), and a partner's sidebar shows the
      // automatic syncs as they are, so no editor's first save takes the settings.
      const doc = ws.currentSpreadsheetId;
      const shown = ws.as(LIBRARY, doc, () =>
        addon.runFromSidebar('getCalendarSyncState'),
      ) as CalendarSyncState;
      expect(shown.owner).toBe(COORDINATOR);
      expect(shown.autoSync).toEqual({ afterEdits: true, hourly: state === 'automatic syncs on' });
      // Each activity has exactly one event; nothing was removed.
      const titles = eventTitles(ws);
      expect(titles).toEqual(Array.from({ length: 28 }, (_, i) => activity(i + 1).Title).sort());
      // Partner-typed cells, IDs and existing events' IDs unchanged.
      expect(
        keptCells(ws, 'Calendar', KEPT_HEADERS)
          .slice(0, 27)
          .map((r, i) =>
            r.map((v, n) => (typedBefore[i][n] === '(none yet)' ? typedBefore[i][n] : v)),
          ),
      ).toEqual(typedBefore);
      expect(keptCells(ws, 'Partners', ['Organisation', 'Email']).slice(0, 2)).toEqual(
        partnersBefore.slice(0, 2),
      );
      // Nobody was mailed an invitation; the only mail is the weekly email the coordinator turned
      // on, once to each partner, from the coordinator's account.
      expect(ws.calendar.invitationsSent()).toEqual([]);
      const mailed = ws.mail.sent.slice(mailBefore);
      expect(mailed.every((m) => m.from === COORDINATOR && /week/i.test(m.subject))).toBe(true);
      const to = mailed.flatMap((m) => m.to);
      expect(new Set(to).size).toBe(to.length);
      // The next sync is quiet: no calendar write at all.
      ws.runtime.resetCounts();
      expect(addon.run('syncCalendar')).toMatchObject({ created: 0, updated: 0, deleted: 0 });
      expect(calendarWrites(ws)).toEqual({});
    });
  });
});

describe.each(RELEASES)('Check and repair on a plan made by %s', (_name, release) => {
  it('adds the columns and tabs that came later as new, says what the upgrade changed once, and loses nothing', () => {
    const old = oldPlan(release, 'automatic syncs on');
    const typed = keptCells(old.ws, 'Calendar', KEPT_HEADERS);
    const { ws, addon } = openWithToday(old.ws);
    const doc = ws.currentSpreadsheetId;
    const repair = () =>
      ws.as(COORDINATOR, doc, () => addon.runFromSidebar('repairPlan')) as SetupSummary;
    const summary = repair();
    // Only a column someone deleted is "missing (deleted?)": the new ones are said to be new.
    expect(summary.repaired).toEqual([]);
    const details = [...summary.updated, ...summary.kept].flatMap((t) => t.details).join('\n');
    // Attendance came after the first two (the last one before releases already had it).
    if (release !== EARLIER_RELEASES.beforeRelease)
      expect(details).toMatch(/Added the Attendance column, new in this version/);
    // The goals sidebar's Progress tab exists after the repair it asks for.
    expect(ws.sheets.app.getActiveSpreadsheet().getSheetByName('Progress')).not.toBeNull();
    expect(keptCells(ws, 'Calendar', KEPT_HEADERS)).toEqual(typed);
    // The Sync Log says once what the upgrade changed; a second repair finds the plan current.
    const upgraded = () => ws.sheets.table('Sync Log').filter((r) => r[2] === 'Plan upgraded');
    expect(upgraded()).toHaveLength(1);
    expect(String(upgraded()[0][9])).toMatch(/earlier version of the add-on \(plan format \d\)/);
    expect(repair().repaired).toEqual([]);
    expect(upgraded()).toHaveLength(1);
  });
});

const MUSEUM = 'visits@riverside-museum.example.org';

function approvalBook(ws: Workspace): {
  approved: Record<string, unknown>;
  waiting: Record<string, unknown>;
} {
  const text = ws.properties
    .documentPropertiesOf(ws.currentSpreadsheetId)
    .data.get('sharedWorkPlan.approvals');
  return text ? JSON.parse(text) : { approved: {}, waiting: {} };
}

function readersOf(ws: Workspace): string[] {
  const calendar = ws.calendar.toJSON().calendars.find((c) => c.id === planCalendarId(ws));
  return (calendar?.acl ?? [])
    .filter((r) => r.role === 'reader')
    .map((r) => String(r.scope.value))
    .sort();
}

describe.each(RELEASES)('The people of a plan made by %s', (_name, release) => {
  it('stay approved and shared with, and a partner approved later is shared with too, without a sidebar', () => {
    const old = oldPlan(release, 'automatic syncs on');
    const readersBefore = readersOf(old.ws);
    const { ws, addon } = openWithToday(old.ws);
    anHourPasses(ws, addon);
    // The partners the coordinator entered at set-up were shared with: approved, none waiting.
    expect(Object.keys(approvalBook(ws).approved).sort()).toEqual([FOOD_BANK, LIBRARY].sort());
    expect(approvalBook(ws).waiting).toEqual({});
    expect(readersOf(ws)).toEqual(readersBefore);
    // A partner typed in later waits; once the coordinator approves, the old calendar is shared.
    typeRows(ws, 'Partners', [{ Organisation: 'Riverside Museum', Email: MUSEUM }], LIBRARY);
    anHourPasses(ws, addon);
    expect(Object.keys(approvalBook(ws).waiting)).toEqual([MUSEUM]);
    const doc = ws.currentSpreadsheetId;
    ws.as(COORDINATOR, doc, () => addon.runFromSidebar('approvePeople', [MUSEUM]));
    anHourPasses(ws, addon);
    expect(readersOf(ws)).toEqual([...readersBefore, MUSEUM].sort());
    expect(ws.logs.filter((l) => /failed|not found/i.test(l))).toEqual([]);
  });
});

describe('Every function name an earlier bundle released', () => {
  it.each(RELEASES)('is still a function of today’s bundle: %s', (_name, release) => {
    const today = loadAddon().addon.topLevelFunctions();
    const old = new Addon(new Workspace(), oldBundle(release)).topLevelFunctions();
    // Triggers, menus and sidebars call functions by name: a name that is gone fails for good.
    expect(old.length).toBeGreaterThan(30);
    expect(old.filter((n) => !today.includes(n))).toEqual([]);
  });
});

describe.each(RELEASES)('Activity IDs of a plan made by %s', (_name, release) => {
  it.each(['the first sync', 'Check and repair'])(
    'are never given again, even the one of a row deleted before the upgrade (upgraded by %s)',
    (by) => {
      const old = oldPlan(release, 'automatic syncs on');
      const rows = (w: Workspace) => w.sheets.table('Calendar').slice(1);
      // Every ID the old bundle handed out (under one reading of unticked boxes, empty rows too).
      const used = rows(old.ws).map((r) => String(r[0]));
      // A partner deletes the last activity; the old bundle removes its event and logs its ID.
      old.ws.sheets.userDeleteRows('Calendar', old.activities + 1, 1, { as: LIBRARY });
      expect(old.addon.run('syncCalendar')).toMatchObject({ deleted: 1 });
      const { ws, addon } = openWithToday(old.ws);
      if (by === 'Check and repair')
        ws.as(COORDINATOR, ws.currentSpreadsheetId, () => addon.run('checkAndRepairPlan'));
      // A partner types a new activity: the after-edit sync numbers it.
      typeRows(ws, 'Calendar', [activity(40)], LIBRARY);
      anHourPasses(ws, addon);
      const given = String(rows(ws).find((r) => r[1] === activity(40).Title)?.[0] ?? '');
      expect(given).toMatch(/^A\d+$/);
      expect(used).not.toContain(given);
      const number = (id: string) => Number(id.slice(1));
      expect(number(given)).toBeGreaterThan(Math.max(...used.filter(Boolean).map(number)));
    },
  );
});

describe('An older add-on meeting a newer plan (a sidebar left open, a second installation)', () => {
  it('changes nothing and says so in one sentence, whichever write it tries', () => {
    const old = oldPlan(EARLIER_RELEASES.beforeRelease, 'automatic syncs on');
    const { ws, addon } = openWithToday(old.ws);
    const doc = ws.currentSpreadsheetId;
    // A later version set the plan up: its settings and the spreadsheet carry a newer format.
    ws.as(COORDINATOR, doc, () => addon.runFromSidebar('repairPlan'));
    const store = ws.properties.documentPropertiesOf(doc).data;
    const settings = JSON.parse(store.get('sharedWorkPlan.settings') ?? '{}');
    const newer = settings.schemaVersion + 1;
    store.set('sharedWorkPlan.settings', JSON.stringify({ ...settings, schemaVersion: newer }));
    for (const m of ws.sheets.spreadsheet
      .createDeveloperMetadataFinder()
      .withKey('sharedWorkPlan.schemaVersion')
      .find())
      m.setValue(String(newer));
    const before = JSON.stringify(ws.toJSON());
    const writes: [string, unknown[]][] = [
      ['syncCalendar', []],
      ['setAutoSync', [{ afterEdits: false, hourly: false }]],
      ['approvePeople', [[MUSEUM]]],
      ['setDigestEnabled', [{ enabled: false }]],
      ['setImportMode', ['automatic']],
      ['repairPlan', []],
    ];
    for (const [name, args] of writes) {
      let said = '';
      try {
        ws.as(COORDINATOR, doc, () => addon.runFromSidebar(name, ...args));
      } catch (error) {
        said = (error as Error).message;
      }
      expect([name, said]).toEqual([
        name,
        expect.stringMatching(/newer version of Shared Work Plan/),
      ]);
      // One sentence (and the note that nothing changed).
      expect(said.split(/(?<=[.;])\s+(?=[A-Z])/).length).toBeLessThanOrEqual(3);
    }
    // The automatic syncs of the older copy do nothing either.
    anHourPasses(ws, addon);
    const after = JSON.parse(JSON.stringify(ws.toJSON()));
    const was = JSON.parse(before);
    expect(after.properties).toEqual(was.properties);
    expect(after.triggers.map((t: { handler: string }) => t.handler)).toEqual(
      was.triggers.map((t: { handler: string }) => t.handler),
    );
    expect(after.calendar).toEqual(was.calendar);
  }, 60_000);
});
