// The coordinator's authority through the bundle, two users and two plans: only the owner changes what triggers obey.
import type { Addon } from '../../emulator/addon';
import type { Workspace } from '../../emulator/workspace';
import type { SidebarFunctionName } from '../../src/boundary/sidebarApi';
import { SIDEBAR_API } from '../../src/boundary/sidebarApi';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import type { CalendarChoiceInput, CalendarSyncState } from '../../src/shared/calendarWire';
import type { PlanSettings } from '../../src/shared/settings';
import { appendRows, EXAMPLE_PARTNERS, syncFixture } from '../harness/syncFixture';

const COORDINATOR = 'coordinator@example.org';
const PARTNER = 'outreach@riverside-library.example.org';
const SETTINGS_KEY = 'sharedWorkPlan.settings';
const APPROVALS_KEY = 'sharedWorkPlan.approvals';

function settingsOf(ws: Workspace, documentId: string): PlanSettings {
  return JSON.parse(
    ws.properties.documentPropertiesOf(documentId).data.get(SETTINGS_KEY) ?? 'null',
  ) as PlanSettings;
}

/** Everything that decides what acts with someone's authority: settings, triggers, sharing. */
function authoritySnapshot(ws: Workspace, documentId: string) {
  return {
    calendar: settingsOf(ws, documentId).calendar,
    triggers: ws.script
      .toJSON()
      .map((t) => `${t.documentId}:${t.owner}:${t.eventType}:${t.handler}`)
      .sort(),
    acl: ws.calendar
      .toJSON()
      .calendars.filter((c) => !c.deleted)
      .map((c) => `${c.id}: ${c.acl.map((r) => `${r.role}=${r.scope.value}`).join(',')}`)
      .sort(),
    calendars: ws.calendar.listCalendars().length,
    approved: approvedOf(ws, documentId),
    // The weekly partner email's switch (issue 14): an authority setting too.
    digest:
      ws.properties.documentPropertiesOf(documentId).data.get('sharedWorkPlan.digest') ?? null,
    // The health check's rounds (issue 24): who was invited, what form, what state.
    health:
      ws.properties.documentPropertiesOf(documentId).data.get('sharedWorkPlan.health') ?? null,
    // The community surveys and the answers accepted or declined (issue 24).
    survey:
      ws.properties.documentPropertiesOf(documentId).data.get('sharedWorkPlan.survey') ?? null,
    forms: ws.forms.forms.size,
    sent: ws.mail.sent.length,
  };
}

/** The addresses the coordinator approved (the approval book, joined from its parts). */
function approvedOf(ws: Workspace, documentId: string): string[] {
  const data = ws.properties.documentPropertiesOf(documentId).data;
  let text = '';
  for (let n = 0; ; n++) {
    const part = data.get(n === 0 ? APPROVALS_KEY : `${APPROVALS_KEY}.${n}`);
    if (part === undefined) break;
    text += part;
  }
  const book = text ? (JSON.parse(text) as { approved?: Record<string, unknown> }) : {};
  return Object.keys(book.approved ?? {}).sort();
}

const NEW_SHARED: CalendarChoiceInput = {
  mode: 'new',
  calendarId: null,
  shareWithPartners: true,
  invitePartners: false,
  sendInvites: false,
};

/** A plan the coordinator set up: a new shared calendar, both automatic syncs, one sync run. */
function coordinatedPlan() {
  const fixture = syncFixture({ calendar: { mode: 'none', calendarId: null } });
  const { ws, addon } = fixture;
  const doc = ws.currentSpreadsheetId;
  ws.sheets.book.state.editors.push(PARTNER);
  const state = addon.runFromSidebar('saveCalendarChoice', NEW_SHARED) as CalendarSyncState;
  addon.runFromSidebar('setAutoSync', { afterEdits: true, hourly: true });
  appendRows(ws, CALENDAR_TAB, [{ title: 'Kick-off', startDate: '2027-03-10' }]);
  addon.run('syncCalendar');
  return { ws, addon, doc, calendarId: state.calendarId as string };
}

const asPartner = (ws: Workspace, addon: Addon, doc: string, name: string, args: unknown[]) =>
  ws.as(PARTNER, doc, () => addon.runFromSidebar(name, ...args));

