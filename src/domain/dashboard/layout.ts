// The Dashboard tab as data: sections of rows, the cells that link to plan rows, and its two charts.

import { plural } from '../../shared/plural';
import type { MergeRange } from '../logicModel/layout';
import { VERDICT_RULE } from '../progress/indicator';
import type { TabDef } from '../schema/columns';
import { type CellRange, type GeneratedLayout, Grid } from '../table/grid';
import { peopleDate } from '../time/peopleTime';
import { type Dashboard, type Participation, UPCOMING_DAYS } from './compute';
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
  /** Text rows merged across the tab's width. */
  merges: MergeRange[];
  links: LinkCell[];
  charts: DashboardChart[];
}

/** Charts sit right of the widest table (participation has 9 columns). */
const CHART_COLUMN = 11;

const shown = (iso: string | null) => {
  if (!iso) return '';
  const [year, month, day] = iso.split('-').map(Number);
  return peopleDate({ year, month, day });
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "Mar 2027" for 2027-03. */
const monthLabel = (yearMonth: string) =>
  `${MONTHS[Number(yearMonth.slice(5, 7)) - 1]} ${yearMonth.slice(0, 4)}`;
const whereLabel = (at: RowAt) => `${at.tab} row ${at.row}`;
const num = (n: number | null) => (n === null ? '' : Math.round(n * 100) / 100);

function participationHeader(first: string): string[] {
  return [
    first,
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
}

function participationRow(p: Participation): { cells: (string | number)[]; at: RowAt } {
  return {
    cells: [
      p.partner,
      p.led,
      p.ledDone,
      p.joined,
      p.findings,
      p.agreement,
      shown(p.agreementEnd),
      shown(p.lastActivity),
      p.silent ? 'Silent' : '',
    ],
    at: p.at,
  };
}

export function dashboardLayout(d: Dashboard, planName: string): DashboardLayout {
  const grid = new Grid();
  const links: LinkCell[] = [];
  const charts: DashboardChart[] = [];
  /** Rows of one text cell, merged across the tab so a sentence reads whole (in Sheets and in print). */
  const merged: number[] = [];
  const line = (style: 'title' | 'lead' | 'explain' | 'heading', cells: string[]) => {
    merged.push(grid.add(style, cells));
  };
  /** A table whose last column links each body row to its plan row. */
  const linkedTable = (header: string[], body: { cells: (string | number)[]; at: RowAt }[]) => {
    // An empty section says so in words (the explain row) rather than with a bare header.
    if (body.length === 0) return;
    const range = grid.table(
      header,
      body.map((b) => [...b.cells, whereLabel(b.at)]),
    );
    if (!range) return;
    body.forEach((b, i) => {
      links.push({
        row: range.row + i,
        column: header.length,
        target: b.at,
        label: whereLabel(b.at),
      });
    });
  };

  line('title', [planName ? `Dashboard · ${planName}` : 'Dashboard']);
  line('lead', [d.summary]);
  line('explain', [
    `As of ${shown(d.today)} (the spreadsheet’s time zone). The add-on rewrites this tab (Extensions › Shared Work Plan › Update the dashboard, and after each calendar sync): type in the plan’s tabs, not here.`,
  ]);
  grid.add('blank');

  line('heading', ['Partnership steps']);
  line('explain', [
    d.steps.total
      ? `${d.steps.done} of ${plural(d.steps.total, 'step')} done or not needed, ${d.steps.inProgress} in progress.`
      : 'No steps yet: set-up adds the eight steps to the Partnership tab.',
  ]);
  linkedTable(
    ['Step', 'Status', 'Owner', 'Due', 'Where'],
    d.steps.rows.map((s) => ({ cells: [s.step, s.status, s.owner, shown(s.due)], at: s })),
  );
  grid.add('blank');

  line('heading', [`Overdue (${d.overdue.length})`]);
  if (d.overdue.length === 0) line('explain', ['Nothing overdue.']);
  linkedTable(
    ['What', 'Item', 'Was due', 'Where'],
    d.overdue.map((o) => ({ cells: [o.kind, o.label, shown(o.due)], at: o })),
  );
  grid.add('blank');

  line('heading', [`Next ${UPCOMING_DAYS} days (${d.upcoming.length})`]);
  if (d.upcoming.length === 0)
    line('explain', [`No activity starts in the next ${UPCOMING_DAYS} days.`]);
  linkedTable(
    ['Date', 'Activity', 'Type', 'Lead partner', 'Status', 'Where'],
    d.upcoming.map((a) => ({
      cells: [shown(a.start), a.title, a.type, a.lead, a.status],
      at: a,
    })),
  );
  grid.add('blank');

  // The lead organisation is counted apart: its own work is not a partner's participation.
  const lead = d.participation.filter((p) => p.lead);
  if (lead.length) {
    line('heading', ['Lead organisation']);
    line('explain', [
      `${lead[0].partner}: what it leads and joins, the findings it gave and its last activity, counted apart from the partners.`,
    ]);
    linkedTable(participationHeader('Lead organisation'), lead.map(participationRow));
    grid.add('blank');
  }
  line('heading', ['Participation per partner']);
  line('explain', [
    'Activities each partner leads (and how many are done) or joins, findings it gave, its agreement and its last activity up to today. “Silent”: nothing led, joined or given yet.',
  ]);
  const partners = d.participation.filter((p) => !p.lead);
  if (partners.length === 0) line('explain', ['No partner on the Partners tab yet.']);
  linkedTable(participationHeader('Partner'), partners.map(participationRow));
  grid.add('blank');

  line('heading', ['Indicator progress']);
  for (const sentence of VERDICT_RULE) line('explain', [sentence]);
  if (d.indicators.length === 0) line('explain', ['No outcome has an indicator or a target yet.']);
  linkedTable(
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
        num(i.latest?.value ?? null),
        shown(i.latest?.day ?? null),
        i.outcome.targetText,
        shown(i.outcome.targetDate),
        i.verdict,
      ],
      at: i.outcome,
    })),
  );
  grid.add('blank');

  line('heading', ['Chart data']);
  line('explain', ['What the charts beside the tables draw.']);
  const measured = d.indicators.filter((i) => i.measurements.length > 0);
  if (measured.length) {
    const days = [...new Set(measured.flatMap((i) => i.measurements.map((m) => m.day)))].sort();
    const body = days.map((day) => [
      shown(day),
      ...measured.map((i) => {
        // The day's last measurement (rows typed later win), blank when none that day.
        const onDay = i.measurements.filter((m) => m.day === day);
        return onDay.length ? num(onDay[onDay.length - 1].value) : '';
      }),
    ]);
    const range = grid.table(['Measured on', ...measured.map((i) => i.outcome.id)], body);
    if (range)
      charts.push({
        kind: 'line',
        title: 'Progress per indicator over time',
        range: { ...range, row: range.row - 1, rows: range.rows + 1 },
        anchor: { row: 1, column: CHART_COLUMN },
      });
    grid.add('blank');
  }
  const byMonth = d.activitiesByMonth;
  if (byMonth.months.length) {
    const range = grid.table(
      ['Month', ...byMonth.types],
      byMonth.months.map((m, i) => [monthLabel(m), ...byMonth.counts[i]]),
    );
    if (range)
      charts.push({
        kind: 'column',
        title: 'Activities per month by type',
        range: { ...range, row: range.row - 1, rows: range.rows + 1 },
        anchor: { row: 22, column: CHART_COLUMN },
      });
  }

  const width = grid.width;
  return {
    ...grid.finish(),
    merges: merged.map((row) => ({ row, column: 1, numRows: 1, numColumns: width })),
    note: 'Rebuilt by the Shared Work Plan add-on from the plan’s tabs; anything typed here is replaced.',
    wrap: [],
    firstColumnWidth: 240,
    columnWidth: 120,
    links,
    charts,
  };
}
