// Calendar accounts of their own, the managerAcl option and suspended accounts: the facts a hand-over rests on.
import type { Ambiguities } from '../../emulator/ambiguities';
import { Workspace } from '../../emulator/workspace';

const MAKER = 'coordinator@example.org';
const NEXT = 'ben@school.example.org';

function workspace(managerAcl: Ambiguities['managerAcl'] = 'manages') {
  const ws = new Workspace({ startTime: Date.UTC(2027, 2, 1), ambiguities: { managerAcl } });
  ws.calendar.addAccount(NEXT, 'Europe/London');
  const calendar = ws.calendar.advanced;
  const made = calendar.Calendars.insert({ summary: 'Group', timeZone: 'UTC' });
  return { ws, calendar, id: made.id as string };
}

const asNext = <T>(ws: Workspace, fn: () => T): T => ws.as(NEXT, ws.currentSpreadsheetId, fn, NEXT);

describe('a calendar account of its own', () => {
  it('sees its own primary calendar and only the calendars whose rules name it, with that role', () => {
    const { ws, calendar, id } = workspace();
    const mine = () => asNext(ws, () => calendar.CalendarList.list().items ?? []);
    expect(mine().map((c) => [c.id, c.accessRole, c.primary ?? false])).toEqual([
      [NEXT, 'owner', true],
    ]);
    expect(() => asNext(ws, () => calendar.Events.list(id))).toThrow(/Not Found/);
    for (const role of ['reader', 'writer', 'owner'] as const) {
      calendar.Acl.insert({ role, scope: { type: 'user', value: NEXT } }, id);
      expect(mine().find((c) => c.id === id)?.accessRole).toBe(role);
    }
    calendar.Acl.remove(id, `user:${NEXT}`);
    expect(mine().map((c) => c.id)).toEqual([NEXT]);
  });

  it('writes events with the owner role, and its new calendars are not shared with the first user', () => {
    const { ws, calendar, id } = workspace();
    calendar.Acl.insert({ role: 'owner', scope: { type: 'user', value: NEXT } }, id);
    const made = asNext(ws, () =>
      calendar.Events.insert(
        { summary: 'Hers', start: { date: '2027-03-02' }, end: { date: '2027-03-03' } },
        id,
      ),
    );
    expect(made.creator?.email).toBe(NEXT);
    const own = asNext(ws, () =>
      calendar.Calendars.insert({ summary: 'Her own', timeZone: 'UTC' }),
    );
    expect(() => calendar.Events.list(own.id as string)).toThrow(/Not Found/);
    expect(ws.calendar.aclOf(own.id as string)).toEqual([{ role: 'owner', scope: NEXT }]);
  });
});

describe('managerAcl: sharing a calendar another account’s add-on made, with the owner role', () => {
  it('lets the manager change its sharing (manages, the default)', () => {
    const { ws, calendar, id } = workspace('manages');
    calendar.Acl.insert({ role: 'owner', scope: { type: 'user', value: NEXT } }, id);
    asNext(ws, () =>
      calendar.Acl.insert({ role: 'reader', scope: { type: 'user', value: 'p@x.org' } }, id),
    );
    expect(ws.calendar.aclOf(id)).toContainEqual({ role: 'reader', scope: 'p@x.org' });
  });

  it('refuses everyone but the account that made it (dataOwnerOnly); its events stay writable', () => {
    const { ws, calendar, id } = workspace('dataOwnerOnly');
    calendar.Acl.insert({ role: 'owner', scope: { type: 'user', value: NEXT } }, id);
    expect(() => asNext(ws, () => calendar.Acl.list(id))).toThrow(/owner access/);
    expect(() =>
      asNext(ws, () =>
        calendar.Acl.insert({ role: 'reader', scope: { type: 'user', value: 'p@x.org' } }, id),
      ),
    ).toThrow(/owner access/);
    const made = asNext(ws, () =>
      calendar.Events.insert(
        {
          summary: 'Still hers to write',
          start: { date: '2027-03-02' },
          end: { date: '2027-03-03' },
        },
        id,
      ),
    );
    expect(made.id).toBeTruthy();
    // The maker is never refused.
    expect(calendar.Acl.list(id).items?.length).toBe(2);
  });
});

describe('a suspended account', () => {
  it('keeps its triggers listed, and they never fire', () => {
    const ws = new Workspace({ startTime: Date.UTC(2027, 2, 1) });
    const make = ws.script.app.newTrigger as (h: string) => {
      timeBased(): { everyHours(n: number): { create(): unknown } };
    };
    make('syncCalendarHourly_').timeBased().everyHours(1).create();
    ws.suspendAccount(MAKER);
    const [trigger] = ws.script.toJSON();
    expect(ws.script.canFire(trigger)).toBe(false);
    ws.script.suspended.delete(MAKER);
    expect(ws.script.canFire(trigger)).toBe(true);
  });
});
