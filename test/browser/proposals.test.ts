// The calendar sidebar's Proposals, in Chromium: events others added are listed, accepted into rows, declined, refreshed after Sync now.
import type { Page } from 'playwright-core';
import { seriousViolations } from '../harness/axe';
import {
  openPreview,
  openSidebar,
  type PreviewSession,
  sidebarFrame,
} from '../harness/previewPage';
import { sidebarCall } from '../harness/sidebarCall';
import { calendarRows } from '../harness/syncFixture';

jest.setTimeout(120_000);

let session: PreviewSession;
let page: Page;
let calendarId = '';

beforeAll(async () => {
  session = await openPreview({ fresh: true });
  page = session.page;
  const addon = session.preview.addon();
  const state = sidebarCall(addon, 'saveCalendarChoice', {
    mode: 'new',
    calendarId: null,
    shareWithPartners: false,
    invitePartners: false,
    sendInvites: false,
  });
  calendarId = String(state.calendarId);
  sidebarCall(addon, 'syncCalendar');
});

afterAll(() => session?.close());

const add = (title: string, day: number) =>
  session.preview.addon().workspace.calendar.someoneAddsEvent(calendarId, {
    creator: 'outreach@riverside-library.example.org',
    title,
    start: new Date(Date.UTC(2027, 9, day, 17)),
    end: new Date(Date.UTC(2027, 9, day, 18)),
    timeZone: 'UTC',
  });

describe('the Proposals section', () => {
  it('shows events a sync found, accepts one into a row and declines another, re-reading after each action', async () => {
    await page.goto(session.preview.url);
    const sync = await openSidebar(page, 'Calendar sync…', 'Calendar sync');
    await sync.getByText('No events to look at. Each sync checks the calendar.').waitFor();
    const story = add('Story time', 5);
    add('Yoga in the park', 6);
    // Sync now finds them; the section refreshes without reopening the sidebar.
    await sync.getByRole('button', { name: 'Sync now' }).click();
    const list = sync.getByRole('list', { name: 'Proposed events' });
    await list.getByText('Story time').waitFor();
    await list.getByText('Yoga in the park').waitFor();
    await sync.getByRole('button', { name: 'Accept all 2 events' }).waitFor();
    expect(await seriousViolations(sidebarFrame(page))).toEqual([]);

    await list.getByRole('button', { name: 'Accept Story time' }).click();
    await sync
      .locator('#status.success')
      .getByText(/^Imported “Story time” as row \d+ \(A\d+\)\.$/)
      .waitFor();
    expect(await list.getByText('Story time').count()).toBe(0);
    const rows = calendarRows(session.preview.addon().workspace).filter((r) => r.eventId === story);
    expect(rows).toHaveLength(1);

    await list.getByRole('button', { name: 'Decline Yoga in the park' }).click();
    await sync
      .locator('#status.success')
      .getByText('1 event declined: it stays in Google Calendar and is not proposed again.')
      .waitFor();
    await sync.getByText('No events to look at. Each sync checks the calendar.').waitFor();
  });

  it('lets the owner switch the import mode', async () => {
    const sync = page.frameLocator('#sidebar-frame');
    await sync.getByLabel('Add them to the Calendar tab at each sync').check();
    await sync
      .locator('#status.success')
      .getByText(/become rows of the Calendar tab/)
      .waitFor();
    expect(sidebarCall(session.preview.addon(), 'getImportProposals').mode).toBe('automatic');
  });
});
