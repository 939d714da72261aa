// The community survey: its form, and its answers as proposed community findings the coordinator accepts into Assessments.
import { withDocumentLock } from '../adapters/documentLock';
import type { GoogleServices } from '../adapters/google';
import { takeIds } from '../adapters/idCounters';
import { appendRows } from '../adapters/sheets/appendRows';
import { readTab } from '../adapters/sheets/readTab';
import { makeSurveyForm, surveyResponses } from '../adapters/surveyForm';
import {
  loadSurveyState,
  type SurveyForm,
  type SurveyState,
  saveSurveyState,
} from '../adapters/surveyState';
import { readCategories } from '../domain/assets/directory';
import { findingCells } from '../domain/assets/findingInput';
import { ASSESSMENTS_TAB, CATEGORIES_TAB } from '../domain/schema/tabs';
import {
  findingInputOf,
  findingNote,
  readSurveyAnswers,
  type SurveyProposal,
  type SurveyReading,
  type SurveyResponse,
} from '../domain/survey/proposals';
import { localeDay } from '../domain/time/localeDate';
import { formatWallDate } from '../domain/time/zones';
import { UserError } from '../shared/errors';
import { plural, word } from '../shared/plural';
import type { CommunitySurveyState, MakeSurveyRequest } from '../shared/surveyWire';
import { idsOf, readAssessments } from './assetMap';
import { requireSettingsOwner } from './authority';
import { planBasics } from './calendarContext';

/** Refuses anyone but the plan's coordinator, in a sentence that names them. */
function requireSurveyOwner(services: GoogleServices): void {
  requireSettingsOwner(services, planBasics(services).settings, 'communitySurvey');
}

/**
 * Moments as days in the spreadsheet's zone, written as its locale writes dates. Made once per
 * call: the zone, locale and settings are read once, not once per answer listed.
 */
function daysOf(services: GoogleServices): (ms: number) => string {
  const { oracle, sheetZone, spreadsheet } = planBasics(services);
  const locale = spreadsheet.getSpreadsheetLocale();
  return (ms) => localeDay(formatWallDate(oracle(ms, sheetZone)), locale);
}

/** Every survey's responses; a form that cannot be opened is named in a note, not fatal. */
function allResponses(services: GoogleServices, state: SurveyState) {
  const responses: SurveyResponse[] = [];
  const notes: string[] = [];
  for (const survey of state.surveys)
    try {
      responses.push(...surveyResponses(services, survey));
    } catch {
      notes.push(
        `The form of ${survey.id.toLowerCase()} could not be opened (deleted, or made by someone else), so its answers are not listed.`,
      );
    }
  return { reading: readSurveyAnswers(responses, state.surveys, state.decisions), notes };
}

function view(s: SurveyForm, dayOf: (ms: number) => string) {
  return {
    id: s.id,
    url: s.url,
    editUrl: s.editUrl,
    made: dayOf(s.createdMs),
    names: s.names,
  };
}

/** The sidebar's section: the surveys, and for the coordinator the answers waiting for them. */
export function communitySurveyState(services: GoogleServices, message = ''): CommunitySurveyState {
  const state = loadSurveyState(services.documentProperties());
  let refusal: string | null = null;
  try {
    requireSurveyOwner(services);
  } catch (error) {
    refusal = (error as Error).message;
  }
  // Answers (and names, when asked for) are the coordinator's to read: partners see only the surveys.
  const { reading, notes } =
    refusal === null
      ? allResponses(services, state)
      : { reading: { proposals: [], skipped: 0, accepted: 0, declined: 0 }, notes: [] };
  const dayOf = daysOf(services);
  return {
    surveys: state.surveys.map((s) => view(s, dayOf)),
    proposals: reading.proposals.map((p) => ({
      key: p.key,
      day: dayOf(p.atMs),
      kind: p.kind,
      category: p.category,
      description: p.description,
      evidence: p.evidence,
      population: p.population,
      respondent: p.respondent,
    })),
    skipped: reading.skipped,
    accepted: reading.accepted,
    declined: reading.declined,
    canRun: refusal === null,
    refusal,
    notes,
    message,
  };
}

