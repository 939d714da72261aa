// The calendar sidebar's switch of calendars, in Chromium: Save asks with the count, and the events move on yes.
import type { FrameLocator, Page } from 'playwright-core';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import { seriousViolations } from '../harness/axe';
import {
  openPreview,
  openSidebar,
  type PreviewSession,
  sidebarFrame,
} from '../harness/previewPage';
import { sidebarCall } from '../harness/sidebarCall';
import { appendRows } from '../harness/syncFixture';

jest.setTimeout(120_000);

const MINE = 5;
/** The plan's events (the example plan's and the rows below), counted in the calendar. */
let EVENTS = 0;
let session: PreviewSession;
let page: Page;
let from = '';
let to = '';

beforeAll(async () => {
  session = await openPreview({ fresh: true });
  page = session.page;
  const addon = session.preview.addon();
  sidebarCall(addon, 'saveCalendarChoice', {
    mode: 'new',
    calendarId: null,
    shareWithPartners: false,
    invitePartners: false,
    sendInvites: false,
  });
  appendRows(
    addon.workspace,
    CALENDAR_TAB,
    Array.from({ length: MINE }, (_, i) => ({
      title: `Reading circle ${i + 1}`,
      startDate: `2027-10-${String(i + 1).padStart(2, '0')}`,
      startTime: '16:00',
      status: 'Planned',
    })),
  );
  sidebarCall(addon, 'syncCalendar');
  from = String(sidebarCall(addon, 'getCalendarSyncState').calendarId);
  EVENTS = addon.workspace.calendar.liveEvents(from).filter((e) => e.tags.swpActivityId).length;
  to = addon.workspace.calendar.addCalendar({ name: 'School year 2027', timeZone: 'UTC' });
});

afterAll(() => session?.close());

describe('switching the calendar in the sidebar', () => {
  let sync: FrameLocator;
  const tagged = (calendarId: string) =>
    session.preview
      .addon()
      .workspace.calendar.liveEvents(calendarId)
      .filter((e) => e.tags.swpActivityId).length;

  it('asks how many events will move, and “Not now” changes nothing', async () => {
    await page.goto(session.preview.url);
    sync = await openSidebar(page, 'Calendar sync…', 'Calendar sync');
    await sync.getByRole('radio', { name: 'One of my calendars' }).check();
    await sync
      .getByLabel('Calendar', { exact: true })
      .selectOption({ label: 'School year 2027 (UTC)' });
    await sync.getByRole('button', { name: 'Save' }).click();
    const ask = sync.getByRole('group', { name: 'Confirm the move' });
    await ask.getByText(`Saving moves ${EVENTS} events of the plan from`).waitFor();
    expect(await seriousViolations(sidebarFrame(page))).toEqual([]);
    await ask.getByRole('button', { name: 'Not now' }).click();
    expect([tagged(from), tagged(to)]).toEqual([EVENTS, 0]);
    expect(sidebarCall(session.preview.addon(), 'getCalendarSyncState').calendarId).toBe(from);
  });

  it('moves them on yes and says so', async () => {
    await sync.getByRole('button', { name: 'Save' }).click();
    const ask = sync.getByRole('group', { name: 'Confirm the move' });
    await ask.getByRole('button', { name: `Move ${EVENTS} events` }).click();
    await sync.locator('#status.success').getByText(`Moved ${EVENTS} events from`).waitFor();
    expect([tagged(from), tagged(to)]).toEqual([0, EVENTS]);
    expect(sidebarCall(session.preview.addon(), 'getCalendarSyncState').calendarId).toBe(to);
  });
});
