// The simulator's hand-over and new-year invariants: each fails on a world broken by hand, and passes on the real steps.
import { TAB_KEY_METADATA } from '../../src/domain/schema/metadata';
import { PasteActivity, replay, Sync } from './commands';
import { AcceptHandover, HandOverNow, OfferHandover, TurnOnAutomation } from './handoverCommands';
import { approvedEmails } from './invariants';
import { keptCells, StartNextYear } from './newYearCommands';
import {
  approvalsAndSettingsSurvive,
  archivedEventsUntouched,
  coordinatorOwnsCalendar,
  handoverSnapshot,
  nothingActsAsFormerCoordinator,
  nothingChangedHands,
  oneArchivePerYear,
  oneCoordinator,
} from './wholePlanInvariants';
import { FIRST_COORDINATOR, NEXT_COORDINATOR, tabRows, type World } from './world';

const KEEP = { afterEdits: true, hourly: true, weeklyEmail: true };
const activity = (title: string, startDate: string) =>
  new PasteActivity({ title, startDate, status: 'Planned' });

/** A plan with two synced activities (one dated so that no year holds it), the hourly sync and weekly email on. */
function runningPlan(): World {
  return replay([
    activity('Reading tutoring', '2027-03-10'),
    activity('Book swap', 'next spring'),
    new Sync(),
    new TurnOnAutomation(true, true),
  ]);
}

/** The plan handed over to the next coordinator (both steps through the add-on). */
function handedOver(): World {
  const w = runningPlan();
  new HandOverNow(KEEP).run({ steps: 0 }, w);
  return w;
}

describe('the hand-over invariants catch what they guard', () => {
  it('oneCoordinator: the settings owned by someone the hand-overs never made coordinator', () => {
    const w = handedOver();
    expect(w.coordinator).toBe(NEXT_COORDINATOR);
    expect(() => oneCoordinator(w)).not.toThrow();
    const data = w.ws.properties.document.data;
    const settings = JSON.parse(String(data.get('sharedWorkPlan.settings')));
    settings.calendar.owner = FIRST_COORDINATOR;
    data.set('sharedWorkPlan.settings', JSON.stringify(settings));
    expect(() => oneCoordinator(w)).toThrow(/belong to coordinator@example\.org/);
  });

  it('oneCoordinator: an offer waiting that nobody made', () => {
    const w = runningPlan();
    expect(() => oneCoordinator(w)).not.toThrow();
    w.addon.runFromSidebar('offerHandover', { to: NEXT_COORDINATOR });
    expect(() => oneCoordinator(w)).toThrow(/a hand-over to ben@school\.example\.org waits/);
  });

  it('nothingActsAsFormerCoordinator: a run with the former coordinator’s authority that writes', () => {
    const w = handedOver();
    w.ws.runtime.advance(3_600_000);
    w.addon.runDueTriggers();
    // The former coordinator's triggers fired (removing themselves) and wrote nothing.
    expect(w.ws.logs.join('\n')).toContain('It removed this account’s');
    expect(() => nothingActsAsFormerCoordinator(w)).not.toThrow();
    // A run as her account that does not check who coordinates (a sync with her authority) writes.
    const doc = w.ws.currentSpreadsheetId;
    w.ws.as(FIRST_COORDINATOR, doc, () => w.addon.run('syncCalendar'), FIRST_COORDINATOR);
    expect(() => nothingActsAsFormerCoordinator(w)).toThrow(/coordinator@example\.org: /);
  });

  it('coordinatorOwnsCalendar: the new coordinator’s owner rule taken off the calendar', () => {
    const w = handedOver();
    expect(() => coordinatorOwnsCalendar(w)).not.toThrow();
    w.ws.as(FIRST_COORDINATOR, w.ws.currentSpreadsheetId, () =>
      w.ws.calendar.advanced.Acl.remove(w.calendarId, `user:${NEXT_COORDINATOR}`),
    );
    expect(() => coordinatorOwnsCalendar(w)).toThrow(
      /ben@school\.example\.org has no owner rights/,
    );
  });

  it('approvalsAndSettingsSurvive: an approval or a setting changed along with the hand-over', () => {
    const w = runningPlan();
    const before = handoverSnapshot(w);
    new OfferHandover('successor', false).run({ steps: 0 }, w);
    new AcceptHandover(true, KEEP).run({ steps: 0 }, w);
    expect(() => approvalsAndSettingsSurvive(w, before)).not.toThrow();
    w.addon.runFromSidebar('approvePeople', ['x@evil.example.com']);
    expect(approvedEmails(w).has('x@evil.example.com')).toBe(true);
    expect(() => approvalsAndSettingsSurvive(w, before)).toThrow(/approvals changed/);
    const settled = handoverSnapshot(w);
    w.addon.runFromSidebar('saveCalendarChoice', {
      mode: 'new',
      calendarId: null,
      shareWithPartners: true,
      invitePartners: true,
      sendInvites: false,
    });
    expect(() => approvalsAndSettingsSurvive(w, settled)).toThrow(/settings changed/);
  });

  it('nothingChangedHands: a refused step that left an offer behind', () => {
    const w = runningPlan();
    const before = handoverSnapshot(w);
    expect(() =>
      w.ws.as('lee@univ.example.edu', w.ws.currentSpreadsheetId, () =>
        w.addon.runFromSidebar('offerHandover', { to: NEXT_COORDINATOR }),
      ),
    ).toThrow(/Only coordinator@example\.org/);
    expect(() => nothingChangedHands(w, before)).not.toThrow();
    w.addon.runFromSidebar('offerHandover', { to: NEXT_COORDINATOR });
    expect(() => nothingChangedHands(w, before)).toThrow(/offer changed/);
  });
});

