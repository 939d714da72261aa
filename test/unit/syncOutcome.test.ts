// The calendar sidebar's outcome line: green only when everything synced, amber with what is left otherwise.
import { syncOutcome } from '../../src/shared/syncOutcome';

const clean = { preview: false, failed: 0, conflicts: 0, complete: true };

describe('syncOutcome', () => {
  it('says "Sync finished." in the success colour only when nothing is left to do', () => {
    expect(syncOutcome(clean)).toEqual({ kind: 'success', text: 'Sync finished.' });
    expect(syncOutcome({ ...clean, preview: true })).toEqual({
      kind: 'success',
      text: 'Preview ready: nothing was written.',
    });
  });

  it.each([
    [{ failed: 2 }, 'Sync finished; 2 rows need fixing.'],
    [{ failed: 1 }, 'Sync finished; 1 row needs fixing.'],
    [{ conflicts: 1 }, 'Sync finished; 1 event changed in Google Calendar needs a choice.'],
    [
      { failed: 3, conflicts: 2 },
      'Sync finished; 3 rows need fixing; 2 events changed in Google Calendar need a choice.',
    ],
    [{ complete: false }, 'Sync finished; the rest follows in the next run.'],
  ])('uses the warning colour and counts what is left: %p', (change, text) => {
    expect(syncOutcome({ ...clean, ...change })).toEqual({ kind: 'warning', text });
  });

  it('never calls a run failed, and a preview never promises a next run', () => {
    for (const failed of [0, 1, 5])
      for (const conflicts of [0, 1, 4])
        for (const complete of [true, false])
          for (const preview of [true, false]) {
            const { kind, text } = syncOutcome({ preview, failed, conflicts, complete });
            expect(kind).toBe(
              failed || conflicts || (!preview && !complete) ? 'warning' : 'success',
            );
            expect(text.startsWith(preview ? 'Preview ready' : 'Sync finished')).toBe(true);
            if (preview) expect(text).not.toContain('next run');
          }
  });
});
