// The partnership health check: open a round (a form linked to this spreadsheet), send its link, close it, build the tab, draft what it suggests.
import { loadDigestState } from '../adapters/digestState';
import { withDocumentLock } from '../adapters/documentLock';
import type { GoogleServices } from '../adapters/google';
import {
  blankCode,
  eventSheetId,
  makeHealthForm,
  openForm,
  responseValues,
} from '../adapters/healthForm';
import {
  type HealthRound,
  type HealthState,
  loadHealthState,
  openRound,
  saveHealthState,
} from '../adapters/healthState';
import { takeIds } from '../adapters/idCounters';
import { appendRow } from '../adapters/sheets/appendRows';
import { findOrCreateGeneratedTab, writeLayout } from '../adapters/sheets/generatedTab';
import { readTab } from '../adapters/sheets/readTab';
import { healthLayout, type RoundResults } from '../domain/health/layout';
import { CODE_QUESTION, FACTOR_NAMES, FACTORS, type FactorKey } from '../domain/health/questions';
import { readResponses } from '../domain/health/responses';
import { shownScores, weakestFactors } from '../domain/health/scoring';
import { suggestionFor, suggestionLine, suggestionMarker } from '../domain/health/suggestions';
import { CALENDAR_TAB, PARTNERS_TAB } from '../domain/schema/tabs';
import { asText } from '../domain/table/cells';
import { localeDay } from '../domain/time/localeDate';
import { addDays, formatWallDate } from '../domain/time/zones';
import { UserError } from '../shared/errors';
import type { HealthCheckState, OpenRoundRequest } from '../shared/healthWire';
import { idsOf } from './assetMap';
import { requireSettingsOwner } from './authority';
import { planBasics } from './calendarContext';
import { requireColumns, requireTab } from './logicModel';

export const HEALTH_TAB = { key: 'healthCheck', name: 'Health check', color: '#34a853' } as const;
export const HEALTH_SUBMIT_HANDLER = 'onHealthFormSubmit_';
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Today in the spreadsheet's zone, ISO. */
export function sheetToday(services: GoogleServices): string {
  const { oracle, sheetZone } = planBasics(services);
  return formatWallDate(oracle(Date.now(), sheetZone));
}

const isoWall = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
};

/** Refuses anyone but the plan's coordinator, in a sentence that names them. */
export function requireHealthOwner(services: GoogleServices): void {
  requireSettingsOwner(services, planBasics(services).settings, 'healthCheck');
}

/** Each round's anonymous responses, read from its response tab (found by sheet id). */
export function roundResults(services: GoogleServices, state: HealthState): RoundResults[] {
  return state.rounds.map((r) => {
    const values = responseValues(services, r.sheetId);
    return {
      id: r.id,
      opens: r.opens,
      closes: r.closes,
      open: !r.closed,
      responses: readResponses(values).responses,
    };
  });
}

/** Rewrites the Health check tab from every round (a constant number of calls per round). */
export function writeHealthTab(services: GoogleServices, state: HealthState): string {
  const { spreadsheet, settings } = planBasics(services);
  const locale = spreadsheet.getSpreadsheetLocale();
  const layout = healthLayout(
    roundResults(services, state),
    settings.name || spreadsheet.getName(),
    (iso) => localeDay(iso, locale),
  );
  const { sheet } = findOrCreateGeneratedTab(
    spreadsheet,
    HEALTH_TAB.key,
    HEALTH_TAB.name,
    HEALTH_TAB.color,
  );
  writeLayout(sheet, layout);
  return sheet.getName();
}

/** The sidebar's view: rounds with counts (never who answered), and the latest round's suggestions. */
export function healthCheckState(services: GoogleServices, message = ''): HealthCheckState {
  const state = loadHealthState(services.documentProperties());
  const results = roundResults(services, state);
  const today = sheetToday(services);
  let refusal: string | null = null;
  try {
    requireHealthOwner(services);
  } catch (error) {
    refusal = (error as Error).message;
  }
  const latest = results[results.length - 1];
  const round = state.rounds[state.rounds.length - 1];
  const weak = latest ? weakestFactors(shownScores(latest.responses)) : [];
  const drafts = latest ? draftedRows(services, round.id) : new Map<FactorKey, number>();
  // Read once, and only when there is a round to date.
  const locale = state.rounds.length ? services.spreadsheet().getSpreadsheetLocale() : '';
  return {
    rounds: state.rounds.map((r, i) => ({
      id: r.id,
      opens: localeDay(r.opens, locale),
      closes: localeDay(r.closes, locale),
      open: !r.closed,
      url: r.url,
      answers: results[i].responses.length,
      invited: r.invitations.filter((x) => x.sentMs !== null).length,
      answered: r.invitations.filter((x) => x.answered).length,
      inDigest: !r.closed && r.inDigest !== false,
    })),
    suggestions: weak.map((s, rank) => ({
      factor: s.factor,
      name: FACTOR_NAMES[s.factor],
      line: suggestionLine(s.factor, rank),
      keyAction: suggestionFor(s.factor).keyAction,
      draftedRow: drafts.get(s.factor) ?? null,
    })),
    canRun: refusal === null,
    refusal,
    defaultCloses: formatWallDate(addDays(isoWall(today), 14)),
    today,
    message,
    weeklyEmailOn: loadDigestState(services.documentProperties()).enabled,
  };
}

