// The Dashboard tab as data: sections of rows, the cells that link to plan rows, and its two charts.

import { plural } from '../../shared/plural';
import { VERDICT_RULE } from '../progress/indicator';
import { measureLike } from '../progress/measureFormat';
import type { TabDef } from '../schema/columns';
import {
  type CellRange,
  type FitOptions,
  fittedGrid,
  type GeneratedLayout,
  type Grid,
} from '../table/grid';
import { localeDay } from '../time/localeDate';
import { type Dashboard, type Participation, UPCOMING_DAYS } from './compute';
import { type HealthSummary, healthChartSection, healthSection } from './healthSection';
import type { RowAt } from './read';

export const DASHBOARD_TAB: TabDef = {
  key: 'dashboard',
  name: 'Dashboard',
  purpose: 'The partnership at a glance, rebuilt by the add-on.',
  owner: 'addon',
  tabColor: '#1a73e8',
  columns: [],
};

/** A cell that should open a plan row (written as a HYPERLINK by the adapter, which knows sheet IDs). */
export interface LinkCell {
  /** 1-based position on the Dashboard tab. */
  row: number;
  column: number;
  target: RowAt;
  label: string;
}

export interface DashboardChart {
  kind: 'line' | 'column';
  title: string;
  range: CellRange;
  /** Top-left cell the chart is drawn over. */
  anchor: { row: number; column: number };
}

export interface DashboardLayout extends GeneratedLayout {
  links: LinkCell[];
  charts: DashboardChart[];
}

/** Charts sit right of the widest table (participation has 10 columns). */
const CHART_COLUMN = 11;
/** Columns as wide as their text, no narrower than a date and no wider than a short sentence. */
const FIT: FitOptions = { min: 90, max: [320, 240] };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "Mar 2027" for 2027-03. */
const monthLabel = (yearMonth: string) =>
  `${MONTHS[Number(yearMonth.slice(5, 7)) - 1]} ${yearMonth.slice(0, 4)}`;
const whereLabel = (at: RowAt) => `${at.tab} row ${at.row}`;
const num = (n: number | null) => (n === null ? '' : Math.round(n * 100) / 100);

/** What each section writes with: the grid, its links and charts, and dates in the sheet's locale. */
export interface Writer {
  grid: Grid;
  links: LinkCell[];
  charts: DashboardChart[];
  shown: (iso: string | null) => string;
}

/** A table whose last column links each body row to its plan row; nothing when it has no rows. */
function linkedTable(
  w: Writer,
  header: string[],
  body: { cells: (string | number)[]; at: RowAt }[],
): void {
  // An empty section says so in words (the explain row) rather than with a bare header.
  if (body.length === 0) return;
  const range = w.grid.table(
    header,
    body.map((b) => [...b.cells, whereLabel(b.at)]),
  );
  if (!range) return;
  body.forEach((b, i) => {
    w.links.push({
      row: range.row + i,
      column: header.length,
      target: b.at,
      label: whereLabel(b.at),
    });
  });
}

/** The last school year closed by "Start the next year", and its archive tab (actions/newYear.ts). */
export interface LastYear {
  /** "2027–28". */
  label: string;
  /** The archive tab's name. */
  tab: string;
}

function headSection(w: Writer, d: Dashboard, planName: string, lastYear: LastYear | null): void {
  w.grid.line('title', planName ? `Dashboard · ${planName}` : 'Dashboard');
  w.grid.line('lead', d.summary);
  w.grid.line(
    'explain',
    `As of ${w.shown(d.today)} (the spreadsheet’s time zone). The add-on rewrites this tab (Extensions › Shared Work Plan › Update the dashboard, and after each calendar sync): type in the plan’s tabs, not here.`,
  );
  if (lastYear) {
    // The link covers the line's first cell: the archive's title row.
    const label = `Last year (${lastYear.label}): ${lastYear.tab}`;
    const row = w.grid.line('explain', label);
    w.links.push({ row, column: 1, target: { tab: lastYear.tab, row: 1 }, label });
  }
  w.grid.add('blank');
}

