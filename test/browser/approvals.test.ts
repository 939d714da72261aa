// The calendar sidebar's approvals and removal confirmation, in Chromium: approve a waiting address, confirm a held-back count.
import type { FrameLocator, Page } from 'playwright-core';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import { localeDate } from '../../src/domain/time/localeDate';
import type { SyncReport } from '../../src/shared/calendarWire';
import { seriousViolations } from '../harness/axe';
import { intlZoneOracle } from '../harness/intlZoneOracle';
import {
  openPreview,
  openSidebar,
  type PreviewSession,
  sidebarFrame,
} from '../harness/previewPage';
import { sidebarCall } from '../harness/sidebarCall';
import { appendRows, calendarColumn } from '../harness/syncFixture';

jest.setTimeout(120_000);

const STRANGER = 'stranger@outside.example';
const MINE = 12;

let session: PreviewSession;
let page: Page;
let firstRow = 0;

beforeAll(async () => {
  session = await openPreview({ fresh: true });
  page = session.page;
  const addon = session.preview.addon();
  // A day-first sheet: the browser's own date format (month first here) would differ from it.
  addon.workspace.sheets.spreadsheet.setSpreadsheetLocale('en_GB');
  sidebarCall(addon, 'saveCalendarChoice', {
    mode: 'new',
    calendarId: null,
    shareWithPartners: false,
    invitePartners: false,
    sendInvites: false,
  });
  firstRow = appendRows(
    addon.workspace,
    CALENDAR_TAB,
    Array.from({ length: MINE }, (_, i) => ({
      title: `Homework club ${i + 1}`,
      startDate: `2027-09-${String(i + 1).padStart(2, '0')}`,
      startTime: '15:30',
      status: 'Planned',
      participants: i === 0 ? `Riverside Public Library, ${STRANGER}` : '',
    })),
  );
  // A first sync finds the address a partner typed and creates the events.
  sidebarCall(addon, 'syncCalendar');
});

afterAll(() => session?.close());

let sync: FrameLocator;

describe('the calendar sidebar', () => {
  it('lists an address a partner typed as waiting, with its row, and approves it', async () => {
    await page.goto(session.preview.url);
    sync = await openSidebar(page, 'Calendar sync…', 'Calendar sync');
    const waiting = sync.getByRole('list', { name: 'Waiting for approval' });
    await waiting.getByText(STRANGER).waitFor();
    await waiting.getByRole('button', { name: new RegExp(`Calendar row ${firstRow}`) }).waitFor();
    await sync
      .locator('#caps')
      .getByText(/at most 50 guests per event/)
      .waitFor();
    expect(await seriousViolations(sidebarFrame(page))).toEqual([]);
    await waiting.getByRole('button', { name: `Approve ${STRANGER}` }).click();
    // Whatever the answer is, it is shown in full when the test fails (not just "not found").
    const answer = sync.locator('#status:not(.busy):not(.idle)');
    // A loaded CI machine may take long over the sync sidebar's re-reads; if no answer comes, say
    // what the status line shows instead (busy, or idle: an answer that never came or vanished).
    await answer.waitFor({ timeout: 90_000 }).catch(async (error: Error) => {
      const status = sync.locator('#status');
      throw new Error(
        `No answer after Approve: the status line is “${await status.getAttribute('class')}” saying “${await status.textContent()}” (${error.message.split('\n')[0]})`,
      );
    });
    expect([await answer.getAttribute('class'), await answer.textContent()]).toEqual([
      'status success',
      `${STRANGER} is approved.`,
    ]);
    const approved = sync.getByRole('list', { name: 'Approved people' }).getByRole('listitem');
    await sync.getByRole('list', { name: 'Approved people' }).getByText(STRANGER).waitFor();
    // The day it was approved, as the sheet's cells write dates (its zone and locale), not the
    // browser's own format.
    const addon = session.preview.addon();
    const sheet = addon.workspace.sheets.spreadsheet;
    const today = localeDate(
      intlZoneOracle(addon.workspace.runtime.now(), sheet.getSpreadsheetTimeZone()),
      sheet.getSpreadsheetLocale(),
    );
    expect(await approved.filter({ hasText: STRANGER }).textContent()).toContain(`on ${today}`);
  });

  it('asks “This will remove 12 events. Continue?” when a sync held removals back, and removes them on yes', async () => {
    const addon = session.preview.addon();
    for (let i = 0; i < MINE; i++)
      addon.workspace.sheets.userEdit(
        'Calendar',
        firstRow + i,
        calendarColumn('status'),
        'Cancelled',
      );
    await sync.getByRole('button', { name: 'Sync now' }).click();
    const ask = sync.getByRole('group', { name: 'Confirm removals' });
    await ask.getByText(`This will remove ${MINE} events. Continue?`).waitFor();
    const { calendarId } = sidebarCall(addon, 'getCalendarSyncState');
    const mine = () =>
      addon.workspace.calendar
        .liveEvents(String(calendarId))
        .filter((e) => e.title.startsWith('Homework club')).length;
    expect(mine()).toBe(MINE);
    await ask.getByRole('button', { name: `Remove ${MINE} events` }).click();
    // More than five removals fold behind their count: open the fold to read them.
    await sync.getByText(`Delete: ${MINE} events`).click();
    await sync
      .getByRole('list', { name: 'Changes made' })
      .getByText(/set to Cancelled/)
      .first()
      .waitFor();
    expect(mine()).toBe(0);
    const report = sidebarCall(addon, 'previewSync') as SyncReport;
    expect(report).toMatchObject({ heldBackDeletions: 0, deleted: 0 });
  });
});