/** Opens a round: a new form from the question bank, linked here, its trigger, the tab rebuilt. */
export function openHealthRound(
  services: GoogleServices,
  request: OpenRoundRequest,
): HealthCheckState {
  requireHealthOwner(services);
  const today = sheetToday(services);
  const closes = String(request.closes ?? '').trim();
  if (!ISO.test(closes)) throw new UserError('Pick the day the round closes.');
  if (closes < today) throw new UserError('The closing day has passed: pick today or a later day.');
  return withDocumentLock(services.documentLock(), () => {
    const properties = services.documentProperties();
    const state = loadHealthState(properties);
    const open = openRound(state);
    // Days in answers as the sheet's cells write them (its locale's short date).
    const day = (iso: string) => localeDay(iso, services.spreadsheet().getSpreadsheetLocale());
    if (open)
      throw new UserError(
        `Round ${open.id} is still open (until ${day(open.closes)}): close it before opening another.`,
      );
    const id = `R${state.rounds.length + 1}`;
    const { spreadsheet, settings } = planBasics(services);
    const planName = settings.name || spreadsheet.getName();
    const made = makeHealthForm(
      services,
      `${planName}: partnership health check ${id}`,
      partnerNames(services),
    );
    const round: HealthRound = {
      id,
      ...made,
      opens: today,
      closes,
      closed: false,
      invitations: [],
    };
    const next = { ...state, rounds: [...state.rounds, round] };
    saveHealthState(properties, next);
    ensureSubmitTrigger(services);
    const tab = writeHealthTab(services, next);
    return healthCheckState(
      services,
      `Round ${id} is open until ${day(closes)}. Its answers come into this spreadsheet; the ${tab} tab shows the totals. Send the link to approved partner contacts next.`,
    );
  });
}

/** The organisations the form offers, from the Partners tab. */
function partnerNames(services: GoogleServices): string[] {
  const partners = readTab(services.spreadsheet(), PARTNERS_TAB, services.documentCache());
  const names = (partners?.records ?? [])
    .map((r) => asText(r.cells.organisation))
    .filter((n) => n !== '');
  return [...new Set(names)].slice(0, 50);
}

/** One form-submit trigger for this spreadsheet and user (an add-on may have only one (V)). */
function ensureSubmitTrigger(services: GoogleServices): void {
  const spreadsheet = services.spreadsheet();
  const triggers = services.triggers();
  const mine = triggers.getUserTriggers(spreadsheet);
  if (mine.some((t) => t.getHandlerFunction() === HEALTH_SUBMIT_HANDLER)) return;
  triggers.newTrigger(HEALTH_SUBMIT_HANDLER).forSpreadsheet(spreadsheet).onFormSubmit().create();
}

/** Closes the open round: the form stops taking answers; every answer that reached the tab counts. */
export function closeHealthRound(services: GoogleServices): HealthCheckState {
  requireHealthOwner(services);
  return withDocumentLock(services.documentLock(), () => {
    const properties = services.documentProperties();
    const state = loadHealthState(properties);
    const open = openRound(state);
    if (!open) return healthCheckState(services, 'No round is open.');
    openForm(services, open.formId).setAcceptingResponses(false);
    const next = {
      ...state,
      rounds: state.rounds.map((r) => (r.id === open.id ? { ...r, closed: true } : r)),
    };
    saveHealthState(properties, next);
    const tab = writeHealthTab(services, next);
    return healthCheckState(
      services,
      `Round ${open.id} is closed: the form takes no more answers. The ${tab} tab shows its totals.`,
    );
  });
}

