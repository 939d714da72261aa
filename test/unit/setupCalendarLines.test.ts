// Set-up's calendar lines (issue 22): every guest named, what waits for the coordinator said, in sentences that end once.
import fc from 'fast-check';
import { calendarLines } from '../../src/shared/setupSummaryText';
import type { SetupCalendarReport } from '../../src/shared/setupWire';

const name = fc.constantFrom('Eastside Library', 'Riverside YMCA', 'North Food Bank', 'PTA');
const report: fc.Arbitrary<SetupCalendarReport> = fc.record({
  mode: fc.constantFrom('none' as const, 'new' as const, 'existing' as const),
  calendarName: fc.option(fc.constantFrom('Westside Reading', 'Team calendar'), { nil: null }),
  exists: fc.boolean(),
  shareWithPartners: fc.boolean(),
  invitePartners: fc.boolean(),
  sendInvites: fc.boolean(),
  guests: fc.uniqueArray(name, { maxLength: 4 }),
  guestsWithoutEmail: fc.uniqueArray(name, { maxLength: 2 }),
  synced: fc.boolean(),
  autoSync: fc.record({ afterEdits: fc.boolean(), hourly: fc.boolean() }),
});

describe('calendarLines', () => {
  it('names every guest, says whether automatic syncs run, and never ends on “….”', () => {
    fc.assert(
      fc.property(report, (r) => {
        const lines = calendarLines(r);
        const text = lines.join('\n');
        for (const line of lines) expect(line).toMatch(/[^.…]\.$|…\)\.$/);
        if (r.mode === 'none') {
          expect(lines).toHaveLength(1);
          expect(text).toMatch(/nothing is synced/);
          return;
        }
        if (r.invitePartners)
          for (const g of [...r.guests, ...r.guestsWithoutEmail]) expect(text).toContain(g);
        else expect(text).toMatch(/not added to the events as guests/);
        const auto = r.autoSync.afterEdits || r.autoSync.hourly;
        expect(text.includes('Automatic syncs are off until you turn them on')).toBe(!auto);
        expect(text.includes('Nothing is in the calendar yet: events will be created')).toBe(
          !r.synced,
        );
        // With automatic syncs on, the first one may create the events before anyone clicks.
        expect(text.includes('at the first automatic sync')).toBe(!r.synced && auto);
      }),
    );
  });
});
