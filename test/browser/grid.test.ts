// The preview grid in real Chromium, used as Sheets is: fast typing lands exactly, dropdowns, checkboxes,
// hidden and frozen parts, conditional formats, copy and paste of a row that then gets its own event.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { localeDay } from '../../src/domain/time/localeDate';
import type { CalendarChoiceInput } from '../../src/shared/calendarWire';
import {
  cellAt,
  columnOf,
  firstEmptyRow,
  gridSettled,
  rowHeader,
  shownRow,
  showTab,
  typeAcross,
} from '../harness/grid';
import { openPreview, type PreviewSession } from '../harness/previewPage';
import { seeded } from '../harness/seeded';

jest.setTimeout(120_000);

const SHOTS = join(
  __dirname,
  process.env.UPDATE_SCREENSHOTS ? '../../docs/screenshots' : '../../test-output/screenshots',
);

let session: PreviewSession;
let page: Page;
const addon = () => session.preview.addon();

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  session = await openPreview({ fresh: true });
  page = session.page;
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(session.preview.url);
});

afterAll(() => session?.close());

const pad = (n: number) => String(n).padStart(2, '0');

/** A Calendar row as partners type it: commas, quotes and accents in text, zero-padded dates and times. */
function activity(next: () => number, n: number): Record<string, string> {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const day = new Date(Date.UTC(2027, 0, 1) + Math.floor(next() * 700) * 86_400_000);
  const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
  const start = 7 + Math.floor(next() * 10);
  const minutes = pick(['00', '15', '30', '45']);
  return {
    Title: `${pick(['Library, room 4', 'Parents’ café', 'Réunion "kick-off"', 'Tutor training'])} ${n}`,
    Type: pick(['Meeting', 'Training', 'Workshop', 'Outreach']),
    'Start date': date,
    'Start time': `${pad(start)}:${minutes}`,
    'End date': date,
    'End time': `${pad(start + 1 + Math.floor(next() * 3))}:${minutes}`,
    'All day': '',
    Recurrence: '',
    'Time zone': '',
    Location: pick(['Library, room 4', 'Eastside Elementary, gym', 'Café Nœud', '12 Main St.']),
  };
}

describe('typing in the grid', () => {
  it.each([11, 27])(
    'a Calendar row typed at 30 ms a key, Tab and Enter at once, holds exactly what was typed (seed %i)',
    async (seed) => {
      await showTab(page, 'Calendar');
      const next = seeded(seed);
      const first = firstEmptyRow(addon(), 'Calendar', 'Title');
      const titleCol = columnOf(addon(), 'Calendar', 'Title');
      const rows = [0].map((i) => activity(next, seed * 10 + i));
      for (const [i, values] of rows.entries()) {
        // Enter after a run of Tabs goes back to the run's first column, one row down, as in Sheets;
        // the first row starts with a click, the next ones go on typing straight away.
        if (i === 0) await typeAcross(page, first, titleCol, Object.values(values));
        else {
          for (const [j, value] of Object.values(values).entries()) {
            if (value) await page.keyboard.type(value, { delay: 30 });
            await page.keyboard.press(j === Object.values(values).length - 1 ? 'Enter' : 'Tab');
          }
        }
      }
      await gridSettled(page);
      for (const [i, values] of rows.entries()) {
        const shown = shownRow(addon(), 'Calendar', first + i);
        // A date typed yyyy-mm-dd is the same day shown the way the sheet's locale writes dates.
        const locale = addon().workspace.sheets.spreadsheet.getSpreadsheetLocale();
        for (const [header, typed] of Object.entries(values)) {
          if (!typed) continue;
          const expected = /date$/i.test(header) ? localeDay(typed, locale) : typed;
          expect([header, shown[columnOf(addon(), 'Calendar', header) - 1]]).toEqual([
            header,
            expected,
          ]);
        }
        await expect(cellAt(page, first + i, titleCol).textContent()).resolves.toBe(values.Title);
      }
    },
  );

  it('Escape cancels typing; F2 and a double-click edit the value in place', async () => {
    await showTab(page, 'Calendar');
    const col = columnOf(addon(), 'Calendar', 'Location');
    const row = 2;
    const before = shownRow(addon(), 'Calendar', row)[col - 1];
    await cellAt(page, row, col).click();
    await page.keyboard.type('Typed then cancelled', { delay: 10 });
    await page.keyboard.press('Escape');
    await gridSettled(page);
    expect(shownRow(addon(), 'Calendar', row)[col - 1]).toBe(before);
    await page.keyboard.press('F2');
    await page.keyboard.type(', hall B', { delay: 10 });
    await page.keyboard.press('Enter');
    await gridSettled(page);
    expect(shownRow(addon(), 'Calendar', row)[col - 1]).toBe(`${before}, hall B`);
    await cellAt(page, row, col).dblclick();
    await page.keyboard.press('End');
    await page.keyboard.type(' (east door)', { delay: 10 });
    await page.keyboard.press('Tab');
    await gridSettled(page);
    expect(shownRow(addon(), 'Calendar', row)[col - 1]).toBe(`${before}, hall B (east door)`);
  });

  it('keeps what was being typed when another tab is clicked', async () => {
    await showTab(page, 'Calendar');
    const col = columnOf(addon(), 'Calendar', 'Participants');
    await cellAt(page, 5, col).click();
    await page.keyboard.type('About 40 families', { delay: 10 });
    await page.locator('[data-sheet="Goals"]').click();
    await page.locator('table.grid[aria-label="Sheet Goals"]').waitFor();
    await gridSettled(page);
    expect(shownRow(addon(), 'Calendar', 5)[col - 1]).toBe('About 40 families');
  });

  it('shows a long value whole in the formula bar', async () => {
    await showTab(page, 'Calendar');
    const col = columnOf(addon(), 'Calendar', 'Notes');
    const long = `${'A long note about the room, the keys and the parking. '.repeat(4).trim()}`;
    await cellAt(page, 3, col).click();
    await page.keyboard.type(long, { delay: 0 });
    await page.keyboard.press('Enter');
    await gridSettled(page);
    await cellAt(page, 3, col).click();
    await expect(page.locator('#cell-value').textContent()).resolves.toBe(long);
  });
});

