// The partnership health check through the bundle: a round from form to tab, links and reminders within the quota, drafts once, partners refused.

import type { Addon } from '../../emulator/addon';
import type { Workspace } from '../../emulator/workspace';
import {
  CODE_QUESTION,
  FACTOR_NAMES,
  FACTORS,
  ORGANISATION_QUESTION,
  STATEMENTS,
} from '../../src/domain/health/questions';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import { localeDay } from '../../src/domain/time/localeDate';
import { seeded } from '../harness/seeded';
import { sidebarCall } from '../harness/sidebarCall';
import { type Cells, syncFixture } from '../harness/syncFixture';

const COORDINATOR = 'coordinator@example.org';
const PARTNER = 'ben@library.example.org';
const DAY = 86_400_000;

const PARTNERS: Cells[] = [
  { organisation: 'Library', email: PARTNER },
  { organisation: 'Clinic', email: 'nurse@clinic.example.org' },
  { organisation: 'Youth Club', email: 'lead@youth.example.org' },
  { organisation: 'Food Bank', email: 'hello@food.example.org' },
];

function plan() {
  const fixture = syncFixture({ partners: PARTNERS, calendar: { owner: COORDINATOR } });
  fixture.ws.sheets.book.state.editors.push(PARTNER);
  return fixture;
}

function openRound(addon: Addon, closes = '2027-03-15') {
  return sidebarCall(addon, 'openHealthRound', { closes });
}

/** The round's form, as the emulator holds it. */
const formOf = (ws: Workspace) => [...ws.forms.forms.values()].at(-1)!;

/** Answers for every statement, from a seeded random source. */
function answers(rnd: () => number): Record<string, number> {
  return Object.fromEntries(STATEMENTS.map((s) => [s.text, 1 + Math.floor(rnd() * 5)]));
}

function responseTab(ws: Workspace) {
  const form = formOf(ws);
  return ws.sheets.app
    .getActiveSpreadsheet()
    .getSheets()
    .find((s) => s.getSheetId() === form.destination?.sheetId)!;
}

function tabText(ws: Workspace): string {
  const sheet = ws.sheets.app.getActiveSpreadsheet().getSheetByName('Health check');
  return sheet ? sheet.getDataRange().getDisplayValues().flat().join('\n') : '';
}