describe('settings only the coordinator can change', () => {
  it('records who owns the settings and shows them read-only, with the owner, to everyone else', () => {
    const { ws, addon, doc } = coordinatedPlan();
    expect(settingsOf(ws, doc).calendar.owner).toBe(COORDINATOR);
    const mine = addon.runFromSidebar('getCalendarSyncState') as CalendarSyncState;
    expect(mine).toMatchObject({ owner: COORDINATOR, isOwner: true });
    const theirs = asPartner(ws, addon, doc, 'getCalendarSyncState', []) as CalendarSyncState;
    expect(theirs).toMatchObject({
      owner: COORDINATOR,
      isOwner: false,
      // The owner's automatic syncs, though the partner cannot see the owner's triggers.
      autoSync: { afterEdits: true, hourly: true },
    });
  });

  it('refuses, on the server, every change a non-owner tries through any sidebar function', () => {
    const { ws, addon, doc, calendarId } = coordinatedPlan();
    const partnerCalendar = ws.calendar.addCalendar({ name: 'Library events', timeZone: 'UTC' });
    const setup = (calendar: unknown) => ({
      name: 'Riverside Community Schools Partnership',
      coordinator: 'Someone Else',
      coordinatorEmail: PARTNER,
      timeZone: 'America/New_York',
      calendar,
    });
    const choice = (over: Partial<CalendarChoiceInput>) => ({ ...NEW_SHARED, ...over });
    // Every sidebar function, each with what a partner would send to take control (the Record
    // type makes a new sidebar function a compile error here until it is listed).
    const attempts: Record<SidebarFunctionName, unknown[][]> = {
      getPlanOverview: [[]],
      getSetupForm: [[]],
      setUpPlan: [
        [setup({ mode: 'existing', calendarId: COORDINATOR })],
        [setup({ mode: 'existing', calendarId: partnerCalendar })],
        [setup({ mode: 'none' })],
        [setup({ mode: 'new' })],
        // Set-up asks about automatic syncs too: a partner cannot stop (or start) them there.
        [setup({ mode: 'new', autoSync: { afterEdits: false, hourly: false } })],
      ],
      repairPlan: [[]],
      addPartner: [[{ organisation: 'Outside Co', email: 'someone@outside.example' }]],
      openPlanTab: [['calendar', 2]],
      getAssessmentForm: [[]],
      addAssessmentFinding: [[{}]],
      buildAssetMap: [[]],
      addGapActivity: [['F1']],
      buildLogicModel: [[]],
      getLogicModelDraft: [[null]],
      saveGoalDetails: [[{ goalId: 'G1' }]],
      saveOutcome: [[{ goalId: 'G1' }]],
      addActivity: [[{ goalId: 'G1', outcomeId: 'O1', title: 'x' }]],
      syncCalendar: [[]],
      previewSync: [[]],
      getCalendarSyncState: [[]],
      listCalendars: [[]],
      saveCalendarChoice: [
        [choice({ mode: 'existing', calendarId: COORDINATOR })],
        [choice({ mode: 'existing', calendarId: partnerCalendar, shareWithPartners: false })],
        [choice({ mode: 'new', calendarId: null })],
        [choice({ mode: 'new', shareWithPartners: true, invitePartners: true, sendInvites: true })],
        [choice({ mode: 'existing', calendarId, shareWithPartners: false })],
        [choice({ mode: 'existing', calendarId: partnerCalendar, confirmMove: 1 })],
      ],
      previewCalendarMove: [[choice({ mode: 'existing', calendarId: partnerCalendar })]],
      setAutoSync: [
        [{ afterEdits: false, hourly: false }],
        [{ afterEdits: true, hourly: false }],
        [{ afterEdits: true, hourly: true }],
      ],
      getSyncProgress: [[]],
      resolveCalendarChange: [['A1', 'calendar']],
      exportIcs: [[]],
      goToCalendarRow: [[2]],
      getGoalsForm: [[]],
      saveGoal: [[{ goal: 'Take over the plan' }]],
      recordProgress: [[{ outcomeId: 'O1', date: '2027-03-01', value: 1 }]],
      buildDashboard: [[]],
      buildPartnerBriefs: [[null]],
      getDigestPreview: [[]],
      setDigestEnabled: [[{ enabled: true }], [{ enabled: false }]],
      getApprovals: [[]],
      approvePeople: [[['someone@outside.example']], [[PARTNER]]],
      unapprovePeople: [[[COORDINATOR]]],
      getImportProposals: [[]],
      acceptImports: [[['abcdefgh12345']]],
      declineImports: [[['abcdefgh12345']]],
      setImportMode: [['automatic'], ['off']],
      getHandoverState: [[]],
      offerHandover: [[{ to: PARTNER }], [{ to: 'someone@outside.example' }]],
      cancelHandover: [[]],
      acceptHandover: [[{ afterEdits: true, hourly: true, weeklyEmail: true }]],
      takeOverPlan: [[{ afterEdits: true, hourly: true, weeklyEmail: true }]],
      getHealthCheck: [[]],
      openHealthRound: [[{ closes: '2099-01-01' }]],
      sendHealthLinks: [[]],
      closeHealthRound: [[]],
      setHealthLinkInDigest: [[{ enabled: false }]],
      draftHealthActivity: [['communication']],
      buildHealthCheck: [[]],
      getCommunitySurvey: [[]],
      makeCommunitySurvey: [[{ names: false }], [{ names: true }]],
      acceptSurveyAnswers: [[['Survey 1:response-1']]],
      acceptAllSurveyAnswers: [[['a']]],
      declineSurveyAnswers: [[['Survey 1:response-1']]],
    };
    expect(Object.keys(attempts).sort()).toEqual(Object.keys(SIDEBAR_API).sort());
    const before = authoritySnapshot(ws, doc);
    const refusals: string[] = [];
    for (const [name, calls] of Object.entries(attempts))
      for (const args of calls) {
        try {
          asPartner(ws, addon, doc, name, args);
        } catch (error) {
          refusals.push(`${name}: ${(error as Error).message}`);
        }
      }
    expect(authoritySnapshot(ws, doc)).toEqual(before);
    // The authority changes were refused in words that name the owner (not failed by accident).
    const named = refusals.filter((r) => r.includes(`Only ${COORDINATOR} can change`));
    expect(named.map((r) => r.split(':')[0]).sort()).toEqual([
      'acceptAllSurveyAnswers',
      'acceptImports',
      'acceptSurveyAnswers',
      ...Array(2).fill('approvePeople'),
      'cancelHandover',
      'closeHealthRound',
      'declineImports',
      'declineSurveyAnswers',
      'draftHealthActivity',
      ...Array(2).fill('makeCommunitySurvey'),
      ...Array(2).fill('offerHandover'),
      'openHealthRound',
      ...Array(6).fill('saveCalendarChoice'),
      'sendHealthLinks',
      ...Array(3).fill('setAutoSync'),
      ...Array(2).fill('setDigestEnabled'),
      'setHealthLinkInDigest',
      ...Array(2).fill('setImportMode'),
      ...Array(4).fill('setUpPlan'),
      'unapprovePeople',
    ]);
    // Each refusal names the setting it refuses (the weekly email's never speaks of the calendar).
    const setting: Record<string, RegExp> = {
      acceptImports: /can change how events added in Google Calendar come into the plan/,
      declineImports: /can change how events added in Google Calendar come into the plan/,
      setImportMode: /can change how events added in Google Calendar come into the plan/,
      approvePeople: /can change who is approved/,
      unapprovePeople: /can change who is approved/,
      setDigestEnabled: /can change the weekly email to partners/,
      saveCalendarChoice: /can change the calendar settings/,
      setAutoSync: /can change the calendar settings/,
      setUpPlan: /can change the calendar settings/,
      offerHandover: /can change who coordinates the plan/,
      cancelHandover: /can change who coordinates the plan/,
      openHealthRound: /can change the partnership health check/,
      sendHealthLinks: /can change the partnership health check/,
      closeHealthRound: /can change the partnership health check/,
      setHealthLinkInDigest: /can change the partnership health check/,
      draftHealthActivity: /can change the partnership health check/,
      makeCommunitySurvey: /can change the community survey/,
      acceptSurveyAnswers: /can change the community survey/,
      acceptAllSurveyAnswers: /can change the community survey/,
      declineSurveyAnswers: /can change the community survey/,
    };
    for (const refusal of named) {
      const [name] = refusal.split(':');
      expect(refusal).toMatch(setting[name]);
      if (name === 'setDigestEnabled') expect(refusal).not.toMatch(/calendar/i);
    }
  });

  it('refuses a non-owner through the menu and the other public functions too', () => {
    // The coordinator chose a new group calendar in set-up; the first sync is to create it.
    const { ws, addon } = syncFixture({ calendar: { mode: 'none', calendarId: null } });
    const doc = ws.currentSpreadsheetId;
    ws.sheets.book.state.editors.push(PARTNER);
    addon.runFromSidebar('setUpPlan', {
      name: 'Riverside Community Schools Partnership',
      calendar: { mode: 'new' },
    });
    expect(settingsOf(ws, doc).calendar).toMatchObject({ mode: 'new', owner: COORDINATOR });
    const before = authoritySnapshot(ws, doc);
    const publicOnes = addon
      .topLevelFunctions()
      .filter((n) => !n.endsWith('_') && !(n in SIDEBAR_API) && n !== 'runSelfTest');
    expect(publicOnes).toContain('syncCalendarNow');
    for (const name of publicOnes)
      try {
        ws.as(PARTNER, doc, () => addon.run(name));
      } catch {
        // A refusal or a missing argument: either way nothing may change.
      }
    // No calendar was made in the partner's account and saved as the plan's.
    expect(authoritySnapshot(ws, doc)).toEqual(before);
  });

  it('lets the owner hand over by turning automatic sync off; the next to save owns the settings', () => {
    const { ws, addon, doc } = coordinatedPlan();
    addon.runFromSidebar('setAutoSync', { afterEdits: false, hourly: false });
    expect(settingsOf(ws, doc).calendar.owner).toBeNull();
    asPartner(ws, addon, doc, 'setAutoSync', [{ afterEdits: false, hourly: true }]);
    expect(settingsOf(ws, doc).calendar.owner).toBe(PARTNER);
    expect(() => addon.runFromSidebar('setAutoSync', { afterEdits: true, hourly: true })).toThrow(
      `Only ${PARTNER} can change`,
    );
  });
});

