// The lead organisation: named at set-up as a member of its own, and asked (never guessed) on plans made before.
import { createExampleWorkspace } from '../../emulator/example/seed';
import type { Workspace } from '../../emulator/workspace';
import { SETTINGS_KEY } from '../../src/adapters/settings';
import { SCHEMA_VERSION_METADATA } from '../../src/domain/schema/metadata';
import { SCHEMA_VERSION } from '../../src/domain/schema/tabs';
import type { PlanSettings } from '../../src/shared/settings';
import { LEAD_QUESTION_PENDING, summaryLines } from '../../src/shared/setupSummaryText';
import { sidebarCall } from '../harness/sidebarCall';
import { PARTNERS, rowsOf, setUp } from '../harness/workbook';
import { loadAddon, runAmbiguities } from '../harness/workspace';

const settingsOf = (ws: Workspace) =>
  JSON.parse(String(ws.properties.document.data.get(SETTINGS_KEY))) as PlanSettings;

/** Turns a plan made by this bundle back into one made before the lead organisation existed. */
function asSchema3Plan(ws: Workspace): void {
  const { leadOrganisation: _dropped, ...older } = settingsOf(ws);
  ws.properties.document.data.set(SETTINGS_KEY, JSON.stringify({ ...older, schemaVersion: 3 }));
  const [version] = ws.sheets.spreadsheet
    .createDeveloperMetadataFinder()
    .withKey(SCHEMA_VERSION_METADATA)
    .find();
  version.setValue('3');
}

describe('set-up names the lead organisation', () => {
  it('adds a row of its own, on the coordinator’s side, once however often set-up runs', () => {
    const { ws, addon } = loadAddon();
    const summary = setUp(addon, { leadOrganisation: '  Riverside   Elementary School ' });
    const partners = rowsOf(ws, 'Partners');
    expect(partners.map((p) => p.Organisation)).toEqual([
      'Riverside Elementary School',
      ...PARTNERS.map((p) => p.organisation),
    ]);
    expect(partners[0]).toMatchObject({
      Role: 'Lead organisation',
      Contact: 'Maya Lopez',
      // Nothing is shared or sent for it unless the coordinator ticks it.
      'Calendar invite': false,
    });
    const id = String(partners[0]['Partner ID']);
    expect(settingsOf(ws).leadOrganisation).toEqual({
      partnerId: id,
      name: 'Riverside Elementary School',
    });
    expect(summaryLines(summary).join('\n')).toContain(
      'Lead organisation: Riverside Elementary School (added to the Partners tab',
    );
    // Again, and with the name typed in other case and spacing: still one row, the same record.
    setUp(addon, { partners: [], leadOrganisation: 'riverside elementary  school' });
    sidebarCall(addon, 'repairPlan');
    expect(rowsOf(ws, 'Partners').filter((p) => p.Role === 'Lead organisation')).toHaveLength(1);
    expect(rowsOf(ws, 'Partners')).toHaveLength(PARTNERS.length + 1);
    expect(settingsOf(ws).leadOrganisation?.partnerId).toBe(id);
    expect(sidebarCall(addon, 'getSetupForm')).toMatchObject({
      leadOrganisation: 'Riverside Elementary School',
      askLeadOrganisation: false,
    });
  });

  it('is a member: "Your organisation" and the goals’ owners offer it, and it records its own assets', () => {
    const { ws, addon } = loadAddon();
    setUp(addon, {
      leadOrganisation: 'Riverside Elementary School',
      tabs: ['goals', 'outcomes', 'assessments', 'categories'],
    });
    const form = sidebarCall(addon, 'getAssessmentForm');
    expect(form.partners.map((p) => p.name)).toContain('Riverside Elementary School');
    expect(sidebarCall(addon, 'getGoalsForm').partners).toContain('Riverside Elementary School');
    sidebarCall(addon, 'addAssessmentFinding', {
      source: 'Organisational',
      partner: 'Riverside Elementary School',
      kind: 'Asset',
      category: form.categories[0].name,
      description: 'Library and gym after 3 pm',
      evidence: '',
      dataSource: '',
      population: '',
      priority: '',
      goalId: '',
    });
    expect(rowsOf(ws, 'Assessments').map((r) => r.Partner)).toEqual([
      'Riverside Elementary School',
    ]);
  });

  it('takes a partner typed in set-up as the lead without a second row', () => {
    const { ws, addon } = loadAddon();
    setUp(addon, {
      partners: [{ organisation: 'Hillside High School', type: 'School' }, ...PARTNERS],
      leadOrganisation: 'Hillside High School',
    });
    const partners = rowsOf(ws, 'Partners');
    expect(partners.map((p) => p.Organisation)).toEqual([
      'Hillside High School',
      ...PARTNERS.map((p) => p.organisation),
    ]);
    expect(partners[0].Role).toBe('Lead organisation');
    expect(settingsOf(ws).leadOrganisation).toEqual({
      partnerId: partners[0]['Partner ID'],
      name: 'Hillside High School',
    });
  });

  it('keeps the lead when its row is renamed, and the repair never adds it again', () => {
    const { ws, addon } = loadAddon();
    setUp(addon, { leadOrganisation: 'Riverside Elementary School' });
    const column = ws.sheets.table('Partners')[0].indexOf('Organisation') + 1;
    addon.userEdit('Partners', 2, column, 'Riverside Elementary');
    const summary = sidebarCall(addon, 'repairPlan');
    expect(rowsOf(ws, 'Partners')).toHaveLength(PARTNERS.length + 1);
    expect(summary.leadOrganisation).toMatchObject({ name: 'Riverside Elementary', added: false });
    expect(settingsOf(ws).leadOrganisation?.name).toBe('Riverside Elementary');
  });
});

