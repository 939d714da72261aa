// Reads the plan's rows a partner brief needs; steps and activities as the dashboard reads them.

import type { DashboardSource, DashboardSources } from '../dashboard/read';
import { readDashboardPlan } from '../dashboard/read';
import { PRIORITIES } from '../schema/columns';
import {
  ASSESSMENTS_TAB,
  FINDING_KINDS,
  GOALS_TAB,
  MOU_STATUSES,
  PARTNER_ROLES,
  PARTNERS_TAB,
} from '../schema/tabs';
import { asText, asWallDate, matchOption } from '../table/cells';
import { typedRecords } from '../table/records';
import { formatWallDate } from '../time/zones';
import { leadName } from '../workbook/lead';
import type { BriefPlan } from './compose';

export interface BriefSources extends DashboardSources {
  goals: DashboardSource | null;
  name: string;
  purpose: string;
  coordinator: string;
  coordinatorEmail: string;
}

export function readBriefPlan(s: BriefSources): BriefPlan {
  const base = readDashboardPlan(s);
  const day = (v: unknown) => {
    if (asText(v) === '') return null;
    const parsed = asWallDate(v, s.sheetZone, s.oracle, 'Date', s.locale);
    return parsed.ok ? formatWallDate(parsed.value) : null;
  };
  return {
    name: s.name,
    purpose: s.purpose,
    coordinator: s.coordinator,
    coordinatorEmail: s.coordinatorEmail,
    lead: leadName(s.lead, s.partners?.records ?? []),
    goals: typedRecords(GOALS_TAB, s.goals?.records ?? [])
      .map(({ cells }) => ({
        id: asText(cells.id).toUpperCase(),
        goal: asText(cells.goal),
        priority: matchOption(cells.priority, PRIORITIES) ?? '',
        problem: asText(cells.problem),
        owner: asText(cells.owner),
      }))
      .filter((g) => g.goal !== ''),
    partners: typedRecords(PARTNERS_TAB, s.partners?.records ?? [])
      .map(({ cells }) => ({
        id: asText(cells.id).toUpperCase(),
        name: asText(cells.organisation),
        contact: asText(cells.contact),
        email: asText(cells.email),
        phone: asText(cells.phone),
        role: matchOption(cells.role, PARTNER_ROLES) ?? asText(cells.role),
        responsibilities: asText(cells.responsibilities),
        inKind: asText(cells.inKind),
        inKindValue: asText(cells.inKindValue),
        mouStatus: matchOption(cells.mouStatus, MOU_STATUSES) ?? asText(cells.mouStatus),
        agreementEnd: day(cells.agreementEnd),
      }))
      .filter((p) => p.name !== ''),
    activities: base.activities,
    steps: base.steps,
    findings: typedRecords(ASSESSMENTS_TAB, s.assessments?.records ?? []).map(({ cells }) => ({
      partner: asText(cells.partner),
      kind: matchOption(cells.kind, FINDING_KINDS) ?? '',
      description: asText(cells.description),
    })),
  };
}