describe('a trigger acts only for the settings’ owner', () => {
  it('does nothing when the trigger belongs to someone else, and syncs when it is the owner’s', () => {
    const { ws, addon, doc, calendarId } = coordinatedPlan();
    // The partner's own trigger, as one made before owners existed or by a former coordinator.
    ws.as(PARTNER, doc, () =>
      (
        ws.script.app.newTrigger as (h: string) => {
          forSpreadsheet(d: string): { onEdit(): { create(): unknown } };
        }
      )('syncCalendarAfterEdit_')
        .forSpreadsheet(doc)
        .onEdit()
        .create(),
    );
    // The coordinator's after-edit trigger is turned off: only the partner's may fire.
    addon.runFromSidebar('setAutoSync', { afterEdits: false, hourly: true });
    const events = () => ws.calendar.liveEvents(calendarId).length;
    const had = events();
    ws.as(PARTNER, doc, () =>
      appendRows(ws, CALENDAR_TAB, [
        { title: 'Partner’s workshop', startDate: '2027-03-12', status: 'Confirmed' },
      ]),
    );
    expect(events()).toBe(had);
    expect(ws.logs.join('\n')).toMatch(
      new RegExp(
        `did nothing: this trigger belongs to ${PARTNER}, but the calendar settings belong to ${COORDINATOR}`,
      ),
    );
    ws.runtime.advance(3600_000);
    expect(addon.runDueTriggers()).toEqual(['syncCalendarHourly_']);
    expect(events()).toBe(had + 1);
  });
});

