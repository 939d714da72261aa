// The weekly email's daily trigger lends the plan's one clock trigger to a sync's continuation and gets it back (issue 25).

import fc from 'fast-check';
import type { Addon } from '../../emulator/addon';
import { DAILY_QUOTA_MESSAGE } from '../../emulator/calendar/errors';
import type { Workspace } from '../../emulator/workspace';
import type { SyncReport } from '../../src/domain/calendarSync/report';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import type { DigestPreview } from '../../src/shared/digestWire';
import type { HandoverResult } from '../../src/shared/handoverWire';
import { CALENDAR_TEXT } from '../../src/shared/messages';
import {
  appendRows,
  type Cells,
  calendarColumn,
  calendarRows,
  syncFixture,
} from '../harness/syncFixture';

const COORDINATOR = 'coordinator@example.org';
const NEXT = 'ben@school.example.org';
const DAY = 86_400_000;
const MINUTE = 60_000;
const SLOT_NOTE = 'swp.digest.slot';
const PARTNERS: Cells[] = [
  { organisation: 'Riverside Public Library', email: 'outreach@riverside-library.example.org' },
  { organisation: 'Northside Food Bank', email: 'info@northside-food.example.org' },
];

/** Activities led by a partner, so each partner's weekly email has something in it. */
const activities = (n: number, lead = 'Riverside Public Library'): Cells[] =>
  Array.from({ length: n }, (_, i) => ({
    title: `Reading club ${i + 1}`,
    startDate: `2027-03-${String(2 + (i % 27)).padStart(2, '0')}`,
    startTime: `${9 + (i % 8)}:00`,
    lead,
    status: 'Planned',
  }));

/**
 * A coordinator with the hourly sync off and the weekly email on (turning it on made her the
 * settings' owner): her weekly email's daily trigger holds the one clock trigger she may have in
 * this spreadsheet (V). The after-edit sync only when asked: a paste of rows would run it.
 */
function planWithWeeklyEmail(options: { timeZone?: string; afterEdits?: boolean } = {}) {
  const fixture = syncFixture({
    partners: PARTNERS,
    ...(options.timeZone
      ? { spreadsheetTimeZone: options.timeZone, scriptTimeZone: options.timeZone }
      : {}),
  });
  const { addon } = fixture;
  addon.runFromSidebar(
    'approvePeople',
    PARTNERS.map((p) => String(p.email)),
  );
  addon.runFromSidebar('setDigestEnabled', { enabled: true });
  if (options.afterEdits) addon.runFromSidebar('setAutoSync', { afterEdits: true, hourly: false });
  return fixture;
}

/** Every Calendar write takes 10 s: a sync of many activities meets the 4.5-minute write budget. */
const slowWrites = (ws: Workspace) => ws.runtime.setLatency('Calendar.Events.insert', 10_000);

const clockTriggers = (ws: Workspace, owner = COORDINATOR) =>
  ws.script
    .toJSON()
    .filter((t) => t.eventType === 'CLOCK' && t.owner === owner)
    .map((t) => t.handler)
    .sort();

const slotNote = (ws: Workspace) =>
  ws.properties.documentPropertiesOf(ws.currentSpreadsheetId).data.get(SLOT_NOTE);

const sync = (addon: Addon) => addon.run('syncCalendar') as SyncReport;

/**
 * A minute at a time, the due triggers run until no continuation is left (at most `max` runs);
 * after each, the coordinator holds exactly one clock trigger. Returns the handlers that ran.
 */
function continuationsFinish(ws: Workspace, addon: Addon, step = MINUTE + 1_000, max = 30) {
  const ran: string[] = [];
  for (let i = 0; i < max && clockTriggers(ws).includes('continueCalendarSync_'); i++) {
    ws.runtime.advance(step);
    ran.push(...addon.runDueTriggers());
    expect(clockTriggers(ws)).toHaveLength(1);
  }
  expect(clockTriggers(ws)).not.toContain('continueCalendarSync_');
  return ran;
}

