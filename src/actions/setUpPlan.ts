// setUpPlan: creates the plan's tabs on a blank sheet, or repairs them on a filled one, never losing data.

import { checkChosenCalendar } from '../adapters/calendar/target';
import { withDocumentLock } from '../adapters/documentLock';
import type { CacheStore, GoogleServices, PropertyStore, SheetBuilders } from '../adapters/google';
import {
  type IdCounters,
  loadIdCounters,
  raiseIdCounter,
  saveIdCounters,
} from '../adapters/idCounters';
import { loadPlanTabs, savePlanTabs } from '../adapters/planTabs';
import { loadRowStates, saveRowStates } from '../adapters/rowStates';
import { loadSettings, saveSettings, settingsTooBig } from '../adapters/settings';
import { dataColumnRange } from '../adapters/sheets/cells';
import {
  type ColumnMemoPlace,
  keptColumnMemo,
  rememberColumnKeys,
} from '../adapters/sheets/columnIdentity';
import { applyConditionalRules } from '../adapters/sheets/conditionalRules';
import { removeEmptyDefaultSheet } from '../adapters/sheets/defaultSheet';
import { findPlanSheets } from '../adapters/sheets/observeTab';
import { findProfileColumn, writeProfileBlock } from '../adapters/sheets/profileBlock';
import {
  applyProtections,
  HEADER_ROW_A1,
  type ProtectionSpec,
  wholeColumnA1,
} from '../adapters/sheets/protections';
import {
  applyMigrations,
  readSchemaVersion,
  writeSchemaVersion,
} from '../adapters/sheets/schemaVersion';
import { appendSyncLog, loggedActivityIds, runLine } from '../adapters/sheets/syncLog';
import { applyColumnFormats, ValidationFactory } from '../adapters/sheets/tabFormats';
import { nameKey, sameName } from '../domain/people/names';
import {
  CALENDAR_TAB,
  columnByKey,
  LEAD_ORGANISATION_ROLE,
  SCHEMA_VERSION,
  tabByKey,
  USER_TABS,
} from '../domain/schema/tabs';
import { nextFreeNumber } from '../domain/table/ids';
import type { TableRecord } from '../domain/table/records';
import { conditionalRules } from '../domain/workbook/conditional';
import { findLeadRow, hasName, leadNameToRecord, leadPartnerCells } from '../domain/workbook/lead';
import { migrationDetails, newSince, planMigration } from '../domain/workbook/migrations';
import {
  type NormalisedOptions,
  normaliseSetupOptions,
  REQUIRED_TABS,
} from '../domain/workbook/options';
import { profileColumn, profileRows } from '../domain/workbook/profile';
import { categoryRows, partnerCells, referenceLabels, stepRows } from '../domain/workbook/seeds';
import { UserError } from '../shared/errors';
import { SETUP_MESSAGES } from '../shared/messages';
import { plural } from '../shared/plural';
import {
  DEFAULT_CALENDAR_SETTINGS,
  type LeadOrganisation,
  type PlanSettings,
} from '../shared/settings';
import type { SetupOptions, SetupRepair, SetupSummary } from '../shared/setupWire';
import { actingUser, requireSettingsOwner } from './authority';
import { setAutoSync } from './calendarSettings';
import { inPlainWords, RUN_WORDS } from './inPlainWords';
import { refuseOverlong } from './refuseOverlong';
import { autoSyncNow, calendarReport } from './setupCalendarReport';
import { withRowsToFix } from './workbook/rowsToFix';
import { rowStatesAfter, runTabPass, type TabPassInput, type TabState } from './workbook/tabPass';

/**
 * The settings after this set-up: the form's answers over what was stored (calendar id kept).
 * `owner`, when given, becomes the calendar settings' owner (set-up changed the calendar).
 */
function mergeSettings(
  previous: PlanSettings | null,
  o: NormalisedOptions,
  owner?: string | null,
  leadOrganisation: LeadOrganisation | undefined = previous?.leadOrganisation,
): PlanSettings {
  const calendar = {
    ...DEFAULT_CALENDAR_SETTINGS,
    ...previous?.calendar,
    ...(owner === undefined ? {} : { owner }),
  };
  const sameMode = previous?.calendar.mode === o.calendar.mode;
  return {
    name: o.name,
    purpose: o.purpose,
    coordinator: o.coordinator,
    coordinatorEmail: o.coordinatorEmail,
    timeZone: o.timeZone,
    calendar: {
      ...calendar,
      // Who gets the events, as set-up asked: the very settings the calendar sidebar shows.
      ...(o.sharing ?? {}),
      mode: o.calendar.mode,
      // A 'new' calendar's id is filled in by the calendar sync when it creates it: keep it.
      calendarId:
        o.calendar.mode === 'existing'
          ? o.calendar.calendarId
          : o.calendar.mode === 'new' && sameMode
            ? calendar.calendarId
            : null,
    },
    schemaVersion: SCHEMA_VERSION,
    ...(leadOrganisation ? { leadOrganisation } : {}),
  };
}

