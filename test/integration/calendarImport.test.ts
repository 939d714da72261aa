// Import (issue 15): events others add to the plan's calendar become proposals, then one row and one event.
import fc from 'fast-check';
import { GoogleJsonResponseException } from '../../emulator/calendar/errors';
import type { SyncReport } from '../../src/domain/calendarSync/report';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import { localeDate } from '../../src/domain/time/localeDate';
import type { ImportResult, ImportState } from '../../src/shared/importWire';
import { intlZoneOracle } from '../harness/intlZoneOracle';
import { sidebarCall } from '../harness/sidebarCall';
import {
  appendRows,
  type Cells,
  calendarRows,
  EXAMPLE_PARTNERS,
  syncFixture,
} from '../harness/syncFixture';
import { underEveryOccurrenceReading } from '../harness/workspace';

/** A day of March 2027 as the fixture's spreadsheet (en_US) writes dates, in cells and sentences. */
const march = (day: number) => localeDate({ year: 2027, month: 3, day }, 'en_US');

const COORDINATOR = 'coordinator@example.org';
const PARTNER = String(EXAMPLE_PARTNERS[1].email);
const sync = (addon: { run(name: string): unknown }) => addon.run('syncCalendar') as SyncReport;
const proposals = (addon: Parameters<typeof sidebarCall>[0]) =>
  sidebarCall(addon, 'getImportProposals') as ImportState;

type Fixture = ReturnType<typeof syncFixture>;

/** Someone (not the add-on) adds "Parents evening" to the plan's calendar. */
function plant(
  f: Fixture,
  over: Partial<Parameters<Fixture['ws']['calendar']['someoneAddsEvent']>[1]> = {},
) {
  return f.ws.calendar.someoneAddsEvent(f.calendarId, {
    creator: 'teacher@riverside-elem.example.org',
    title: 'Parents evening',
    start: new Date('2027-03-10T18:00:00Z'),
    end: new Date('2027-03-10T19:30:00Z'),
    timeZone: 'UTC',
    location: 'School hall',
    description: 'Bring the reading logs.',
    ...over,
  });
}

/** Every live event of the calendar that carries this plan's tag, by activity ID. */
function planEvents(f: Fixture) {
  return f.ws.calendar.liveEvents(f.calendarId).filter((e) => e.tags.swpPlan);
}

const rowsOf = (f: Fixture, eventId: string) =>
  calendarRows(f.ws).filter((r) => r.eventId === eventId);

/** The invariant after any mix of accepts, syncs and faults: one row, one event, tagged with the row's ID. */
function expectOneRowOneEvent(f: Fixture, eventId: string) {
  const rows = rowsOf(f, eventId);
  expect(rows).toHaveLength(1);
  const live = f.ws.calendar.liveEvents(f.calendarId);
  expect(live.filter((e) => e.id === eventId)).toHaveLength(1);
  const event = live.find((e) => e.id === eventId);
  expect(event?.tags.swpActivityId).toBe(rows[0].id);
  expect(live.filter((e) => e.tags.swpActivityId === rows[0].id)).toHaveLength(1);
  return { row: rows[0], event };
}

