// Reads the plan's rows into what the dashboard counts: dates as yyyy-mm-dd in the sheet's zone, links by ID.
import type { LeadOrganisation } from '../../shared/settings';
import { measureNumber } from '../progress/indicator';
import type { TabDef, TypedCells } from '../schema/columns';
import {
  ACTIVITY_STATUSES,
  ACTIVITY_TYPES,
  ASSESSMENTS_TAB,
  CALENDAR_TAB,
  GOAL_STATUSES,
  MOU_STATUSES,
  OUTCOMES_TAB,
  PARTNERS_TAB,
  PARTNERSHIP_TAB,
  PROGRESS_TAB,
  STEP_STATUSES,
} from '../schema/tabs';
import { asText, asWallDate, matchOption, referenceId, splitList } from '../table/cells';
import { type TableRecord, typedRecords } from '../table/records';
import { formatWallDate, type ZoneOracle } from '../time/zones';
import { findLeadRow } from '../workbook/lead';

/** Where a row lives now, so every dashboard line can link to it. */
export interface RowAt {
  tab: string;
  row: number;
}

export interface StepRow extends RowAt {
  id: string;
  step: string;
  status: string;
  owner: string;
  due: string | null;
}

export interface PartnerRow extends RowAt {
  name: string;
  /** The lead organisation's row (the coordinator's setting): counted apart from the partners. */
  lead: boolean;
  mouStatus: string;
  agreementEnd: string | null;
}

export interface OutcomeRow extends RowAt {
  id: string;
  goalId: string | null;
  outcome: string;
  indicator: string;
  baselineText: string;
  targetText: string;
  baseline: number | null;
  target: number | null;
  targetDate: string | null;
  status: string;
}

export interface ActivityRow extends RowAt {
  id: string;
  title: string;
  type: string;
  start: string | null;
  /** The last day (the end date, else the start date). */
  end: string | null;
  status: string;
  lead: string;
  participants: string[];
}

export interface FindingRow extends RowAt {
  partner: string;
}

export interface ProgressRow extends RowAt {
  outcomeId: string | null;
  day: string | null;
  value: number | null;
}

/** One source tab as the adapter read it. */
export interface DashboardSource {
  sheetName: string;
  records: readonly TableRecord[];
}

export interface DashboardSources {
  partnership: DashboardSource | null;
  partners: DashboardSource | null;
  outcomes: DashboardSource | null;
  progress: DashboardSource | null;
  assessments: DashboardSource | null;
  calendar: DashboardSource | null;
  sheetZone: string;
  oracle: ZoneOracle;
  /** The spreadsheet's locale: dates typed as text are read in its day/month order. */
  locale: string;
  /** The lead organisation as set-up recorded it (absent while the coordinator has not said). */
  lead?: LeadOrganisation;
}

export interface DashboardPlan {
  steps: StepRow[];
  partners: PartnerRow[];
  outcomes: OutcomeRow[];
  activities: ActivityRow[];
  findings: FindingRow[];
  progress: ProgressRow[];
}

/** A date cell as yyyy-mm-dd in the sheet's zone; null when empty or not a date. */
function day(value: unknown, zone: string, oracle: ZoneOracle, locale: string): string | null {
  if (asText(value) === '') return null;
  const parsed = asWallDate(value, zone, oracle, 'Date', locale);
  return parsed.ok ? formatWallDate(parsed.value) : null;
}

const option = (value: unknown, options: readonly string[]) =>
  matchOption(value, options) ?? asText(value);

/** Each row of `source`, read as `tab`'s: its cells typed by that tab's column keys. */
function rows<Tab extends TabDef, T>(
  tab: Tab,
  source: DashboardSource | null,
  read: (r: { row: number; cells: TypedCells<Tab> }, at: RowAt) => T,
): T[] {
  if (!source) return [];
  return typedRecords(tab, source.records).map((r) =>
    read(r, { tab: source.sheetName, row: r.row }),
  );
}

/** Every row the dashboard counts; a missing tab reads as empty. */
export function readDashboardPlan(s: DashboardSources): DashboardPlan {
  const d = (v: unknown) => day(v, s.sheetZone, s.oracle, s.locale);
  const leadRow = findLeadRow(s.lead, s.partners?.records ?? [])?.row ?? null;
  return {
    steps: rows(PARTNERSHIP_TAB, s.partnership, ({ cells }, at) => ({
      ...at,
      id: asText(cells.id).toUpperCase(),
      step: asText(cells.step),
      status: option(cells.status, STEP_STATUSES),
      owner: asText(cells.owner),
      due: d(cells.dueDate),
    })),
    partners: rows(PARTNERS_TAB, s.partners, ({ cells }, at) => ({
      ...at,
      name: asText(cells.organisation),
      lead: at.row === leadRow,
      mouStatus: option(cells.mouStatus, MOU_STATUSES),
      agreementEnd: d(cells.agreementEnd),
    })).filter((p) => p.name !== ''),
    outcomes: rows(OUTCOMES_TAB, s.outcomes, ({ cells }, at) => ({
      ...at,
      id: asText(cells.id).toUpperCase(),
      goalId: referenceId(cells.goal, 'G'),
      outcome: asText(cells.outcome),
      indicator: asText(cells.indicator),
      baselineText: asText(cells.baseline),
      targetText: asText(cells.target),
      baseline: measureNumber(asText(cells.baseline)),
      target: measureNumber(asText(cells.target)),
      targetDate: d(cells.targetDate),
      status: option(cells.status, GOAL_STATUSES),
    })),
    activities: rows(CALENDAR_TAB, s.calendar, ({ cells }, at) => {
      const start = d(cells.startDate);
      return {
        ...at,
        id: asText(cells.id).toUpperCase(),
        title: asText(cells.title),
        type: option(cells.type, ACTIVITY_TYPES) || 'Other',
        start,
        end: d(cells.endDate) ?? start,
        status: option(cells.status, ACTIVITY_STATUSES),
        lead: asText(cells.lead),
        participants: splitList(cells.participants),
      };
    }),
    findings: rows(ASSESSMENTS_TAB, s.assessments, ({ cells }, at) => ({
      ...at,
      partner: asText(cells.partner),
    })),
    progress: rows(PROGRESS_TAB, s.progress, ({ cells }, at) => ({
      ...at,
      outcomeId: referenceId(cells.outcome, 'O'),
      day: d(cells.date),
      value: measureNumber(asText(cells.value)),
    })),
  };
}
