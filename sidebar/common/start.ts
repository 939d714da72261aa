// Every sidebar's start-up: answers find their controls, the first read runs, and coming back re-reads.
import { trackOrigins } from './answer';

/**
 * Starts a sidebar. `reread`, when given, runs each time the person comes back to the sidebar
 * (it gets focus or becomes visible again): a sync from the menu or another sidebar's set-up may
 * have changed what it shows meanwhile.
 */
export function startSidebar(start: () => Promise<void>, reread?: () => Promise<void>): void {
  trackOrigins();
  let started = false;
  let reading = false;
  const again = async () => {
    if (!started || reading || !reread || document.body.getAttribute('aria-busy') === 'true')
      return;
    reading = true;
    try {
      await reread();
    } finally {
      reading = false;
    }
  };
  void start().finally(() => {
    started = true;
  });
  if (!reread) return;
  window.addEventListener('focus', () => void again());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void again();
  });
}
