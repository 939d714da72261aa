// The health check reaches the dashboard and the partner briefs through the bundle: headline, trend, chart, and each partner's lowest factors only where the anonymity rule allows.
import type { Workspace } from '../../emulator/workspace';
import {
  FACTOR_NAMES,
  FACTORS,
  ORGANISATION_QUESTION,
  STATEMENTS,
} from '../../src/domain/health/questions';
import { seeded } from '../harness/seeded';
import { sidebarCall } from '../harness/sidebarCall';
import { type Cells, syncFixture } from '../harness/syncFixture';

const COORDINATOR = 'coordinator@example.org';
const DAY = 86_400_000;
const PARTNERS: Cells[] = [
  { id: 'P1', organisation: 'Library', email: 'ben@library.example.org' },
  { id: 'P2', organisation: 'Clinic', email: 'nurse@clinic.example.org' },
  { id: 'P3', organisation: 'Youth Club', email: 'lead@youth.example.org' },
];

const formOf = (ws: Workspace) => [...ws.forms.forms.values()].at(-1)!;
const tab = (ws: Workspace, name: string) =>
  ws.sheets.app.getActiveSpreadsheet().getSheetByName(name);
const words = (ws: Workspace, name: string) =>
  (tab(ws, name)?.getDataRange().getDisplayValues().flat() ?? []).filter((v) => v !== '').join(' ');

/** Each statement 1–5 from the seeded source, the communication ones lowered by `low`. */
function answers(rnd: () => number, low = 0): Record<string, number> {
  return Object.fromEntries(
    STATEMENTS.map((s) => [
      s.text,
      Math.max(1, 1 + Math.floor(rnd() * 5) - (s.factor === 'communication' ? low : 0)),
    ]),
  );
}

function mean(all: Record<string, number>[], factor: string): number {
  const texts = STATEMENTS.filter((s) => s.factor === factor).map((s) => s.text);
  const values = all.flatMap((a) => texts.map((t) => a[t]));
  return Math.round((values.reduce((x, y) => x + y, 0) / values.length) * 10) / 10;
}

describe('the health check on the dashboard', () => {
  it('before any round: one line saying how to run one, and no health chart', () => {
    const { ws, addon } = syncFixture({ partners: PARTNERS, calendar: { owner: COORDINATOR } });
    sidebarCall(addon, 'buildDashboard');
    expect(words(ws, 'Dashboard')).toMatch(
      /Health check: no round yet\. Open one from Extensions › Shared Work Plan › Partnership health check/,
    );
    expect(
      tab(ws, 'Dashboard')!
        .getCharts()
        .map((c) => c.getOptions().get('title')),
    ).not.toContain('Health check: score per factor by round');
  });

  it('two rounds: the headline names the last round’s weakest factor by recount, the trend its scores, the chart reads the same numbers', () => {
    for (const seed of [3, 11]) {
      const { ws, addon } = syncFixture({ partners: PARTNERS, calendar: { owner: COORDINATOR } });
      const rnd = seeded(seed);
      const rounds: Record<string, number>[][] = [];
      for (const low of [0, 3]) {
        sidebarCall(addon, 'openHealthRound', { closes: '2027-12-15' });
        const given = Array.from({ length: 3 + Math.floor(rnd() * 5) }, () => answers(rnd, low));
        for (const a of given) ws.forms.submit(formOf(ws).id, a);
        sidebarCall(addon, 'closeHealthRound');
        rounds.push(given);
        ws.runtime.advance(DAY);
      }
      sidebarCall(addon, 'buildDashboard');
      const text = words(ws, 'Dashboard');
      const last = rounds[1];
      const scores = FACTORS.map((f) => ({ f, m: mean(last, f) }));
      const weakest = FACTORS.map((f) => ({ f, m: exactMean(last, f) })).sort(
        (a, b) => a.m - b.m || FACTORS.indexOf(a.f) - FACTORS.indexOf(b.f),
      )[0];
      expect(text).toContain(
        `Health check, round R2 (closed 15/12/2027): ${last.length} answers; weakest: ${FACTOR_NAMES[weakest.f].toLowerCase()} (${mean(last, weakest.f)} of 5).`.replace(
          '15/12/2027',
          shownDay(ws),
        ),
      );
      const rows = tab(ws, 'Dashboard')!.getDataRange().getValues();
      const header = rows.findIndex((r) => r[0] === 'Factor' && r[1] === 'R1' && r[3] === 'Change');
      expect(header).toBeGreaterThan(0);
      for (const { f, m } of scores) {
        const row = rows.slice(header).find((r) => r[0] === FACTOR_NAMES[f])!;
        expect(row[1]).toBe(mean(rounds[0], f));
        expect(row[2]).toBe(m);
      }
      const chart = tab(ws, 'Dashboard')!
        .getCharts()
        .find((c) => c.getOptions().get('title') === 'Health check: score per factor by round')!;
      const table = chart.getRanges()[0].getValues();
      expect(table[0]).toEqual(['Factor', 'R1', 'R2']);
      expect(table.slice(1).map((r) => r[2])).toEqual(FACTORS.map((f) => mean(last, f)));
    }
  });
});

