// The preview page: renders the emulated spreadsheet, the add-on menu, its sidebar, toasts, dialogs and calendars.
import { byId, el } from '../../sidebar/common/dom';
import type { PreviewState } from '../state';
import { renderCalendars } from './calendarView';

let state: PreviewState | null = null;
let activeSheet = '';
/** The add-on's active sheet when last seen: when it changes, the add-on showed a tab. */
let serverActiveSheet = '';
let shownSidebar: number | null = null;
/** Toasts and dialogs already shown (by their place in the add-on's history). */
let toastsSeen = -1;
let dialogsSeen = -1;
const dialogQueue: Array<{ title: string; message: string }> = [];
let toastTimer: ReturnType<typeof setTimeout> | undefined;

async function post(
  path: string,
  body: unknown = {},
): Promise<{ ok: boolean; error?: string; warning?: string }> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.json();
}

async function refresh(): Promise<void> {
  const res = await fetch('/api/state');
  state = (await res.json()) as PreviewState;
  render();
}

function columnName(index: number): string {
  let name = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

function showNotice(message: string, kind: 'error' | 'warning' = 'error'): void {
  byId('notice-text').textContent = message;
  byId('notice').className = `notice ${kind}`;
  byId('notice').hidden = false;
}

function renderMenu(s: PreviewState): void {
  const items: HTMLElement[] = [];
  for (const menu of s.menus) {
    items.push(el('div', { class: 'title', role: 'presentation' }, menu.title));
    for (const item of menu.items) {
      if (item === null) {
        items.push(el('div', { class: 'separator', role: 'separator' }));
        continue;
      }
      const button = el(
        'button',
        { type: 'button', role: 'menuitem', 'data-fn': item.functionName },
        item.caption,
      );
      button.addEventListener('click', () => void runMenu(item.functionName));
      items.push(button);
    }
  }
  byId('addon-menu').replaceChildren(...items);
}

async function runMenu(functionName: string): Promise<void> {
  closeMenu();
  const result = await post('/api/menu', { functionName });
  if (!result.ok) showNotice(result.error ?? 'The add-on failed.');
  await refresh();
}

function openMenu(): void {
  byId('addon-menu').hidden = false;
  byId('extensions-menu').setAttribute('aria-expanded', 'true');
  byId('addon-menu').querySelector<HTMLButtonElement>('button')?.focus();
}

function closeMenu(): void {
  byId('addon-menu').hidden = true;
  byId('extensions-menu').setAttribute('aria-expanded', 'false');
}

/** Arrow keys move through the menu items, Escape closes it, as in Sheets. */
function menuKeys(e: KeyboardEvent): void {
  const buttons = Array.from(byId('addon-menu').querySelectorAll<HTMLButtonElement>('button'));
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (e.key === 'Escape') {
    closeMenu();
    byId('extensions-menu').focus();
  } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    const step = e.key === 'ArrowDown' ? 1 : -1;
    buttons[(at + step + buttons.length) % buttons.length]?.focus();
  }
}

function isBlank(sheet: PreviewState['spreadsheet']['sheets'][number]): boolean {
  return sheet.rows.every((row) => row.every((cell) => cell === ''));
}

/**
 * Follows the add-on: a tab it activated (set-up's "Open Partners", a row link) is shown. On the
 * first load an empty Sheet1 gives way to the first tab with something in it.
 */
function followActiveSheet(s: PreviewState): void {
  const sheets = s.spreadsheet.sheets;
  if (s.spreadsheet.activeSheet !== serverActiveSheet) {
    const first = serverActiveSheet === '';
    serverActiveSheet = s.spreadsheet.activeSheet;
    const active = sheets.find((sh) => sh.name === serverActiveSheet);
    activeSheet =
      first && active && isBlank(active)
        ? (sheets.find((sh) => !isBlank(sh))?.name ?? serverActiveSheet)
        : serverActiveSheet;
    if (!first) setView('sheet');
  }
  if (!sheets.some((sh) => sh.name === activeSheet)) activeSheet = sheets[0]?.name ?? '';
}

