// Set-up options (plain messages for bad input, tab dependencies) and the migration registry.
import { SCHEMA_VERSION } from '../../src/domain/schema/tabs';
import { MIGRATIONS, type Migration, planMigration } from '../../src/domain/workbook/migrations';
import { normalisePartner, normaliseSetupOptions } from '../../src/domain/workbook/options';

const context = {
  spreadsheetTimeZone: 'America/Chicago',
  userEmail: 'me@example.org',
};

describe('normaliseSetupOptions', () => {
  it('fills defaults: the spreadsheet’s zone, the user’s email, every tab, no calendar yet', () => {
    const parsed = normaliseSetupOptions({ name: ' Riverside ' }, context);
    expect(parsed).toEqual({
      ok: true,
      value: expect.objectContaining({
        name: 'Riverside',
        timeZone: 'America/Chicago',
        coordinatorEmail: 'me@example.org',
        tabs: [
          'partnership',
          'partners',
          'goals',
          'outcomes',
          'progress',
          'assessments',
          'categories',
          'calendar',
        ],
        calendar: { mode: 'none', calendarId: null },
      }),
    });
  });

  it('says in plain words what is wrong: email, time zone, name, calendar id', () => {
    const parsed = normaliseSetupOptions(
      {
        name: '',
        coordinatorEmail: 'maya@',
        timeZone: 'Mars/Olympus',
        calendar: { mode: 'existing', calendarId: '' },
      },
      context,
    );
    expect(parsed.ok).toBe(false);
    const message = parsed.ok ? '' : parsed.message;
    expect(message).toContain('Give the partnership a name.');
    expect(message).toContain('“maya@” is not an email address');
    expect(message).toContain('“Mars/Olympus” is not a time zone');
    expect(message).toContain('Choose one of your calendars in the list.');
  });

  it('adds the tabs a chosen tab’s dropdowns read from, and says so', () => {
    const parsed = normaliseSetupOptions({ name: 'X', tabs: ['calendar'] }, context);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value.tabs).toEqual(['partnership', 'partners', 'goals', 'outcomes', 'calendar']);
    expect(parsed.value.addedDependencies.sort()).toEqual(['goals', 'outcomes']);
  });

  it('refuses unknown tabs and the same partner twice', () => {
    const parsed = normaliseSetupOptions(
      {
        name: 'X',
        tabs: ['budget'],
        partners: [{ organisation: 'Library' }, { organisation: 'library' }],
      },
      context,
    );
    const message = parsed.ok ? '' : parsed.message;
    expect(message).toContain('Unknown tab: budget.');
    expect(message).toContain('library is listed twice.');
  });
});

describe('normalisePartner', () => {
  it('matches type and role case-insensitively to the dropdown values', () => {
    expect(
      normalisePartner({ organisation: 'YMCA', type: 'nonprofit', role: 'core PARTNER' }, 'P'),
    ).toEqual({
      ok: true,
      value: expect.objectContaining({ type: 'Nonprofit', role: 'Core partner', invite: false }),
    });
  });

  it('names the partner and every problem', () => {
    expect(normalisePartner({ organisation: 'Clinic', email: 'x', type: 'Hospital' }, 'P')).toEqual(
      {
        ok: false,
        message:
          'Clinic: the email “x” is not an email address; the type “Hospital” is not one of the list.',
      },
    );
    expect(normalisePartner({ organisation: '  ' }, 'Partner 3')).toEqual({
      ok: false,
      message: 'Partner 3 has no organisation name.',
    });
  });
});

describe('planMigration', () => {
  const registry: Migration[] = [
    {
      from: 3,
      to: 4,
      description: 'rename',
      steps: [{ kind: 'renameColumnKey', tab: 'goals', from: 'a', to: 'b' }],
      newColumns: [],
      newTabs: [],
    },
    {
      from: 1,
      to: 2,
      description: 'retire',
      steps: [{ kind: 'retireColumnKey', tab: 'goals', key: 'x' }],
      newColumns: [],
      newTabs: [],
    },
  ];

  it('runs the steps between the sheet’s version and this one, oldest first, skipping additive versions', () => {
    expect(planMigration(1, 4, registry)).toEqual({
      kind: 'upgrade',
      from: 1,
      to: 4,
      migrations: [registry[1], registry[0]],
    });
    expect(planMigration(2, 3, registry)).toEqual({
      kind: 'upgrade',
      from: 2,
      to: 3,
      migrations: [],
    });
  });

  it('knows a fresh sheet, a current one, and one made by a newer add-on', () => {
    expect(planMigration(null, 2, registry)).toEqual({ kind: 'fresh' });
    expect(planMigration(2, 2, registry)).toEqual({ kind: 'current' });
    expect(planMigration(5, 4, registry)).toEqual({ kind: 'newer', version: 5 });
  });

  it('ships a registry that reaches the current schema version', () => {
    for (const m of MIGRATIONS) expect(m.to).toBeLessThanOrEqual(SCHEMA_VERSION);
    // Version 2 added the Calendar tab's Attendance and the Partners tab's weekly-email opt-out columns: a version-1 sheet upgrades.
    expect(planMigration(1, SCHEMA_VERSION)).toMatchObject({
      kind: 'upgrade',
      from: 1,
      to: SCHEMA_VERSION,
    });
  });
});
