// The community survey through the bundle: the form, answers as proposed findings, accepted once, declined for good, partners refused, names only when asked for.
import fc from 'fast-check';
import type { Addon } from '../../emulator/addon';
import type { Workspace } from '../../emulator/workspace';
import { ASSESSMENTS_TAB, CATEGORIES_TAB } from '../../src/domain/schema/tabs';
import {
  CATEGORY_QUESTION,
  COUNT_QUESTION,
  DESCRIPTION_QUESTION,
  EMAIL_QUESTION,
  EVIDENCE_QUESTION,
  GROUP_QUESTION,
  KIND_ASSET,
  KIND_NEED,
  KIND_QUESTION,
  MODE_QUESTION,
  MODE_SELF,
  MODE_SURVEYOR,
  NAME_QUESTION,
} from '../../src/domain/survey/questions';
import { readKeyedRows } from '../harness/planFixture';
import { sidebarCall } from '../harness/sidebarCall';
import { appendRows, createTab, syncFixture } from '../harness/syncFixture';

const COORDINATOR = 'coordinator@example.org';
const PARTNER = 'ben@library.example.org';

function plan(zone?: string) {
  const fixture = syncFixture({
    partners: [
      { organisation: 'Library', email: PARTNER },
      { organisation: 'Clinic', email: 'nurse@clinic.example.org' },
    ],
    calendar: { owner: COORDINATOR },
    ...(zone ? { spreadsheetTimeZone: zone } : {}),
  });
  createTab(fixture.ws, ASSESSMENTS_TAB);
  fixture.ws.sheets.book.state.editors.push(PARTNER);
  return fixture;
}

const formOf = (ws: Workspace) => [...ws.forms.forms.values()].at(-1)!;

function answer(ws: Workspace, overrides: Record<string, string> = {}) {
  const form = formOf(ws);
  const all: Record<string, string> = {
    [MODE_QUESTION]: MODE_SELF,
    [GROUP_QUESTION]: 'Parents',
    [KIND_QUESTION]: KIND_NEED,
    [CATEGORY_QUESTION]: 'Physical space',
    [DESCRIPTION_QUESTION]: 'No safe place for teenagers after 6 pm',
    [EVIDENCE_QUESTION]: 'The park closes at dusk',
    ...overrides,
  };
  // Only the questions this form asks: the names questions exist only when asked for.
  const asked = Object.fromEntries(
    Object.entries(all).filter(([title]) => form.items.some((i) => i.title === title)),
  );
  return ws.forms.submit(form.id, asked);
}

const findings = (ws: Workspace) =>
  readKeyedRows(ws, ASSESSMENTS_TAB).filter((r) => String(r.description) !== '');

const make = (addon: Addon, names = false) => sidebarCall(addon, 'makeCommunitySurvey', { names });
/** The keys of the answers the sidebar would show as waiting now. */
const waitingKeys = (addon: Addon) =>
  sidebarCall(addon, 'getCommunitySurvey').proposals.map((p) => p.key);

