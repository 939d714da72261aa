// Partner briefs: one print-ready tab per partner, rebuilt from the plan for one partner or all.

import { withDocumentLock } from '../adapters/documentLock';
import type { GoogleServices } from '../adapters/google';
import { responseValues } from '../adapters/healthForm';
import { loadHealthState } from '../adapters/healthState';
import { loadSettings } from '../adapters/settings';
import { findOrCreateGeneratedTab, writeLayout } from '../adapters/sheets/generatedTab';
import { readTab } from '../adapters/sheets/readTab';
import { utilitiesZoneOracle } from '../adapters/zoneOracle';
import { briefLayout } from '../domain/brief/compose';
import { readBriefPlan } from '../domain/brief/read';
import type { BriefRound } from '../domain/health/partnerView';
import { readResponses } from '../domain/health/responses';
import {
  ASSESSMENTS_TAB,
  CALENDAR_TAB,
  GOALS_TAB,
  PARTNERS_TAB,
  PARTNERSHIP_TAB,
} from '../domain/schema/tabs';
import { formatWallDate } from '../domain/time/zones';
import { UserError } from '../shared/errors';
import type { BriefSummary } from '../shared/goalsWire';
import { plural } from '../shared/plural';
import { showAsDisplayed, source } from './dashboard';
import { inPlainWords, RUN_WORDS } from './inPlainWords';

/** A sheet name holds at most 100 characters (V); the brief's is "Brief · " and the partner's name. */
const tabName = (partner: string) => `Brief · ${partner}`.slice(0, 100);

/**
 * Rebuilds the brief of the partner with this ID, or of every partner (null): each in its own
 * generated tab, found by its tag (`brief-P3`), so renaming the tab or the partner keeps one brief.
 */
export function buildBriefs(services: GoogleServices, partnerId: string | null): BriefSummary {
  return inPlainWords(RUN_WORDS.briefs, () =>
    withDocumentLock(services.documentLock(), () => writeBriefs(services, partnerId)),
  );
}

/** The health check's latest round, its response tab read once; null before the first round. */
function latestHealthRound(services: GoogleServices): BriefRound | null {
  const { rounds } = loadHealthState(services.documentProperties());
  const round = rounds[rounds.length - 1];
  if (!round) return null;
  return {
    id: round.id,
    responses: readResponses(responseValues(services, round.sheetId)).responses,
  };
}

function writeBriefs(services: GoogleServices, partnerId: string | null): BriefSummary {
  const spreadsheet = services.spreadsheet();
  const cache = services.documentCache();
  const partners = showAsDisplayed(readTab(spreadsheet, PARTNERS_TAB, cache), ['inKindValue']);
  if (!partners)
    throw new UserError('The Partners tab is missing: run Set up the work plan… first.');
  const settings = loadSettings(services.documentProperties());
  const sheetZone = spreadsheet.getSpreadsheetTimeZone();
  const oracle = utilitiesZoneOracle(services.formatDate);
  const plan = readBriefPlan({
    name: settings?.name || spreadsheet.getName(),
    purpose: settings?.purpose ?? '',
    coordinator: settings?.coordinator ?? '',
    coordinatorEmail: settings?.coordinatorEmail ?? '',
    goals: source(readTab(spreadsheet, GOALS_TAB, cache)),
    partnership: source(readTab(spreadsheet, PARTNERSHIP_TAB, cache)),
    partners: source(partners),
    outcomes: null,
    progress: null,
    assessments: source(readTab(spreadsheet, ASSESSMENTS_TAB, cache)),
    calendar: source(readTab(spreadsheet, CALENDAR_TAB, cache)),
    sheetZone,
    oracle,
    locale: spreadsheet.getSpreadsheetLocale(),
    lead: settings?.leadOrganisation,
  });
  plan.health = latestHealthRound(services);
  const today = formatWallDate(oracle(Date.now(), sheetZone));
  const wanted = (partnerId ?? '').trim().toUpperCase();
  const chosen = plan.partners.filter((p) => p.id && (!wanted || p.id === wanted));
  if (wanted && chosen.length === 0)
    throw new UserError(
      `Partner ${wanted} is no longer on the Partners tab. Reload and pick another.`,
    );
  if (chosen.length === 0)
    throw new UserError('No partner with an ID yet: add partners in Set up the work plan… first.');
  const tabs = chosen.map((partner) => {
    const { sheet } = findOrCreateGeneratedTab(
      spreadsheet,
      `brief-${partner.id}`,
      tabName(partner.name),
      '#188038',
    );
    writeLayout(sheet, briefLayout(plan, partner, today, spreadsheet.getSpreadsheetLocale()));
    return { partnerId: partner.id, partner: partner.name, tab: sheet.getName() };
  });
  const message =
    tabs.length === 1
      ? `Brief for ${tabs[0].partner} written to the ${tabs[0].tab} tab (File › Download › PDF prints it on one page).`
      : `${plural(tabs.length, 'brief')} written, one tab per partner (File › Download › PDF prints each on one page).`;
  return { tabs, message };
}
