// The goals sidebar's weekly-email section: each partner's email previewed before the owner turns it on.
import type { DigestPreview } from '../../src/shared/digestWire';
import { plural as count } from '../../src/shared/plural';
import { callServer } from '../common/bridge';
import { byId, el, setStatus, withBusy } from '../common/dom';
import { rowLink } from '../common/links';

/** A calendar sync finishing in the background holds the one clock trigger the email needs. */
const STARTS_AFTER_SYNC = 'It starts once the calendar sync finishing in the background is done.';

function render(p: DigestPreview): void {
  const toggle = el('input', { type: 'checkbox', id: 'digest-on', disabled: !p.canChange });
  toggle.checked = p.enabled;
  toggle.addEventListener('change', async () => {
    const wanted = toggle.checked;
    const next = await withBusy(wanted ? 'Turning the weekly email on…' : 'Turning it off…', () =>
      callServer('setDigestEnabled', { enabled: wanted }),
    );
    if (!next) {
      toggle.checked = !wanted;
      return;
    }
    render(next);
    setStatus(
      'success',
      next.enabled
        ? `The weekly email is on: ${count(next.emails.length, 'partner')} will get it from your account.${next.startsAfterSync ? ` ${STARTS_AFTER_SYNC}` : ''}`
        : 'The weekly email is off.',
    );
  });
  const owner = p.canChange
    ? null
    : el(
        'p',
        { class: 'hint' },
        `Only ${p.owner ?? 'the coordinator'} can turn it on or off: it goes out from their account.`,
      );
  const emails = p.emails.map((e) =>
    el(
      'details',
      {},
      el('summary', {}, `${e.partner} — ${e.to}${e.sentThisWeek ? ' (sent this week)' : ''}`),
      el('p', { class: 'measure' }, `Subject: ${e.subject}`),
      // The plain-text version, as text: nothing typed in the plan can become markup here.
      el('pre', { class: 'digest-text' }, e.text),
    ),
  );
  const leftOut = p.leftOut.length
    ? el(
        'div',
        {},
        el('p', { class: 'hint' }, `Not sent to ${count(p.leftOut.length, 'partner')}:`),
        el(
          'ul',
          { class: 'items' },
          ...p.leftOut.map((l) =>
            el(
              'li',
              {},
              `${l.partner || 'A partner'}: ${l.reason} (`,
              rowLink(p.partnersTab, l.row),
              ')',
            ),
          ),
        ),
      )
    : null;
  const parts: (Node | null)[] = [
    el('label', { class: 'measure' }, toggle, ' Send each partner its weekly email'),
    owner,
    el(
      'p',
      { class: 'hint' },
      `Your account may send ${count(p.quota, 'more email')} today; the rest waits for the next day.`,
    ),
    p.enabled && p.startsAfterSync ? el('p', { class: 'hint' }, STARTS_AFTER_SYNC) : null,
    p.lastRun ? el('p', { class: 'hint' }, `Last run: ${p.lastRun}`) : null,
    p.emails.length
      ? el('p', { class: 'hint' }, `${count(p.emails.length, 'email')} as they would go out now:`)
      : el('p', { class: 'hint' }, 'No partner would get it now.'),
    ...emails,
    leftOut,
  ];
  byId('digest-view').replaceChildren(...parts.filter((n): n is Node => n !== null));
}

export function wireDigest(): void {
  byId('digest-preview').addEventListener('click', async () => {
    const preview = await withBusy('Preparing the weekly email…', () =>
      callServer('getDigestPreview'),
    );
    if (!preview) return;
    render(preview);
    // The preview lands below the button, out of sight in a long sidebar: bring it up, then
    // answer beside the button (which stays in view just above it).
    byId('digest-view').scrollIntoView({ block: 'start' });
    setStatus(
      'success',
      preview.emails.length
        ? `Preview ready: ${count(preview.emails.length, 'email')} below, one per partner. Nothing was sent.`
        : 'Preview ready: no partner would get the email now (see below why). Nothing was sent.',
    );
  });
}
