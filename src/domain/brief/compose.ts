// One partner's brief as a print-ready layout: purpose, goals, what it brings, its activities, open items, contacts.

import { type BriefRound, partnerHealthLines } from '../health/partnerView';
import { sameName } from '../people/names';
import { PRIORITIES } from '../schema/columns';
import { type FitOptions, fittedGrid, type GeneratedLayout, type Grid } from '../table/grid';
import { localeDay } from '../time/localeDate';
import { addDays, formatWallDate } from '../time/zones';

/** How far ahead "the next term" looks. */
export const TERM_DAYS = 120;
/** Lists are cut so a brief fits one printed page; the rest is counted, never silently dropped. */
export const MAX_GOALS = 5;
export const MAX_ITEMS = 6;

export interface BriefGoal {
  id: string;
  goal: string;
  priority: string;
  problem: string;
  owner: string;
}

export interface BriefPartner {
  id: string;
  name: string;
  contact: string;
  email: string;
  phone: string;
  role: string;
  responsibilities: string;
  inKind: string;
  inKindValue: string;
  mouStatus: string;
  agreementEnd: string | null;
}

export interface BriefActivity {
  title: string;
  start: string | null;
  end: string | null;
  status: string;
  lead: string;
  participants: string[];
  row: number;
}

export interface BriefStep {
  step: string;
  status: string;
  owner: string;
  due: string | null;
}

export interface BriefFinding {
  partner: string;
  kind: 'Asset' | 'Need' | '';
  description: string;
}

export interface BriefPlan {
  name: string;
  /** The lead organisation's name ('' when the coordinator has not named one): its goals lead. */
  lead: string;
  purpose: string;
  coordinator: string;
  coordinatorEmail: string;
  goals: BriefGoal[];
  partners: BriefPartner[];
  activities: BriefActivity[];
  steps: BriefStep[];
  findings: BriefFinding[];
  /** The health check's latest round, when one has run (its answers stay anonymous: only totals). */
  health?: BriefRound | null;
}

const same = sameName;
const rank = (priority: string) => {
  const at = PRIORITIES.findIndex((p) => same(p, priority));
  return at < 0 ? PRIORITIES.length : at;
};

/** A line cut at MAX_LINE characters: a partner's essay in one cell must not push the brief onto a second page. */
export const MAX_LINE = 280;
const clip = (text: string) => (text.length > MAX_LINE ? `${text.slice(0, MAX_LINE - 1)}…` : text);

/** The first `max` lines, and a line counting the rest ("and 3 more on the Calendar tab"). */
function capped(lines: string[], max: number, where: string): string[] {
  if (lines.length <= max) return lines;
  return [
    ...lines.slice(0, max - 1),
    `… and ${lines.length - (max - 1)} more on the ${where} tab.`,
  ];
}

/** 500 px in all: within a Letter or A4 page’s printable width at the default margins, as LibreOffice measures it. */
const BRIEF_COLUMNS: FitOptions = { min: 110, max: 390, fixed: { 1: 110, 2: 390 } };

export function briefLayout(
  plan: BriefPlan,
  partner: BriefPartner,
  today: string,
  locale: string,
): GeneratedLayout {
  const { grid, wrap, widths } = fittedGrid(
    (g) => briefRows(g, plan, partner, today, (iso) => localeDay(iso, locale)),
    BRIEF_COLUMNS,
  );
  return {
    ...grid.finish(),
    merges: grid.merges(),
    rowHeights: grid.rowHeights(),
    note: `Rebuilt by the Shared Work Plan add-on from the plan’s tabs for ${partner.name}; anything typed here is replaced. File › Download › PDF prints it on one page.`,
    // Labels are short; the text column wraps; headings are merged lines broken to the page's width.
    wrap,
    columnWidths: widths,
  };
}

/** The goals by priority, the lead organisation's first (they are what every partner's work aligns to). */
function goalLines(plan: BriefPlan): { goals: string[]; leadFirst: string } {
  const ledByLead = (g: BriefGoal) => (plan.lead && same(g.owner, plan.lead) ? 0 : 1);
  const goals = [...plan.goals]
    .sort((a, b) => ledByLead(a) - ledByLead(b) || rank(a.priority) - rank(b.priority))
    .map((g) => {
      const priority = g.priority ? ` (${g.priority} priority)` : '';
      const why = g.problem ? ` Why: ${g.problem}` : '';
      return `${g.id} · ${g.goal}${priority}.${why}`;
    });
  const leadFirst =
    plan.lead && plan.goals.some((g) => ledByLead(g) === 0)
      ? `${plan.lead}’s goals come first: every partner’s work aligns to them.`
      : '';
  return { goals, leadFirst };
}

/** The partner's activities that still stand: those it leads or takes part in. */
function partnerActivities(plan: BriefPlan, partner: BriefPartner) {
  return plan.activities.filter(
    (a) =>
      a.status !== 'Cancelled' &&
      (same(a.lead, partner.name) || a.participants.some((p) => same(p, partner.name))),
  );
}

