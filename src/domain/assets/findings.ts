// Reads the Assessments tab into findings, and says which rows to fix and what their problem does.
import { word } from '../../shared/plural';
import { PRIORITIES } from '../schema/columns';
import { ASSESSMENTS_TAB, FINDING_KINDS, FINDING_SOURCES } from '../schema/tabs';
import { asText, matchOption, quoteCell, referenceId } from '../table/cells';
import { normalise } from '../table/locate';
import { type RawTab, type TableRecord, typedCells } from '../table/records';
import { cellText, type SheetDates } from '../time/cellText';
import { categoryNamed, goalLabelled, goalWithId, partnerNamed } from './lookup';
import type {
  CategoryEntry,
  DataProblem,
  Finding,
  FindingKind,
  FindingSource,
  GoalEntry,
  PartnerEntry,
  ProblemEffect,
} from './model';
import { didYouMean } from './suggest';

export interface FindingContext {
  partners: readonly PartnerEntry[];
  categories: readonly CategoryEntry[];
  goals: readonly GoalEntry[];
  /** False when there is no Goals tab: links are then kept unchecked rather than reported. */
  goalsKnown: boolean;
  /** Dates typed into text columns (evidence, data source, population) are quoted as the sheet shows them. */
  dates: SheetDates;
}

export interface ReadFindings {
  findings: Finding[];
  problems: DataProblem[];
  /** Non-blank rows read, usable or not: every one is either a finding or a problem. */
  rowsRead: number;
}

/** What people write instead of Asset / Need, to suggest the right word. */
const KIND_WORDS: Record<string, FindingKind> = {
  strength: 'Asset',
  strengths: 'Asset',
  resource: 'Asset',
  offer: 'Asset',
  assets: 'Asset',
  have: 'Asset',
  gap: 'Need',
  gaps: 'Need',
  weakness: 'Need',
  challenge: 'Need',
  lack: 'Need',
  needs: 'Need',
  want: 'Need',
};

/**
 * Rows that are empty (or hold only an add-on ID) between the header and the last finding: nothing
 * is lost, but they are listed so that a row someone cleared by mistake is noticed.
 */
export function blankRows(raw: RawTab, records: readonly TableRecord[]): number[] {
  if (records.length === 0) return [];
  const used = new Set(records.map((r) => r.row));
  const last = records[records.length - 1].row;
  const blanks: number[] = [];
  for (let row = raw.headerRow + 1; row < last; row++) if (!used.has(row)) blanks.push(row);
  return blanks;
}

const rowList = (rows: readonly number[]) =>
  rows.length <= 12
    ? rows.join(', ')
    : `${rows.slice(0, 12).join(', ')} and ${rows.length - 12} more`;

function readGoal(
  value: unknown,
  context: FindingContext,
  report: (message: string, effect: ProblemEffect) => void,
): GoalEntry | null {
  const text = asText(value);
  if (text === '') return null;
  const id = referenceId(text, 'G');
  if (id) {
    const goal = goalWithId(id, context.goals);
    if (goal) return goal;
    if (!context.goalsKnown) return { id, label: '' };
    report(`Linked goal ${id} is not in the Goals tab; pick the goal from the list.`, 'used');
    return null;
  }
  const byLabel = goalLabelled(text, context.goals);
  if (byLabel) return byLabel;
  report(
    `Linked goal ${quoteCell(text)} is not a goal of the Goals tab; pick one from the list (e.g. “G1 · …”).`,
    'used',
  );
  return null;
}

/**
 * One record → a finding, or null when a problem keeps it out of the map: the one set of rules for
 * a finding, whether typed on the tab or sent by the sidebar (findingInput.ts).
 */
