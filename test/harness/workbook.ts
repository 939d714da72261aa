// Helpers for the workbook's integration tests: run set-up, and read tabs by header like a person would.

import type { Addon } from '../../emulator/addon';
import type { Workspace } from '../../emulator/workspace';
import type { PartnerInput, SetupOptions, SetupSummary } from '../../src/shared/setupWire';
import { sidebarCall } from './sidebarCall';

export const PARTNERS: PartnerInput[] = [
  {
    organisation: 'Riverside Public Library',
    type: 'Community organisation',
    contact: 'Ana Ruiz',
    email: 'ana@library.example.org',
    role: 'Core partner',
    invite: true,
  },
  {
    organisation: 'Eastside Health Clinic',
    type: 'Health provider',
    contact: 'Dr. Sam Okafor',
    email: 'sam@clinic.example.org',
    role: 'Supporting partner',
  },
  {
    organisation: 'State University Tutoring',
    type: 'Higher education',
    contact: 'Lee Park',
    email: 'lee@univ.example.edu',
    role: 'Core partner',
  },
];

export function setUp(addon: Addon, options: Partial<SetupOptions> = {}): SetupSummary {
  return sidebarCall(addon, 'setUpPlan', {
    name: 'Riverside Community Schools Partnership',
    purpose: 'Every child reads at grade level.',
    coordinator: 'Maya Lopez',
    partners: PARTNERS,
    ...options,
  });
}

/** The 1-based column of a header on a tab (as the grid shows it now). */
export function columnOf(ws: Workspace, sheet: string, header: string): number {
  const at = ws.sheets.table(sheet)[0].indexOf(header);
  if (at < 0) throw new Error(`No column “${header}” on ${sheet}`);
  return at + 1;
}

/** Rows below the header as objects keyed by header text (extra and restored columns included). */
export function rowsOf(ws: Workspace, sheet: string): Record<string, unknown>[] {
  const [headers, ...rows] = ws.sheets.table(sheet);
  return rows.map((row) => Object.fromEntries(headers.map((h, i) => [String(h), row[i]])));
}

export function sheetOf(ws: Workspace, name: string) {
  const sheet = ws.sheets.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`No sheet ${name}`);
  return sheet;
}
