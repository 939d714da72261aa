// Every sentence "Start the next year" says, in one place, written for a coordinator with no training.
import type { SchoolYear } from '../domain/newYear/schoolYear';
import type { NewYearPreview, NewYearResult } from '../shared/newYearWire';
import { plural } from '../shared/plural';

export const NEW_YEAR_TITLE = 'Start the next year';

type Counts = Omit<NewYearPreview, 'text'>;

function confirm(c: Counts): string {
  const kept =
    c.keptActivities + c.keptMeasurements > 0
      ? ` ${plural(c.keptActivities, 'activity', 'activities')} and ${plural(c.keptMeasurements, 'measurement')} dated after ${c.closing} (or with a date that cannot be read) stay where they are.`
      : '';
  const lines = [
    c.resuming
      ? `Starting ${c.starting} was interrupted. Finish it now? Nothing done so far is repeated or lost.`
      : `Close the school year ${c.closing} and start ${c.starting}?`,
    '',
    `• ${plural(c.activities, 'activity', 'activities')} and ${plural(c.measurements, 'progress measurement')} of ${c.closing} move to a new tab, “${c.archiveTab}”, kept as read-only history, and leave the Calendar and Progress tabs.${kept}`,
    '• Their events stay in Google Calendar as they are: syncs will not change or delete them.',
    `• ${plural(c.baselines, 'outcome')} take their latest measurement as the new baseline (the old baseline is kept in the archive).`,
    '• Goals, outcomes, partners, approved people and the partnership steps stay as they are. IDs keep counting: no new activity gets an archived ID.',
    '• The dashboard starts the new year, with a link to the archive.',
  ];
  return lines.join('\n');
}

export const newYearText = {
  beforeSetup:
    'Set up the work plan first (Extensions › Shared Work Plan › Set up the work plan…): there is no year to close yet. Nothing was changed.',
  notOwner: (owner: string) =>
    `Only ${owner || 'the coordinator who owns the plan’s settings'} can start the next year: it moves the whole plan’s history. Ask them to do it. Nothing was changed.`,
  alreadyDone: (year: SchoolYear, tab: string) =>
    `The school year ${year.label} is already archived (tab “${tab}”). Nothing was changed. The next year can be started from May of the year after.`,
  changed:
    'The plan changed while you were reading the question (someone added or moved rows). Nothing was changed: choose Start the next year… again to see the new numbers.',
  archiveGone: (year: SchoolYear) =>
    `The tab “Archive ${year.label}” was deleted before the rows could leave the Calendar and Progress tabs, so they stay there. Nothing was lost: choose Start the next year… again to make the archive anew.`,
  protection: (year: SchoolYear) =>
    `the archive of ${year.label} (history: edit only if you mean to)`,
  confirm,
  done: (year: SchoolYear, c: Omit<NewYearResult, 'message'>) =>
    `The school year ${year.label} is closed: ${plural(c.activities, 'activity', 'activities')} and ${plural(c.measurements, 'measurement')} are in “${c.archiveTab}”, ${plural(c.baselines, 'outcome')} start the new year from their latest measurement.`,
  cancelled: 'Nothing was changed.',
  stopped:
    'Starting the next year stopped part-way: Google did not complete a change to the spreadsheet. Nothing is lost: choose Start the next year… again and it finishes where it stopped.',
};
