// The preview's example partnership starts with its activities synced to its own calendar.
import { createExampleWorkspace } from '../../emulator/example/seed';
import { calendarRows } from '../harness/syncFixture';
import { runAmbiguities, TEST_START } from '../harness/workspace';

describe('example activities', () => {
  it('are synced in the seed: one event per activity that is not a draft', () => {
    const addon = createExampleWorkspace({
      virtualClock: true,
      startTime: TEST_START,
      ambiguities: runAmbiguities(),
    });
    const ws = addon.workspace;
    const rows = calendarRows(ws);
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(rows.map((r) => r.id)).toEqual(rows.map((_, i) => `A${i + 1}`));
    expect(
      rows.filter((r) => r.status !== 'Draft').every((r) => String(r.syncStatus).startsWith('OK')),
    ).toBe(true);
    const calendar = ws.calendar
      .toJSON()
      .calendars.find((c) => c.name === 'Riverside Community Schools Partnership');
    expect(calendar).toBeDefined();
    const live = ws.calendar.liveEvents(calendar!.id);
    expect(live).toHaveLength(rows.filter((r) => r.status !== 'Draft').length);
    expect(live.some((e) => e.recurrence.length > 0)).toBe(true);
    expect(live.some((e) => e.allDay && e.start !== e.end)).toBe(true);
    // The Chicago training: 13:00 Central daylight time (UTC-5) on 2 September.
    const training = live.find((e) => e.title.startsWith('Structured literacy training'));
    expect(training && (training.start as Date).getUTCHours()).toBe(18);
  });
});