describe('calendars', () => {
  it('refuses at once a calendar ID that does not exist or is read-only, in the sidebar and in set-up', () => {
    const { ws, addon, doc } = coordinatedPlan();
    const readOnly = ws.calendar.addCalendar({
      name: 'District calendar',
      timeZone: 'UTC',
      ownerEmail: 'district@example.org',
      access: 'reader',
    });
    const before = authoritySnapshot(ws, doc);
    for (const [id, why] of [
      ['no-such-calendar@group.calendar.google.com', /Choose one of your calendars in the list/],
      [readOnly, /can see the calendar “District calendar” but not change its events/],
    ] as const) {
      expect(() =>
        addon.runFromSidebar('saveCalendarChoice', {
          ...NEW_SHARED,
          mode: 'existing',
          calendarId: id,
          shareWithPartners: false,
        }),
      ).toThrow(why);
      expect(() =>
        addon.runFromSidebar('setUpPlan', {
          name: 'Riverside Community Schools Partnership',
          calendar: { mode: 'existing', calendarId: id },
        }),
      ).toThrow(why);
    }
    expect(authoritySnapshot(ws, doc)).toEqual(before);
  });

  it('never shares the primary calendar nor one the add-on did not create', () => {
    const { ws, addon } = syncFixture({ calendar: { mode: 'none', calendarId: null } });
    const own = ws.calendar.addCalendar({ name: 'My team', timeZone: 'UTC' });
    for (const id of [COORDINATOR, own])
      expect(() =>
        addon.runFromSidebar('saveCalendarChoice', {
          ...NEW_SHARED,
          mode: 'existing',
          calendarId: id,
        }),
      ).toThrow(/never shares your main \(primary\) calendar|shares only a calendar it created/);
    // Settings that say otherwise (stored before this rule) still share nothing.
    for (const mine of [true, false]) {
      const f = syncFixture({ calendar: { mode: 'none', calendarId: null } });
      const id = mine ? COORDINATOR : f.ws.calendar.addCalendar({ name: 'Mine', timeZone: 'UTC' });
      const stored = settingsOf(f.ws, f.ws.currentSpreadsheetId);
      f.ws.properties.document.data.set(
        SETTINGS_KEY,
        JSON.stringify({
          ...stored,
          calendar: {
            ...stored.calendar,
            mode: 'existing',
            calendarId: id,
            shareWithPartners: true,
          },
        }),
      );
      appendRows(f.ws, CALENDAR_TAB, [{ title: 'Kick-off', startDate: '2027-03-10' }]);
      f.addon.run('syncCalendar');
      const acl = f.ws.calendar.toJSON().calendars.find((c) => c.id === id)?.acl ?? [];
      expect(acl.filter((r) => r.role === 'reader')).toEqual([]);
    }
  });

  it('shares a group calendar made before it kept its list once the owner saves the choice again', () => {
    const { ws, addon } = syncFixture({ calendar: { mode: 'none', calendarId: null } });
    const { calendarId } = addon.runFromSidebar('saveCalendarChoice', {
      ...NEW_SHARED,
      shareWithPartners: false,
    }) as CalendarSyncState;
    ws.properties.userPropertiesOf(COORDINATOR).data.delete('swp.calendarsCreated');
    const stored = settingsOf(ws, ws.currentSpreadsheetId);
    ws.properties.document.data.set(
      SETTINGS_KEY,
      JSON.stringify({ ...stored, calendar: { ...stored.calendar, shareWithPartners: true } }),
    );
    appendRows(ws, CALENDAR_TAB, [{ title: 'Kick-off', startDate: '2027-03-10' }]);
    addon.run('syncCalendar');
    const readers = () =>
      (ws.calendar.toJSON().calendars.find((c) => c.id === calendarId)?.acl ?? []).filter(
        (r) => r.role === 'reader',
      );
    // A sync never adopts a calendar: only the owner's explicit save does.
    expect(readers()).toEqual([]);
    addon.runFromSidebar('saveCalendarChoice', NEW_SHARED);
    // Sharing reaches only people the owner approved (docs/approvals.md).
    addon.runFromSidebar(
      'approvePeople',
      EXAMPLE_PARTNERS.map((p) => String(p.email)),
    );
    addon.run('syncCalendar');
    expect(readers()).toHaveLength(3);
  });
});

