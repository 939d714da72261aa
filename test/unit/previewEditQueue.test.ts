// The preview grid's edit queue: every change reaches the server once, in order, one at a time, whatever the delays.
import { type Change, type ChangeResult, EditQueue } from '../../preview/page/editQueue';
import { seeded } from '../harness/seeded';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('EditQueue', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'sends changes in order, never two at once, then refreshes once idle (seed %i)',
    async (seed) => {
      const next = seeded(seed);
      const received: string[] = [];
      const answered: number[] = [];
      let inFlight = 0;
      let maxInFlight = 0;
      let idles = 0;
      const busy: boolean[] = [];
      const queue = new EditQueue({
        send: async (change: Change): Promise<ChangeResult> => {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await tick(Math.floor(next() * 4));
          received.push(String(change.body.text));
          inFlight--;
          if (next() < 0.1) throw new Error('network');
          return { ok: true };
        },
        answered: (_c, _r, seq) => answered.push(seq),
        idle: async () => {
          idles++;
          await tick(Math.floor(next() * 3));
        },
        busy: (on) => busy.push(on),
      });
      const typed: string[] = [];
      const count = 5 + Math.floor(next() * 20);
      for (let i = 0; i < count; i++) {
        const text = `value ${i}`;
        typed.push(text);
        queue.push({ path: '/api/edit', body: { text }, where: `A${i}` });
        // Sometimes the next change comes at once, sometimes after an answer or an idle refresh.
        if (next() < 0.5) await tick(Math.floor(next() * 5));
      }
      while (queue.busy) await tick(2);
      expect(received).toEqual(typed);
      expect(answered).toEqual(typed.map((_, i) => i + 1));
      expect(maxInFlight).toBe(1);
      expect(idles).toBeGreaterThanOrEqual(1);
      expect(busy[0]).toBe(true);
      expect(busy[busy.length - 1]).toBe(false);
    },
  );
});
