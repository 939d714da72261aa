// The whole flow in real Chromium, as a coordinator on a new spreadsheet: set-up → partners → assessments → asset
// map → goal and logic model → activities typed as a partner → calendar sync → an edit → sync again.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { localeDay } from '../../src/domain/time/localeDate';
import { seriousViolations } from '../harness/axe';
import {
  cellUnder,
  openPreview,
  openSidebar as openSidebarIn,
  type PreviewSession,
  sidebarFrame,
  typeInto as typeCell,
} from '../harness/previewPage';

jest.setTimeout(150_000);

/**
 * The README's screenshots are committed in docs/screenshots; they show times of day, so a plain
 * test run writes to the ignored test-output/ and `UPDATE_SCREENSHOTS=1` refreshes the committed ones.
 */
const SHOTS = join(
  __dirname,
  process.env.UPDATE_SCREENSHOTS ? '../../docs/screenshots' : '../../test-output/screenshots',
);
const PLAN = 'Eastside Reading Partnership';

let session: PreviewSession;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  session = await openPreview({ blank: true });
  page = session.page;
});

afterAll(() => session?.close());

const shot = (name: string) => page.screenshot({ path: join(SHOTS, name) });
const openSidebar = (caption: string, heading: string) => openSidebarIn(page, caption, heading);

async function expectAccessible(target: Page | Frame): Promise<void> {
  expect(await seriousViolations(target)).toEqual([]);
}

async function runMenu(caption: string): Promise<void> {
  await page.getByRole('button', { name: 'Extensions' }).click();
  await page.getByRole('menuitem', { name: caption }).click();
}

async function showTab(name: string): Promise<void> {
  await page.getByRole('button', { name: 'Spreadsheet', exact: true }).click();
  await page.locator(`[data-sheet="${name}"]`).click();
  await page.locator(`[data-sheet="${name}"][aria-current="page"]`).waitFor();
}

/** Types into the cell under `header` and checks the grid shows `shown` there. */
async function typeInto(header: string, row: number, text: string, shown = text): Promise<void> {
  await typeCell(page, header, row, text);
  await expect((await cellUnder(page, header, row)).textContent()).resolves.toBe(shown);
}

/** A date typed yyyy-mm-dd as the grid shows it: the sheet's locale writes its dates. */
function shownDay(typed: string): string {
  const addon = session.preview.addon();
  return localeDay(typed, addon.workspace.sheets.spreadsheet.getSpreadsheetLocale());
}