describe('what the grid draws from the sheet', () => {
  it('offers the rule’s values in a dropdown, including partners typed on the Partners tab', async () => {
    await showTab(page, 'Partners');
    const orgCol = columnOf(addon(), 'Partners', 'Organisation');
    const newRow = firstEmptyRow(addon(), 'Partners', 'Organisation');
    await typeAcross(page, newRow, orgCol, ['Hillside Youth Theatre']);
    await gridSettled(page);

    await showTab(page, 'Calendar');
    const row = firstEmptyRow(addon(), 'Calendar', 'Title');
    const lead = columnOf(addon(), 'Calendar', 'Lead partner');
    await cellAt(page, row, lead)
      .getByRole('button', { name: /^Pick a value/ })
      .click();
    const list = page.getByRole('listbox');
    await list.getByRole('option', { name: 'Hillside Youth Theatre' }).click();
    await gridSettled(page);
    expect(shownRow(addon(), 'Calendar', row)[lead - 1]).toBe('Hillside Youth Theatre');

    // The Type column's list, opened from the keyboard and picked with the arrows.
    const type = columnOf(addon(), 'Calendar', 'Type');
    await cellAt(page, row, type).click();
    await page.keyboard.press('Alt+ArrowDown');
    const options = await list.getByRole('option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['Meeting', 'Training', 'Workshop']));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await gridSettled(page);
    expect(shownRow(addon(), 'Calendar', row)[type - 1]).toBe(options[1]);
  });

  it('draws checkboxes as checkboxes and keeps hidden columns hidden until asked', async () => {
    await showTab(page, 'Calendar');
    const allDay = columnOf(addon(), 'Calendar', 'All day');
    const eventId = columnOf(addon(), 'Calendar', 'Event ID');
    const box = cellAt(page, 3, allDay).getByRole('checkbox');
    const was = await box.isChecked();
    await box.click();
    await gridSettled(page);
    expect(shownRow(addon(), 'Calendar', 3)[allDay - 1]).toBe(was ? 'FALSE' : 'TRUE');
    await expect(cellAt(page, 3, allDay).getByRole('checkbox').isChecked()).resolves.toBe(!was);

    const letters = () => page.locator('table.grid thead th').allTextContents();
    const letter = String.fromCharCode(64 + eventId);
    await expect(cellAt(page, 1, eventId).count()).resolves.toBe(0);
    expect(await letters()).not.toContain(letter);
    await page.getByRole('button', { name: 'Show the 2 hidden columns' }).click();
    await expect(cellAt(page, 1, eventId).textContent()).resolves.toBe('Event ID');
    expect(await letters()).toContain(letter);
    await page.getByRole('button', { name: 'Hide the 2 hidden columns' }).click();
    await expect(cellAt(page, 1, eventId).count()).resolves.toBe(0);
  });

  it('draws conditional formats and keeps the frozen header row in view when scrolled', async () => {
    await showTab(page, 'Goals');
    const status = columnOf(addon(), 'Goals', 'Status');
    const cell = cellAt(page, 2, status);
    await cell.getByRole('button', { name: /^Pick a value/ }).click();
    await page.getByRole('listbox').getByRole('option', { name: 'Off track' }).click();
    await gridSettled(page);
    await expect(cell.evaluate((td) => getComputedStyle(td).backgroundColor)).resolves.toBe(
      'rgb(244, 199, 195)',
    );
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    // A second row picked "At risk": the other rule's colour.
    await cellAt(page, 3, status).click();
    await page.keyboard.press('Alt+ArrowDown');
    await page.getByRole('listbox').getByRole('option', { name: 'At risk' }).click();
    await gridSettled(page);
    await expect(
      cellAt(page, 3, status).evaluate((td) => getComputedStyle(td).backgroundColor),
    ).resolves.toBe('rgb(252, 232, 178)');
    // For the README: the Calendar tab with a Type dropdown open, its hidden columns hidden.
    await showTab(page, 'Calendar');
    await cellAt(page, 6, columnOf(addon(), 'Calendar', 'Type')).click();
    await page.keyboard.press('Alt+ArrowDown');
    await page.getByRole('listbox').waitFor();
    await page.screenshot({ path: join(SHOTS, 'preview-grid.png') });
    await page.keyboard.press('Escape');

    const wrap = page.locator('#grid-wrap');
    await wrap.evaluate((w) => w.scrollTo(400, 10_000));
    const [wrapBox, numberBox, headerBox] = await Promise.all([
      wrap.boundingBox(),
      rowHeader(page, 1).boundingBox(),
      cellAt(page, 1, columnOf(addon(), 'Calendar', 'Title')).boundingBox(),
    ]);
    if (!wrapBox || !numberBox || !headerBox) throw new Error('The grid is not drawn');
    for (const box of [numberBox, headerBox]) {
      expect(box.y).toBeGreaterThanOrEqual(wrapBox.y);
      expect(box.y + box.height).toBeLessThanOrEqual(wrapBox.y + 60);
    }
    expect(numberBox.x).toBeGreaterThanOrEqual(wrapBox.x);
    expect(numberBox.x).toBeLessThan(wrapBox.x + 10);
  });
});

describe('copy and paste', () => {
  it('a row copied in the grid gets its own event at the next sync', async () => {
    const choice: CalendarChoiceInput = {
      mode: 'new',
      calendarId: null,
      shareWithPartners: false,
      invitePartners: false,
      sendInvites: false,
    };
    addon().runFromSidebar('saveCalendarChoice', choice);
    addon().run('syncCalendarNow');
    const calendars = () => addon().workspace.calendar.listCalendars();
    const events = () => calendars().flatMap((c) => addon().workspace.calendar.liveEvents(c.id));
    const title = shownRow(addon(), 'Calendar', 2)[columnOf(addon(), 'Calendar', 'Title') - 1];
    expect(events().filter((e) => e.title === title)).toHaveLength(1);

    await showTab(page, 'Calendar');
    const target = firstEmptyRow(addon(), 'Calendar', 'Title');
    await rowHeader(page, 2).click();
    await page.keyboard.press('Control+C');
    await rowHeader(page, target).click();
    await page.keyboard.press('Control+V');
    await gridSettled(page);
    const titleCol = columnOf(addon(), 'Calendar', 'Title');
    await expect(cellAt(page, target, titleCol).textContent()).resolves.toBe(title);
    expect(shownRow(addon(), 'Calendar', target)[titleCol - 1]).toBe(title);

    addon().run('syncCalendarNow');
    const copies = events().filter((e) => e.title === title);
    expect(copies).toHaveLength(2);
    expect(new Set(copies.map((e) => e.id)).size).toBe(2);
    const idCol = columnOf(addon(), 'Calendar', 'Activity ID');
    const ids = [2, target].map((r) => shownRow(addon(), 'Calendar', r)[idCol - 1]);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('a copied cell pastes onto the selected cell', async () => {
    await showTab(page, 'Calendar');
    const col = columnOf(addon(), 'Calendar', 'Location');
    const text = shownRow(addon(), 'Calendar', 2)[col - 1];
    await cellAt(page, 2, col).click();
    await page.keyboard.press('Control+C');
    await cellAt(page, 4, col).click();
    await page.keyboard.press('Control+V');
    await gridSettled(page);
    expect(shownRow(addon(), 'Calendar', 4)[col - 1]).toBe(text);
  });
});

describe('the top bar', () => {
  it('asks before "Reset to the example", and Cancel keeps everything', async () => {
    await page.getByRole('button', { name: /^Reset to the example/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset to the example?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(
      addon()
        .workspace.sheets.table('Partners')
        .map((r) => r[1]),
    ).toContain('Hillside Youth Theatre');
  });

  it('shows why a download was refused (the .ics before set-up answers 409)', async () => {
    const message = 'There is no Calendar tab yet: set up the plan first.';
    await page.route('**/export/calendar.ics', (route) =>
      route.fulfill({ status: 409, contentType: 'text/plain; charset=utf-8', body: message }),
    );
    await page.getByRole('link', { name: 'Download .ics' }).click();
    await page.getByRole('alert').getByText(message).waitFor();
    await page.unroute('**/export/calendar.ics');
  });

  it('keeps the menu bar, hint and tabs on one line each at 1280×720', async () => {
    // One line of 13 px text with its padding is under 40 px high.
    const height = (selector: string) =>
      page.locator(selector).evaluate((node) => node.getBoundingClientRect().height);
    await expect(height('#tabs')).resolves.toBeLessThan(40);
    await expect(height('nav.menubar')).resolves.toBeLessThan(40);
    // The hint's two lines, neither wrapped nor cut.
    const hint = await page.locator('#hint').evaluate((p) => ({
      height: p.getBoundingClientRect().height,
      cut: p.scrollWidth > p.clientWidth,
    }));
    expect(hint.height).toBeLessThan(40);
    expect(hint.cut).toBe(false);
  });
});