/** Its activities from today to the term's end, in date order, each saying its part. */
function comingLines(
  mine: ReturnType<typeof partnerActivities>,
  partner: BriefPartner,
  today: string,
  termEnd: string,
  shown: (iso: string | null) => string,
): string[] {
  return mine
    .filter((a) => a.start && a.start >= today && a.start <= termEnd)
    .sort((a, b) => ((a.start ?? '') < (b.start ?? '') ? -1 : 1))
    .map(
      (a) =>
        `${shown(a.start)}: ${a.title} (${same(a.lead, partner.name) ? 'you lead' : 'you take part'})`,
    );
}

function briefRows(
  grid: Grid,
  plan: BriefPlan,
  partner: BriefPartner,
  today: string,
  shown: (iso: string | null) => string,
): void {
  const [y, m, d] = today.split('-').map(Number);
  const termEnd = formatWallDate(addDays({ year: y, month: m, day: d }, TERM_DAYS));
  const section = (title: string, lines: string[], empty: string, intro = '') => {
    grid.add('blank');
    grid.line('heading', title);
    if (intro && lines.length) grid.add('explain', ['', intro]);
    if (lines.length === 0) grid.add('explain', ['', empty]);
    for (const line of lines) grid.add('body', ['', clip(line)]);
  };
  const pair = (label: string, value: string) => {
    if (value) grid.add('body', [label, clip(value)]);
  };

  // Nothing runs on past column B: text past the page's last column would print a second page.
  grid.line('title', `Partner brief · ${partner.name}`);
  grid.line('lead', `${plan.name} · prepared ${shown(today)}`);
  pair('Purpose', plan.purpose);
  pair('Your role', partner.role);

  const { goals, leadFirst } = goalLines(plan);
  section(
    'Our goals and priorities',
    capped(goals, MAX_GOALS, 'Goals'),
    'No goals yet.',
    leadFirst,
  );

  const brings = bringsLines(plan, partner);
  section(
    `What ${partner.name} brings`,
    capped(brings, MAX_ITEMS, 'Assessments'),
    'Nothing recorded yet.',
  );

  const mine = partnerActivities(plan, partner);
  const coming = comingLines(mine, partner, today, termEnd, shown);
  section(
    `Activities in the next ${TERM_DAYS} days`,
    capped(coming, MAX_ITEMS, 'Calendar'),
    `None planned until ${shown(termEnd)}.`,
  );

  section(
    'Open items',
    capped(openItems(plan, partner, mine, today, termEnd, shown), MAX_ITEMS, 'Partnership'),
    'Nothing open.',
  );

  const health = partnerHealthLines(plan.health ?? null, partner.name);
  if (health.length) {
    grid.add('blank');
    grid.line('heading', 'Partnership health check');
    for (const line of health) grid.add('body', ['', line]);
  }

  grid.add('blank');
  grid.line('heading', 'Contacts');
  const you = [partner.contact, partner.email, partner.phone].filter(Boolean).join(' · ');
  pair('Your contact', you || 'None on the Partners tab yet');
  const coordinator = [plan.coordinator, plan.coordinatorEmail].filter(Boolean).join(' · ');
  pair('Coordinator', coordinator);
}

/**
 * What the partner has to act on: its unfinished steps, the drafts it leads (the add-on's own
 * drafts from asset-map gaps among them: a date and a status are the partner's to give), its past
 * activities not marked Done, and its agreement.
 */
function openItems(
  plan: BriefPlan,
  partner: BriefPartner,
  mine: readonly BriefActivity[],
  today: string,
  termEnd: string,
  shown: (iso: string | null) => string,
): string[] {
  const leads = mine.filter((a) => same(a.lead, partner.name));
  return [
    ...plan.steps
      .filter(
        (s) => same(s.owner, partner.name) && s.status !== 'Done' && s.status !== 'Not needed',
      )
      .map(
        (s) =>
          `Step “${s.step}”${s.due ? `, due ${shown(s.due)}` : ''}${s.due && s.due < today ? ' (overdue)' : ''}`,
      ),
    ...leads
      .filter((a) => same(a.status, 'Draft'))
      .map((a) => `Draft “${a.title}”: give it a date and set its status to Planned`),
    ...leads
      .filter(
        (a) =>
          !same(a.status, 'Draft') &&
          (a.end ?? a.start ?? '') < today &&
          a.start &&
          a.status !== 'Done',
      )
      .map((a) => `Activity “${a.title}” of ${shown(a.start)} is not marked Done`),
    ...(partner.mouStatus && partner.mouStatus !== 'Signed'
      ? [`Agreement (MOU): ${partner.mouStatus}`]
      : []),
    ...(partner.agreementEnd && partner.agreementEnd <= termEnd
      ? [
          `Agreement ${partner.agreementEnd < today ? 'ended' : 'ends'} ${shown(partner.agreementEnd)}: time to renew it`,
        ]
      : []),
  ];
}

/** What the partner brings: its responsibilities, its in-kind contribution, its assets. */
function bringsLines(plan: BriefPlan, partner: BriefPartner): string[] {
  const assets = plan.findings
    .filter((f) => f.kind === 'Asset' && same(f.partner, partner.name))
    .map((f) => `Asset: ${f.description}`);
  return [
    ...(partner.responsibilities ? [`Responsibilities: ${partner.responsibilities}`] : []),
    ...(partner.inKind
      ? [
          `In-kind: ${partner.inKind}${partner.inKindValue ? ` (about ${partner.inKindValue})` : ''}`,
        ]
      : []),
    ...assets,
  ];
}
