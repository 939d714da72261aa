// The calendar sidebar re-reads its state after each action: the calendar a first sync created, the last run, the people a sync found (issue 15).
import type { Page } from 'playwright-core';
import { SETTINGS_KEY } from '../../src/adapters/settings';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import type { PlanSettings } from '../../src/shared/settings';
import { openPreview, openSidebar, type PreviewSession } from '../harness/previewPage';
import { sidebarCall } from '../harness/sidebarCall';
import { appendRows } from '../harness/syncFixture';

jest.setTimeout(120_000);

const GUEST = 'new.partner@outside.example';

let session: PreviewSession;
let page: Page;

beforeAll(async () => {
  session = await openPreview({ fresh: true });
  page = session.page;
  const addon = session.preview.addon();
  // As set-up leaves a plan whose coordinator chose a new calendar: the first sync creates it.
  const data = addon.workspace.properties.document.data;
  const settings = JSON.parse(String(data.get(SETTINGS_KEY))) as PlanSettings;
  const calendar = { ...settings.calendar, mode: 'new' as const, calendarId: null };
  data.set(SETTINGS_KEY, JSON.stringify({ ...settings, calendar }));
  appendRows(addon.workspace, CALENDAR_TAB, [
    {
      title: 'Family reading night',
      startDate: '2027-10-07',
      startTime: '18:00',
      status: 'Planned',
      participants: GUEST,
    },
  ]);
});

afterAll(() => session?.close());

describe('the calendar sidebar after Sync now', () => {
  it('names the calendar the first sync created, shows the run and lists the address it found, without reopening', async () => {
    await page.goto(session.preview.url);
    const sync = await openSidebar(page, 'Calendar sync…', 'Calendar sync');
    const current = sync.locator('#current');
    await current.getByText(/will be created by the first sync/).waitFor();
    await sync.getByText('Nobody is waiting.').waitFor();

    await sync.getByRole('button', { name: 'Sync now' }).click();
    // The example's many new events fold behind their count ("New: 22 activities").
    await sync.getByText(/^New: \d+ activities$/).waitFor();

    const { calendarName } = sidebarCall(session.preview.addon(), 'getCalendarSyncState');
    expect(calendarName).toBeTruthy();
    await current.getByText(`Now syncing to “${calendarName}”.`).waitFor();
    expect(await current.textContent()).not.toMatch(/will be created/);
    await sync
      .locator('#last-run')
      .getByText(/^Last run: .*events? created/)
      .waitFor();
    await sync.getByRole('list', { name: 'Waiting for approval' }).getByText(GUEST).waitFor();
  });
});