function stepsSection(w: Writer, d: Dashboard): void {
  w.grid.line('heading', 'Partnership steps');
  w.grid.line(
    'explain',
    d.steps.total
      ? `${d.steps.done} of ${plural(d.steps.total, 'step')} done or not needed, ${d.steps.inProgress} in progress.`
      : 'No steps yet: set-up adds the eight steps to the Partnership tab.',
  );
  linkedTable(
    w,
    ['Step', 'Status', 'Owner', 'Due', 'Where'],
    d.steps.rows.map((s) => ({ cells: [s.step, s.status, s.owner, w.shown(s.due)], at: s })),
  );
  w.grid.add('blank');
}

function overdueAndUpcoming(w: Writer, d: Dashboard): void {
  w.grid.line('heading', `Overdue (${d.overdue.length})`);
  if (d.overdue.length === 0) w.grid.line('explain', 'Nothing overdue.');
  linkedTable(
    w,
    ['What', 'Item', 'Was due', 'Where'],
    d.overdue.map((o) => ({ cells: [o.kind, o.label, w.shown(o.due)], at: o })),
  );
  w.grid.add('blank');

  w.grid.line('heading', `Next ${UPCOMING_DAYS} days (${d.upcoming.length})`);
  if (d.upcoming.length === 0)
    w.grid.line('explain', `No activity starts in the next ${UPCOMING_DAYS} days.`);
  linkedTable(
    w,
    ['Date', 'Activity', 'Type', 'Lead partner', 'Status', 'Where'],
    d.upcoming.map((a) => ({
      cells: [w.shown(a.start), a.title, a.type, a.lead, a.status],
      at: a,
    })),
  );
  w.grid.add('blank');
}

const PARTICIPATION_COLUMNS = [
  'Leads',
  'Led and done',
  'Joins',
  'Findings',
  'Agreement',
  'Agreement ends',
  'Last activity',
  'Note',
  'Where',
];

function participationRow(w: Writer, p: Participation): { cells: (string | number)[]; at: RowAt } {
  return {
    cells: [
      p.partner,
      p.led,
      p.ledDone,
      p.joined,
      p.findings,
      p.agreement,
      w.shown(p.agreementEnd),
      w.shown(p.lastActivity),
      p.silent ? 'Silent' : '',
    ],
    at: p.at,
  };
}

/** The lead organisation is counted apart: its own work is not a partner's participation. */
function leadSection(w: Writer, d: Dashboard): void {
  const lead = d.participation.filter((p) => p.lead);
  if (lead.length === 0) return;
  w.grid.line('heading', 'Lead organisation');
  w.grid.line(
    'explain',
    `${lead[0].partner}: what it leads and joins, the findings it gave and its last activity, counted apart from the partners.`,
  );
  linkedTable(
    w,
    ['Lead organisation', ...PARTICIPATION_COLUMNS],
    lead.map((p) => participationRow(w, p)),
  );
  w.grid.add('blank');
}

function participationSection(w: Writer, d: Dashboard): void {
  leadSection(w, d);
  w.grid.line('heading', 'Participation per partner');
  w.grid.line(
    'explain',
    'Activities each partner leads (and how many are done) or joins, findings it gave, its agreement and its last activity up to today. “Silent”: nothing led, joined or given yet.',
  );
  const partners = d.participation.filter((p) => !p.lead);
  if (partners.length === 0) w.grid.line('explain', 'No partner on the Partners tab yet.');
  linkedTable(
    w,
    ['Partner', ...PARTICIPATION_COLUMNS],
    partners.map((p) => participationRow(w, p)),
  );
  w.grid.add('blank');
}

