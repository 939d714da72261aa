// User-facing strings in one place, so wording stays consistent across menu, sidebars and reports.

export const ADDON_NAME = 'Shared Work Plan';

export const MENU = {
  setUp: 'Set up the work plan…',
  assessments: 'Assets and needs…',
  buildAssetMap: 'Build the asset map',
  logicModel: 'Logic model…',
  buildLogicModel: 'Build the logic model',
} as const;

export const SIDEBAR_TITLES = {
  setup: 'Set up the work plan',
  assessment: 'Assets and needs',
  logicModel: 'Logic model',
} as const;

/** Assessments and the asset map. */
export const ASSETS_TEXT = {
  missingTab: (tab: string) =>
    `There is no ${tab} tab yet. Run Extensions › ${ADDON_NAME} › ${MENU.setUp.replace('…', '')} first.`,
  missingColumns: (tab: string, headers: string[]) =>
    `The ${tab} tab has no ${headers.join(', ')} column, so nothing was added. Run set-up to repair the tab.`,
  noPartners: 'The Partners tab has no partners yet: add the organisations there first.',
  findingAdded: (id: string, tab: string, row: number) =>
    `Added ${id ? `${id} ` : ''}to the ${tab} tab, row ${row}. Build the asset map to see its matches.`,
  findingGone: (ref: string) =>
    `${ref || 'That finding'} is no longer a usable finding in the Assessments tab. Build the asset map again to see the current gaps.`,
  notANeed: (ref: string) =>
    `${ref} is an asset, not a need: only needs get a capacity-building activity.`,
  activityAdded: (ref: string, id: string, tab: string, row: number) =>
    `Added ${id || 'a draft activity'} for need ${ref} to the ${tab} tab, row ${row}, as a Draft: pick a date and set it to Planned to sync it.`,
  activityExists: (ref: string, id: string, tab: string, row: number) =>
    `Need ${ref} already has ${id || 'an activity'} on the ${tab} tab, row ${row}: nothing was added.`,
  mapTitle: 'Asset map',
} as const;
