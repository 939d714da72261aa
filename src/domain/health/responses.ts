// Reads a round's response tab (Timestamp, then one column per question) into anonymous answers.

import {
  CODE_QUESTION,
  OPEN_QUESTIONS,
  ORGANISATION_QUESTION,
  ORGANISATION_UNSAID,
  STATEMENTS,
} from './questions';
import { agreementValue, type HealthResponse } from './scoring';

const norm = (v: unknown) =>
  String(v ?? '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();

export interface ReadResponses {
  responses: HealthResponse[];
  /** Invitation codes still in the tab (the form-submit trigger had not blanked them), with their rows. */
  codes: { code: string; row: number }[];
}

/**
 * Columns are found by their header (the question's title), never by position: a coordinator may
 * move or add columns in the tab. A row with no answer at all (a blank or a note someone typed
 * below) is not a response.
 */
export function readResponses(values: readonly (readonly unknown[])[]): ReadResponses {
  const [header = [], ...rows] = values;
  const index = new Map(header.map((h, i) => [norm(h), i]));
  const at = (title: string) => index.get(norm(title)) ?? -1;
  const statementCols = STATEMENTS.map((s) => ({ key: s.key, col: at(s.text) })).filter(
    (s) => s.col >= 0,
  );
  const openCols = OPEN_QUESTIONS.map((q) => ({ key: q.key, col: at(q.text) })).filter(
    (q) => q.col >= 0,
  );
  const orgCol = at(ORGANISATION_QUESTION);
  const codeCol = at(CODE_QUESTION);
  const responses: HealthResponse[] = [];
  const codes: ReadResponses['codes'] = [];
  rows.forEach((row, i) => {
    const agreement: HealthResponse['agreement'] = {};
    for (const { key, col } of statementCols) {
      const v = agreementValue(row[col]);
      if (v !== null) agreement[key] = v;
    }
    const open: HealthResponse['open'] = {};
    for (const { key, col } of openCols) {
      const text = String(row[col] ?? '').trim();
      if (text) open[key] = text;
    }
    const said = orgCol >= 0 ? String(row[orgCol] ?? '').trim() : '';
    const organisation = norm(said) === norm(ORGANISATION_UNSAID) ? '' : said;
    const code = codeCol >= 0 ? String(row[codeCol] ?? '').trim() : '';
    if (code) codes.push({ code, row: i + 2 });
    if (Object.keys(agreement).length || Object.keys(open).length || organisation)
      responses.push({ agreement, organisation, open });
  });
  return { responses, codes };
}