export function readFinding(
  record: TableRecord,
  context: FindingContext,
  report: (message: string, effect: ProblemEffect) => void,
): Omit<Finding, 'ref'> | null {
  const { row } = record;
  const cells = typedCells(ASSESSMENTS_TAB, record);
  let usable = true;
  const exclude = (message: string) => {
    report(message, 'excluded');
    usable = false;
  };

  const description = asText(cells.description);
  if (description === '') exclude('Description is empty: write the finding in a sentence.');

  const kindText = asText(cells.kind);
  const kind = matchOption(kindText, FINDING_KINDS);
  if (kindText === '') exclude('Asset or need is empty: choose Asset or Need.');
  else if (!kind) {
    const hint = KIND_WORDS[normalise(kindText)];
    exclude(
      `Asset or need ${quoteCell(kindText)} should be Asset or Need.${hint ? ` Did you mean “${hint}”?` : ''}`,
    );
  }

  const categoryText = asText(cells.category);
  const category = categoryNamed(categoryText, context.categories);
  if (categoryText === '') exclude('Category is empty: choose one from the list.');
  else if (!category)
    exclude(
      `Category ${quoteCell(categoryText)} is not in the Categories tab.${didYouMean(categoryText, context.categories)} Pick a listed category or add this one to the Categories tab.`,
    );

  const partnerText = asText(cells.partner);
  const partner = partnerText === '' ? null : partnerNamed(partnerText, context.partners);

  const sourceText = asText(cells.source);
  let source: FindingSource | null = matchOption(sourceText, FINDING_SOURCES);
  if (!source) {
    source = partnerText !== '' ? 'Organisational' : 'Community';
    report(
      `${sourceText === '' ? 'Source is empty' : `Source ${quoteCell(sourceText)} is not Organisational or Community`}; read as ${source}. Choose the source to be sure.`,
      'used',
    );
  }

  if (partnerText !== '' && !partner) {
    const hint = didYouMean(partnerText, context.partners);
    if (source === 'Organisational')
      exclude(
        `Partner ${quoteCell(partnerText)} is not in the Partners tab.${hint} Pick a partner from the list or add the organisation to the Partners tab.`,
      );
    else
      report(
        `Partner ${quoteCell(partnerText)} is not in the Partners tab.${hint} The community finding is used without a partner.`,
        'used',
      );
  } else if (partnerText === '' && source === 'Organisational') {
    exclude('Partner is empty: an organisational finding needs the partner it is about.');
  }

  const priorityText = asText(cells.priority);
  const priority = matchOption(priorityText, PRIORITIES);
  if (priorityText !== '' && !priority)
    report(
      `Priority ${quoteCell(cells.priority)} should be High, Medium or Low; ranked after every priority until fixed.`,
      'used',
    );

  const goal = readGoal(cells.goal, context, report);

  if (!usable || !kind || !category) return null;
  return {
    id: referenceId(cells.id, 'F'),
    row,
    source,
    partner,
    kind,
    category: category.name,
    description,
    evidence: cellText(cells.evidence, context.dates),
    dataSource: cellText(cells.dataSource, context.dates),
    population: cellText(cells.population, context.dates),
    priority,
    goal,
  };
}

/** Two findings with the same key are one finding typed twice (on the tab or from the sidebar). */
export const duplicateKey = (f: Omit<Finding, 'ref'>) =>
  [f.source, f.partner?.name ?? '', f.kind, f.category, f.description].map(normalise).join('|');

/**
 * Every non-blank row becomes either a finding or at least one problem naming its row, so nothing
 * is dropped silently. A row repeating another (same source, partner, kind, category and
 * description) counts once; a copied ID is reported and the copy is referred to by its row.
 */
export function readFindings(
  raw: RawTab,
  records: readonly TableRecord[],
  context: FindingContext,
): ReadFindings {
  const problems: DataProblem[] = [];
  // The tab's name now (partners may have renamed it): problems point where people look.
  const tab = raw.sheetName;
  const blanks = blankRows(raw, records);
  if (blanks.length > 0)
    problems.push({
      tab,
      row: blanks[0],
      message: `${word(blanks.length, 'Row')} ${rowList(blanks)} ${word(blanks.length, 'is', 'are')} empty and skipped. If a finding was cleared by mistake, undo or type it again.`,
      effect: 'note',
    });

  const findings: Finding[] = [];
  const byKey = new Map<string, Finding>();
  const idRows = new Map<string, number>();
  for (const record of records) {
    const report = (message: string, effect: ProblemEffect) =>
      problems.push({
        tab,
        row: record.row,
        // The row is a field (the sidebar links it, the map has a "Where" column), not a prefix.
        message,
        effect,
      });
    const read = readFinding(record, context, report);
    if (!read) continue;
    let { id } = read;
    if (id) {
      const first = idRows.get(id);
      if (first !== undefined) {
        report(
          `ID ${id} is also on row ${first} (a copied row?); this row is shown as “row ${record.row}” until it gets its own ID.`,
          'used',
        );
        id = null;
      } else idRows.set(id, record.row);
    }
    const finding: Finding = { ...read, id, ref: id ?? `row ${record.row}` };
    const key = duplicateKey(finding);
    const original = byKey.get(key);
    if (original) {
      report(
        `repeats row ${original.row} (same partner, kind, category and description); counted once. Delete one of the two rows.`,
        'excluded',
      );
      continue;
    }
    byKey.set(key, finding);
    findings.push(finding);
  }
  return { findings, problems, rowsRead: records.length };
}