underEveryOccurrenceReading(() => {
  describe('foreign events become proposals, then one row and one event', () => {
    it('proposes, accepts into a row with the event’s details, and stays one event across syncs', () => {
      const f = syncFixture({ spreadsheetTimeZone: 'Europe/London' });
      appendRows(f.ws, CALENDAR_TAB, [{ title: 'Kick-off', startDate: '2027-03-01' }]);
      sync(f.addon);
      const id = plant(f);
      const first = sync(f.addon);
      expect(first.summary).toContain(
        '1 event in the calendar was not made by the plan: see Proposals in the Calendar sidebar.',
      );
      // A sync between proposal and acceptance changes nothing: still proposed, not imported.
      const second = sync(f.addon);
      expect(second.summary).not.toContain('not made by the plan');
      expect(rowsOf(f, id)).toHaveLength(0);
      const state = proposals(f.addon);
      expect(state.proposals).toEqual([
        {
          eventId: id,
          title: 'Parents evening',
          when: `${march(10)} 18:00 → 19:30 (Europe/London)`,
          by: 'teacher@riverside-elem.example.org',
          repeats: false,
          accepted: false,
        },
      ]);
      const accepted = sidebarCall(f.addon, 'acceptImports', [id]) as ImportResult;
      const { row, event } = expectOneRowOneEvent(f, id);
      expect(accepted.message).toBe(`Imported “Parents evening” as row ${row.row} (${row.id}).`);
      expect(accepted.state.proposals).toEqual([]);
      expect(row).toMatchObject({
        title: 'Parents evening',
        location: 'School hall',
        notes: 'Bring the reading logs.',
        status: 'Planned',
      });
      // Accepting again, and syncing again and again: one row, one event, nothing more to write.
      const again = sidebarCall(f.addon, 'acceptImports', [id]) as ImportResult;
      expect(again.message).toBe('1 event was already in the plan.');
      for (let i = 0; i < 3; i++) {
        f.ws.runtime.resetCounts();
        const report = sync(f.addon);
        expect(report).toMatchObject({ created: 0, updated: 0, deleted: 0, conflicts: 0 });
        expect(f.ws.runtime.count(/^Calendar\.Events\.(insert|patch|update|remove)$/)).toBe(0);
      }
      expect(expectOneRowOneEvent(f, id).event?.start).toEqual(event?.start);
      expect(f.ws.calendar.invitationsSent()).toEqual([]);
      expect(f.ws.mail.sent).toEqual([]);
      expect(planEvents(f)).toHaveLength(2);
      const logged = f.ws.sheets.table('Sync Log').filter((l) => l.includes('Imported event'));
      expect(logged).toHaveLength(1);
      expect(logged[0]).toContain(accepted.message);
    });

    it('a series made in Calendar with occurrences moved and cancelled before the accept: the row says so, and a calendar switch keeps them', () => {
      const f = syncFixture({ spreadsheetTimeZone: 'America/New_York' });
      const id = plant(f, {
        title: 'Reading club',
        start: new Date('2027-03-03T23:00:00Z'),
        end: new Date('2027-03-04T00:00:00Z'),
        timeZone: 'America/New_York',
        recurrence: ['RRULE:FREQ=WEEKLY;COUNT=5'],
      });
      const occ = f.ws.calendar.instancesOf(f.calendarId, id);
      // 10 Mar moved a day later, 24 Mar (after the DST change) cancelled, before anyone accepts.
      f.ws.calendar.moveOccurrence(
        f.calendarId,
        id,
        occ[1].originalStart,
        new Date((occ[1].start as Date).getTime() + 24 * 3_600_000),
      );
      f.ws.calendar.cancelOccurrence(f.calendarId, id, occ[3].originalStart);
      const before = f.ws.calendar.instancesOf(f.calendarId, id);
      sync(f.addon);
      sync(f.addon);
      sidebarCall(f.addon, 'acceptImports', [id]);
      sync(f.addon);
      const words = `${march(10)} moved to ${march(11)} 18:00; ${march(24)} cancelled`;
      expect(rowsOf(f, id)[0].exceptions).toBe(words);
      // A later switch to another calendar carries both along.
      const other = f.ws.calendar.addCalendar({ name: 'Second', timeZone: 'America/New_York' });
      const choice = {
        mode: 'existing' as const,
        calendarId: other,
        shareWithPartners: false,
        invitePartners: true,
        sendInvites: false,
      };
      const asked = sidebarCall(f.addon, 'previewCalendarMove', choice) as { events: number };
      sidebarCall(f.addon, 'saveCalendarChoice', { ...choice, confirmMove: asked.events });
      sync(f.addon);
      const [copy] = f.ws.calendar.liveEvents(other);
      const starts = (list: typeof before) => list.map((o) => o.start);
      expect(starts(f.ws.calendar.instancesOf(other, copy.id))).toEqual(starts(before));
      expect(calendarRows(f.ws)[0].exceptions).toBe(words);
    });

    it('a temporary Calendar error while reading the event to accept is said in one sentence', () => {
      const f = syncFixture();
      const id = plant(f);
      sync(f.addon);
      f.ws.runtime.failAt(
        'Calendar.Events.get',
        1,
        new GoogleJsonResponseException(
          'calendar.events.get',
          503,
          'backendError',
          'Backend Error',
        ),
      );
      let said = '';
      try {
        sidebarCall(f.addon, 'acceptImports', [id]);
      } catch (error) {
        said = String((error as Error).message);
      }
      expect(said).toMatch(/temporary problem/);
      expect(said).not.toContain('Backend Error');
      const logged = f.ws.sheets.table('Sync Log').find((l) => l.includes('Import failed'));
      expect(String(logged)).toContain('Backend Error');
      f.ws.runtime.clearFaults();
      sidebarCall(f.addon, 'acceptImports', [id]);
      expectOneRowOneEvent(f, id);
    });

    // After the row write the next call is the tag patch: refused (it never happens) or lost (it did).
    it.each([
      ['the row write', 'before'],
      ['the tag patch', 'after'],
    ] as const)(
      'a fault right after %s: a sync or a retry finishes it, never two rows or two events',
      (_what, when) => {
        for (const next of ['sync', 'retry'] as const) {
          const f = syncFixture();
          const id = plant(f);
          sync(f.addon);
          if (when === 'before')
            f.ws.runtime.failAt('Calendar.Events.patch', 1, 'Rate Limit Exceeded');
          else f.ws.runtime.failAfter('Calendar.Events.patch', 1, 'Backend Error');
          const first = sidebarCall(f.addon, 'acceptImports', [id]) as ImportResult;
          expect(first.message).toContain('Not finished');
          expect(rowsOf(f, id)).toHaveLength(1);
          f.ws.runtime.clearFaults();
          if (next === 'retry') sidebarCall(f.addon, 'acceptImports', [id]);
          sync(f.addon);
          sync(f.addon);
          expectOneRowOneEvent(f, id);
          expect(proposals(f.addon).proposals).toEqual([]);
          expect(planEvents(f)).toHaveLength(1);
        }
      },
    );

    it('waits for another execution holding the document lock (two people accepting at once)', () => {
      const f = syncFixture();
      const id = plant(f);
      sync(f.addon);
      const release = f.ws.locks.holdDocumentLock('another-coordinator-tab');
      expect(() => sidebarCall(f.addon, 'acceptImports', [id])).toThrow(
        /Another calendar sync is running/,
      );
      expect(rowsOf(f, id)).toHaveLength(0);
      release();
      sidebarCall(f.addon, 'acceptImports', [id]);
      sidebarCall(f.addon, 'acceptImports', [id]);
      expectOneRowOneEvent(f, id);
    });

    it('a sync that cannot finish an accepted import leaves its row alone (no event of its own)', () => {
      const f = syncFixture();
      const id = plant(f);
      sync(f.addon);
      f.ws.runtime.failAt('Calendar.Events.patch', 1, 'Rate Limit Exceeded');
      sidebarCall(f.addon, 'acceptImports', [id]);
      f.ws.runtime.clearFaults();
      expect(rowsOf(f, id)).toHaveLength(1);
      // Google refuses the tag patch in this sync: the row waits, nothing is created for it.
      f.ws.runtime.failAt(/^Calendar\.Events\.patch$/, 1, 'Internal error', 5);
      const report = sync(f.addon);
      expect(report.summary).toContain('An import was not finished');
      expect(report.created).toBe(0);
      expect(f.ws.calendar.liveEvents(f.calendarId)).toHaveLength(1);
      expect(proposals(f.addon).proposals).toMatchObject([{ eventId: id, accepted: true }]);
      f.ws.runtime.clearFaults();
      sync(f.addon);
      expectOneRowOneEvent(f, id);
      expect(proposals(f.addon).proposals).toEqual([]);
    });

    it('declined stays declined, through syncs and a full re-read after the token expired', () => {
      const f = syncFixture();
      const id = plant(f);
      sync(f.addon);
      const declined = sidebarCall(f.addon, 'declineImports', [id]) as ImportResult;
      expect(declined.message).toBe(
        '1 event declined: it stays in Google Calendar and is not proposed again.',
      );
      f.ws.calendar.userEditsEvent(f.calendarId, id, { title: 'Parents evening (moved)' });
      sync(f.addon);
      f.ws.calendar.expireSyncTokens(f.calendarId);
      sync(f.addon);
      expect(proposals(f.addon).proposals).toEqual([]);
      expect(rowsOf(f, id)).toHaveLength(0);
      // Untouched in Calendar.
      const event = f.ws.calendar.liveEvents(f.calendarId).find((e) => e.id === id);
      expect(event).toMatchObject({ title: 'Parents evening (moved)', tags: {} });
    });

    it('a proposal follows its event: changed in Calendar, it is updated; deleted, it goes', () => {
      const f = syncFixture();
      const id = plant(f);
      sync(f.addon);
      f.ws.calendar.userEditsEvent(f.calendarId, id, { title: 'Parents evening II' });
      sync(f.addon);
      expect(proposals(f.addon).proposals.map((p) => p.title)).toEqual(['Parents evening II']);
      f.ws.calendar.userDeletesEvent(f.calendarId, id);
      sync(f.addon);
      expect(proposals(f.addon).proposals).toEqual([]);
    });

    it('410 GONE: the sync reads the whole calendar again and keeps going', () => {
      const f = syncFixture();
      const a = plant(f);
      sync(f.addon);
      f.ws.calendar.expireSyncTokens(f.calendarId);
      const b = plant(f, { title: 'Book fair' });
      f.ws.runtime.resetCounts();
      const report = sync(f.addon);
      expect(report.summary).toContain('1 event in the calendar was not made by the plan');
      // The refused incremental read, the full re-read, the plan's own read.
      expect(f.ws.runtime.count('Calendar.Events.list')).toBe(3);
      expect(
        proposals(f.addon)
          .proposals.map((p) => p.eventId)
          .sort(),
      ).toEqual([a, b].sort());
    });

    it('never proposes foreign events when import is off, and only the owner switches the mode', () => {
      const f = syncFixture();
      f.ws.sheets.book.state.editors.push(PARTNER);
      sidebarCall(f.addon, 'setAutoSync', { afterEdits: false, hourly: true });
      const doc = f.ws.currentSpreadsheetId;
      expect(() => f.addon.runAs(PARTNER, doc, 'setImportMode', 'automatic')).toThrow(
        `Only ${COORDINATOR} can change`,
      );
      const id = plant(f);
      sync(f.addon);
      expect(() => f.addon.runAs(PARTNER, doc, 'acceptImports', [id])).toThrow(
        `Only ${COORDINATOR} can change`,
      );
      expect(() => f.addon.runAs(PARTNER, doc, 'declineImports', [id])).toThrow(
        `Only ${COORDINATOR} can change`,
      );
      expect(rowsOf(f, id)).toHaveLength(0);
      const off = sidebarCall(f.addon, 'setImportMode', 'off');
      expect(off.mode).toBe('off');
      f.ws.runtime.resetCounts();
      plant(f, { title: 'Bake sale' });
      expect(sync(f.addon).summary).not.toContain('not made by the plan');
      // The plan's list and the read of what changed, which the plan's moved and cancelled
      // occurrences need whether or not imports are on (docs/calendar-sync.md).
      expect(f.ws.runtime.count('Calendar.Events.list')).toBe(2);
      expect(proposals(f.addon).proposals.map((p) => p.title)).toEqual(['Parents evening']);
      // Turned on again, the calendar is read in full once: the event added meanwhile is proposed.
      sidebarCall(f.addon, 'setImportMode', 'propose');
      sync(f.addon);
      expect(
        proposals(f.addon)
          .proposals.map((p) => p.title)
          .sort(),
      ).toEqual(['Bake sale', 'Parents evening']);
    });

    it('automatic mode imports on the hourly run only once the owner set it', () => {
      const f = syncFixture();
      sidebarCall(f.addon, 'setAutoSync', { afterEdits: false, hourly: true });
      const id = plant(f);
      f.addon.run('syncCalendarHourly_');
      expect(rowsOf(f, id)).toHaveLength(0);
      expect(proposals(f.addon).proposals).toHaveLength(1);
      sidebarCall(f.addon, 'setImportMode', 'automatic');
      f.addon.run('syncCalendarHourly_');
      const { row } = expectOneRowOneEvent(f, id);
      f.addon.run('syncCalendarHourly_');
      expectOneRowOneEvent(f, id);
      const log = f.ws.sheets.table('Sync Log');
      expect(
        log.some((l) => l.includes(`Imported “Parents evening” as row ${row.row} (${row.id}).`)),
      ).toBe(true);
      expect(f.ws.calendar.invitationsSent()).toEqual([]);
    });

    it('guesses the lead partner and type from who made the event', () => {
      const f = syncFixture();
      appendRows(f.ws, CALENDAR_TAB, [
        {
          title: 'Story time',
          startDate: '2027-03-02',
          type: 'Outreach',
          lead: 'Riverside Public Library',
        },
        {
          title: 'Reading club',
          startDate: '2027-03-03',
          type: 'Outreach',
          lead: 'Riverside Public Library',
        },
        {
          title: 'Board',
          startDate: '2027-03-04',
          type: 'Meeting',
          lead: 'Riverside Public Library',
        },
      ]);
      const mine = plant(f, { creator: PARTNER.toUpperCase(), title: 'Author visit' });
      const stranger = plant(f, { creator: 'someone@elsewhere.example', title: 'Yoga' });
      sync(f.addon);
      sidebarCall(f.addon, 'acceptImports', [mine, stranger]);
      expect(rowsOf(f, mine)[0]).toMatchObject({
        lead: 'Riverside Public Library',
        type: 'Outreach',
      });
      expect(rowsOf(f, stranger)[0]).toMatchObject({ lead: '', type: '' });
    });

    it('keeps the imported event’s guests (not approved) through later syncs, and mails nobody', () => {
      const f = syncFixture();
      const id = plant(f, {
        guests: [
          { email: 'parent1@families.example', responseStatus: 'accepted' },
          { email: 'parent2@families.example' },
        ],
      });
      sync(f.addon);
      sidebarCall(f.addon, 'acceptImports', [id]);
      const { row } = expectOneRowOneEvent(f, id);
      const cell = CALENDAR_TAB.columns.findIndex((c) => c.key === 'title') + 1;
      f.ws.sheets.userEdit(CALENDAR_TAB.name, row.row, cell, 'Parents evening (spring)');
      const report = sync(f.addon);
      expect(report.updated).toBe(1);
      const event = f.ws.calendar.liveEvents(f.calendarId).find((e) => e.id === id);
      expect(event?.title).toBe('Parents evening (spring)');
      expect(event?.guests).toEqual([
        { email: 'parent1@families.example', status: 'accepted' },
        { email: 'parent2@families.example', status: 'needsAction' },
      ]);
      expect(f.ws.calendar.invitationsSent()).toEqual([]);
      expect(f.ws.mail.sent).toEqual([]);
    });

    it('keeps a rule the Recurrence words cannot say as the RRULE, and says the rest in words', () => {
      const f = syncFixture();
      const weekly = plant(f, {
        title: 'Tutoring',
        recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=WE;COUNT=6'],
      });
      const twice = plant(f, {
        title: 'Homework club',
        recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO,WE', 'EXDATE:20270317T180000Z'],
      });
      sync(f.addon);
      sidebarCall(f.addon, 'acceptImports', [weekly, twice]);
      expect(rowsOf(f, weekly)[0].recurrence).toBe('Every week, 6 times');
      expect(rowsOf(f, twice)[0].recurrence).toBe('RRULE:FREQ=WEEKLY;BYDAY=MO,WE');
      const report = sync(f.addon);
      expect(report).toMatchObject({ created: 0, updated: 0, conflicts: 0, failed: 0 });
      expect(report.errors).toEqual([]);
      const event = f.ws.calendar.liveEvents(f.calendarId).find((e) => e.id === twice);
      // A cancelled occurrence (EXDATE) survives the import and the syncs after it.
      expect(event?.recurrence).toEqual([
        'RRULE:FREQ=WEEKLY;BYDAY=MO,WE',
        'EXDATE:20270317T180000Z',
      ]);
    });
  });

  const ZONES = ['America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'Europe/Berlin', 'UTC'];

  describe('imported times, every zone', () => {
    it('the row asks for the very instants the event has (sheet, plan and event zones differ)', () => {
      const oracle = intlZoneOracle;
      fc.assert(
        fc.property(
          fc.constantFrom(...ZONES),
          fc.constantFrom(...ZONES),
          fc.constantFrom(...ZONES),
          fc.integer({ min: 0, max: 365 * 24 * 4 }),
          fc.integer({ min: 1, max: 40 }),
          fc.boolean(),
          fc.boolean(),
          (sheetZone, planZone, eventZone, quarter, length, allDay, repeats) => {
            const f = syncFixture({ spreadsheetTimeZone: sheetZone, planTimeZone: planZone });
            const startMs = Date.UTC(2027, 0, 1) + quarter * 15 * 60_000;
            const day = new Date(startMs).toISOString().slice(0, 10);
            const endDay = new Date(startMs + length * 86_400_000).toISOString().slice(0, 10);
            const id = plant(f, {
              start: allDay ? day : new Date(startMs),
              end: allDay ? endDay : new Date(startMs + length * 15 * 60_000),
              timeZone: eventZone,
              ...(repeats ? { recurrence: ['RRULE:FREQ=WEEKLY;COUNT=3'] } : {}),
            });
            const before = f.ws.calendar.liveEvents(f.calendarId).find((e) => e.id === id);
            sync(f.addon);
            sidebarCall(f.addon, 'acceptImports', [id]);
            const { row } = expectOneRowOneEvent(f, id);
            const report = sync(f.addon);
            expect(report).toMatchObject({ created: 0, updated: 0, conflicts: 0, failed: 0 });
            const after = f.ws.calendar.liveEvents(f.calendarId).find((e) => e.id === id);
            expect([after?.start, after?.end]).toEqual([before?.start, before?.end]);
            expect(after?.recurrence).toEqual(before?.recurrence);
            if (!allDay) {
              // The wall time the row shows is the event's start in the zone the row is read in.
              const zone = String(row.timeZone || planZone);
              const w = oracle(startMs, zone);
              const hhmm = `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
              const shown =
                row.startTime instanceof Date ? oracle(row.startTime.getTime(), sheetZone) : null;
              expect(
                shown
                  ? `${String(shown.hour).padStart(2, '0')}:${String(shown.minute).padStart(2, '0')}`
                  : String(row.startTime),
              ).toBe(hhmm);
            }
          },
        ),
        { numRuns: 25, seed: 15 },
      );
    });
  });

  /** 1,000 activities, 100 of them weekly series each with an occurrence moved and one cancelled. */
  describe('a quiet sync of series with moved and cancelled occurrences', () => {
    it('keeps every Exceptions cell within 5 Calendar calls', () => {
      const f = syncFixture({ spreadsheetTimeZone: 'Europe/Berlin' });
      const rows: Cells[] = Array.from({ length: 1000 }, (_, i) => ({
        title: `Activity ${i + 1}`,
        startDate: `2027-03-${String(1 + (i % 28)).padStart(2, '0')}`,
        startTime: `${9 + (i % 8)}:00`,
        ...(i % 10 === 0 ? { recurrence: 'Weekly, 6 times' } : {}),
      }));
      appendRows(f.ws, CALENDAR_TAB, rows);
      for (let done = false; !done; ) {
        done = sync(f.addon).complete;
        f.ws.runtime.advance(61_000);
      }
      const series = f.ws.calendar.liveEvents(f.calendarId).filter((e) => e.recurrence.length);
      expect(series).toHaveLength(100);
      for (const e of series) {
        const occ = f.ws.calendar.instancesOf(f.calendarId, e.id);
        f.ws.calendar.cancelOccurrence(f.calendarId, e.id, occ[2].originalStart);
        f.ws.calendar.moveOccurrence(
          f.calendarId,
          e.id,
          occ[4].originalStart,
          new Date((occ[4].start as Date).getTime() + 3_600_000),
        );
      }
      sync(f.addon);
      const said = () =>
        calendarRows(f.ws).filter((r) => String(r.exceptions).includes('cancelled'));
      expect(said()).toHaveLength(100);
      f.ws.runtime.resetCounts();
      expect(sync(f.addon)).toMatchObject({ unchanged: 1000, created: 0, updated: 0 });
      const calendarCalls = Object.entries(f.ws.runtime.counts_())
        .filter(([name]) => /^(Calendar|CalendarApp)\./.test(name))
        .reduce((n, [, c]) => n + c, 0);
      expect(calendarCalls).toBeLessThanOrEqual(5);
      expect(said()).toHaveLength(100);
      expect(said().every((r) => /moved to/.test(String(r.exceptions)))).toBe(true);
    });
  });

  /** 1,000 activities synced, one foreign event proposed: what a quiet two-way sync costs. */
  describe('a quiet two-way sync at scale', () => {
    it('stays within 5 Calendar calls with 1,000 activities', () => {
      const f = syncFixture();
      const rows: Cells[] = Array.from({ length: 1000 }, (_, i) => ({
        title: `Activity ${i + 1}`,
        startDate: `2027-${String(3 + (Math.floor(i / 28) % 9)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        startTime: i % 5 === 0 ? '' : `${9 + (i % 8)}:00`,
      }));
      appendRows(f.ws, CALENDAR_TAB, rows);
      plant(f);
      for (let done = false; !done; ) {
        done = sync(f.addon).complete;
        f.ws.runtime.advance(61_000);
      }
      sync(f.addon);
      f.ws.runtime.resetCounts();
      const report = sync(f.addon);
      expect(report).toMatchObject({ unchanged: 1000, created: 0, updated: 0 });
      const calendarCalls = Object.entries(f.ws.runtime.counts_())
        .filter(([name]) => /^(Calendar|CalendarApp)\./.test(name))
        .reduce((n, [, c]) => n + c, 0);
      expect(calendarCalls).toBeLessThanOrEqual(5);
      expect(proposals(f.addon).proposals).toHaveLength(1);
    });
  });
});
