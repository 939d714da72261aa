// The Calendar tab as a form: what its notes promise, its validation accepts (issue 22).
import fc from 'fast-check';
import { CALENDAR_TAB, RECURRENCE_SUGGESTIONS } from '../../src/domain/schema/tabs';
import { sidebarCall } from '../harness/sidebarCall';
import { loadAddon } from '../harness/workspace';

function setUpPlan() {
  const { ws, addon } = loadAddon({ spreadsheetTimeZone: 'Europe/London' });
  sidebarCall(addon, 'setUpPlan', {
    name: 'Eastside Youth Coalition',
    purpose: '',
    coordinator: 'Dana Reyes',
    coordinatorEmail: 'coordinator@example.org',
    timeZone: 'Europe/London',
    partners: [],
    calendar: { mode: 'new' },
  });
  const headers = ws.sheets.table('Calendar')[0] as string[];
  const column = (header: string) => headers.indexOf(header) + 1;
  return { ws, addon, column };
}

describe('list columns accept every phrase their notes promise', () => {
  it('Recurrence: each phrase of its note, and others like them, get no validation marker', () => {
    const { addon, column } = setUpPlan();
    const note = CALENDAR_TAB.columns.find((c) => c.key === 'recurrence')?.note ?? '';
    for (const phrase of RECURRENCE_SUGGESTIONS) expect(note).toContain(phrase);
    const like = fc.sample(
      fc
        .tuple(
          fc.constantFrom('Weekly', 'Daily', 'Monthly', 'Every 2 weeks', 'Biweekly'),
          fc.integer({ min: 2, max: 30 }),
          fc.constantFrom('weeks', 'times', 'months'),
        )
        .map(([f, n, unit]) => (unit === 'times' ? `${f}, ${n} times` : `${f} for ${n} ${unit}`)),
      { numRuns: 8, seed: 22 },
    );
    let row = 2;
    for (const phrase of [...RECURRENCE_SUGGESTIONS, 'Weekly for 8 weeks', ...like]) {
      const result = addon.userEdit('Calendar', row++, column('Recurrence'), phrase) as {
        ok: boolean;
        warning?: string;
      };
      expect({ phrase, ...result }).toEqual({ phrase, ok: true });
    }
  });

  it('Type and Status: every option their notes name is in their dropdowns', () => {
    const { addon, column } = setUpPlan();
    for (const key of ['type', 'status'] as const) {
      const def = CALENDAR_TAB.columns.find((c) => c.key === key);
      for (const option of def?.options ?? []) {
        const result = addon.userEdit('Calendar', 2, column(def?.header ?? ''), option) as {
          ok: boolean;
          warning?: string;
        };
        expect({ option, ...result }).toEqual({ option, ok: true });
      }
    }
  });
});
