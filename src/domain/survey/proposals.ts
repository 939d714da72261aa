// Turns community survey answers into proposed community findings: each answer proposed at most once, names only when asked for.
import type { FindingInput } from '../../shared/assetsWire';
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
  MODE_SURVEYOR,
  NAME_QUESTION,
} from './questions';

/** One response as the form holds it: answers by question title, as typed. */
export interface SurveyResponse {
  /** Stable across reads: the survey's id and the form's response id (FormResponse.getId). */
  key: string;
  survey: string;
  atMs: number;
  answers: Readonly<Record<string, string>>;
}

/** What the coordinator chose when the survey was made. */
export interface SurveyOptions {
  id: string;
  /** True only when the coordinator ticked that they want names and emails. */
  names: boolean;
}

export interface SurveyDecision {
  status: 'accepted' | 'declined';
  /** The finding's ID (or "row N" when the tab has no ID column) once accepted. */
  finding?: string;
  atMs: number;
}

export interface SurveyProposal {
  key: string;
  survey: string;
  atMs: number;
  kind: 'Asset' | 'Need';
  category: string;
  description: string;
  evidence: string;
  /** Who was asked: the group, and for a surveyor how many people. */
  population: string;
  /** Name and email as given; always '' unless the survey asked for names. */
  respondent: string;
}

export interface SurveyReading {
  proposals: SurveyProposal[];
  /** Answers with no finding in them (no strength or need chosen, no area, nothing readable described). */
  skipped: number;
  accepted: number;
  declined: number;
}

/** Something a person could mean: at least one letter or digit. */
const readable = (text: string) => /[\p{L}\p{N}]/u.test(text);

function kindOf(answer: string): 'Asset' | 'Need' | null {
  const a = answer.trim();
  if (a === KIND_ASSET) return 'Asset';
  if (a === KIND_NEED) return 'Need';
  return null;
}

/** "Parents", or "Parents: 12 people asked by a surveyor"; an unreadable count is kept as typed. */
export function populationOf(answers: Readonly<Record<string, string>>): string {
  const group = (answers[GROUP_QUESTION] ?? '').trim();
  if ((answers[MODE_QUESTION] ?? '').trim() !== MODE_SURVEYOR) return group;
  const typed = (answers[COUNT_QUESTION] ?? '').trim();
  const who = group || 'People';
  if (typed === '') return `${who}: asked by a surveyor`;
  const n = /^\d{1,6}$/.test(typed) ? Number(typed) : Number.NaN;
  if (n === 1) return `${who}: 1 person asked by a surveyor`;
  if (n > 1) return `${who}: ${n} people asked by a surveyor`;
  return `${who}: asked by a surveyor (how many: “${typed}”)`;
}

function respondentOf(answers: Readonly<Record<string, string>>, names: boolean): string {
  if (!names) return '';
  return [answers[NAME_QUESTION], answers[EMAIL_QUESTION]]
    .map((v) => (v ?? '').trim())
    .filter((v) => v !== '')
    .join(' · ');
}

/** The proposal an answer makes, or null when it holds no finding. Texts are kept as typed. */
export function proposalOf(response: SurveyResponse, names: boolean): SurveyProposal | null {
  const a = response.answers;
  const kind = kindOf(a[KIND_QUESTION] ?? '');
  const category = (a[CATEGORY_QUESTION] ?? '').trim();
  const description = a[DESCRIPTION_QUESTION] ?? '';
  if (!kind || category === '' || !readable(description)) return null;
  const evidence = a[EVIDENCE_QUESTION] ?? '';
  return {
    key: response.key,
    survey: response.survey,
    atMs: response.atMs,
    kind,
    category,
    description: description.trim(),
    evidence: readable(evidence) ? evidence.trim() : '',
    population: populationOf(a),
    respondent: respondentOf(a, names),
  };
}

/**
 * The answers still waiting for the coordinator, oldest first: an answer already accepted or
 * declined is never proposed again, and one read twice is proposed once.
 */
export function readSurveyAnswers(
  responses: readonly SurveyResponse[],
  surveys: readonly SurveyOptions[],
  decisions: Readonly<Record<string, SurveyDecision>>,
): SurveyReading {
  const names = new Map(surveys.map((s) => [s.id, s.names]));
  // A Map, not an index: a key such as "constructor" must not find Object's own members.
  const decidedMap = new Map(Object.entries(decisions));
  const seen = new Set<string>();
  const reading: SurveyReading = { proposals: [], skipped: 0, accepted: 0, declined: 0 };
  const ordered = [...responses].sort((x, y) => x.atMs - y.atMs || (x.key < y.key ? -1 : 1));
  for (const r of ordered) {
    if (seen.has(r.key)) continue;
    seen.add(r.key);
    const decided = decidedMap.get(r.key);
    if (decided) {
      reading[decided.status]++;
      continue;
    }
    const proposal = proposalOf(r, names.get(r.survey) ?? false);
    if (proposal) reading.proposals.push(proposal);
    else reading.skipped++;
  }
  return reading;
}

/** The finding an accepted proposal becomes, as the Assessments sidebar would type it. */
export function findingInputOf(p: SurveyProposal): FindingInput {
  return {
    source: 'Community',
    partner: '',
    kind: p.kind,
    category: p.category,
    description: p.description,
    evidence: p.evidence,
    dataSource: 'Survey',
    population: p.population,
    priority: '',
    goalId: '',
  };
}

/** The Notes of the accepted row: where it came from, and the respondent only when names were asked for. */
export function findingNote(p: SurveyProposal, day: string): string {
  const from = p.respondent ? ` Answered by ${p.respondent}.` : '';
  return `From community ${p.survey.toLowerCase()}, answer of ${day}.${from}`;
}
