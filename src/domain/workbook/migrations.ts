// Schema migrations: how set-up brings a sheet made by an older version of the add-on up to date.

/**
 * What a migration may do to a sheet's identities before set-up's normal repair runs. Added tabs
 * and columns need no step (set-up adds whatever is missing); steps exist for what repair cannot
 * infer: a key that changed meaning or name.
 */
export type MigrationStep =
  /** A column key was renamed: re-tag the column so it keeps its data and links. */
  | { kind: 'renameColumnKey'; tab: string; from: string; to: string }
  /** A tab key was renamed. */
  | { kind: 'renameTabKey'; from: string; to: string }
  /** A column left the schema: drop its tag so it becomes an ordinary column partners own. */
  | { kind: 'retireColumnKey'; tab: string; key: string };

/** A column by its tab's key and its own key. */
export interface ColumnRef {
  tab: string;
  key: string;
}

export interface Migration {
  /** Applies to sheets at this version ... */
  from: number;
  /** ... and leaves them at this one. */
  to: number;
  description: string;
  steps: readonly MigrationStep[];
  /**
   * Columns a plan at `from` may lack because they came later: repair adds them and says they are
   * new, not "missing (deleted?)" (that would send the coordinator to version history for nothing).
   */
  newColumns: readonly ColumnRef[];
  /** Tabs that came later: repair makes them for such a plan (the goals sidebar counts on Progress). */
  newTabs: readonly string[];
}

/** Every migration ever shipped, oldest first. Version 1 is the first schema: nothing to migrate. */
export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    to: 2,
    // Additive: repair adds the column, unticked, so every partner keeps getting the digest.
    // Attendance and the Progress tab arrived while plans were still stamped 1, so a plan at 1 may
    // lack them too (the first version and the authority work did; git history, issue 23).
    description:
      'Partners: the “No weekly email” opt-out column of the partner digest; Calendar: the Attendance column; the Progress tab.',
    steps: [],
    newColumns: [
      { tab: 'partners', key: 'digestOptOut' },
      { tab: 'calendar', key: 'attendance' },
    ],
    newTabs: ['progress'],
  },
  {
    from: 2,
    to: 3,
    // Additive: repair adds the column; the next sync fills it from the events it lists anyway.
    description:
      'Calendar: the Exceptions column (occurrences moved or cancelled in Google Calendar).',
    steps: [],
    newColumns: [{ tab: 'calendar', key: 'exceptions' }],
    newTabs: [],
  },
  {
    from: 3,
    to: 4,
    // Nothing moves: the plan asks the coordinator which organisation leads (set-up sidebar), and
    // only their answer adds or marks a Partners row. The first partner is never assumed.
    description:
      'The lead organisation: a member with its own row, named by the coordinator (asked, never guessed).',
    steps: [],
    newColumns: [],
    newTabs: [],
  },
];

export type MigrationPlan =
  /** Never set up: nothing to migrate. */
  | { kind: 'fresh' }
  | { kind: 'current' }
  | { kind: 'upgrade'; from: number; to: number; migrations: Migration[] }
  /** Set up by a newer add-on than this one: set-up must not touch it. */
  | { kind: 'newer'; version: number };

export function planMigration(
  stored: number | null,
  current: number,
  registry: readonly Migration[] = MIGRATIONS,
): MigrationPlan {
  if (stored === null) return { kind: 'fresh' };
  if (stored === current) return { kind: 'current' };
  if (stored > current) return { kind: 'newer', version: stored };
  const migrations: Migration[] = [];
  let at = stored;
  for (const migration of [...registry].sort((a, b) => a.from - b.from)) {
    if (migration.from < at || migration.to > current) continue;
    // A version with no migration of its own changed only additively: skip ahead to the next step.
    migrations.push(migration);
    at = migration.to;
  }
  return { kind: 'upgrade', from: stored, to: current, migrations };
}

/** What an upgrade brings that a plan may lack: column keys by tab key, and tab keys. */
export function newSince(plan: MigrationPlan): {
  columns: Map<string, Set<string>>;
  tabs: string[];
} {
  const columns = new Map<string, Set<string>>();
  const tabs: string[] = [];
  if (plan.kind !== 'upgrade') return { columns, tabs };
  for (const migration of plan.migrations) {
    for (const { tab, key } of migration.newColumns)
      columns.set(tab, (columns.get(tab) ?? new Set<string>()).add(key));
    tabs.push(...migration.newTabs);
  }
  return { columns, tabs };
}

/** The Sync Log's line about an upgrade: from which version, and what each step brought. */
export function migrationDetails(plan: MigrationPlan): string | null {
  if (plan.kind !== 'upgrade') return null;
  const what = plan.migrations.map((m) => `${m.from} → ${m.to}: ${m.description}`);
  return [
    `This plan was made by an earlier version of the add-on (plan format ${plan.from}); it now has format ${plan.to}. Nothing anyone typed was changed.`,
    ...what,
  ].join('\n');
}
