// Links from a sidebar's summaries to the tab and row they talk about (the sheet shows and selects it).
import { callServer } from './bridge';
import { el, setStatus, withBusy } from './dom';

/** A link-styled button that opens `tab` (a plan tab's key or name) and selects `row` there. */
export function rowLink(tab: string, row: number | null, text = `row ${row}`): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'link' }, text);
  button.addEventListener('click', async () => {
    const name = await withBusy(`Opening ${tab}…`, () => callServer('openPlanTab', tab, row));
    if (name) setStatus('success', row ? `${name} row ${row} is selected.` : `${name} is open.`);
  });
  return button;
}

/** A success message followed by a link to the row it names. */
export function successWithLink(message: string, tab: string, row: number): void {
  setStatus('success', message);
  document.getElementById('status')?.append(' ', rowLink(tab, row, 'Show it'));
}
