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

export interface Migration {
  /** Applies to sheets at this version ... */
  from: number;
  /** ... and leaves them at this one. */
  to: number;
  description: string;
  steps: readonly MigrationStep[];
}

/** Every migration ever shipped, oldest first. Version 1 is the first schema: nothing to migrate. */
export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    to: 2,
    // Additive: repair adds the column, unticked, so every partner keeps getting the digest.
    description: 'Partners: the “No weekly email” opt-out column of the partner digest.',
    steps: [],
  },
  {
    from: 2,
    to: 3,
    // Additive: repair adds the column; the next sync fills it from the events it lists anyway.
    description:
      'Calendar: the Exceptions column (occurrences moved or cancelled in Google Calendar).',
    steps: [],
  },
  {
    from: 3,
    to: 4,
    // Nothing moves: the plan asks the coordinator which organisation leads (set-up sidebar), and
    // only their answer adds or marks a Partners row. The first partner is never assumed.
    description:
      'The lead organisation: a member with its own row, named by the coordinator (asked, never guessed).',
    steps: [],
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