describe('a health check round, end to end', () => {
  it('opens a form linked to this spreadsheet, with its hidden response tab and one form-submit trigger', () => {
    const { ws, addon } = plan();
    const state = openRound(addon);
    expect(state.rounds).toEqual([
      // The closing day as the spreadsheet (en_US) writes dates, like every date the add-on shows.
      expect.objectContaining({ id: 'R1', open: true, closes: localeDay('2027-03-15', 'en_US') }),
    ]);
    const form = formOf(ws);
    expect(form.owner).toBe(COORDINATOR);
    expect(form.collectEmail).toBe(false);
    expect(form.items.filter((i) => i.type === 'SCALE')).toHaveLength(16);
    const tab = responseTab(ws);
    expect(tab.isSheetHidden()).toBe(true);
    expect(ws.script.triggersFor('ON_FORM_SUBMIT', ws.currentSpreadsheetId)).toEqual([
      expect.objectContaining({ handler: 'onHealthFormSubmit_', owner: COORDINATOR }),
    ]);
    expect(tabText(ws)).toContain('R1');
    // A second round waits for the first to close.
    expect(() => openRound(addon)).toThrow(/still open/);
  });

  it('sends personal links to approved contacts only, then reminders only to those who have not answered', () => {
    const { ws, addon } = plan();
    sidebarCall(addon, 'approvePeople', [
      PARTNER,
      'nurse@clinic.example.org',
      'lead@youth.example.org',
    ]);
    openRound(addon);
    const first = sidebarCall(addon, 'sendHealthLinks');
    expect(first.message).toMatch(/3 invitations sent/);
    expect(ws.mail.sent.map((m) => m.to)).toEqual([
      [PARTNER],
      ['nurse@clinic.example.org'],
      ['lead@youth.example.org'],
    ]);
    // The Library's contact answers through their personal link: the trigger notes it and blanks the code.
    const link = /https:\S+viewform\?\S+/.exec(ws.mail.inboxOf(PARTNER)[0].body)![0];
    const prefilled = ws.forms.prefilled(link);
    expect(prefilled.answers[CODE_QUESTION]).toMatch(/\w{8,}/);
    ws.forms.submit(prefilled.formId, {
      ...prefilled.answers,
      ...answers(seeded(1)),
      [ORGANISATION_QUESTION]: 'Library',
    });
    const tab = responseTab(ws);
    const codeCol =
      (tab.getRange(1, 1, 1, tab.getLastColumn()).getValues()[0] as unknown[]).indexOf(
        CODE_QUESTION,
      ) + 1;
    expect(responseTab(ws).getRange(2, codeCol).getValue()).toBe('');
    // Pressing again the same day sends nothing; a day later, reminders to the two others only.
    expect(sidebarCall(addon, 'sendHealthLinks').message).toMatch(/No mail sent/);
    ws.runtime.advance(DAY);
    const later = sidebarCall(addon, 'sendHealthLinks');
    expect(later.message).toMatch(/2 reminders sent/);
    expect(later.rounds[0]).toMatchObject({ invited: 3, answered: 1 });
    const reminders = ws.mail.sent.slice(3);
    expect(reminders.map((m) => m.to)).toEqual([
      ['nurse@clinic.example.org'],
      ['lead@youth.example.org'],
    ]);
    // No mail names anyone else, nor who answered.
    for (const m of ws.mail.sent) {
      for (const p of PARTNERS)
        if (!m.to.includes(p.email as string)) expect(m.body).not.toContain(p.email);
      expect(m.body).not.toMatch(/Library|Clinic|Youth/);
    }
  });

  it('keeps within the day’s mail quota and sends the rest the next day', () => {
    const { ws, addon } = plan();
    sidebarCall(
      addon,
      'approvePeople',
      PARTNERS.map((p) => p.email as string),
    );
    openRound(addon);
    ws.mail.dailyQuota.set(COORDINATOR, 2);
    expect(sidebarCall(addon, 'sendHealthLinks').message).toMatch(
      /2 invitations sent.*2 mails wait for tomorrow/,
    );
    ws.runtime.advance(DAY + 1000);
    expect(sidebarCall(addon, 'sendHealthLinks').message).toMatch(/^2 invitations sent/);
    expect(new Set(ws.mail.sent.flatMap((m) => m.to)).size).toBe(4);
  });

  it('shows scores equal to a recount once 3 have answered, none before, and no per-person answer', () => {
    for (let seed = 1; seed <= 4; seed++) {
      const { ws, addon } = plan();
      openRound(addon);
      const id = formOf(ws).id;
      const rnd = seeded(seed);
      const all: Record<string, number>[] = [];
      for (let n = 0; n < 2; n++) {
        all.push(answers(rnd));
        ws.forms.submit(id, {
          ...all[n],
          'What is working well in this partnership?': `note ${seed}-${n}`,
        });
      }
      let state = sidebarCall(addon, 'buildHealthCheck');
      expect(state.suggestions).toEqual([]);
      expect(tabText(ws)).not.toMatch(/note \d/);
      const extra = 3 + Math.floor(rnd() * 4);
      for (let n = 0; n < extra; n++) {
        all.push(answers(rnd));
        ws.forms.submit(id, all[all.length - 1]);
      }
      state = sidebarCall(addon, 'buildHealthCheck');
      expect(state.rounds[0].answers).toBe(all.length);
      const sheet = ws.sheets.app.getActiveSpreadsheet().getSheetByName('Health check')!;
      const rows = sheet.getDataRange().getDisplayValues();
      for (const f of FACTORS) {
        const texts = STATEMENTS.filter((s) => s.factor === f).map((s) => s.text);
        const values = all.flatMap((a) => texts.map((t) => a[t]));
        const mean = values.reduce((x, y) => x + y, 0) / values.length;
        const row = rows.find((r) => r[0] === FACTOR_NAMES[f])!;
        expect(Number(row[1])).toBe(Math.round(mean * 10) / 10);
      }
      expect(state.suggestions).toHaveLength(3);
    }
  });

  it('a round closed while someone was answering loses nothing that reached the spreadsheet', () => {
    const { ws, addon } = plan();
    openRound(addon);
    const id = formOf(ws).id;
    const rnd = seeded(7);
    for (let n = 0; n < 3; n++) ws.forms.submit(id, answers(rnd));
    sidebarCall(addon, 'closeHealthRound');
    expect(formOf(ws).accepting).toBe(false);
    let landed = 3;
    try {
      ws.forms.submit(id, answers(rnd), { startedWhileOpen: true });
      landed++;
    } catch (error) {
      expect((error as Error).message).toMatch(/no longer accepting/);
    }
    expect(() => ws.forms.submit(id, answers(rnd))).toThrow(/no longer accepting/);
    const state = sidebarCall(addon, 'buildHealthCheck');
    expect(state.rounds[0]).toMatchObject({ open: false, answers: landed });
    expect(responseTab(ws).getLastRow() - 1).toBe(landed);
  });

  it('drafts a suggestion’s activity in the Calendar tab once, however often it is clicked', () => {
    const { ws, addon } = plan();
    openRound(addon);
    const id = formOf(ws).id;
    const low = Object.fromEntries(
      STATEMENTS.map((s) => [s.text, s.factor === 'communication' ? 1 : 4]),
    );
    for (let n = 0; n < 3; n++) ws.forms.submit(id, low);
    const state = sidebarCall(addon, 'buildHealthCheck');
    expect(state.suggestions[0]).toMatchObject({ factor: 'communication', draftedRow: null });
    const first = sidebarCall(addon, 'draftHealthActivity', 'communication');
    const again = sidebarCall(addon, 'draftHealthActivity', 'communication');
    expect(again.message).toMatch(/Already drafted/);
    const calendar = ws.sheets.app.getActiveSpreadsheet().getSheetByName(CALENDAR_TAB.name)!;
    const titles = calendar
      .getDataRange()
      .getValues()
      .map((r) => r.join(' '));
    expect(titles.filter((t) => t.includes('Monthly partner check-in'))).toHaveLength(1);
    expect(first.suggestions[0].draftedRow).toBeGreaterThan(1);
  });

  it('refuses a partner who is not the coordinator, in a sentence, and changes nothing', () => {
    const { ws, addon } = plan();
    const doc = ws.currentSpreadsheetId;
    const asPartner = <T>(fn: () => T) => ws.as(PARTNER, doc, fn);
    const seen = asPartner(() => sidebarCall(addon, 'getHealthCheck'));
    expect(seen.canRun).toBe(false);
    expect(seen.refusal).toMatch(`Only ${COORDINATOR} can change the partnership health check`);
    expect(() => asPartner(() => openRound(addon))).toThrow(
      /Only coordinator@example.org can change the partnership health check/,
    );
    expect(ws.forms.forms.size).toBe(0);
    openRound(addon);
    for (const name of ['sendHealthLinks', 'closeHealthRound'] as const)
      expect(() => asPartner(() => sidebarCall(addon, name))).toThrow(
        /Only coordinator@example.org/,
      );
    expect(() => asPartner(() => sidebarCall(addon, 'draftHealthActivity', 'trust'))).toThrow(
      /Only/,
    );
    expect(formOf(ws).accepting).toBe(true);
    expect(ws.mail.sent).toEqual([]);
  });
});