/** The plan after a finished rollover (the year 2026–27 archived). */
function rolledOver(): World {
  const w = runningPlan();
  new StartNextYear(null, null, false).run({ steps: 0 }, w);
  return w;
}

describe('the new-year invariants catch what they guard', () => {
  it('oneArchivePerYear: a second tab tagged as the same year’s archive', () => {
    const w = rolledOver();
    expect(() => oneArchivePerYear(w)).not.toThrow();
    const copy = w.ws.sheets.spreadsheet.insertSheet('Archive copy');
    copy.addDeveloperMetadata(TAB_KEY_METADATA, 'archive-2026-27');
    expect(() => oneArchivePerYear(w)).toThrow(/archive-2026-27 is archived twice/);
  });

  it('archivedEventsUntouched: an archived activity’s event changed, deleted, or made again', () => {
    const w = rolledOver();
    expect(w.archivedEvents.size).toBe(1);
    expect(() => archivedEventsUntouched(w)).not.toThrow();
    const [eventId] = w.archivedEvents.keys();
    w.ws.calendar.userEditsEvent(w.calendarId, eventId, { title: 'Renamed by the sync' });
    expect(() => archivedEventsUntouched(w)).toThrow(/was changed/);
    w.ws.calendar.userDeletesEvent(w.calendarId, eventId);
    expect(() => archivedEventsUntouched(w)).toThrow(/was deleted/);

    const again = rolledOver();
    const cal = again.ws.calendar.calendarApp.getCalendarById(again.calendarId);
    const made = cal?.createEvent('Reading tutoring', new Date(), new Date(Date.now() + 3_600_000));
    made?.setTag('swpActivityId', 'A1');
    expect(() => archivedEventsUntouched(again)).toThrow(/made for archived activity A1/);
  });

  it('typed cells kept across a rollover: the archive holds what left the Calendar tab, cell for cell', () => {
    const w = runningPlan();
    const before = keptCells(w);
    new StartNextYear(3, null, true).run({ steps: 0 }, w);
    // Interrupted at its third write and chosen again: the dated row left, the undated one stayed.
    expect(w.ws.sheets.ui.dialogs.some((d) => d.prompt.includes('stopped part-way'))).toBe(true);
    expect(tabRows(w).map((r) => r.title)).toEqual(['Book swap']);
    expect(keptCells(w)).toEqual(before);
    // An archived row's typed cell changed in the archive tab is caught.
    const archive = 'Archive 2026–27';
    const [headers] = w.ws.sheets.table(archive).filter((r) => r.includes('Title'));
    const rowAt = w.ws.sheets.table(archive).findIndex((r) => r.includes('Reading tutoring'));
    w.ws.sheets.userPasteValues(archive, rowAt + 1, headers.indexOf('Title') + 1, [['Other']]);
    expect(keptCells(w)).not.toEqual(before);
  });
});
