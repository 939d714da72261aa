// The advanced Calendar service (REST v3 shape): list/sync tokens, CRUD, errors, Acl, shared store.
import { CalendarEmulator, GoogleJsonResponseException } from '../../emulator/calendar';
import { Runtime } from '../../emulator/runtime';

const USER = 'coordinator@example.org';

function setup() {
  const runtime = new Runtime({ startTime: Date.UTC(2027, 0, 10, 12) });
  const emu = new CalendarEmulator(runtime, {
    userEmail: USER,
    defaultCalendarTimeZone: 'Europe/Paris',
    scriptTimeZone: () => 'Europe/Paris',
  });
  return { runtime, emu, app: emu.calendarApp, cal: emu.advanced };
}

const timed = (
  summary: string,
  start: string,
  end: string,
  extra: GoogleAppsScript.Calendar.Schema.Event = {},
) => ({
  summary,
  start: { dateTime: start },
  end: { dateTime: end },
  ...extra,
});

function restError(fn: () => unknown): GoogleJsonResponseException {
  try {
    fn();
  } catch (e) {
    if (e instanceof GoogleJsonResponseException) return e;
    throw e;
  }
  throw new Error('expected a GoogleJsonResponseException');
}

describe('Calendar.Events resources', () => {
  test('insert returns the REST resource: id, iCalUID = id@google.com, RFC 3339 times, created/updated', () => {
    const { cal } = setup();
    const ev = cal.Events.insert(
      timed('Kick-off', '2027-02-01T10:00:00+01:00', '2027-02-01T11:00:00+01:00'),
      'primary',
    );
    expect(ev.id).toMatch(/^[a-v0-9]{5,}$/);
    expect(ev.iCalUID).toBe(`${ev.id}@google.com`);
    expect(ev.status).toBe('confirmed');
    expect(ev.start).toEqual({ dateTime: '2027-02-01T10:00:00+01:00' });
    expect(ev.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(ev.updated).toBe(ev.created);
    expect(ev.htmlLink).toMatch(/^https:\/\/www\.google\.com\/calendar\/event\?eid=/);
    expect(ev.etag).toMatch(/^".+"$/);
    expect(ev.sequence).toBe(0);
  });

  test('the two services share one store: CalendarApp getId() is the REST iCalUID', () => {
    const { cal, app } = setup();
    const ev = cal.Events.insert(
      timed('Shared', '2027-02-01T10:00:00Z', '2027-02-01T11:00:00Z'),
      'primary',
    );
    const viaApp = app.getEventById(ev.iCalUID!)!;
    expect(viaApp.getId()).toBe(ev.iCalUID);
    expect(viaApp.getTitle()).toBe('Shared');
    expect(app.getEventById(ev.id!)?.getTitle()).toBe('Shared');
  });

  test('CalendarApp tags are private extended properties, filterable with privateExtendedProperty', () => {
    const { cal, app } = setup();
    const a = app.createEvent('A', new Date('2027-02-01T10:00Z'), new Date('2027-02-01T11:00Z'));
    a.setTag('swpRow', '17').setTag('swpPlan', 'p1');
    app
      .createEvent('B', new Date('2027-02-02T10:00Z'), new Date('2027-02-02T11:00Z'))
      .setTag('swpPlan', 'p1');
    app.createEvent('C', new Date('2027-02-03T10:00Z'), new Date('2027-02-03T11:00Z'));
    const all = cal.Events.list('primary').items!;
    expect(all.find((e) => e.summary === 'A')?.extendedProperties).toEqual({
      private: { swpRow: '17', swpPlan: 'p1' },
    });
    const plan = cal.Events.list('primary', { privateExtendedProperty: 'swpPlan=p1' }).items!;
    expect(plan.map((e) => e.summary)).toEqual(['A', 'B']);
    const both = cal.Events.list('primary', {
      privateExtendedProperty: ['swpPlan=p1', 'swpRow=17'],
    }).items!;
    expect(both.map((e) => e.summary)).toEqual(['A']);
  });

  test('patch merges: given fields change, private properties merge key by key, updated moves', () => {
    const { cal, runtime } = setup();
    const ev = cal.Events.insert(
      timed('A', '2027-02-01T10:00:00Z', '2027-02-01T11:00:00Z', {
        description: 'd',
        extendedProperties: { private: { a: '1' } },
      }),
      'primary',
    );
    runtime.advance(1000);
    const p = cal.Events.patch(
      { summary: 'B', extendedProperties: { private: { b: '2' } } },
      'primary',
      ev.id!,
    );
    expect(p.summary).toBe('B');
    expect(p.description).toBe('d');
    expect(p.extendedProperties?.private).toEqual({ a: '1', b: '2' });
    expect(Date.parse(p.updated!)).toBeGreaterThan(Date.parse(ev.updated!));
    expect(p.sequence).toBe(1);
  });

  test('update replaces: fields left out are cleared', () => {
    const { cal } = setup();
    const ev = cal.Events.insert(
      timed('A', '2027-02-01T10:00:00Z', '2027-02-01T11:00:00Z', { description: 'd' }),
      'primary',
    );
    const u = cal.Events.update(
      timed('B', '2027-02-01T12:00:00Z', '2027-02-01T13:00:00Z'),
      'primary',
      ev.id!,
    );
    expect(u.summary).toBe('B');
    expect(u.description).toBeUndefined();
    expect(u.start?.dateTime).toBe('2027-02-01T13:00:00+01:00');
  });

  test('get of an unknown id is 404 "Not Found"; remove twice is 410 "Resource has been deleted"', () => {
    const { cal } = setup();
    const e404 = restError(() => cal.Events.get('primary', 'nosuchevent'));
    expect(e404.message).toBe('API call to calendar.events.get failed with error: Not Found');
    expect(e404.details.code).toBe(404);
    const ev = cal.Events.insert(
      timed('A', '2027-02-01T10:00:00Z', '2027-02-01T11:00:00Z'),
      'primary',
    );
    cal.Events.remove('primary', ev.id!);
    expect(cal.Events.get('primary', ev.id!).status).toBe('cancelled');
    const e410 = restError(() => cal.Events.remove('primary', ev.id!));
    expect(e410.message).toBe(
      'API call to calendar.events.delete failed with error: Resource has been deleted',
    );
    expect(e410.details.code).toBe(410);
    expect(restError(() => cal.Events.remove('primary', 'nosuchevent')).details.code).toBe(404);
  });

  test('a client-chosen id that exists is 409; a read-only calendar is 403 writer access', () => {
    const { cal, emu } = setup();
    cal.Events.insert(
      timed('A', '2027-02-01T10:00:00Z', '2027-02-01T11:00:00Z', { id: 'sp0r00017' }),
      'primary',
    );
    expect(
      restError(() =>
        cal.Events.insert(
          timed('A', '2027-02-01T10:00:00Z', '2027-02-01T11:00:00Z', { id: 'sp0r00017' }),
          'primary',
        ),
      ).details.code,
    ).toBe(409);
    const ro = emu.addCalendar({
      name: 'RO',
      timeZone: 'UTC',
      ownerEmail: 'x@y.org',
      access: 'reader',
    });
    const e = restError(() =>
      cal.Events.insert(timed('A', '2027-02-01T10:00:00Z', '2027-02-01T11:00:00Z'), ro),
    );
    expect(e.message).toBe(
      'API call to calendar.events.insert failed with error: You need to have writer access to this calendar.',
    );
  });

  test('a dateTime without offset needs a timeZone; end before start is refused', () => {
    const { cal } = setup();
    expect(
      restError(() =>
        cal.Events.insert(timed('A', '2027-02-01T10:00:00', '2027-02-01T11:00:00'), 'primary'),
      ).details.code,
    ).toBe(400);
    const ok = cal.Events.insert(
      {
        summary: 'Z',
        start: { dateTime: '2027-02-01T10:00:00', timeZone: 'America/New_York' },
        end: { dateTime: '2027-02-01T11:00:00', timeZone: 'America/New_York' },
      },
      'primary',
    );
    expect(ok.start).toEqual({
      dateTime: '2027-02-01T16:00:00+01:00',
      timeZone: 'America/New_York',
    });
    expect(
      restError(() =>
        cal.Events.insert(timed('A', '2027-02-01T11:00:00Z', '2027-02-01T10:00:00Z'), 'primary'),
      ).details.code,
    ).toBe(400);
  });

  test('sendUpdates defaults to none: no invitations unless asked', () => {
    const { cal, emu } = setup();
    cal.Events.insert(
      timed('A', '2027-02-01T10:00:00Z', '2027-02-01T11:00:00Z', {
        attendees: [{ email: 'p@x.org' }],
      }),
      'primary',
    );
    expect(emu.invitationsSent()).toHaveLength(0);
    cal.Events.insert(
      timed('B', '2027-02-01T10:00:00Z', '2027-02-01T11:00:00Z', {
        attendees: [{ email: 'p@x.org' }],
      }),
      'primary',
      { sendUpdates: 'all' },
    );
    expect(emu.invitationsSent()).toHaveLength(1);
  });
});

describe('Calendar.Events.list', () => {
  test('one counted call returns full resources for a page', () => {
    const { cal, app, runtime } = setup();
    for (let i = 0; i < 100; i++)
      app.createEvent(
        `E${i}`,
        new Date(Date.UTC(2027, 1, 1, 0, i)),
        new Date(Date.UTC(2027, 1, 1, 1, i)),
      );
    runtime.resetCounts();
    const res = cal.Events.list('primary', {
      timeMin: '2027-02-01T00:00:00Z',
      timeMax: '2027-02-02T00:00:00Z',
    });
    expect(res.items).toHaveLength(100);
    expect(res.items![5].summary).toBe('E5');
    expect(runtime.count('Calendar.Events.list')).toBe(1);
    expect(runtime.count('Calendar.')).toBe(1);
    expect(res.timeZone).toBe('Europe/Paris');
  });

  test('maxResults defaults to 250 (max 2500); nextPageToken pages; nextSyncToken only on the last page', () => {
    const { cal, app } = setup();
    for (let i = 0; i < 260; i++)
      app.createEvent(
        `E${i}`,
        new Date(Date.UTC(2027, 1, 1, 0, i)),
        new Date(Date.UTC(2027, 1, 1, 1, i)),
      );
    const p1 = cal.Events.list('primary');
    expect(p1.items).toHaveLength(250);
    expect(p1.nextPageToken).toBeDefined();
    expect(p1.nextSyncToken).toBeUndefined();
    const p2 = cal.Events.list('primary', { pageToken: p1.nextPageToken });
    expect(p2.items).toHaveLength(10);
    expect(p2.nextPageToken).toBeUndefined();
    expect(p2.nextSyncToken).toBeDefined();
    expect(cal.Events.list('primary', { maxResults: 5000 }).items).toHaveLength(260);
  });

  test('timeMin bounds the end (exclusive), timeMax the start (exclusive); offsets are mandatory', () => {
    const { cal } = setup();
    cal.Events.insert(timed('A', '2027-02-01T10:00:00Z', '2027-02-01T11:00:00Z'), 'primary');
    expect(cal.Events.list('primary', { timeMin: '2027-02-01T11:00:00Z' }).items).toHaveLength(0);
    expect(cal.Events.list('primary', { timeMax: '2027-02-01T10:00:00Z' }).items).toHaveLength(0);
    expect(
      cal.Events.list('primary', {
        timeMin: '2027-02-01T10:59:00Z',
        timeMax: '2027-02-01T10:01:00Z',
      }).items,
    ).toHaveLength(1);
    expect(
      restError(() => cal.Events.list('primary', { timeMin: '2027-02-01T10:00:00' })).details.code,
    ).toBe(400);
  });

  test('orderBy startTime needs singleEvents', () => {
    const { cal } = setup();
    expect(restError(() => cal.Events.list('primary', { orderBy: 'startTime' })).details.code).toBe(
      400,
    );
  });

  test('deleted events appear as status "cancelled" only with showDeleted', () => {
    const { cal, app } = setup();
    app
      .createEvent('A', new Date('2027-02-01T10:00Z'), new Date('2027-02-01T11:00Z'))
      .deleteEvent();
    expect(cal.Events.list('primary').items).toHaveLength(0);
    const [gone] = cal.Events.list('primary', { showDeleted: true }).items!;
    expect(gone.status).toBe('cancelled');
    expect(gone.id).toBeDefined();
  });

  test('incremental sync returns only changes since the token, deletions as cancelled', () => {
    const { cal, app, emu, runtime } = setup();
    const keep = app.createEvent(
      'Keep',
      new Date('2027-02-01T10:00Z'),
      new Date('2027-02-01T11:00Z'),
    );
    const edit = app.createEvent(
      'Edit',
      new Date('2027-02-02T10:00Z'),
      new Date('2027-02-02T11:00Z'),
    );
    const drop = app.createEvent(
      'Drop',
      new Date('2027-02-03T10:00Z'),
      new Date('2027-02-03T11:00Z'),
    );
    const full = cal.Events.list('primary');
    expect(full.items).toHaveLength(3);
    runtime.advance(60_000);
    emu.userEditsEvent(USER, edit.getId(), { title: 'Edited by partner' });
    emu.userDeletesEvent(USER, drop.getId());
    app.createEvent('New', new Date('2027-02-04T10:00Z'), new Date('2027-02-04T11:00Z'));
    const inc = cal.Events.list('primary', { syncToken: full.nextSyncToken });
    const byStatus = inc.items!.map((e) => `${e.status}:${e.summary ?? ''}`).sort();
    expect(byStatus).toEqual(['cancelled:', 'confirmed:Edited by partner', 'confirmed:New']);
    expect(inc.items!.some((e) => e.iCalUID === keep.getId())).toBe(false);
    const again = cal.Events.list('primary', { syncToken: inc.nextSyncToken });
    expect(again.items).toHaveLength(0);
  });

  test('syncToken cannot be combined with privateExtendedProperty, q, timeMin, timeMax or updatedMin', () => {
    const { cal } = setup();
    const token = cal.Events.list('primary').nextSyncToken;
    for (const extra of [
      { privateExtendedProperty: 'a=b' },
      { q: 'x' },
      { timeMin: '2027-01-01T00:00:00Z' },
      { timeMax: '2027-01-01T00:00:00Z' },
      { updatedMin: '2027-01-01T00:00:00Z' },
    ]) {
      const e = restError(() => cal.Events.list('primary', { syncToken: token, ...extra }));
      expect(e.details.code).toBe(400);
    }
  });

  test('someoneAddsEvent: another person’s event, untagged, in full and incremental lists; showDeleted false with a token is 400; the token only on the last page', () => {
    const { cal, emu } = setup();
    for (let i = 0; i < 3; i++)
      emu.someoneAddsEvent(USER, {
        creator: 'partner@example.org',
        title: `Theirs ${i}`,
        start: new Date(Date.UTC(2027, 1, 1 + i, 10)),
        end: new Date(Date.UTC(2027, 1, 1 + i, 11)),
      });
    const first = cal.Events.list('primary', { maxResults: 2 });
    expect(first.nextPageToken).toBeTruthy();
    expect(first.nextSyncToken).toBeUndefined();
    const last = cal.Events.list('primary', { maxResults: 2, pageToken: first.nextPageToken });
    expect(last.nextPageToken).toBeUndefined();
    expect(last.nextSyncToken).toBeTruthy();
    const listed = [...(first.items ?? []), ...(last.items ?? [])];
    expect(listed.map((e) => e.creator?.email)).toEqual(Array(3).fill('partner@example.org'));
    expect(listed.every((e) => e.creator?.self === undefined && !e.extendedProperties)).toBe(true);
    const added = emu.someoneAddsEvent(USER, {
      creator: 'partner@example.org',
      title: 'All day',
      start: '2027-02-10',
      end: '2027-02-11',
    });
    const inc = cal.Events.list('primary', { syncToken: last.nextSyncToken });
    expect(inc.items?.map((e) => [e.id, e.start?.date])).toEqual([[added, '2027-02-10']]);
    const refused = restError(() =>
      cal.Events.list('primary', { syncToken: inc.nextSyncToken, showDeleted: false }),
    );
    expect(refused.details.code).toBe(400);
  });

  test('an invalid or expired sync token is 410 Gone: do a full sync', () => {
    const { cal, emu } = setup();
    const bad = restError(() => cal.Events.list('primary', { syncToken: 'garbage' }));
    expect(bad.details.code).toBe(410);
    expect(bad.message).toBe(
      'API call to calendar.events.list failed with error: Sync token is no longer valid, a full sync is required.',
    );
    const token = cal.Events.list('primary').nextSyncToken;
    emu.expireSyncTokens(USER);
    expect(restError(() => cal.Events.list('primary', { syncToken: token })).details.code).toBe(
      410,
    );
  });

  test('updatedMin filters by last change and includes deletions since then', () => {
    const { cal, app, runtime } = setup();
    app.createEvent('Old', new Date('2027-02-01T10:00Z'), new Date('2027-02-01T11:00Z'));
    const gone = app.createEvent(
      'Gone',
      new Date('2027-02-02T10:00Z'),
      new Date('2027-02-02T11:00Z'),
    );
    runtime.advance(3_600_000);
    const since = new Date(runtime.now()).toISOString();
    runtime.advance(1000);
    gone.deleteEvent();
    app.createEvent('Fresh', new Date('2027-02-03T10:00Z'), new Date('2027-02-03T11:00Z'));
    const items = cal.Events.list('primary', { updatedMin: since }).items!;
    expect(items.map((e) => e.status).sort()).toEqual(['cancelled', 'confirmed']);
  });

  test('q searches summary, description and location', () => {
    const { cal } = setup();
    cal.Events.insert(timed('Budget', '2027-02-01T10:00:00Z', '2027-02-01T11:00:00Z'), 'primary');
    cal.Events.insert(
      timed('Training', '2027-02-01T10:00:00Z', '2027-02-01T11:00:00Z', {
        location: 'Budget room',
      }),
      'primary',
    );
    cal.Events.insert(timed('Other', '2027-02-01T10:00:00Z', '2027-02-01T11:00:00Z'), 'primary');
    expect(cal.Events.list('primary', { q: 'budget' }).items!.map((e) => e.summary)).toEqual([
      'Budget',
      'Training',
    ]);
  });

  test('an unknown or unshared calendar is 404', () => {
    const { cal, emu } = setup();
    expect(restError(() => cal.Events.list('nope@group.calendar.google.com')).details.code).toBe(
      404,
    );
    const hidden = emu.addCalendar({
      name: 'H',
      timeZone: 'UTC',
      ownerEmail: 'x@y.org',
      access: 'none',
    });
    expect(restError(() => cal.Events.list(hidden)).details.code).toBe(404);
  });
});

describe('Calendars, CalendarList and Acl', () => {
  test('Calendars.insert and get; the calendar shows in CalendarApp', () => {
    const { cal, app } = setup();
    const c = cal.Calendars.insert({ summary: 'Partnership', timeZone: 'America/Chicago' });
    expect(cal.Calendars.get(c.id!)).toMatchObject({
      summary: 'Partnership',
      timeZone: 'America/Chicago',
    });
    expect(app.getCalendarById(c.id!)?.getName()).toBe('Partnership');
    expect(cal.CalendarList.list().items!.map((x) => x.summary)).toContain('Partnership');
  });

  test('Acl.insert shares a calendar with a user; Acl.list shows the owner and the new rule', () => {
    const { cal, app } = setup();
    const id = app.createCalendar('Partnership').getId();
    const rule = cal.Acl.insert(
      { role: 'writer', scope: { type: 'user', value: 'partner@x.org' } },
      id,
    );
    expect(rule).toMatchObject({
      id: 'user:partner@x.org',
      role: 'writer',
      scope: { type: 'user', value: 'partner@x.org' },
    });
    const roles = cal.Acl.list(id).items!.map((r) => `${r.role}:${r.scope?.value}`);
    expect(roles).toEqual([`owner:${USER}`, 'writer:partner@x.org']);
  });

  test('only an owner may change sharing', () => {
    const { cal, emu } = setup();
    const id = emu.addCalendar({
      name: 'Theirs',
      timeZone: 'UTC',
      ownerEmail: 'x@y.org',
      access: 'writer',
    });
    expect(
      restError(() =>
        cal.Acl.insert({ role: 'reader', scope: { type: 'user', value: 'a@b.org' } }, id),
      ).details.code,
    ).toBe(403);
  });
});
