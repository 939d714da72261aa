// Form controls that load a cell as a partner typed it: a dropdown offers the typed text, a date shows words that are no date.
import { el } from './dom';

/**
 * A dropdown of `options` that also offers `value` when it is none of them ("short" typed in the
 * Term cell), marked as typed: the form shows the cell as it is, and saving without touching it
 * sends the same text back, which the server leaves alone.
 */
export function choiceSelect(
  options: readonly string[],
  value: string,
  blank: string,
): HTMLSelectElement {
  const typed = value !== '' && !options.includes(value);
  const node = el(
    'select',
    {},
    el('option', { value: '' }, blank),
    ...options.map((o) => el('option', { value: o }, o)),
    typed ? el('option', { value }, `${value} (as typed in the sheet)`) : null,
  );
  node.value = value;
  return node;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A date picker for yyyy-mm-dd; a text box holding what was typed when it is no date ("next spring"). */
export function dateInput(value: string): HTMLInputElement {
  const node = el('input', { type: value === '' || ISO_DAY.test(value) ? 'date' : 'text' });
  node.value = value;
  return node;
}

/** The sentence that flags a cell typed in the sheet, shown under its field; null when none. */
export function problemNote(id: string, problem: string | undefined): HTMLElement | null {
  return problem ? el('p', { class: 'error', id: `${id}-problem` }, problem) : null;
}

/** Links a control to its hint and problem sentences, so a screen reader reads both. */
export function describe(control: HTMLElement, ...notes: Array<HTMLElement | null>): void {
  const ids = notes.filter((n): n is HTMLElement => n !== null).map((n) => n.id);
  if (ids.length) control.setAttribute('aria-describedby', ids.join(' '));
}