function renderTabs(s: PreviewState): void {
  const buttons = s.spreadsheet.sheets.map((sheet) => {
    const current = sheet.name === activeSheet;
    const b = el(
      'button',
      {
        type: 'button',
        class: current ? 'active' : '',
        'aria-current': current ? 'page' : undefined,
        'data-sheet': sheet.name,
      },
      sheet.name,
    );
    b.addEventListener('click', () => {
      activeSheet = sheet.name;
      render();
    });
    return b;
  });
  byId('tabs').replaceChildren(...buttons);
}

function startEdit(
  cell: HTMLTableCellElement,
  sheet: string,
  row: number,
  col: number,
  current: string,
): void {
  const address = `${columnName(col - 1)}${row}`;
  const input = el('input', { type: 'text', 'aria-label': `Edit ${sheet}!${address}` });
  input.value = current;
  cell.classList.add('editing');
  cell.replaceChildren(input);
  input.focus();
  input.select();
  let done = false;
  const commit = async (save: boolean) => {
    if (done) return;
    done = true;
    if (save && input.value !== current) {
      const result = await post('/api/edit', { sheet, row, col, text: input.value });
      byId('notice').hidden = true;
      if (!result.ok) showNotice(`${sheet}!${address} was not changed: ${result.error}`);
      else if (result.warning)
        showNotice(
          `${sheet}!${address} was kept but breaks the column’s rule: ${result.warning}`,
          'warning',
        );
    }
    await refresh();
    document.querySelector<HTMLElement>(`[data-cell="${address}"]`)?.focus();
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') void commit(true);
    if (e.key === 'Escape') void commit(false);
  });
  input.addEventListener('blur', () => void commit(true));
}

function gridCell(sheet: string, row: number, col: number, text: string, note: string) {
  const td = el(
    'td',
    {
      title: note || text || undefined,
      'data-cell': `${columnName(col - 1)}${row}`,
      tabindex: '0',
    },
    text,
  );
  td.addEventListener('dblclick', () => startEdit(td, sheet, row, col, text));
  td.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === 'F2') startEdit(td, sheet, row, col, text);
  });
  return td;
}

function renderGrid(s: PreviewState): void {
  const sheet = s.spreadsheet.sheets.find((sh) => sh.name === activeSheet);
  const wrap = byId('grid-wrap');
  if (!sheet) {
    wrap.replaceChildren(el('p', { class: 'empty' }, 'No sheets.'));
    return;
  }
  const selection = s.spreadsheet.selection?.sheet === sheet.name ? s.spreadsheet.selection : null;
  const width = Math.max(...sheet.rows.map((r) => r.length), 1);
  const head = el(
    'tr',
    {},
    el('td', { class: 'corner' }),
    ...Array.from({ length: width }, (_, c) => el('th', { scope: 'col' }, columnName(c))),
  );
  // Five empty rows below the data, so a person can type new rows as in a real sheet.
  const rows = [...sheet.rows, ...Array.from({ length: 5 }, () => [] as string[])];
  const body = rows.map((row, r) => {
    const selected =
      selection && r + 1 >= selection.row && r + 1 < selection.row + selection.numRows;
    const tr = el(
      'tr',
      {
        class: [r < sheet.frozenRows ? 'frozen' : '', selected ? 'selected' : ''].join(' ').trim(),
        'aria-selected': selected ? 'true' : undefined,
      },
      el('th', { scope: 'row' }, String(r + 1)),
    );
    for (let c = 0; c < width; c++) {
      tr.append(
        gridCell(sheet.name, r + 1, c + 1, row[c] ?? '', r === 0 ? sheet.headerNotes[c] : ''),
      );
    }
    return tr;
  });
  const table = el(
    'table',
    { class: 'grid', 'aria-label': `Sheet ${sheet.name}` },
    el('thead', {}, head),
    el('tbody', {}, ...body),
  );
  // Another tab starts at its top-left corner, as in Sheets.
  if (wrap.dataset.shown !== sheet.name) {
    wrap.dataset.shown = sheet.name;
    wrap.scrollTo(0, 0);
  }
  wrap.replaceChildren(table);
  if (selection)
    table.querySelector('tr.selected')?.scrollIntoView({ block: 'center', inline: 'nearest' });
}

