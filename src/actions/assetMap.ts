// The assets-and-needs actions: build the Asset Map, add a finding, add a Calendar draft for a gap.

import { withDocumentLock } from '../adapters/documentLock';
import type { CacheStore, GoogleServices, PropertyStore } from '../adapters/google';
import { takeIds } from '../adapters/idCounters';
import { appendRow } from '../adapters/sheets/appendRows';
import { writeAssetMapChart } from '../adapters/sheets/assetMapChart';
import { writeCell } from '../adapters/sheets/cells';
import { findOrCreateGeneratedTab, writeLayout } from '../adapters/sheets/generatedTab';
import { type ReadTab, readTab } from '../adapters/sheets/readTab';
import { utilitiesZoneOracle } from '../adapters/zoneOracle';
import { type AssetMapAnalysis, analyseAssessments } from '../domain/assets/analysis';
import { readCategories, readGoals, readPartners } from '../domain/assets/directory';
import { findingCells } from '../domain/assets/findingInput';
import { findGapActivity, gapActivityCells } from '../domain/assets/gapActivity';
import { assetMapLayout } from '../domain/assets/layout';
import type { Finding } from '../domain/assets/model';
import { assetMapSummary } from '../domain/assets/summary';
import { PRIORITIES, type TabDef } from '../domain/schema/columns';
import { GENERATED_TABS } from '../domain/schema/metadata';
import {
  ASSESSMENTS_TAB,
  CALENDAR_TAB,
  CATEGORIES_TAB,
  DATA_SOURCES,
  FINDING_KINDS,
  GOALS_TAB,
  PARTNERS_TAB,
} from '../domain/schema/tabs';
import { localeDateTime } from '../domain/time/localeDate';
import type {
  AddFindingResult,
  AssessmentForm,
  AssetMapSummary,
  FindingInput,
  GapActivityResult,
} from '../shared/assetsWire';
import { UserError } from '../shared/errors';
import { ASSETS_TEXT, TAB_TEXT } from '../shared/messages';
import { inPlainWords, RUN_WORDS } from './inPlainWords';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const ASSET_MAP_KEY = 'assetMap';
const ASSET_MAP_COLOR = '#7627bb';

function requireTab(spreadsheet: Spreadsheet, cache: CacheStore | null, tab: TabDef): ReadTab {
  const read = readTab(spreadsheet, tab, cache);
  if (!read) throw new UserError(ASSETS_TEXT.missingTab(tab.name));
  return read;
}

/** Refuses to write a row whose cells would have no column to go to (nothing typed is lost). */
function requireColumns(read: ReadTab, tab: TabDef, cells: Record<string, unknown>): void {
  const missing = Object.entries(cells)
    .filter(([key, value]) => value !== '' && key !== 'id' && read.location.index[key] < 0)
    .map(([key]) => tab.columns.find((c) => c.key === key)?.header ?? key);
  if (missing.length > 0) throw new UserError(ASSETS_TEXT.missingColumns(tab.name, missing));
}

/** Every value of a tab's ID column, blank rows included, so a new ID never reuses one. */
export function idsOf(read: ReadTab): unknown[] {
  const at = read.location.index.id;
  return at >= 0 ? read.raw.rows.map((r) => r[at]) : [];
}

export function analyse(
  spreadsheet: Spreadsheet,
  cache: CacheStore | null,
  assessments: ReadTab,
  calendar: ReadTab | null,
  formatDate: GoogleServices['formatDate'],
  /** The spreadsheet's locale, read once by the caller: dates quoted from cells are written in it. */
  locale: string,
): AssetMapAnalysis {
  const partners = requireTab(spreadsheet, cache, PARTNERS_TAB);
  const categories = readTab(spreadsheet, CATEGORIES_TAB, cache);
  return analyseAssessments({
    partners: partners.records,
    assessments,
    categories: categories?.records ?? null,
    goals: readTab(spreadsheet, GOALS_TAB, cache)?.records ?? null,
    calendar: calendar?.records ?? null,
    tabNames: { partners: partners.raw.sheetName, categories: categories?.raw.sheetName },
    dates: {
      sheetZone: spreadsheet.getSpreadsheetTimeZone(),
      oracle: utilitiesZoneOracle(formatDate),
      locale,
    },
  });
}