function newRowsFor(
  tabKey: string,
  options: NormalisedOptions,
  setUpBefore: boolean,
  keptPartners: string[],
  lead: LeadChoice,
) {
  return (existing: readonly TableRecord[], created: boolean) => {
    // Seeds go on a new tab (or an adopted empty one the first time): a coordinator who later
    // deletes steps or categories on purpose does not get them back.
    const seed = created || (!setUpBefore && existing.length === 0);
    if (tabKey === 'partnership') return seed ? stepRows() : [];
    if (tabKey === 'categories') return seed ? categoryRows() : [];
    if (tabKey !== 'partners') return [];
    const known = new Set(existing.map((r) => nameKey(r.cells.organisation)));
    const rows = options.partners
      .filter((p) => {
        const there = known.has(nameKey(p.organisation));
        if (there) keptPartners.push(p.organisation);
        return !there;
      })
      // A partner typed in set-up and named as the lead takes the lead's role when it has none.
      .map((p) =>
        partnerCells(
          sameName(p.organisation, lead.name) && !p.role
            ? { ...p, role: LEAD_ORGANISATION_ROLE }
            : p,
        ),
      );
    // The lead organisation is a member: a row of its own when it is not on the tab yet.
    const leadThere =
      known.has(nameKey(lead.name)) ||
      hasName(
        rows.map((r) => String(r.organisation)),
        lead.name,
      ) ||
      leadRowOf(lead, existing) !== null;
    if (lead.name && !leadThere) {
      rows.unshift(leadPartnerCells(lead.name, options.coordinator, options.coordinatorEmail));
      lead.added = true;
    }
    return rows;
  };
}

/** The lead organisation this set-up records ('' = not answered), and whether it added its row. */
interface LeadChoice {
  name: string;
  /** The answer given before, when this one is the same: its row is found by ID (renames kept). */
  before: LeadOrganisation | undefined;
  added: boolean;
}

function leadChoice(name: string, previous: PlanSettings | null): LeadChoice {
  const before = previous?.leadOrganisation;
  return { name, before: before && sameName(before.name, name) ? before : undefined, added: false };
}

/** The lead's row among these records: the one answered before (by ID), else by name. */
const leadRowOf = (lead: LeadChoice, records: readonly TableRecord[]) =>
  findLeadRow(lead.before ?? { partnerId: '', name: lead.name }, records);

/**
 * The lead organisation set-up records: its row on the Partners tab now (IDs given by this
 * pass). Unchanged settings when the coordinator has not answered (nothing is assumed).
 */
function recordLead(
  previous: PlanSettings | null,
  lead: LeadChoice,
  partners: TabState | undefined,
): { settings: LeadOrganisation | undefined; summary: SetupSummary['leadOrganisation'] } {
  if (!lead.name || !partners) return { settings: previous?.leadOrganisation, summary: null };
  const row = leadRowOf(lead, partners.records);
  const partnerId = row?.partnerId ?? lead.before?.partnerId ?? '';
  const name = row?.name ?? lead.name;
  return {
    settings: { partnerId, name },
    summary: { name, partnerId, row: row?.row ?? null, added: lead.added },
  };
}

/** What a newly created tab starts with, in words, or null when it starts empty. */
function seededWith(tabKey: string): string | null {
  if (tabKey === 'categories')
    return `the ${plural(categoryRows().length, 'default category', 'default categories')}`;
  if (tabKey === 'partnership') return `the ${plural(stepRows().length, 'partnership step')}`;
  return null;
}

/** The header row, and every column only the add-on writes (IDs, sync state). */
function protectionsFor(state: TabState): ProtectionSpec[] {
  return [
    { description: 'header row', a1: HEADER_ROW_A1 },
    ...state.plan.placements
      .filter((p) => p.def.owner === 'addon')
      .map((p) => ({
        description: `${p.def.header} (kept by the add-on)`,
        a1: wholeColumnA1(p.column),
      })),
  ];
}

