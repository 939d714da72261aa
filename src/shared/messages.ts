// User-facing strings in one place, so wording stays consistent across menu, sidebars and reports.

export const ADDON_NAME = 'Shared Work Plan';

export const MENU = {
  setUp: 'Set up the work plan…',
  logicModel: 'Logic model…',
  buildLogicModel: 'Build the logic model',
} as const;

export const SIDEBAR_TITLES = {
  setup: 'Set up the work plan',
  logicModel: 'Logic model',
} as const;