function renderSidebar(s: PreviewState): void {
  const aside = byId('sidebar');
  if (!s.sidebar) {
    aside.hidden = true;
    shownSidebar = null;
    return;
  }
  aside.hidden = false;
  byId('sidebar-title').textContent = s.sidebar.title;
  if (shownSidebar !== s.sidebar.index) {
    shownSidebar = s.sidebar.index;
    const frame = byId<HTMLIFrameElement>('sidebar-frame');
    frame.title = `Add-on sidebar: ${s.sidebar.title}`;
    frame.src = `/sidebar/${s.sidebar.index}`;
  }
}

/** spreadsheet.toast(): shown once, for its timeout (a negative timeout stays until the next one). */
function renderToasts(s: PreviewState): void {
  const latest = s.toasts[s.toasts.length - 1];
  if (toastsSeen === -1) toastsSeen = latest ? latest.seq : -2;
  if (!latest || latest.seq <= toastsSeen) return;
  toastsSeen = latest.seq;
  const toast = byId('toast');
  toast.replaceChildren(
    latest.title ? el('strong', {}, latest.title) : '',
    el('span', {}, latest.message),
  );
  toast.hidden = false;
  clearTimeout(toastTimer);
  if (latest.timeoutSeconds >= 0) {
    toastTimer = setTimeout(() => {
      toast.hidden = true;
    }, Math.min(latest.timeoutSeconds, 10) * 1000);
  }
}

/** ui.alert(): already answered on the server (OK), shown here as the dialog the user saw. */
function renderDialogs(s: PreviewState): void {
  if (dialogsSeen === -1) dialogsSeen = s.dialogs[s.dialogs.length - 1]?.seq ?? -2;
  for (const d of s.dialogs) {
    if (d.seq <= dialogsSeen) continue;
    dialogsSeen = d.seq;
    dialogQueue.push({ title: d.title || 'Shared Work Plan', message: d.message });
  }
  showNextDialog();
}

function showNextDialog(): void {
  const dialog = byId<HTMLDialogElement>('dialog');
  if (dialog.open) return;
  const next = dialogQueue.shift();
  if (!next) return;
  byId('dialog-title').textContent = next.title;
  byId('dialog-message').textContent = next.message;
  dialog.showModal();
}

function render(): void {
  if (!state) return;
  byId('doc-title').textContent = state.spreadsheet.name;
  document.title = `${state.spreadsheet.name} — Shared Work Plan preview`;
  renderMenu(state);
  followActiveSheet(state);
  renderTabs(state);
  renderGrid(state);
  renderCalendars(byId('calendar-view'), state);
  renderSidebar(state);
  renderToasts(state);
  renderDialogs(state);
}

function setView(view: 'sheet' | 'calendar'): void {
  byId('sheet-view').hidden = view !== 'sheet';
  byId('calendar-view').hidden = view !== 'calendar';
  for (const [id, on] of [
    ['view-sheet', view === 'sheet'],
    ['view-calendar', view === 'calendar'],
  ] as const) {
    byId(id).classList.toggle('active', on);
    byId(id).setAttribute('aria-pressed', String(on));
  }
}

byId('extensions-menu').addEventListener('click', () => {
  if (byId('addon-menu').hidden) openMenu();
  else closeMenu();
});
byId('addon-menu').addEventListener('keydown', menuKeys);
document.addEventListener('click', (e) => {
  if (!(e.target as HTMLElement).closest('.menu')) closeMenu();
});
byId('view-sheet').addEventListener('click', () => setView('sheet'));
byId('view-calendar').addEventListener('click', () => setView('calendar'));
byId('reset').addEventListener('click', async () => {
  await post('/api/reset');
  shownSidebar = null;
  serverActiveSheet = '';
  await refresh();
});
byId('sidebar-close').addEventListener('click', async () => {
  await post('/api/close-sidebar');
  await refresh();
});
byId('notice-close').addEventListener('click', () => {
  byId('notice').hidden = true;
});
byId('dialog').addEventListener('close', showNextDialog);
window.addEventListener('message', (event) => {
  // Only this page's own sidebar frame may ask for a refresh or to close.
  if (event.origin !== window.location.origin) return;
  const data = event.data as { type?: string };
  if (data?.type === 'swp-refresh') void refresh();
  if (data?.type === 'swp-close-sidebar') void post('/api/close-sidebar').then(refresh);
});

void refresh();