interface RunContext {
  builders: SheetBuilders;
  /** Where the column memo lives: set-up leaves each tab's, so the first sync need not sweep. */
  cache: CacheStore | null;
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  store: PropertyStore;
  options: NormalisedOptions;
  /** Give the spreadsheet the partnership's name (the coordinator ticked the box). */
  rename: boolean;
  /** Tabs to create when missing (chosen ones and what they need). */
  wanted: Set<string>;
  /** Tabs an earlier set-up made: one of them missing now was deleted by someone. */
  previousTabs: readonly string[];
  /** The calendar settings' owner to record (set-up changed the calendar), else undefined. */
  owner?: string | null;
}

/**
 * Set-up may change the target calendar, an authority setting: only the settings' owner may
 * (docs/security.md), and an existing calendar must be one the user can write to, checked now.
 * Returns the owner to record when the calendar changes, else undefined (nothing to claim).
 */
function checkCalendarChange(
  services: GoogleServices,
  previous: PlanSettings | null,
  next: PlanSettings,
): string | null | undefined {
  const before = previous?.calendar ?? DEFAULT_CALENDAR_SETTINGS;
  const after = next.calendar;
  // Sharing and guests are authority settings too (docs/security.md): the same owner rule.
  const changed =
    before.mode !== after.mode ||
    before.calendarId !== after.calendarId ||
    before.shareWithPartners !== after.shareWithPartners ||
    before.invitePartners !== after.invitePartners ||
    before.sendInvites !== after.sendInvites;
  if (!changed) return undefined;
  if (previous) requireSettingsOwner(services, previous);
  if (next.calendar.mode === 'existing' && next.calendar.calendarId)
    checkChosenCalendar(services, next.calendar.calendarId);
  return next.calendar.mode === 'none' ? before.owner : actingUser(services);
}

/**
 * Leaves the column memo of each tab whose columns this set-up made or changed (its old memo, if
 * any, no longer holds, and the new layout is known without a sweep), so the first sync after
 * set-up finds the columns without reading each one's metadata. An untouched tab keeps its memo.
 */
function rememberLayouts(cache: ColumnMemoPlace, states: Iterable<TabState>): void {
  for (const { sheet, layout, created, plan } of states) {
    const touched =
      created || plan.append.length + plan.tag.length + plan.headerRestores.length > 0;
    if (layout && touched)
      rememberColumnKeys(cache, sheet, layout.headers, layout.keys, layout.count);
  }
}

interface TabPassesInput {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  wanted: Set<string>;
  previousTabs: readonly string[];
  setUpBefore: boolean;
  /** Column keys by tab key that came after the version that set the plan up. */
  newColumns: ReadonlyMap<string, ReadonlySet<string>>;
  newRows: (tabKey: string) => TabPassInput['newRows'];
  idCounters: IdCounters;
  rowStates: TabPassInput['rowStates'];
  repairs: SetupRepair[];
  warnings: string[];
  saveIdCounter: TabPassInput['saveIdCounter'];
}

/** Set-up's first pass: each plan tab found or wanted made, its columns fixed, rows added, IDs given. */
function passTabs(input: TabPassesInput): {
  states: Map<string, TabState>;
  profileColumnNow: number | null;
} {
  const { spreadsheet, wanted, previousTabs, setUpBefore, repairs, warnings } = input;
  const found = findPlanSheets(spreadsheet, USER_TABS);
  const states = new Map<string, TabState>();
  let profileColumnNow: number | null = null;
  for (const tab of USER_TABS) {
    const existing = found.get(tab.key);
    if (!existing && !wanted.has(tab.key)) continue;
    if (!existing && previousTabs.includes(tab.key))
      warnings.push(SETUP_MESSAGES.tabRecreated(tab.name, seededWith(tab.key)));
    // The profile block is not part of the checklist table: new steps must not land beside it.
    const blockAt =
      existing && tab.key === 'partnership' ? findProfileColumn(existing.sheet) : null;
    if (tab.key === 'partnership') profileColumnNow = blockAt;
    const state = runTabPass({
      spreadsheet,
      tab,
      found: existing,
      setUpBefore,
      newColumns: input.newColumns.get(tab.key),
      newRows: input.newRows(tab.key),
      ignoreColumns: blockAt ? new Set([blockAt, blockAt + 1]) : undefined,
      idCounters: input.idCounters,
      rowStates: input.rowStates,
      repairs,
      saveIdCounter: input.saveIdCounter,
    });
    repairs.push(...state.plan.repairs);
    states.set(tab.key, state);
  }
  return { states, profileColumnNow };
}

