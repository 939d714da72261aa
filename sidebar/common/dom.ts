// Small DOM helpers that only ever insert text, so sheet data can never become markup (no innerHTML).

import { type AnswerKind, answerGeneration, showAnswer } from './answer';

type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (key.startsWith('on')) throw new Error('Use addEventListener, not inline handlers');
    node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`Missing element #${id}`);
  return node as T;
}

/**
 * Shows a result, an error or the busy state where the person is looking (sidebar/common/answer.ts):
 * every sidebar answers through this one line.
 */
export function setStatus(kind: AnswerKind, message = ''): void {
  showAnswer(kind, message);
}

/** Runs an async server call with the busy state on, and shows its failure in plain words. */
export async function withBusy<T>(message: string, work: () => Promise<T>): Promise<T | undefined> {
  setStatus('busy', message);
  const shown = answerGeneration();
  try {
    const result = await work();
    // A newer answer (another action's result, or its own busy line) is not this call's to clear.
    if (answerGeneration() === shown) setStatus('idle');
    return result;
  } catch (error) {
    setStatus('error', error instanceof Error ? error.message : String(error));
    return undefined;
  }
}

/** A button whose accessible name starts with its visible text (axe: label-content-name-mismatch). */
export function actionButton(
  text: string,
  label: string | undefined,
  act: () => void,
  primary = false,
): HTMLElement {
  const button = el(
    'button',
    {
      type: 'button',
      class: primary ? 'action' : undefined,
      'aria-label': label,
      'data-busy-disable': true,
    },
    text,
  );
  button.addEventListener('click', act);
  return button;
}

/**
 * Reads and draws of a section are numbered: a draw remembers the number of the newest state it
 * shows, so an answer that arrives late (a re-read sent before an approval came back) is dropped.
 */
const counter = (section: HTMLElement, key: 'issued' | 'drawn') =>
  Number(section.dataset[key] ?? 0);
const issue = (section: HTMLElement) => {
  const ticket = counter(section, 'issued') + 1;
  section.dataset.issued = String(ticket);
  return ticket;
};

/** Called by a section's render: reads that were sent before this draw will not overwrite it. */
export function countDraw(section: HTMLElement): void {
  section.dataset.drawn = String(issue(section));
}

/**
 * Adds a sidebar section after `after` and fills it from the server; returns how to read it again
 * (a sync or another section's action may change what it shows).
 */
export function mountSection<S>(
  after: HTMLElement,
  id: string,
  read: () => Promise<S>,
  render: (section: HTMLElement, state: S) => void,
): () => Promise<void> {
  const section = el('section', { id, class: 'block', 'aria-labelledby': `${id}-title` });
  after.after(section);
  const load = async () => {
    const ticket = issue(section);
    const state = await read().catch(() => null);
    if (!state || ticket < counter(section, 'drawn')) return;
    render(section, state);
    // The draw shows the state as of this read, not newer: a read sent after it still lands.
    section.dataset.drawn = String(ticket);
  };
  void load();
  return load;
}

/** A select's or radio's value as one of the options the wire type allows ('' for anything else). */
export function chosen<T extends string>(value: string, options: readonly T[]): T | '' {
  return options.find((option) => option === value) ?? '';
}