describe('the whole flow on a new spreadsheet', () => {
  // One flow in steps that share the page: a failure names the step, and each step has its own
  // time budget on a loaded machine.
  it('sets up the plan on a new spreadsheet and adds a partner later', async () => {
    await page.goto(session.preview.url);
    await page.locator('[data-sheet="Sheet1"]').waitFor();
    await expect(page.locator('#doc-title').textContent()).resolves.toBe('Untitled spreadsheet');
    await expectAccessible(page);

    // 1. Set-up: the partnership, its coordinator and two partners.
    const setup = await openSidebar('Set up the work plan…', 'Set up the work plan');
    // An untitled spreadsheet's name is not offered, and renaming it to the plan's is proposed.
    await expect(setup.getByLabel('Partnership name').inputValue()).resolves.toBe('');
    await setup.getByLabel('Partnership name').fill(PLAN);
    const rename = setup.getByRole('checkbox', { name: `Also name this spreadsheet “${PLAN}”` });
    await expect(rename.isChecked()).resolves.toBe(true);
    await setup
      .getByLabel('Purpose')
      .fill('Every child on the east side reads at grade level by grade 3.');
    await setup.getByLabel('Coordinator', { exact: true }).fill('Ana Ruiz');
    await setup.locator('#partner-1-organisation').fill('Eastside Public Library');
    await setup.locator('#partner-1-email').fill('lena@library.example.org');
    await setup.getByRole('button', { name: 'Add a partner' }).click();
    await setup.locator('#partner-2-organisation').fill('Eastside Elementary School');
    // The school leads: its goals are what the partners align to (it keeps its one row).
    const led = setup.getByLabel('Led by', { exact: true });
    await expect(led.inputValue()).resolves.toBe(PLAN);
    await led.fill('Eastside Elementary School');
    await setup.getByRole('button', { name: 'Set up the plan' }).click();
    await setup
      .locator('#status.success')
      .getByText(/^Done: \d+ tabs created\.$/)
      .waitFor();
    // The spreadsheet took the plan's name, and the empty Sheet1 is gone.
    await page.locator('#doc-title', { hasText: PLAN }).waitFor();
    await page.locator('[data-sheet="Sheet1"]').waitFor({ state: 'detached' });
    await expect(setup.locator('#result-lines').textContent()).resolves.toContain('Partners');
    await setup
      .locator('#result-lines')
      .getByText('Lead organisation: Eastside Elementary School.')
      .waitFor();
    // The summary's links open the tab they name.
    await setup.getByRole('button', { name: 'Open Partners', exact: true }).click();
    await page.locator('[data-sheet="Partners"][aria-current="page"]').waitFor();
    await page.getByRole('cell', { name: 'Eastside Elementary School' }).waitFor();

    // 2. A third partner, later.
    await setup.getByLabel('Organisation', { exact: true }).fill('Northside Food Bank');
    await setup.getByRole('button', { name: 'Add to the Partners tab' }).click();
    await setup.getByText('Added Northside Food Bank as P3 on row 4 of Partners.').waitFor();
    await page.getByRole('cell', { name: 'Northside Food Bank' }).waitFor();
    await shot('setup-sidebar.png');
    await expectAccessible(sidebarFrame(page));
  });

  it('records assets and needs, builds the asset map and gives a typed goal its ID', async () => {
    // 3. Assessments: an asset, the need it answers, and a need nobody can meet.
    const assess = await openSidebar('Assets and needs…', 'Assets and needs');
    await assess
      .locator('#partner option', { hasText: 'Northside Food Bank' })
      .waitFor({ state: 'attached' });
    const finding = async (
      partner: string,
      kind: 'Asset' | 'Need',
      category: string,
      text: string,
    ) => {
      await assess.getByLabel('Your organisation').selectOption(partner);
      await assess.getByRole('radio', { name: new RegExp(`^${kind}`) }).check();
      await assess.getByLabel('Category').selectOption(category);
      await assess.getByLabel('Description').fill(text);
      await assess.getByRole('button', { name: 'Add to Assessments' }).click();
      await assess
        .locator('#status.success')
        .getByText(/^Added F\d+ to the Assessments tab/)
        .waitFor();
    };
    await finding(
      'Eastside Public Library',
      'Asset',
      'Volunteers',
      'Twelve volunteer reading buddies',
    );
    await finding(
      'Eastside Elementary School',
      'Need',
      'Volunteers',
      'Second graders need one-to-one reading time',
    );
    await finding(
      'Northside Food Bank',
      'Need',
      'Physical space',
      'No room to pack weekend food bags',
    );
    // The success message links to the row it added.
    await assess.locator('#status').getByRole('button', { name: 'Show it' }).click();
    await page.locator('[data-sheet="Assessments"][aria-current="page"]').waitFor();
    await page
      .locator('table.grid tr.selected')
      .getByText('No room to pack weekend food bags')
      .waitFor();
    await assess.getByRole('button', { name: 'Build the asset map' }).click();
    await assess.locator('#gaps').getByText('No room to pack weekend food bags').waitFor();
    await assess
      .locator('#matches')
      .getByText('F2 · Second graders need one-to-one reading time')
      .waitFor();
    await assess.getByRole('heading', { name: 'Asset map' }).scrollIntoViewIfNeeded();
    await shot('assessment-sidebar.png');
    await expectAccessible(sidebarFrame(page));

    // 4. A goal typed in the grid; the repair gives it an ID and says so in a dialog.
    await showTab('Goals');
    await typeInto('Goal', 2, 'Every child reads at grade level by the end of grade 3');
    await runMenu('Check and repair the plan');
    const dialog = page.getByRole('dialog', { name: 'Check and repair the plan' });
    await dialog.getByText(/Gave IDs to 1 row that had none \(G1\)/).waitFor();
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('builds the logic model and takes activities typed as a partner would', async () => {
    // 5. The logic model: an outcome for the goal, then the tab.
    const logic = await openSidebar('Logic model…', 'Logic model');
    await expect(logic.getByLabel('Goal', { exact: true }).inputValue()).resolves.toBe('G1');
    await logic.getByText('Add an outcome').click();
    await logic.locator('#outcome-new-text').fill('More second graders read at grade level');
    await logic.locator('#outcome-new-indicator').fill('Second graders at benchmark');
    await logic.locator('#outcome-new-baseline').fill('41%');
    await logic.locator('#outcome-new-target').fill('60%');
    await logic.getByRole('button', { name: 'Add outcome' }).click();
    await logic
      .locator('#status.success')
      .getByText(/^Added outcome O1 to Outcomes row 2/)
      .waitFor();
    await logic.getByRole('button', { name: 'Build the logic model' }).click();
    await logic
      .locator('#status.success')
      .getByText(/^Logic Model tab built/)
      .waitFor();
    await page
      .locator('#toast')
      .getByText(/^Logic Model tab built/)
      .waitFor();
    await shot('logic-model-sidebar.png');
    await expectAccessible(sidebarFrame(page));

    // 6. Activities, typed in the Calendar tab as a partner would (a date typo first).
    await showTab('Calendar');
    await typeInto('Title', 2, 'Reading buddies');
    await typeInto('Type', 2, 'Meeting');
    await typeInto('Start date', 2, '2027-09-14', shownDay('2027-09-14'));
    await typeInto('Start time', 2, '15:30');
    await typeInto('End time', 2, '16:30');
    await typeInto('Recurrence', 2, 'Every 2 weeks until 2027-12-18');
    await typeInto('Location', 2, 'Eastside Public Library, reading room');
    // A row is published once its Status says it is ready (the Status column's note).
    await typeInto('Status', 2, 'Planned');
    await typeInto('Title', 3, 'Family reading night');
    await typeInto('Start date', 3, 'next Tuesday');
    await page
      .getByRole('alert')
      .getByText(/Start date|Type a date/)
      .waitFor();
    await typeInto('Start date', 3, '2027-10-07', shownDay('2027-10-07'));
    await typeInto('Start time', 3, '18:00');
    await typeInto('End time', 3, '19:30');
    await typeInto('Status', 3, 'Confirmed');
  });

  it('syncs the calendar, shows the events, carries a partner’s edit and logs both runs', async () => {
    // 7. Calendar sync: a new calendar, a preview, the sync.
    const sync = await openSidebar('Calendar sync…', 'Calendar sync');
    await sync.getByRole('radio', { name: 'A new calendar for the partnership' }).check();
    await sync.getByRole('button', { name: 'Save' }).click();
    await sync.locator('#status.success').getByText(`Saved: syncing to “${PLAN}”.`).waitFor();
    await sync.getByRole('button', { name: 'Preview' }).click();
    await sync.locator('#status').getByText('Preview ready: nothing was written.').waitFor();
    const wouldDo = sync.getByRole('list', { name: 'Changes the sync would make' });
    await expect(wouldDo.getByRole('listitem').count()).resolves.toBe(2);
    expect(
      session.preview
        .addon()
        .workspace.calendar.listCalendars()
        .map((c) => c.name),
    ).toContain(PLAN);
    await sync.getByRole('button', { name: 'Sync now' }).click();
    await sync.locator('#status.success').getByText('Sync finished.').waitFor();
    await sync
      .getByRole('list', { name: 'Changes made' })
      .getByText(/Reading buddies/)
      .waitFor();
    // A report line links to its row: the preview shows it selected.
    await sync.getByRole('button', { name: 'row 3' }).first().click();
    await page.locator('table.grid tr.selected').getByText('Family reading night').waitFor();
    // The sync gave each activity an ID and wrote back the event it made.
    await expect((await cellUnder(page, 'Activity ID', 3)).textContent()).resolves.toMatch(
      /^A\d+$/,
    );
    await shot('calendar-sidebar.png');
    await expectAccessible(sidebarFrame(page));

    // 8. The events in the calendar, with the repeat rule in words.
    await page.getByRole('button', { name: 'Google Calendar' }).click();
    const plan = page.locator('section.calendar', { hasText: PLAN });
    const buddies = plan.locator('.event', { hasText: 'Reading buddies' });
    await expect(buddies.textContent()).resolves.toContain('15:30–16:30');
    await expect(buddies.locator('.repeats').textContent()).resolves.toBe(
      '↻ Every 2 weeks until 18 Dec 2027',
    );
    await plan
      .locator('.event', { hasText: 'Family reading night' })
      .getByText('18:00–19:30')
      .waitFor();
    await shot('preview-calendar.png');

    // 9. A partner changes a title and a time in the grid; the next sync carries it to the calendar.
    await showTab('Calendar');
    await typeInto('Title', 3, 'Family reading night at the library');
    await typeInto('Start time', 3, '18:30');
    await sync.getByRole('button', { name: 'Sync now' }).click();
    await sync
      .getByRole('list', { name: 'Changes made' })
      .getByText(/Family reading night at the library/)
      .waitFor();
    await page.getByRole('button', { name: 'Google Calendar' }).click();
    const night = plan.locator('.event', { hasText: 'Family reading night at the library' });
    await night.getByText('18:30–19:30').waitFor();
    await expect(plan.locator('.event').count()).resolves.toBe(2);

    // 10. The Sync Log tab lists both runs; the workbook and the calendar download.
    await showTab('Sync Log');
    await expect(page.locator('table.grid').textContent()).resolves.toMatch(
      /Reading buddies|created/,
    );
    await shot('preview-sheet.png');
    const ics = await page.request.get(new URL('/export/calendar.ics', session.preview.url).href);
    expect(ics.status()).toBe(200);
    expect(await ics.text()).toContain('SUMMARY:Family reading night at the library');
    const xlsx = await page.request.get(new URL('/export/workbook.xlsx', session.preview.url).href);
    expect(xlsx.status()).toBe(200);
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');

    await expectAccessible(page);
    expect(session.nativeDialogs).toEqual([]);
  });
});