/**
 * Set-up's second pass over every tab: formats, dropdowns (which read other tabs, so every tab's
 * columns are in place by now), conditional rules, protections, and the profile block.
 */
function formatTabs(
  builders: SheetBuilders,
  states: ReadonlyMap<string, TabState>,
  settings: PlanSettings,
  profileColumnNow: number | null,
  locale: string,
): void {
  const validations = new ValidationFactory(builders, (tabKey, columnKey) => {
    const source = states.get(tabKey);
    const column = source?.columns[columnKey];
    if (!source || !column || source.maxRows < 2) return null;
    return dataColumnRange(source.sheet, column);
  });
  const lists = {
    goals: referenceLabels(states.get('goals')?.records ?? [], new Map(), 'goal'),
    outcomes: referenceLabels(states.get('outcomes')?.records ?? [], new Map(), 'outcome'),
  };
  for (const state of states.values()) {
    applyColumnFormats(
      state.sheet,
      state.plan.placements,
      state.maxRows,
      lists,
      validations,
      locale,
    );
    applyConditionalRules(
      builders,
      state.sheet,
      conditionalRules(state.tab.key, state.columns),
      state.columns,
      state.maxRows,
    );
    const protections = protectionsFor(state);
    if (state.tab.key === 'partnership') {
      const partners = states.get('partners');
      const inKind = partners?.columns.inKindValue
        ? { sheetName: partners.sheet.getName(), column: partners.columns.inKindValue }
        : null;
      const column = profileColumn(profileColumnNow, state.usedWidth);
      protections.push(
        writeProfileBlock(
          state.sheet,
          column,
          profileRows(settings, inKind),
          profileColumnNow !== null,
        ),
      );
    }
    applyProtections(builders, state.sheet, protections);
  }
}

/** An upgrade says in the Sync Log what it changed, once: the next run finds the plan current. */
function logUpgrade(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  migration: ReturnType<typeof planMigration>,
): void {
  const details = migrationDetails(migration);
  if (details)
    appendSyncLog(spreadsheet, [runLine(new Date(), 'upgrade', 'Plan upgraded', details)]);
}

/**
 * A plan of format 1 may have no activity counter (the first version kept none): the IDs its
 * Sync Log names, deleted rows' among them, count as used, so none is given again.
 */
function withLoggedActivityIds(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  migration: ReturnType<typeof planMigration>,
  counters: IdCounters,
): IdCounters {
  if (
    migration.kind !== 'upgrade' ||
    migration.from !== 1 ||
    counters[CALENDAR_TAB.key] !== undefined
  )
    return counters;
  const next = nextFreeNumber(loggedActivityIds(spreadsheet), CALENDAR_TAB.idPrefix ?? 'A');
  return { ...counters, [CALENDAR_TAB.key]: next };
}

/** Refuses a plan from a newer add-on; brings an older one's identities up to date. */
function migrate(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet) {
  const stored = readSchemaVersion(spreadsheet);
  const migration = planMigration(stored, SCHEMA_VERSION);
  if (migration.kind === 'newer')
    throw new UserError(SETUP_MESSAGES.newerSchema(migration.version));
  if (migration.kind === 'upgrade') applyMigrations(spreadsheet, migration.migrations);
  return { stored, migration };
}

/** The plan's zone given to the spreadsheet, and tabs added because a chosen one needs them: said. */
function zoneAndDependencies(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: PlanSettings,
  options: NormalisedOptions,
  wanted: Set<string>,
): string[] {
  const warnings: string[] = [];
  const sheetZone = spreadsheet.getSpreadsheetTimeZone();
  if (settings.timeZone !== sheetZone) {
    spreadsheet.setSpreadsheetTimeZone(settings.timeZone);
    warnings.push(SETUP_MESSAGES.zoneChanged(sheetZone, settings.timeZone));
  }
  for (const key of options.addedDependencies)
    if (wanted.has(key)) warnings.push(SETUP_MESSAGES.dependencyAdded(tabByKey(key).name));
  return warnings;
}