describe('triggers per document', () => {
  function twoPlans() {
    const { ws, addon, doc } = coordinatedPlan();
    const other = ws.addSpreadsheet({ name: 'Second plan' }).book.state.id;
    ws.as(COORDINATOR, other, () =>
      addon.runFromSidebar('setAutoSync', { afterEdits: true, hourly: true }),
    );
    return { ws, addon, doc, other };
  }
  const handlersIn = (ws: Workspace, documentId: string) =>
    ws.script
      .toJSON()
      .filter((t) => t.documentId === documentId)
      .map((t) => t.handler)
      .sort();

  it('turning one plan’s syncs off leaves the other plan’s triggers alone', () => {
    const { ws, addon, doc, other } = twoPlans();
    addon.runFromSidebar('setAutoSync', { afterEdits: false, hourly: false });
    expect(handlersIn(ws, doc)).toEqual([]);
    expect(handlersIn(ws, other)).toEqual(['syncCalendarAfterEdit_', 'syncCalendarHourly_']);
    const state = ws.as(COORDINATOR, other, () => addon.runFromSidebar('getCalendarSyncState'));
    expect((state as CalendarSyncState).autoSync).toEqual({ afterEdits: true, hourly: true });
  });

  it('another plan’s hourly sync does not stop this one scheduling its continuation', () => {
    const { ws, addon, doc, other } = twoPlans();
    addon.runFromSidebar('setAutoSync', { afterEdits: false, hourly: false });
    appendRows(
      ws,
      CALENDAR_TAB,
      Array.from({ length: 4 }, (_, i) => ({ title: `Session ${i + 1}`, startDate: '2027-03-15' })),
    );
    ws.runtime.failAt('Calendar.Events.insert', 2, 'Rate Limit Exceeded');
    addon.run('syncCalendar');
    expect(handlersIn(ws, doc)).toEqual(['continueCalendarSync_']);
    expect(handlersIn(ws, other)).toEqual(['syncCalendarAfterEdit_', 'syncCalendarHourly_']);
  });
});