describe('a plan made before the lead organisation existed (schema 3)', () => {
  function oldPlan() {
    const { ws, addon } = loadAddon();
    setUp(addon, { leadOrganisation: 'Riverside Public Library' });
    asSchema3Plan(ws);
    return { ws, addon };
  }

  it('asks, assumes nothing and moves no data until the coordinator answers', () => {
    const { ws, addon } = oldPlan();
    const before = ws.sheets.table('Partners');
    const form = sidebarCall(addon, 'getSetupForm');
    expect(form).toMatchObject({ askLeadOrganisation: true, leadOrganisation: '' });
    expect(form.partners).toEqual(PARTNERS.map((p) => p.organisation));
    // The menu's repair migrates the schema and keeps asking: the first partner is not the lead.
    const summary = sidebarCall(addon, 'repairPlan');
    expect(summary.migratedFrom).toBe(3);
    expect(summary.schemaVersion).toBe(SCHEMA_VERSION);
    expect(summary.leadOrganisation).toBeNull();
    expect(summaryLines(summary)).toContain(LEAD_QUESTION_PENDING);
    expect(ws.sheets.table('Partners')).toEqual(before);
    expect(settingsOf(ws).leadOrganisation).toBeUndefined();
    expect(sidebarCall(addon, 'getSetupForm').askLeadOrganisation).toBe(true);
  });

  it('records the answer once: a partner chosen keeps its row, a new name gets one row', () => {
    const { ws, addon } = oldPlan();
    const before = ws.sheets.table('Partners');
    const chosen = PARTNERS[1].organisation;
    const answer = { partners: [], leadOrganisation: chosen };
    const first = setUp(addon, answer);
    expect(first.leadOrganisation).toMatchObject({ name: chosen, partnerId: 'P2', added: false });
    expect(ws.sheets.table('Partners')).toEqual(before);
    const stored = settingsOf(ws).leadOrganisation;
    expect(stored).toEqual({ partnerId: 'P2', name: chosen });
    setUp(addon, answer);
    sidebarCall(addon, 'repairPlan');
    expect(settingsOf(ws).leadOrganisation).toEqual(stored);
    expect(ws.sheets.table('Partners')).toEqual(before);
    expect(sidebarCall(addon, 'getSetupForm')).toMatchObject({
      askLeadOrganisation: false,
      leadOrganisation: chosen,
    });
  });

  it('a new name answers with one new row', () => {
    const { ws, addon } = oldPlan();
    setUp(addon, { partners: [], leadOrganisation: 'Northgate Coalition' });
    setUp(addon, { partners: [], leadOrganisation: 'Northgate Coalition' });
    const rows = rowsOf(ws, 'Partners');
    expect(rows.filter((p) => p.Organisation === 'Northgate Coalition')).toHaveLength(1);
    expect(rows).toHaveLength(PARTNERS.length + 1);
    expect(settingsOf(ws).leadOrganisation?.partnerId).toBe('P4');
  });
});

