// The plan's schema version on the spreadsheet (developer metadata), and applying migration steps.
import {
  COLUMN_KEY_METADATA,
  SCHEMA_VERSION_METADATA,
  TAB_KEY_METADATA,
} from '../../domain/schema/metadata';
import type { Migration, MigrationStep } from '../../domain/workbook/migrations';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The version set-up last wrote, or null on a spreadsheet never set up. */
export function readSchemaVersion(spreadsheet: Spreadsheet): number | null {
  const found = spreadsheet.createDeveloperMetadataFinder().withKey(SCHEMA_VERSION_METADATA).find();
  if (found.length === 0) return null;
  const version = Number(found[0].getValue());
  return Number.isFinite(version) ? version : null;
}

export function writeSchemaVersion(spreadsheet: Spreadsheet, version: number): void {
  const found = spreadsheet.createDeveloperMetadataFinder().withKey(SCHEMA_VERSION_METADATA).find();
  if (found.length === 0)
    spreadsheet.addDeveloperMetadata(SCHEMA_VERSION_METADATA, String(version));
  else if (found[0].getValue() !== String(version)) found[0].setValue(String(version));
}

function applyStep(spreadsheet: Spreadsheet, step: MigrationStep): void {
  switch (step.kind) {
    case 'renameTabKey':
      for (const m of spreadsheet
        .createDeveloperMetadataFinder()
        .withKey(TAB_KEY_METADATA)
        .withValue(step.from)
        .find())
        m.setValue(step.to);
      return;
    case 'renameColumnKey':
    case 'retireColumnKey': {
      const from = step.kind === 'renameColumnKey' ? step.from : step.key;
      const sheets = spreadsheet
        .createDeveloperMetadataFinder()
        .withKey(TAB_KEY_METADATA)
        .withValue(step.tab)
        .find()
        .map((m) => m.getLocation().getSheet())
        .filter((s): s is GoogleAppsScript.Spreadsheet.Sheet => s !== null);
      for (const sheet of sheets) {
        for (const m of sheet
          .createDeveloperMetadataFinder()
          .withKey(COLUMN_KEY_METADATA)
          .withValue(from)
          .find()) {
          if (step.kind === 'renameColumnKey') m.setValue(step.to);
          else m.remove();
        }
      }
      return;
    }
  }
}

/** Applies each migration's steps in order; set-up's normal repair then adds what is missing. */
export function applyMigrations(spreadsheet: Spreadsheet, migrations: readonly Migration[]): void {
  for (const migration of migrations)
    for (const step of migration.steps) applyStep(spreadsheet, step);
}