/** Builds or rebuilds the Asset Map tab and shows it; one read of each source tab, a fixed number of writes. */
export function buildAssetMapAction(services: GoogleServices): AssetMapSummary {
  return inPlainWords(RUN_WORDS.assetMap, () =>
    withDocumentLock(services.documentLock(), () => buildAssetMapNow(services)),
  );
}

function buildAssetMapNow(services: GoogleServices): AssetMapSummary {
  const spreadsheet = services.spreadsheet();
  const cache = services.documentCache();
  const locale = spreadsheet.getSpreadsheetLocale();
  const analysis = analyse(
    spreadsheet,
    cache,
    requireTab(spreadsheet, cache, ASSESSMENTS_TAB),
    readTab(spreadsheet, CALENDAR_TAB, cache),
    services.formatDate,
    locale,
  );
  // When it was built, in the sheet's zone and written as its locale writes dates.
  const builtAt = localeDateTime(
    utilitiesZoneOracle(services.formatDate)(Date.now(), spreadsheet.getSpreadsheetTimeZone()),
    locale,
  );
  const { sheet, leftAlone } = findOrCreateGeneratedTab(
    spreadsheet,
    ASSET_MAP_KEY,
    GENERATED_TABS.assetMap,
    ASSET_MAP_COLOR,
  );
  const layout = assetMapLayout(analysis, builtAt);
  writeLayout(sheet, layout);
  writeAssetMapChart(services.sheetBuilders(), sheet, layout.chart);
  sheet.activate();
  const summary = assetMapSummary(analysis, sheet.getName());
  if (leftAlone) summary.message += ` ${TAB_TEXT.ownTabLeftAlone(leftAlone, sheet.getName())}`;
  return summary;
}

/** The choices the sidebar offers: partners, categories and goals as the sheet has them now. */
export function assessmentFormAction(services: GoogleServices): AssessmentForm {
  const spreadsheet = services.spreadsheet();
  const cache = services.documentCache();
  const partnersTab = readTab(spreadsheet, PARTNERS_TAB, cache);
  const categoriesTab = readTab(spreadsheet, CATEGORIES_TAB, cache);
  const goalsTab = readTab(spreadsheet, GOALS_TAB, cache);
  const partners = readPartners(partnersTab?.records ?? []).entries;
  const categories = readCategories(categoriesTab?.records ?? null).entries;
  const goals = readGoals(goalsTab?.records ?? null);
  const notes: string[] = [];
  if (!readTab(spreadsheet, ASSESSMENTS_TAB, cache))
    notes.push(ASSETS_TEXT.missingTab(ASSESSMENTS_TAB.name));
  if (partners.length === 0) notes.push(ASSETS_TEXT.noPartners);
  return {
    partners: partners.map((p) => ({ id: p.id, name: p.name })),
    categories: categories.map((c) => ({ name: c.name, kind: c.kind, description: c.description })),
    goals: goals.map((g) => ({ id: g.id, label: g.label })),
    kinds: [...FINDING_KINDS],
    priorities: [...PRIORITIES],
    dataSources: [...DATA_SOURCES],
    notes,
  };
}

/**
 * The Assessments tab and its analysis (the partners' and categories' words a finding is checked
 * against), for an action that writes findings or drafts: one reading, as the asset map makes it.
 */
export function readAssessments(
  services: GoogleServices,
  calendar: ReadTab | null = null,
): { assessments: ReadTab; analysis: AssetMapAnalysis } {
  const spreadsheet = services.spreadsheet();
  const cache = services.documentCache();
  const assessments = requireTab(spreadsheet, cache, ASSESSMENTS_TAB);
  const analysis = analyse(
    spreadsheet,
    cache,
    assessments,
    calendar,
    services.formatDate,
    spreadsheet.getSpreadsheetLocale(),
  );
  return { assessments, analysis };
}