/** The Calendar rows already drafted from this round's suggestions, by factor. */
function draftedRows(services: GoogleServices, roundId: string): Map<FactorKey, number> {
  const calendar = readTab(services.spreadsheet(), CALENDAR_TAB, services.documentCache());
  const found = new Map<FactorKey, number>();
  for (const f of FACTORS) {
    const marker = suggestionMarker(f, roundId).toLowerCase();
    const row = calendar?.records.find((r) => asText(r.cells.notes).toLowerCase().includes(marker));
    if (row) found.set(f, row.row);
  }
  return found;
}

/** One click: the suggestion for a factor as a Draft activity in the Calendar tab, once a round. */
export function draftHealthActivity(services: GoogleServices, factor: string): HealthCheckState {
  requireHealthOwner(services);
  const key = FACTORS.find((f) => f === factor);
  if (!key) throw new UserError('That factor is not one of the health check’s.');
  return withDocumentLock(services.documentLock(), () => {
    const state = loadHealthState(services.documentProperties());
    const round = state.rounds[state.rounds.length - 1];
    if (!round) throw new UserError('No round yet: open one first.');
    const existing = draftedRows(services, round.id).get(key);
    const calendar = requireTab(services.spreadsheet(), services.documentCache(), CALENDAR_TAB);
    if (existing)
      return healthCheckState(
        services,
        `Already drafted for ${FACTOR_NAMES[key]}: row ${existing} of the ${calendar.raw.sheetName} tab.`,
      );
    const s = suggestionFor(key);
    const id =
      calendar.location.index.id >= 0
        ? takeIds(services.documentProperties(), CALENDAR_TAB, idsOf(calendar))[0]
        : '';
    const cells = {
      id,
      title: s.activity.title,
      type: s.activity.type,
      status: 'Draft',
      notes: `${suggestionMarker(key, round.id)}: ${s.advice} Pick a date and a lead, then set the status to Planned to put it on the shared calendar.`,
    };
    requireColumns(calendar, CALENDAR_TAB, Object.keys(cells));
    const row = appendRow(calendar, cells, {
      tab: CALENDAR_TAB,
      builders: services.sheetBuilders(),
    });
    return healthCheckState(
      services,
      `Drafted “${s.activity.title}”${id ? ` (${id})` : ''} in row ${row} of the ${calendar.raw.sheetName} tab: pick a date and a lead, then set it to Planned.`,
    );
  });
}

/** The menu's and sidebar's rebuild of the tab; anyone may: it shows only totals. */
export function buildHealthCheck(services: GoogleServices): string {
  const state = loadHealthState(services.documentProperties());
  const tab = writeHealthTab(services, state);
  return state.rounds.length
    ? `The ${tab} tab is rebuilt from ${state.rounds.length === 1 ? 'the round' : `${state.rounds.length} rounds`}.`
    : `The ${tab} tab is ready; open a round to start.`;
}

/** The form-submit event's fields the add-on reads (V: Sheets form-submit event). */
export interface FormSubmitEvent {
  namedValues?: Record<string, string[]>;
  range?: GoogleAppsScript.Spreadsheet.Range;
}

/**
 * The spreadsheet's form-submit trigger: notes that the invitation's owner answered (so no
 * reminder reaches them), blanks the code from the response tab so no row names a person, and
 * rebuilds the tab. A response without a code is counted all the same.
 */
export function onHealthFormSubmit(services: GoogleServices, event: FormSubmitEvent): void {
  withDocumentLock(services.documentLock(), () => {
    const properties = services.documentProperties();
    const state = loadHealthState(properties);
    const sheetId = eventSheetId(event.range);
    const round = state.rounds.find((r) => r.sheetId === sheetId);
    if (!round) return;
    const code = String(event.namedValues?.[CODE_QUESTION]?.[0] ?? '').trim();
    if (code && event.range) blankCode(event.range, code);
    const next = code ? markAnswered(state, round.id, code) : state;
    if (next !== state) saveHealthState(properties, next);
    writeHealthTab(services, next);
  });
}

export function markAnswered(state: HealthState, roundId: string, code: string): HealthState {
  let changed = false;
  const rounds = state.rounds.map((r) => {
    if (r.id !== roundId) return r;
    const invitations = r.invitations.map((x) => {
      if (x.code !== code || x.answered) return x;
      changed = true;
      return { ...x, answered: true };
    });
    return { ...r, invitations };
  });
  return changed ? { ...state, rounds } : state;
}