/** Everything set-up keeps between runs, written once the tabs are in place. */
function saveSetupState(
  store: PropertyStore,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  run: {
    settings: PlanSettings;
    idCounters: IdCounters;
    states: Map<string, TabState>;
    rowStates: ReturnType<typeof loadRowStates>;
  },
): void {
  saveSettings(store, run.settings);
  saveIdCounters(store, run.idCounters);
  saveRowStates(store, rowStatesAfter([...run.states.values()]), run.rowStates);
  savePlanTabs(store, [...run.states.keys()]);
  writeSchemaVersion(spreadsheet, SCHEMA_VERSION);
}

/**
 * The first set-up's tidying: the empty Sheet1 goes, the spreadsheet takes the plan's name when
 * asked, and the Partnership tab is the one showing.
 */
function tidySpreadsheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  states: Map<string, TabState>,
  { setUpBefore, rename, name }: { setUpBefore: boolean; rename: boolean; name: string },
): { removedEmptySheet1: boolean; renamedTo: string | null } {
  // The empty Sheet1 of a new spreadsheet would stay first, before the plan: the first set-up
  // deletes it when nobody typed in it (a used Sheet1 stays where it is, as it was).
  const removedEmptySheet1 =
    !setUpBefore &&
    removeEmptyDefaultSheet(
      spreadsheet,
      new Set([...states.values()].map((s) => s.sheet.getSheetId())),
    );
  const renamedTo = rename && spreadsheet.getName() !== name ? name : null;
  if (renamedTo) spreadsheet.rename(renamedTo);
  // New tabs become active as they are inserted, so the last one (Calendar) would be showing:
  // a coordinator's first set-up lands on the Partnership tab instead, where the plan starts.
  const start = states.get('partnership');
  if (!setUpBefore && start) start.sheet.activate();
  return { removedEmptySheet1, renamedTo };
}

function runSetup({
  builders,
  cache,
  spreadsheet,
  store,
  options,
  rename,
  wanted,
  previousTabs,
  owner,
}: RunContext): SetupSummary {
  const { stored, migration } = migrate(spreadsheet);
  const setUpBefore = stored !== null;
  // What came after the plan's version: its columns are new, not deleted; its tabs are made.
  const upgrade = newSince(migration);
  for (const key of upgrade.tabs) wanted.add(key);
  const warnings: string[] = [];
  const repairs: SetupRepair[] = [];

  const previous = loadSettings(store);
  const lead = leadChoice(leadNameToRecord(options.leadOrganisation, previous), previous);
  let settings = mergeSettings(previous, options, owner);
  warnings.push(...zoneAndDependencies(spreadsheet, settings, options, wanted));

  const idCounters: IdCounters = withLoggedActivityIds(
    spreadsheet,
    migration,
    loadIdCounters(store),
  );
  const rowStates = loadRowStates(store);
  const keptPartners: string[] = [];
  const { states, profileColumnNow } = passTabs({
    spreadsheet,
    wanted,
    previousTabs,
    setUpBefore,
    newColumns: upgrade.columns,
    newRows: (key) => newRowsFor(key, options, setUpBefore, keptPartners, lead),
    idCounters,
    rowStates,
    repairs,
    warnings,
    // Saved before the IDs it covers are written: a run failing after writing F1 never gives F1 again.
    saveIdCounter: (tab, next) => raiseIdCounter(store, tab, next),
  });

  const recorded = recordLead(previous, lead, states.get('partners'));
  settings = mergeSettings(previous, options, owner, recorded.settings);

  // Second pass: dropdowns read other tabs, so every tab's columns must be in place first.
  formatTabs(builders, states, settings, profileColumnNow, spreadsheet.getSpreadsheetLocale());

  // Set-up writes the document anyway: the memos go into its properties too, to outlive the cache.
  rememberLayouts(cache && keptColumnMemo(cache, store), states.values());
  saveSetupState(store, spreadsheet, { settings, idCounters, states, rowStates });
  logUpgrade(spreadsheet, migration);
  if (keptPartners.length > 0) warnings.push(SETUP_MESSAGES.partnersKept(keptPartners));

  const { removedEmptySheet1, renamedTo } = tidySpreadsheet(spreadsheet, states, {
    setUpBefore,
    rename,
    name: settings.name,
  });
  const all = [...states.values()];
  return {
    created: all.filter((s) => s.created).map((s) => s.report),
    updated: all.filter((s) => !s.created && s.changed).map((s) => s.report),
    kept: all.filter((s) => !s.created && !s.changed).map((s) => s.report),
    repaired: repairs,
    warnings,
    partnersAdded: options.partners
      .map((p) => p.organisation)
      .filter((name) => !keptPartners.includes(name)),
    schemaVersion: SCHEMA_VERSION,
    migratedFrom: migration.kind === 'upgrade' ? migration.from : null,
    renamedTo,
    removedEmptySheet1,
    leadOrganisation: recorded.summary,
  };
}