/** Appends a finding typed in the sidebar to the Assessments tab, with the next free ID. */
export function addFindingAction(services: GoogleServices, input: FindingInput): AddFindingResult {
  return withDocumentLock(services.documentLock(), () => {
    const { assessments, analysis } = readAssessments(services);
    const cells = findingCells(input, analysis.context, analysis.findings);
    if (!cells.ok) throw new UserError(cells.message);
    requireColumns(assessments, ASSESSMENTS_TAB, cells.value);
    const id =
      assessments.location.index.id >= 0
        ? takeIds(services.documentProperties(), ASSESSMENTS_TAB, idsOf(assessments))[0]
        : '';
    const row = appendRow(
      assessments,
      { ...cells.value, id },
      { tab: ASSESSMENTS_TAB, builders: services.sheetBuilders() },
    );
    return { id, row, message: ASSETS_TEXT.findingAdded(id, assessments.raw.sheetName, row) };
  });
}

/**
 * A draft is linked to its need by the need's ID only: a need still known as "row 17" (no ID, or a
 * copied one) first gets its own ID, written on its row, unless a draft already names that row.
 */
function withOwnId(
  store: PropertyStore,
  assessments: ReadTab,
  need: Finding,
  calendar: ReadTab,
): Finding {
  if (need.id !== null || findGapActivity(need, calendar.records)) return need;
  const at = assessments.location.index.id;
  if (at < 0)
    throw new UserError(
      ASSETS_TEXT.missingColumns(assessments.raw.sheetName, [ASSESSMENTS_TAB.columns[0].header]),
    );
  const [id] = takeIds(store, ASSESSMENTS_TAB, idsOf(assessments));
  writeCell(assessments.sheet, need.row, at + 1, id);
  return { ...need, id, ref: id };
}

/** Adds a Draft capacity-building activity for a need to the Calendar tab, once. */
export function addGapActivityAction(
  services: GoogleServices,
  findingId: string,
): GapActivityResult {
  const spreadsheet = services.spreadsheet();
  const cache = services.documentCache();
  return withDocumentLock(services.documentLock(), () => {
    const calendar = requireTab(spreadsheet, cache, CALENDAR_TAB);
    const { assessments, analysis } = readAssessments(services, calendar);
    const ref = String(findingId ?? '').trim();
    const found = analysis.findings.find((f) => f.ref.toLowerCase() === ref.toLowerCase());
    if (!found) throw new UserError(ASSETS_TEXT.findingGone(ref));
    const need =
      found.kind === 'Need'
        ? withOwnId(services.documentProperties(), assessments, found, calendar)
        : found;
    if (need.kind !== 'Need') throw new UserError(ASSETS_TEXT.notANeed(ref));
    const existing = findGapActivity(need, calendar.records);
    if (existing)
      return {
        created: false,
        activityId: existing.id,
        row: existing.row,
        title: existing.title,
        message: ASSETS_TEXT.activityExists(
          need.ref,
          existing.id,
          calendar.raw.sheetName,
          existing.row,
        ),
      };
    const id =
      calendar.location.index.id >= 0
        ? takeIds(services.documentProperties(), CALENDAR_TAB, idsOf(calendar))[0]
        : '';
    const cells = gapActivityCells(need, id);
    requireColumns(calendar, CALENDAR_TAB, cells);
    const row = appendRow(calendar, cells, {
      tab: CALENDAR_TAB,
      builders: services.sheetBuilders(),
    });
    return {
      created: true,
      activityId: id,
      row,
      title: String(cells.title),
      message: ASSETS_TEXT.activityAdded(need.ref, id, calendar.raw.sheetName, row),
    };
  });
}