describe('private trigger handlers', () => {
  it('renews the owner’s triggers made under the handlers’ old public names when the sidebar opens', () => {
    const { ws, addon, doc } = coordinatedPlan();
    addon.runFromSidebar('setAutoSync', { afterEdits: false, hourly: false });
    addon.runFromSidebar('saveCalendarChoice', NEW_SHARED);
    const make = ws.script.app.newTrigger as (h: string) => {
      timeBased(): { everyHours(n: number): { create(): unknown } };
    };
    make('syncCalendarHourly').timeBased().everyHours(1).create();
    const state = addon.runFromSidebar('getCalendarSyncState') as CalendarSyncState;
    expect(state.autoSync).toEqual({ afterEdits: false, hourly: true });
    expect(
      ws.script
        .toJSON()
        .filter((t) => t.documentId === doc)
        .map((t) => t.handler),
    ).toEqual(['syncCalendarHourly_']);
  });

  it('are not callable from a sidebar, whoever asks', () => {
    const { ws, addon, doc } = coordinatedPlan();
    const handlers = addon.topLevelFunctions().filter((n) => n.endsWith('_'));
    expect(handlers.sort()).toEqual([
      'continueCalendarSync_',
      'onHealthFormSubmit_',
      'selfTestTriggerProbe_',
      'sendPartnerDigest_',
      'syncCalendarAfterEdit_',
      'syncCalendarHourly_',
    ]);
    for (const name of handlers)
      for (const user of [COORDINATOR, PARTNER])
        expect(() => ws.as(user, doc, () => addon.runFromSidebar(name))).toThrow(
          `google.script.run.${name} is not a function`,
        );
    // The names released before the handlers were private stay as forwarding stubs (a trigger
    // names its function): a sidebar can reach them, and for anyone without a trigger of that
    // name they do nothing at all.
    const before = authoritySnapshot(ws, doc);
    const calls = ws.runtime.counts_();
    for (const name of ['syncCalendarAfterEdit', 'syncCalendarHourly', 'continueCalendarSync'])
      for (const user of [COORDINATOR, PARTNER]) ws.as(user, doc, () => addon.runFromSidebar(name));
    expect(authoritySnapshot(ws, doc)).toEqual(before);
    expect(ws.runtime.counts_()['Calendar.Events.list'] ?? 0).toBe(
      calls['Calendar.Events.list'] ?? 0,
    );
    // Every trigger the add-on makes names one of them.
    expect(ws.script.toJSON().every((t) => handlers.includes(t.handler))).toBe(true);
  });
});
