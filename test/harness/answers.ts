// Checks that a sidebar's answer to the last action is where the eye is: in the window, focused, announced.
import type { FrameLocator, Page } from 'playwright-core';
import { sidebarFrame } from './previewPage';

export type AnswerKind = 'success' | 'error' | 'warning';

/**
 * The answer (`#status` of `kind`) says `text`, sits inside the window's `height`, carries the role
 * its kind calls for (status for a result, alert otherwise), and `focus` has the focus: the answer
 * itself unless the sidebar deliberately returns to a field (e.g. the next finding's Description).
 */
export async function expectAnswer(
  page: Page,
  sidebar: FrameLocator,
  kind: AnswerKind,
  text: RegExp,
  { height, focus = 'status' }: { height: number; focus?: string },
): Promise<void> {
  const answer = sidebar.locator(`#status.${kind}`);
  await answer.getByText(text).first().waitFor();
  const box = await answer.boundingBox();
  expect(box).not.toBeNull();
  if (box) {
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(height);
  }
  await expect(answer.getAttribute('role')).resolves.toBe(kind === 'success' ? 'status' : 'alert');
  await expect(sidebarFrame(page).evaluate(() => document.activeElement?.id)).resolves.toBe(focus);
}