describe('the community survey, end to end', () => {
  it('makes a form in the coordinator’s Drive, linked to this spreadsheet, that collects no names by default', () => {
    const { ws, addon } = plan();
    const state = make(addon);
    expect(state.message).toMatch(/Survey 1 is ready.*collects no names or emails/);
    const form = formOf(ws);
    expect(form.owner).toBe(COORDINATOR);
    expect(form.collectEmail).toBe(false);
    expect(form.description).toMatch(/does not collect your name or email/);
    expect(form.description).toMatch(/accept become a line of the partnership’s assessment/);
    const titles = form.items.map((i) => i.title);
    expect(titles).not.toContain(NAME_QUESTION);
    expect(titles).not.toContain(EMAIL_QUESTION);
    // The area question offers the community categories the add-on already has, not the organisational ones.
    const areas = form.items.find((i) => i.title === CATEGORY_QUESTION)?.choices ?? [];
    expect(areas).toEqual(expect.arrayContaining(['Physical space', 'Culture']));
    expect(areas).not.toContain('Staffing');
    expect(form.destination?.spreadsheetId).toBe(ws.currentSpreadsheetId);
    expect(state.surveys).toEqual([expect.objectContaining({ id: 'Survey 1', names: false })]);
  });

  it('lists answers as proposals; accepting twice adds one row with its ID; typed text stays as typed', () => {
    const { ws, addon } = plan('Asia/Tokyo');
    make(addon);
    answer(ws, { [DESCRIPTION_QUESTION]: '=1+1 after-school rides', [EVIDENCE_QUESTION]: '007' });
    answer(ws, {
      [MODE_QUESTION]: MODE_SURVEYOR,
      [GROUP_QUESTION]: 'Youth',
      [COUNT_QUESTION]: '12',
      [KIND_QUESTION]: KIND_ASSET,
      [CATEGORY_QUESTION]: 'Culture',
      [DESCRIPTION_QUESTION]: 'A youth choir that sings at every school event',
    });
    // Garbage: nothing readable described.
    answer(ws, { [DESCRIPTION_QUESTION]: '...' });
    const state = sidebarCall(addon, 'getCommunitySurvey');
    expect(state.skipped).toBe(1);
    expect(state.proposals.map((p) => [p.kind, p.category, p.population])).toEqual([
      ['Need', 'Physical space', 'Parents'],
      ['Asset', 'Culture', 'Youth: 12 people asked by a surveyor'],
    ]);
    const [first] = state.proposals;
    const accepted = sidebarCall(addon, 'acceptSurveyAnswers', [first.key]);
    expect(accepted.message).toMatch(
      /^Added 1 finding to the Assessments tab \(F1\), from row 2\./,
    );
    expect(accepted.proposals).toHaveLength(1);
    // A second accept (a double click, another sidebar) adds nothing and says why.
    const again = sidebarCall(addon, 'acceptSurveyAnswers', [first.key]);
    expect(again.message).toMatch(/already accepted as F1/);
    const rows = findings(ws);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: 'F1',
      source: 'Community',
      kind: 'Need',
      category: 'Physical space',
      description: '=1+1 after-school rides',
      evidence: '007',
      dataSource: 'Survey',
      population: 'Parents',
    });
    expect(String(rows[0].notes)).toMatch(/^From community survey 1, answer of /);
  });

  it('writes any words an answer typed into the Assessments tab as those words, never a number, date or formula', () => {
    const tricky = fc.constantFrom(
      '007',
      '3/4',
      'March 5',
      'TRUE',
      "'quoted",
      '=A1',
      '+1 bus',
      '-5',
      '@home',
      '1e3',
      '50%',
      '$12',
      '12:30',
    );
    const words = fc.oneof(tricky, fc.string({ minLength: 1, maxLength: 20 }));
    fc.assert(
      fc.property(
        fc.uniqueArray(
          words.map((w) => `${w}`),
          { minLength: 1, maxLength: 6 },
        ),
        (typed) => {
          const shown = typed.map((t) => t.trim()).filter((t) => /[\p{L}\p{N}]/u.test(t));
          fc.pre(
            shown.length > 0 && new Set(shown.map((t) => t.toLowerCase())).size === shown.length,
          );
          const { ws, addon } = plan();
          make(addon);
          for (const t of typed) answer(ws, { [DESCRIPTION_QUESTION]: t, [EVIDENCE_QUESTION]: t });
          sidebarCall(addon, 'acceptAllSurveyAnswers', waitingKeys(addon));
          const rows = findings(ws);
          expect(rows.map((r) => r.description).sort()).toEqual([...shown].sort());
          for (const r of rows) expect(r.evidence).toBe(r.description);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('accepts all only when exactly the answers shown are waiting', () => {
    const { ws, addon } = plan();
    make(addon);
    answer(ws);
    answer(ws, { [DESCRIPTION_QUESTION]: 'Too few bus stops near the school' });
    const shown = waitingKeys(addon);
    const [first] = shown;
    expect(() => sidebarCall(addon, 'acceptAllSurveyAnswers', [first])).toThrow(
      /2 answers are waiting now, not 1: nothing was added/,
    );
    // As many wait as were shown, but not the same ones: one decided elsewhere, another arrived.
    sidebarCall(addon, 'declineSurveyAnswers', [first]);
    answer(ws, { [DESCRIPTION_QUESTION]: 'A bakery that gives bread to the food bank' });
    expect(() => sidebarCall(addon, 'acceptAllSurveyAnswers', shown)).toThrow(
      /answers waiting changed since the list was shown.*nothing was added/,
    );
    expect(findings(ws)).toHaveLength(0);
    const all = sidebarCall(addon, 'acceptAllSurveyAnswers', waitingKeys(addon));
    expect(all.message).toMatch(/Added 2 findings .*\(F1, F2\)/);
    expect(all).toMatchObject({ proposals: [], accepted: 2 });
    expect(findings(ws).map((r) => r.id)).toEqual(['F1', 'F2']);
  });

  it('never proposes a declined answer again; a new response is proposed; edits and deletions in the response tab change no accepted finding', () => {
    const { ws, addon } = plan();
    make(addon);
    answer(ws, { [DESCRIPTION_QUESTION]: 'Not enough tutors' });
    answer(ws, { [DESCRIPTION_QUESTION]: 'Library hours too short' });
    const [a, b] = sidebarCall(addon, 'getCommunitySurvey').proposals;
    sidebarCall(addon, 'acceptSurveyAnswers', [a.key]);
    const declined = sidebarCall(addon, 'declineSurveyAnswers', [b.key]);
    expect(declined.message).toMatch(/Declined 1 answer: not proposed again/);
    expect(declined).toMatchObject({ proposals: [], accepted: 1, declined: 1 });
    expect(sidebarCall(addon, 'acceptSurveyAnswers', [b.key]).message).toMatch(/declined earlier/);
    answer(ws, { [DESCRIPTION_QUESTION]: 'No translation at parent nights' });
    const later = sidebarCall(addon, 'getCommunitySurvey');
    expect(later.proposals.map((p) => p.description)).toEqual(['No translation at parent nights']);
    // Someone edits the accepted answer's row and deletes the declined one in the response tab.
    const form = formOf(ws);
    const tab = ws.sheets.app
      .getActiveSpreadsheet()
      .getSheets()
      .find((s) => s.getSheetId() === form.destination?.sheetId)!;
    expect(tab.isSheetHidden()).toBe(true);
    const col =
      (tab.getRange(1, 1, 1, tab.getLastColumn()).getValues()[0] as unknown[]).indexOf(
        DESCRIPTION_QUESTION,
      ) + 1;
    tab.getRange(2, col).setValue('Edited later');
    tab.deleteRow(3);
    const after = sidebarCall(addon, 'getCommunitySurvey');
    expect(after.proposals.map((p) => p.description)).toEqual(['No translation at parent nights']);
    expect(findings(ws).map((r) => r.description)).toEqual(['Not enough tutors']);
  });

  it('lists and accepts any number of answers with the same number of service calls', () => {
    const calls = (n: number) => {
      const { ws, addon } = plan();
      make(addon);
      for (let i = 0; i < n; i++) answer(ws, { [DESCRIPTION_QUESTION]: `Finding number ${i}` });
      ws.runtime.resetCounts();
      sidebarCall(addon, 'getCommunitySurvey');
      const listing = ws.runtime.count(/./);
      ws.runtime.resetCounts();
      sidebarCall(addon, 'acceptAllSurveyAnswers', waitingKeys(addon));
      expect(findings(ws)).toHaveLength(n);
      return { listing, accepting: ws.runtime.count(/./) };
    };
    expect(calls(40)).toEqual(calls(3));
  });

  it('leaves an answer waiting, saying why, when its area is no longer a category', () => {
    const { ws, addon } = plan();
    make(addon);
    // The partnership edits its categories after the form was made: Culture is gone.
    createTab(ws, CATEGORIES_TAB);
    appendRows(ws, CATEGORIES_TAB, [{ category: 'Physical space', kind: 'Both' }]);
    answer(ws, { [CATEGORY_QUESTION]: 'Culture', [DESCRIPTION_QUESTION]: 'A mural group' });
    const [p] = sidebarCall(addon, 'getCommunitySurvey').proposals;
    const tried = sidebarCall(addon, 'acceptSurveyAnswers', [p.key]);
    expect(tried.message).toMatch(/^Still waiting, not added: “A mural group”: .*Culture/);
    expect(tried.proposals.map((x) => x.key)).toEqual([p.key]);
    expect(findings(ws)).toHaveLength(0);
  });

  it('copies a name and email only when the coordinator asked for them', () => {
    const { ws, addon } = plan();
    make(addon, false);
    answer(ws, { [NAME_QUESTION]: 'Ana Ruiz', [EMAIL_QUESTION]: 'ana@example.org' });
    const off = sidebarCall(addon, 'getCommunitySurvey');
    expect(JSON.stringify(off)).not.toMatch(/Ana Ruiz|ana@example/);
    const on = make(addon, true);
    expect(on.message).toMatch(/Survey 2 is ready.*asks for a name and email/);
    expect(formOf(ws).description).toMatch(/Your name and email are optional/);
    answer(ws, {
      [DESCRIPTION_QUESTION]: 'A parent who repairs bikes for free',
      [KIND_QUESTION]: KIND_ASSET,
      [NAME_QUESTION]: 'Ana Ruiz',
      [EMAIL_QUESTION]: 'ana@example.org',
    });
    const listed = sidebarCall(addon, 'getCommunitySurvey');
    const named = listed.proposals.find((p) => p.description.includes('bikes'))!;
    expect(named.respondent).toBe('Ana Ruiz · ana@example.org');
    sidebarCall(addon, 'acceptSurveyAnswers', [named.key]);
    expect(String(findings(ws)[0].notes)).toMatch(/Answered by Ana Ruiz · ana@example\.org\.$/);
  });

  it('refuses a partner who is not the coordinator, in a sentence naming what they cannot do, and shows them no answers', () => {
    const { ws, addon } = plan();
    make(addon);
    answer(ws);
    const doc = ws.currentSpreadsheetId;
    const asPartner = <T>(fn: () => T) => ws.as(PARTNER, doc, fn);
    const seen = asPartner(() => sidebarCall(addon, 'getCommunitySurvey'));
    expect(seen).toMatchObject({ canRun: false, proposals: [] });
    expect(seen.refusal).toMatch(
      /^Only coordinator@example\.org can change the community survey \(make its form, accept or decline its answers\)/,
    );
    const key = sidebarCall(addon, 'getCommunitySurvey').proposals[0].key;
    for (const attempt of [
      () => sidebarCall(addon, 'makeCommunitySurvey', { names: true }),
      () => sidebarCall(addon, 'acceptSurveyAnswers', [key]),
      () => sidebarCall(addon, 'acceptAllSurveyAnswers', [key]),
      () => sidebarCall(addon, 'declineSurveyAnswers', [key]),
    ])
      expect(() => asPartner(attempt)).toThrow(
        /can change the community survey.*Nothing was changed/,
      );
    expect(ws.forms.forms.size).toBe(1);
    expect(findings(ws)).toHaveLength(0);
    expect(sidebarCall(addon, 'getCommunitySurvey').proposals).toHaveLength(1);
  });
});