function indicatorSection(w: Writer, d: Dashboard): void {
  w.grid.line('heading', 'Indicator progress');
  for (const sentence of VERDICT_RULE) w.grid.line('explain', sentence);
  if (d.indicators.length === 0)
    w.grid.line('explain', 'No outcome has an indicator or a target yet.');
  linkedTable(
    w,
    [
      'Outcome',
      'Indicator',
      'Baseline',
      'Latest',
      'Measured on',
      'Target',
      'Target date',
      'Verdict',
      'Where',
    ],
    d.indicators.map((i) => ({
      cells: [
        `${i.outcome.id} · ${i.outcome.outcome}`,
        i.outcome.indicator,
        i.outcome.baselineText,
        // The latest value written as the baseline and target were typed: 52% beside 40% and 75%.
        i.latest ? measureLike(i.latest.value, i.outcome.baselineText, i.outcome.targetText) : '',
        w.shown(i.latest?.day ?? null),
        i.outcome.targetText,
        w.shown(i.outcome.targetDate),
        i.verdict,
      ],
      at: i.outcome,
    })),
  );
  w.grid.add('blank');
}

/** The tables the charts draw (numbers, so the charts can read them), and the charts. */
function chartSection(w: Writer, d: Dashboard, health: HealthSummary | null): void {
  w.grid.line('heading', 'Chart data');
  w.grid.line('explain', 'What the charts beside the tables draw.');
  const measured = d.indicators.filter((i) => i.measurements.length > 0);
  if (measured.length) {
    const days = [...new Set(measured.flatMap((i) => i.measurements.map((m) => m.day)))].sort();
    const body = days.map((day) => [
      w.shown(day),
      ...measured.map((i) => {
        // The day's last measurement (rows typed later win), blank when none that day.
        const onDay = i.measurements.filter((m) => m.day === day);
        return onDay.length ? num(onDay[onDay.length - 1].value) : '';
      }),
    ]);
    const range = w.grid.table(['Measured on', ...measured.map((i) => i.outcome.id)], body);
    if (range)
      w.charts.push({
        kind: 'line',
        title: 'Progress per indicator over time',
        range: { ...range, row: range.row - 1, rows: range.rows + 1 },
        anchor: { row: 1, column: CHART_COLUMN },
      });
    w.grid.add('blank');
  }
  const byMonth = d.activitiesByMonth;
  if (byMonth.months.length) {
    const range = w.grid.table(
      ['Month', ...byMonth.types],
      byMonth.months.map((m, i) => [monthLabel(m), ...byMonth.counts[i]]),
    );
    if (range)
      w.charts.push({
        kind: 'column',
        title: 'Activities per month by type',
        range: { ...range, row: range.row - 1, rows: range.rows + 1 },
        anchor: { row: 22, column: CHART_COLUMN },
      });
  }
  const scores = health ? healthChartSection(w, health) : null;
  if (scores)
    w.charts.push({
      kind: 'column',
      title: 'Health check: score per factor by round',
      range: scores,
      anchor: { row: 43, column: CHART_COLUMN },
    });
}

/**
 * The Dashboard tab: columns as wide as their text (within bounds; longer text wraps), and every
 * sentence merged across the tab's width, broken into lines that fit, so nothing is cut.
 */
export function dashboardLayout(
  d: Dashboard,
  planName: string,
  locale: string,
  lastYear: LastYear | null = null,
  health: HealthSummary | null = null,
): DashboardLayout {
  const shown = (iso: string | null) => localeDay(iso, locale);
  const { grid, result, widths, wrap } = fittedGrid((g) => {
    const w: Writer = { grid: g, links: [], charts: [], shown };
    headSection(w, d, planName, lastYear);
    stepsSection(w, d);
    overdueAndUpcoming(w, d);
    participationSection(w, d);
    indicatorSection(w, d);
    if (health) healthSection(w, health);
    chartSection(w, d, health);
    return w;
  }, FIT);
  return {
    ...grid.finish(),
    merges: grid.merges(),
    rowHeights: grid.rowHeights(),
    note: 'Rebuilt by the Shared Work Plan add-on from the plan’s tabs; anything typed here is replaced.',
    wrap,
    columnWidths: widths,
    links: result.links,
    charts: result.charts,
  };
}