describe('the lead organisation in briefs and on the dashboard', () => {
  function example() {
    return createExampleWorkspace({
      virtualClock: true,
      startTime: Date.UTC(2027, 7, 1, 14),
      ambiguities: runAmbiguities(),
    });
  }
  const LEAD = 'Riverside Elementary School';

  /** The goal lines of a brief, in order: "G2 · …". */
  const briefGoals = (ws: Workspace, tab: string) =>
    ws.sheets
      .table(tab)
      .map((r) => String(r[1]))
      .filter((line) => /^G\d+ · /.test(line))
      .map((line) => line.split(' · ')[0]);

  it.each([
    ['as typed', (name: string) => name],
    ['in other case and spacing', (name: string) => `  ${name.toUpperCase().replace(/ /g, '  ')}`],
  ])('puts the goals the lead organisation owns first in every brief (owner %s)', (_how, typed) => {
    const addon = example();
    const ws = addon.workspace;
    const goals = rowsOf(ws, 'Goals');
    // The lowest-priority goal becomes the school's, the others another partner's.
    const last = goals.length - 1;
    const owner = ws.sheets.table('Goals')[0].indexOf('Owner partner') + 1;
    for (let i = 0; i < goals.length; i++)
      addon.userEdit('Goals', i + 2, owner, i === last ? typed(LEAD) : 'Riverside YMCA');
    sidebarCall(addon, 'buildPartnerBriefs', null);
    const leadGoal = String(goals[last]['Goal ID']);
    for (const tab of ['Brief · Riverside Public Library', `Brief · ${LEAD}`]) {
      expect(briefGoals(ws, tab)[0]).toBe(leadGoal);
      expect(ws.sheets.table(tab).map((r) => r[1])).toContain(
        `${LEAD}’s goals come first: every partner’s work aligns to them.`,
      );
    }
    // The lead organisation has a brief of its own, like any partner, with its role.
    expect(ws.sheets.table(`Brief · ${LEAD}`).map((r) => r.join(' | '))).toContain(
      'Your role | Lead organisation',
    );
  });

  it('counts the lead organisation apart on the dashboard, never as a silent partner', () => {
    const { ws, addon } = loadAddon();
    setUp(addon, { leadOrganisation: 'Hillside Coalition' });
    const summary = sidebarCall(addon, 'buildDashboard');
    // Nobody has done anything yet: the three partners are silent, the lead is not "a partner".
    expect(summary.silentPartners).toEqual(PARTNERS.map((p) => p.organisation));
    expect(summary.summary).toContain('3 partners with no activity or finding yet');
    const table = ws.sheets.table('Dashboard').map((r) => String(r[0]));
    const leadAt = table.indexOf('Lead organisation');
    const partnersAt = table.indexOf('Participation per partner');
    expect(leadAt).toBeGreaterThan(0);
    expect(table.slice(leadAt, partnersAt)).toContain('Hillside Coalition');
    expect(table.slice(partnersAt)).not.toContain('Hillside Coalition');
  });
});