/** The categories a community finding may use: the Categories tab's, less those only for organisations. */
function communityCategories(services: GoogleServices): string[] {
  const tab = readTab(services.spreadsheet(), CATEGORIES_TAB, services.documentCache());
  const names = readCategories(tab?.records ?? null)
    .entries.filter((c) => c.kind !== 'Organisational capacity')
    .map((c) => c.name);
  return names.length ? names : ['Other'];
}

/** Makes a survey form in the coordinator's Drive, linked to this spreadsheet. */
export function makeCommunitySurvey(
  services: GoogleServices,
  request: MakeSurveyRequest,
): CommunitySurveyState {
  requireSurveyOwner(services);
  return withDocumentLock(services.documentLock(), () => {
    const properties = services.documentProperties();
    const state = loadSurveyState(properties);
    // Not "S1": the Partnership tab's steps are S1…S8.
    const id = `Survey ${state.surveys.length + 1}`;
    const { spreadsheet, settings } = planBasics(services);
    const planName = settings.name || spreadsheet.getName();
    const names = request.names === true;
    const survey = makeSurveyForm(services, {
      id,
      title: `${planName}: community ${id.toLowerCase()}`,
      planName,
      names,
      categories: communityCategories(services),
    });
    saveSurveyState(properties, { ...state, surveys: [...state.surveys, survey] });
    return communitySurveyState(
      services,
      `${id} is ready: send its link to youth, parents and residents, or to your surveyors. ${
        names ? 'It asks for a name and email (both optional).' : 'It collects no names or emails.'
      } Answers come here as proposed findings.`,
    );
  });
}

const TYPED_KEYS = ['description', 'evidence', 'population'];

/** What accepting some answers did, for one sentence. */
interface AcceptOutcome {
  added: Array<{ id: string; row: number }>;
  refused: string[];
}

/** Appends the findings of `chosen` (still waiting) to the Assessments tab and records them as accepted. */
function acceptNow(
  services: GoogleServices,
  state: SurveyState,
  chosen: readonly SurveyProposal[],
): AcceptOutcome {
  const { assessments, analysis } = readAssessments(services);
  const refused: string[] = [];
  const rows: Array<{ p: SurveyProposal; cells: Record<string, unknown> }> = [];
  const batch = new Set<string>();
  const dayOf = daysOf(services);
  for (const p of chosen) {
    const cells = findingCells(findingInputOf(p), analysis.context, analysis.findings);
    const same = `${p.kind}|${p.category}|${p.description}`.toLowerCase();
    if (!cells.ok) refused.push(`“${short(p.description)}”: ${cells.message}`);
    else if (batch.has(same))
      refused.push(`“${short(p.description)}”: the same finding is among those just added.`);
    else {
      batch.add(same);
      rows.push({
        p,
        cells: {
          ...cells.value,
          notes: findingNote(p, dayOf(p.atMs)),
        },
      });
    }
  }
  if (rows.length === 0) return { added: [], refused };
  const ids =
    assessments.location.index.id >= 0
      ? takeIds(services.documentProperties(), ASSESSMENTS_TAB, idsOf(assessments), rows.length)
      : rows.map(() => '');
  const first = appendRows(
    assessments,
    rows.map((r, i) => ({ ...r.cells, id: ids[i] })),
    // The answers' own words stay as typed in the sheet (never read as a number or a date).
    { tab: ASSESSMENTS_TAB, builders: services.sheetBuilders(), asTyped: TYPED_KEYS },
  );
  const decisions = { ...state.decisions };
  const added = rows.map((r, i) => {
    decisions[r.p.key] = {
      status: 'accepted' as const,
      finding: ids[i] || `row ${first + i}`,
      atMs: Date.now(),
    };
    return { id: ids[i], row: first + i };
  });
  saveSurveyState(services.documentProperties(), { ...state, decisions });
  return { added, refused };
}

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** Why an answer asked for is not waiting: accepted before, declined, or not an answer of these surveys. */
function notWaiting(state: SurveyState, key: string): string {
  const d = new Map(Object.entries(state.decisions)).get(key);
  if (d?.status === 'accepted') return `already accepted as ${d.finding}`;
  if (d?.status === 'declined') return 'declined earlier';
  return 'no longer an answer of these surveys';
}