/**
 * Sets up (or repairs) the work plan. Safe to run again and again: it adds what is missing
 * (tabs, columns, IDs, dropdowns, formats) and reports what it repaired, and never deletes,
 * reorders or overwrites what anyone typed.
 */
export function setUpPlan(services: GoogleServices, input: SetupOptions): SetupSummary {
  return inPlainWords(RUN_WORDS.setUp, () => setUpPlanNow(services, input));
}

function setUpPlanNow(services: GoogleServices, input: SetupOptions): SetupSummary {
  const spreadsheet = services.spreadsheet();
  const store = services.documentProperties();
  const parsed = normaliseSetupOptions(input, {
    spreadsheetTimeZone: spreadsheet.getSpreadsheetTimeZone(),
    userEmail: services.userEmail(),
  });
  if (!parsed.ok) throw new UserError(parsed.message);
  // Every limit is checked before the first tab is made: a refusal writes nothing.
  const previous = loadSettings(store);
  const tooBig = settingsTooBig(mergeSettings(previous, parsed.value));
  if (tooBig) throw new UserError(SETUP_MESSAGES.settingsTooBig(tooBig.bytes, tooBig.limit));
  const owner = checkCalendarChange(services, previous, mergeSettings(previous, parsed.value));
  const autoSync = autoSyncChange(services, previous, parsed.value.autoSync);
  const partnersTab = tabByKey('partners');
  for (const partner of parsed.value.partners)
    refuseOverlong(partnerCells(partner), (key) => columnByKey(partnersTab, key).header);
  const previousTabs = loadPlanTabs(store) ?? [];
  const wanted = new Set<string>([...parsed.value.tabs, ...previousTabs]);
  // Set-up can take a while on a big plan: a second coordinator waits longer before giving up.
  const summary = withDocumentLock(
    services.documentLock(),
    () =>
      runSetup({
        builders: services.sheetBuilders(),
        cache: services.documentCache(),
        spreadsheet,
        store,
        options: parsed.value,
        rename: input.renameSpreadsheet === true,
        wanted,
        previousTabs,
        owner,
      }),
    20_000,
    SETUP_MESSAGES.busy,
  );
  // The triggers act with the account that makes them: made after the settings name their owner.
  if (autoSync) setAutoSync(services, autoSync);
  const settings = loadSettings(store);
  return settings ? { ...summary, calendar: calendarReport(services, settings) } : summary;
}

/**
 * The automatic syncs set-up should turn on or off, or null when they stay as they run now. The
 * same owner rule as Calendar sync, checked before anything is written (a refusal writes nothing).
 */
function autoSyncChange(
  services: GoogleServices,
  previous: PlanSettings | null,
  wanted: NormalisedOptions['autoSync'],
): NormalisedOptions['autoSync'] {
  if (!wanted) return null;
  const now = autoSyncNow(services, previous);
  if (now.afterEdits === wanted.afterEdits && now.hourly === wanted.hourly) return null;
  if (previous) requireSettingsOwner(services, previous);
  return wanted;
}

/**
 * Repairs the plan with the settings set-up stored (menu: Check and repair the plan). The tabs
 * to keep are the ones set-up made before, so a tab someone deleted comes back (reported).
 */
export function repairPlan(services: GoogleServices): SetupSummary {
  return inPlainWords(RUN_WORDS.repair, () => repairPlanNow(services));
}

function repairPlanNow(services: GoogleServices): SetupSummary {
  const store = services.documentProperties();
  const settings = loadSettings(store);
  if (!settings) throw new UserError(SETUP_MESSAGES.notSetUp);
  const summary = setUpPlanNow(services, {
    name: settings.name,
    purpose: settings.purpose,
    coordinator: settings.coordinator,
    coordinatorEmail: settings.coordinatorEmail,
    timeZone: settings.timeZone,
    partners: [],
    tabs: loadPlanTabs(store) ?? [...REQUIRED_TABS],
    calendar: { mode: settings.calendar.mode, calendarId: settings.calendar.calendarId },
    // The menu's repair keeps the coordinator's answer, and never answers for them.
    leadOrganisation: settings.leadOrganisation?.name ?? null,
  });
  return withRowsToFix(services, summary);
}
