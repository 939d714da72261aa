// The one answer line every sidebar uses: next to the control that caused it, in view, focused, announced, cleared.

export type AnswerKind = 'busy' | 'error' | 'warning' | 'success' | 'idle';

/**
 * The control the person last acted on, and how to find it again: a save usually redraws the form
 * it sits in, so the button clicked may be gone by the time the answer comes back.
 */
interface Origin {
  control: HTMLElement;
  id: string;
  name: string;
  ancestors: HTMLElement[];
}

let origin: Origin | null = null;
/** Bumped by every answer, so a pending "clear when fixed" never clears a newer answer. */
let generation = 0;

const ACTIONS = 'button, input[type="checkbox"], input[type="radio"], select';
/** The group a control belongs to: the answer goes after the whole group, not between its buttons. */
const GROUPS = '.actions, .choice, label, p';

/** Held, not looked up: a redraw of the form the answer stood in takes it out of the page. */
let statusElement: HTMLElement | null = null;

function statusNode(): HTMLElement {
  statusElement ??= document.getElementById('status');
  if (!statusElement)
    throw new Error('Missing element #status (sidebar/common/shell.html gives it)');
  return statusElement;
}

const accessibleName = (control: HTMLElement) =>
  control.getAttribute('aria-label') ?? control.textContent?.trim() ?? '';

function remember(control: Element | null): void {
  if (!(control instanceof HTMLElement)) return;
  // Links inside the answer itself ("Show it") answer in the same place.
  if (control.closest('#status')) return;
  const ancestors: HTMLElement[] = [];
  for (let node = control.parentElement; node; node = node.parentElement) ancestors.push(node);
  origin = { control, id: control.id, name: accessibleName(control), ancestors };
}

/** Records which control each action came from (buttons, ticks, choices, a form's submit). */
export function trackOrigins(): void {
  document.addEventListener(
    'click',
    (e) => remember((e.target as Element)?.closest(ACTIONS)),
    true,
  );
  document.addEventListener(
    'change',
    (e) => {
      const target = e.target as Element | null;
      if (target?.matches('input[type="checkbox"], input[type="radio"], select')) remember(target);
    },
    true,
  );
  document.addEventListener(
    'submit',
    (e) => {
      const form = e.target as HTMLFormElement;
      remember(
        (e as SubmitEvent).submitter ??
          form.querySelector('button[type="submit"], button:last-of-type'),
      );
    },
    true,
  );
}

/** Where the answer goes: after `node`, or at the end of it. */
interface Place {
  node: Element;
  where: 'after' | 'append';
}

/** The control itself, or (redrawn) its successor: same id, else same name near where it was. */
function placeOfOrigin(o: Origin): Place | null {
  if (o.control.isConnected) return { node: o.control, where: 'after' };
  const byId = o.id ? document.getElementById(o.id) : null;
  if (byId) return { node: byId, where: 'after' };
  const kept = o.ancestors.find((a) => a.isConnected && a !== document.body);
  if (!kept || kept.tagName === 'MAIN') return null;
  const twin = Array.from(kept.querySelectorAll<HTMLElement>(ACTIONS)).find(
    (c) => accessibleName(c) === o.name,
  );
  if (twin) return { node: twin, where: 'after' };
  // The control went with what it acted on (an approved address, an accepted event): the top of its section.
  const heading = kept.querySelector('h2, h3');
  return heading ? { node: heading, where: 'after' } : { node: kept, where: 'append' };
}

/** True when `ancestor` keeps `node` out of sight (hidden, or a closed <details> outside its summary). */
function hides(ancestor: Element, node: Element): boolean {
  if (ancestor.hasAttribute('hidden')) return true;
  if (!(ancestor instanceof HTMLDetailsElement) || ancestor.open) return false;
  const summary = ancestor.querySelector(':scope > summary');
  return ancestor !== node && !summary?.contains(node);
}

/** Out of closed <details>, hidden blocks and lists (a list holds list items only). */
function visiblePlace(place: Place): Place {
  let { node, where } = place;
  if (where === 'after') node = node.closest(GROUPS) ?? node;
  // The outermost ancestor that hides the place: the answer goes just after it.
  const start = node;
  for (let a: Element | null = start; a; a = a.parentElement) {
    if (hides(a, start)) {
      node = a;
      where = 'after';
    }
  }
  const item = node.closest('li');
  if (item) return { node: item, where: 'append' };
  return { node, where };
}

/** With no control to stand by (the sidebar's own start-up), the answer sits under the heading. */
function homePlace(): Place {
  const heading = document.querySelector('main > h1');
  return heading ? { node: heading, where: 'after' } : { node: document.body, where: 'append' };
}

function place(status: HTMLElement): void {
  const found = origin ? placeOfOrigin(origin) : null;
  const { node, where } = found ? visiblePlace(found) : homePlace();
  if (where === 'append') node.append(status);
  else if (node.nextElementSibling !== status) node.after(status);
}

/**
 * A section redrawn after the answer was shown (a re-read on coming back, a list refreshed)
 * takes the answer with it: it is put back where it belongs, keeping focus if it had it.
 */
let watching = false;
function keepInPage(status: HTMLElement): void {
  if (watching) return;
  watching = true;
  new MutationObserver(() => {
    if (status.isConnected || status.classList.contains('idle')) return;
    place(status);
    const active = document.activeElement;
    if (!active || active === document.body) status.focus({ preventScroll: true });
  }).observe(document.body, { childList: true, subtree: true });
}

/** Clears an error once the person changes anything it is about (the field fixed). */
function clearWhenFixed(status: HTMLElement, shown: number): void {
  const scope = status.parentElement?.closest('form, section, details, fieldset') ?? null;
  if (!scope) return;
  const clear = (event: Event) => {
    if (!(event.target instanceof Element) || !event.target.matches('input, textarea, select'))
      return;
    scope.removeEventListener('input', clear);
    scope.removeEventListener('change', clear);
    if (generation === shown) showAnswer('idle');
  };
  scope.addEventListener('input', clear);
  scope.addEventListener('change', clear);
}

/** Which answer is on show: a caller compares it later to learn whether a newer answer replaced its own. */
export const answerGeneration = (): number => generation;

/**
 * Shows a result (`role="status"`) or an error (`role="alert"`) next to the control that caused
 * it, scrolls it into view and moves focus to it; busy shows a spinner there; idle clears it.
 */
export function showAnswer(kind: AnswerKind, message = ''): void {
  generation += 1;
  const status = statusNode();
  if (kind !== 'idle') place(status);
  keepInPage(status);
  status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  status.className = `status ${kind}`;
  status.textContent = kind === 'idle' ? '' : message;
  document.body.setAttribute('aria-busy', kind === 'busy' ? 'true' : 'false');
  for (const button of Array.from(
    document.querySelectorAll<HTMLButtonElement>('button[data-busy-disable]'),
  )) {
    button.disabled = kind === 'busy';
  }
  if (kind === 'idle') return;
  status.scrollIntoView({ block: 'nearest' });
  if (kind === 'busy') return;
  // Focus follows a person's action; a start-up message is announced without taking focus.
  if (origin) status.focus({ preventScroll: true });
  if (kind === 'error' || kind === 'warning') clearWhenFixed(status, generation);
}