function acceptedSentence(outcome: AcceptOutcome, tab: string, skippedBefore: string[]): string {
  const { added, refused } = outcome;
  const ids = added.map((a) => a.id).filter((id) => id !== '');
  const parts: string[] = [];
  if (added.length)
    parts.push(
      `Added ${plural(added.length, 'finding')} to the ${tab} tab${ids.length ? ` (${ids.join(', ')})` : ''}, from row ${added[0].row}.`,
    );
  if (skippedBefore.length) parts.push(`Not added again: ${skippedBefore.join('; ')}.`);
  if (refused.length)
    parts.push(
      `Still waiting, not added: ${refused.join(' ')} Decline ${word(refused.length, 'it', 'them')}, or fix the ${tab} or Categories tab and accept again.`,
    );
  return parts.join(' ') || 'Nothing to accept.';
}

function acceptWith(
  services: GoogleServices,
  pick: (
    reading: SurveyReading,
    state: SurveyState,
  ) => { chosen: SurveyProposal[]; gone: string[] },
): CommunitySurveyState {
  requireSurveyOwner(services);
  return withDocumentLock(services.documentLock(), () => {
    const state = loadSurveyState(services.documentProperties());
    const { reading } = allResponses(services, state);
    const { chosen, gone } = pick(reading, state);
    const outcome = acceptNow(services, state, chosen);
    return communitySurveyState(services, acceptedSentence(outcome, ASSESSMENTS_TAB.name, gone));
  });
}

/** Accepts the answers named (a second accept of the same answer adds nothing, and says so). */
export function acceptSurveyAnswers(
  services: GoogleServices,
  keys: readonly string[],
): CommunitySurveyState {
  return acceptWith(services, (reading, state) => {
    const wanted = new Set(keys);
    const chosen = reading.proposals.filter((p) => wanted.has(p.key));
    const found = new Set(chosen.map((p) => p.key));
    const gone = [...wanted].filter((k) => !found.has(k)).map((k) => notWaiting(state, k));
    return { chosen, gone: [...new Set(gone)] };
  });
}

/**
 * Accepts every waiting answer, only when exactly the answers the coordinator saw are waiting:
 * a count alone would pass when one answer was decided elsewhere and another arrived meanwhile,
 * adding an answer nobody read.
 */
export function acceptAllSurveyAnswers(
  services: GoogleServices,
  shown: readonly string[],
): CommunitySurveyState {
  return acceptWith(services, (reading) => {
    const n = reading.proposals.length;
    const seen = new Set(shown);
    if (n !== seen.size)
      throw new UserError(
        `${plural(n, 'answer is', 'answers are')} waiting now, not ${seen.size}: nothing was added. Look at the list again, then accept.`,
      );
    if (reading.proposals.some((p) => !seen.has(p.key)))
      throw new UserError(
        'The answers waiting changed since the list was shown (one was decided elsewhere, another arrived): nothing was added. Look at the list again, then accept.',
      );
    return { chosen: reading.proposals, gone: [] };
  });
}

/** Declines the answers named: they are never proposed again (the form keeps them). */
export function declineSurveyAnswers(
  services: GoogleServices,
  keys: readonly string[],
): CommunitySurveyState {
  requireSurveyOwner(services);
  return withDocumentLock(services.documentLock(), () => {
    const properties = services.documentProperties();
    const state = loadSurveyState(properties);
    const { reading } = allResponses(services, state);
    const waiting = new Set(reading.proposals.map((p) => p.key));
    const declined = keys.filter((k) => waiting.has(k));
    const decisions = { ...state.decisions };
    for (const k of declined) decisions[k] = { status: 'declined', atMs: Date.now() };
    if (declined.length) saveSurveyState(properties, { ...state, decisions });
    return communitySurveyState(
      services,
      declined.length
        ? `Declined ${plural(declined.length, 'answer')}: not proposed again. The form keeps ${declined.length === 1 ? 'it' : 'them'}.`
        : 'Nothing declined: that answer is no longer waiting.',
    );
  });
}
