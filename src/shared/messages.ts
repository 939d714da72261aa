// User-facing strings in one place, so wording stays consistent across menu, sidebars and reports.

export const ADDON_NAME = 'Shared Work Plan';

export const MENU = {
  setUp: 'Set up the work plan…',
  repair: 'Check and repair the plan',
  logicModel: 'Logic model…',
  buildLogicModel: 'Build the logic model',
} as const;

export const SIDEBAR_TITLES = {
  setup: 'Set up the work plan',
  logicModel: 'Logic model',
} as const;

export const SETUP_MESSAGES = {
  busy: 'Someone else is setting up or repairing this plan right now. Try again in a minute.',
  notSetUp:
    'This spreadsheet has no work plan yet. Open Extensions › Shared Work Plan › Set up the work plan… first.',
  newerSchema: (version: number) =>
    `This plan was set up by a newer version of Shared Work Plan (schema ${version}). Update the add-on before setting it up again; nothing was changed.`,
  zoneChanged: (from: string, to: string) =>
    `The spreadsheet’s time zone is now ${to} (it was ${from}), so dates and times in the sheet are read in the plan’s zone.`,
  dependencyAdded: (tab: string) =>
    `The ${tab} tab was included too: other tabs’ dropdowns read from it.`,
  tabRecreated: (tab: string) =>
    `The ${tab} tab was missing (deleted?), so it was created again, empty. File › Version history can bring back its old content.`,
  partnersKept: (names: readonly string[]) =>
    `Already on the Partners tab, kept as they were: ${names.join(', ')}.`,
  partnersTabMissing:
    'There is no Partners tab yet. Run Extensions › Shared Work Plan › Set up the work plan… first.',
  partnerExists: (name: string, row: number) =>
    `${name} is already on the Partners tab (row ${row}).`,
  partnerColumnMissing:
    'The Partners tab has no Organisation column. Run Extensions › Shared Work Plan › Check and repair the plan first.',
  repairTitle: 'Check and repair the plan',
} as const;