describe('the weekly email lends its clock trigger to a sync’s continuation', () => {
  for (const timeZone of ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata'])
    it(`a clicked sync past the 4.5-minute limit finishes by its continuations, and the daily check comes back (${timeZone})`, () => {
      const { ws, addon, calendarId } = planWithWeeklyEmail({ timeZone });
      // The first round went out a day after the email was turned on.
      ws.runtime.advance(DAY);
      expect(addon.runDueTriggers()).toEqual(['sendPartnerDigest_']);
      const mailed = ws.mail.sent.length;
      expect(mailed).toBe(2);
      const n = 70;
      appendRows(ws, CALENDAR_TAB, activities(n));
      slowWrites(ws);
      const first = sync(addon);
      expect(first.complete).toBe(false);
      expect(first.summary).toContain(CALENDAR_TEXT.continues.trigger);
      expect(first.summary).not.toContain(CALENDAR_TEXT.continues.manual);
      expect(clockTriggers(ws)).toEqual(['continueCalendarSync_']);
      expect(slotNote(ws)).toBeDefined();
      const ran = continuationsFinish(ws, addon);
      expect(ran.filter((h) => h === 'continueCalendarSync_').length).toBeGreaterThanOrEqual(1);
      // Every row has its event and its status; the daily check is back, the note gone.
      expect(ws.calendar.liveEvents(calendarId)).toHaveLength(n);
      expect(calendarRows(ws).every((r) => r.syncStatus === 'OK: event created')).toBe(true);
      expect(clockTriggers(ws)).toEqual(['sendPartnerDigest_']);
      expect(slotNote(ws)).toBeUndefined();
      // No round was due: the check run on giving the trigger back sent nothing.
      expect(ws.mail.sent).toHaveLength(mailed);
      // The next week's round goes out once, from the daily check given back.
      for (let d = 0; d < 8; d++) {
        ws.runtime.advance(DAY);
        addon.runDueTriggers();
      }
      expect(ws.mail.sent).toHaveLength(mailed + 2);
    });

  it('sends a round that fell due while the trigger was lent once, and not again', () => {
    const { ws, addon, calendarId } = planWithWeeklyEmail();
    ws.runtime.advance(DAY);
    addon.runDueTriggers();
    expect(ws.mail.sent).toHaveLength(2);
    // Half an hour before the daily check that would start the next round, a sync meets the
    // daily Calendar limit: its continuation waits an hour, over the time the check was due.
    ws.runtime.advance(7 * DAY - 30 * MINUTE);
    appendRows(ws, CALENDAR_TAB, activities(6));
    ws.runtime.failAt('Calendar.Events.insert', 3, DAILY_QUOTA_MESSAGE, 10_000);
    expect(sync(addon)).toMatchObject({ complete: false, created: 2 });
    expect(clockTriggers(ws)).toEqual(['continueCalendarSync_']);
    ws.runtime.advance(31 * MINUTE);
    expect(addon.runDueTriggers()).toEqual([]);
    expect(ws.mail.sent).toHaveLength(2);
    // The quota is back; the continuation finishes and the run that gives the trigger back
    // runs the daily check once: the round due meanwhile goes out now.
    ws.runtime.clearFaults();
    ws.runtime.advance(30 * MINUTE);
    expect(addon.runDueTriggers()).toEqual(['continueCalendarSync_']);
    expect(ws.calendar.liveEvents(calendarId)).toHaveLength(6);
    expect(ws.mail.sent).toHaveLength(4);
    expect(clockTriggers(ws)).toEqual(['sendPartnerDigest_']);
    // The daily checks of that week send nothing more; a week later, the next round.
    for (let d = 0; d < 6; d++) {
      ws.runtime.advance(DAY);
      addon.runDueTriggers();
    }
    expect(ws.mail.sent).toHaveLength(4);
    ws.runtime.advance(2 * DAY);
    addon.runDueTriggers();
    expect(ws.mail.sent).toHaveLength(6);
    expect(new Set(ws.mail.sent.map((m) => m.from.toLowerCase()))).toEqual(new Set([COORDINATOR]));
  });
});

describe('the weekly email turned on while a continuation is pending', () => {
  it('starts once the sync is done', () => {
    const { ws, addon, calendarId } = syncFixture({ partners: PARTNERS });
    addon.runFromSidebar(
      'approvePeople',
      PARTNERS.map((p) => String(p.email)),
    );
    appendRows(ws, CALENDAR_TAB, activities(40));
    slowWrites(ws);
    expect(sync(addon).complete).toBe(false);
    expect(clockTriggers(ws)).toEqual(['continueCalendarSync_']);
    const on = addon.runFromSidebar('setDigestEnabled', { enabled: true }) as DigestPreview;
    expect(on).toMatchObject({ enabled: true, startsAfterSync: true });
    expect(clockTriggers(ws)).toEqual(['continueCalendarSync_']);
    continuationsFinish(ws, addon);
    expect(ws.calendar.liveEvents(calendarId)).toHaveLength(40);
    expect(clockTriggers(ws)).toEqual(['sendPartnerDigest_']);
    // Not displaced, so nothing owed: the first round goes with the first daily check.
    expect(ws.mail.sent).toHaveLength(0);
    const preview = addon.runFromSidebar('getDigestPreview') as DigestPreview;
    expect(preview).toMatchObject({ enabled: true, startsAfterSync: false });
    ws.runtime.advance(DAY);
    expect(addon.runDueTriggers()).toEqual(['sendPartnerDigest_']);
    expect(ws.mail.sent).toHaveLength(2);
  });
});

describe('a lent clock trigger and the settings changing hands', () => {
  it('gives nothing back to an account that gave the settings up meanwhile', () => {
    const { ws, addon, calendarId } = planWithWeeklyEmail();
    appendRows(ws, CALENDAR_TAB, activities(40));
    slowWrites(ws);
    expect(sync(addon).complete).toBe(false);
    expect(clockTriggers(ws)).toEqual(['continueCalendarSync_']);
    // Both automatic syncs off: the settings are given up, her triggers go, the email is off.
    addon.runFromSidebar('setAutoSync', { afterEdits: false, hourly: false });
    expect(clockTriggers(ws)).toEqual([]);
    // She clicks Sync again to finish: its continuation may finish her click, nothing more.
    sync(addon);
    continuationsFinishWithoutDigest(ws, addon);
    expect(ws.calendar.liveEvents(calendarId)).toHaveLength(40);
    expect(clockTriggers(ws)).toEqual([]);
    expect(slotNote(ws)).toBeUndefined();
    for (let d = 0; d < 9; d++) {
      ws.runtime.advance(DAY);
      addon.runDueTriggers();
    }
    expect(ws.mail.sent).toEqual([]);
  });

  it('gives nothing back to the former coordinator after a hand-over; the new one’s email runs', () => {
    const { ws, addon } = planWithWeeklyEmail();
    ws.sheets.book.state.editors.push(NEXT);
    ws.calendar.addAccount(NEXT, 'America/New_York');
    appendRows(ws, CALENDAR_TAB, activities(40));
    slowWrites(ws);
    expect(sync(addon).complete).toBe(false);
    addon.runFromSidebar('offerHandover', { to: NEXT });
    const accepted = ws.as(NEXT, ws.currentSpreadsheetId, () =>
      addon.runFromSidebar('acceptHandover', {
        afterEdits: true,
        hourly: false,
        weeklyEmail: true,
      }),
    ) as HandoverResult;
    expect(accepted.message).toContain('You are now the plan’s coordinator');
    // Her continuation fires, finds she no longer coordinates, and removes her triggers.
    ws.runtime.advance(MINUTE + 1_000);
    addon.runDueTriggers();
    expect(clockTriggers(ws)).toEqual([]);
    expect(clockTriggers(ws, NEXT)).toEqual(['sendPartnerDigest_']);
    for (let d = 0; d < 9; d++) {
      ws.runtime.advance(DAY);
      addon.runDueTriggers();
    }
    expect(clockTriggers(ws)).toEqual([]);
    expect(ws.mail.sent.some((m) => m.from.toLowerCase() === COORDINATOR)).toBe(false);
    expect(ws.mail.sent.some((m) => m.from.toLowerCase() === NEXT)).toBe(true);
  });
});

describe('the weekly email’s clock trigger', () => {
  describe('when the continuation chain dies', () => {
    function lentThenDead() {
      const fixture = planWithWeeklyEmail();
      const { ws, addon } = fixture;
      appendRows(ws, CALENDAR_TAB, activities(40));
      slowWrites(ws);
      expect(sync(addon).complete).toBe(false);
      expect(clockTriggers(ws)).toEqual(['continueCalendarSync_']);
      // Someone deletes the continuation by hand (Apps Script's Triggers page).
      ws.script.triggers.splice(
        ws.script.triggers.findIndex((t) => t.handler === 'continueCalendarSync_'),
        1,
      );
      return fixture;
    }

    it('the next sync gives the daily check back (and finishes the work)', () => {
      const { ws, addon, calendarId } = lentThenDead();
      ws.runtime.setLatency('Calendar.Events.insert', 0);
      expect(sync(addon).complete).toBe(true);
      expect(ws.calendar.liveEvents(calendarId)).toHaveLength(40);
      expect(clockTriggers(ws)).toEqual(['sendPartnerDigest_']);
      expect(slotNote(ws)).toBeUndefined();
    });

    it('an automatic sync after a partner’s edit gives it back too', () => {
      // The after-edit sync of the partners' paste is the one that stops and lends the trigger.
      const { ws, addon } = planWithWeeklyEmail({ afterEdits: true });
      slowWrites(ws);
      appendRows(ws, CALENDAR_TAB, activities(40));
      expect(clockTriggers(ws)).toEqual(['continueCalendarSync_']);
      ws.script.triggers.splice(
        ws.script.triggers.findIndex((t) => t.handler === 'continueCalendarSync_'),
        1,
      );
      ws.runtime.setLatency('Calendar.Events.insert', 0);
      ws.sheets.book.state.editors.push(NEXT);
      addon.userEdit(CALENDAR_TAB.name, 2, calendarColumn('title'), 'Reading club 1 (moved)', NEXT);
      expect(ws.logs.join('\n')).not.toContain('failed');
      expect(clockTriggers(ws)).toEqual(['sendPartnerDigest_']);
    });

    for (const sidebar of ['getDigestPreview', 'getCalendarSyncState'])
      it(`the coordinator opening the sidebar (${sidebar}) gives it back`, () => {
        const { ws, addon } = lentThenDead();
        addon.runFromSidebar(sidebar);
        expect(clockTriggers(ws)).toEqual(['sendPartnerDigest_']);
        expect(slotNote(ws)).toBeUndefined();
      });

    it('a partner opening the sidebar changes nothing of the coordinator’s', () => {
      const { ws, addon } = lentThenDead();
      ws.sheets.book.state.editors.push(NEXT);
      ws.as(NEXT, ws.currentSpreadsheetId, () => addon.runFromSidebar('getDigestPreview'));
      expect(clockTriggers(ws)).toEqual([]);
      expect(slotNote(ws)).toBeDefined();
      addon.runFromSidebar('getDigestPreview');
      expect(clockTriggers(ws)).toEqual(['sendPartnerDigest_']);
    });
  });
});

/** As continuationsFinish, for an account that holds no clock trigger once they are done. */
function continuationsFinishWithoutDigest(ws: Workspace, addon: Addon): void {
  for (let i = 0; i < 30 && clockTriggers(ws).length > 0; i++) {
    ws.runtime.advance(MINUTE + 1_000);
    addon.runDueTriggers();
    expect(clockTriggers(ws).length).toBeLessThanOrEqual(1);
  }
}

/** A round a week long, less an hour of slack (src/actions/digest.ts, ROUND_MS). */
const ROUND_MS = 7 * DAY - 3_600_000;
type Stop = 'none' | 'rate' | 'daily' | 'slow';

/** A sync clicked after `gapHours` of hourly trigger runs, stopped early as `stop` says. */
function clickedSync(ws: Workspace, addon: Addon, rows: number, stop: Stop, first: number): void {
  ws.runtime.clearFaults();
  ws.runtime.setLatency('Calendar.Events.insert', stop === 'slow' ? 10_000 : 0);
  appendRows(
    ws,
    CALENDAR_TAB,
    activities(rows).map((r, i) => ({ ...r, title: `Session ${first + i}` })),
  );
  if (stop === 'rate')
    ws.runtime.failAt('Calendar.Events.insert', 2, 'Calendar usage limits exceeded.');
  // The daily limit holds until the next click clears it: the continuation retries hourly.
  if (stop === 'daily') ws.runtime.failAt('Calendar.Events.insert', 2, DAILY_QUOTA_MESSAGE, 10_000);
  sync(addon);
}

describe('weeks of clicked syncs stopping early, at any time of the daily check', () => {
  it('never two clock triggers or two emails in a week to anyone; every row synced; the daily check back', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('America/New_York', 'Europe/Berlin', 'Asia/Kolkata'),
        fc.array(
          fc.record({
            gapHours: fc.integer({ min: 1, max: 40 }),
            rows: fc.integer({ min: 1, max: 40 }),
            stop: fc.constantFrom<Stop>('none', 'rate', 'daily', 'slow'),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        (timeZone, clicks) => {
          const { ws, addon, calendarId } = planWithWeeklyEmail({ timeZone });
          const live = (hours: number, step = 3_600_000) => {
            for (let h = 0; h < hours; h++) {
              ws.runtime.advance(step);
              addon.runDueTriggers();
              expect(clockTriggers(ws).length).toBeLessThanOrEqual(1);
            }
          };
          let rows = 0;
          for (const click of clicks) {
            live(click.gapHours);
            clickedSync(ws, addon, click.rows, click.stop, rows);
            rows += click.rows;
            live(10, MINUTE + 1_000);
          }
          ws.runtime.clearFaults();
          ws.runtime.setLatency('Calendar.Events.insert', 0);
          live(9 * 24);
          expect(clockTriggers(ws)).toEqual(['sendPartnerDigest_']);
          expect(slotNote(ws)).toBeUndefined();
          expect(ws.calendar.liveEvents(calendarId)).toHaveLength(rows);
          expect(calendarRows(ws).every((r) => r.syncStatus === 'OK: event created')).toBe(true);
          for (const partner of PARTNERS) {
            const times = ws.mail.sent
              .filter((m) => m.to.includes(String(partner.email)))
              .map((m) => m.atMs);
            expect(times.length).toBeGreaterThanOrEqual(2);
            for (let i = 1; i < times.length; i++)
              expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(ROUND_MS);
          }
          expect(new Set(ws.mail.sent.map((m) => m.from.toLowerCase()))).toEqual(
            new Set([COORDINATOR]),
          );
        },
      ),
      { numRuns: 12, seed: 2512 },
    );
  });
});