/** The unrounded mean, for the tie-break the headline uses. */
function exactMean(all: Record<string, number>[], factor: string): number {
  const texts = STATEMENTS.filter((s) => s.factor === factor).map((s) => s.text);
  const values = all.flatMap((a) => texts.map((t) => a[t]));
  return values.reduce((x, y) => x + y, 0) / values.length;
}

/** 2027-12-15 as the spreadsheet's locale writes a short date. */
function shownDay(ws: Workspace): string {
  const locale = ws.sheets.app.getActiveSpreadsheet().getSpreadsheetLocale();
  return locale === 'en_US' ? '12/15/2027' : locale === 'de_DE' ? '15.12.2027' : '15/12/2027';
}

describe('the health check in partner briefs', () => {
  it('shows an organisation’s lowest factors only when 3 or more of its people answered and no one is left to subtract', () => {
    const { ws, addon } = syncFixture({ partners: PARTNERS, calendar: { owner: COORDINATOR } });
    sidebarCall(addon, 'openHealthRound', { closes: '2027-12-15' });
    const rnd = seeded(5);
    // Library 4, Clinic 3, Youth Club 1, unsaid 2: the Youth Club's one and the two unsaid make 3 left over.
    const split = { Library: 4, Clinic: 3, 'Youth Club': 1, 'Prefer not to say': 2 };
    for (const [org, n] of Object.entries(split))
      for (let i = 0; i < n; i++)
        ws.forms.submit(formOf(ws).id, { ...answers(rnd), [ORGANISATION_QUESTION]: org });
    sidebarCall(addon, 'buildPartnerBriefs', null);
    expect(words(ws, 'Brief · Library')).toMatch(
      /Round R1, 4 people from Library together: lowest/,
    );
    expect(words(ws, 'Brief · Clinic')).toMatch(/Round R1, 3 people from Clinic together: lowest/);
    expect(words(ws, 'Brief · Youth Club')).toMatch(/too few answers from Youth Club/);
    // Two more from the Youth Club make it 3; showing all three would leave the 2 unsaid to be
    // worked out by subtraction, so the smallest shown group (Youth Club, after Clinic by name)
    // gives way and 5 stay unsplit.
    ws.forms.submit(formOf(ws).id, { ...answers(rnd), [ORGANISATION_QUESTION]: 'Youth Club' });
    ws.forms.submit(formOf(ws).id, { ...answers(rnd), [ORGANISATION_QUESTION]: 'Youth Club' });
    sidebarCall(addon, 'buildPartnerBriefs', null);
    const shown = ['Library', 'Clinic', 'Youth Club'].filter((o) =>
      new RegExp(`people from ${o} together`).test(words(ws, `Brief · ${o}`)),
    );
    expect(shown).toEqual(['Library', 'Clinic']);
    expect(words(ws, 'Brief · Youth Club')).toMatch(/too few answers from Youth Club/);
    // The Health check tab shows the same split: the briefs say no more than it does.
    sidebarCall(addon, 'buildHealthCheck');
    for (const o of ['Library', 'Clinic', 'Youth Club'])
      expect(shown.includes(o)).toBe(
        new RegExp(`${o}, \\d+ people: lowest`).test(words(ws, 'Health check')),
      );
  });
});
