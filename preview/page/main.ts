// The preview page: renders the emulated spreadsheet, the add-on menu, its sidebar, toasts, dialogs and calendars.
import { byId, el } from '../../sidebar/common/dom';
import type { PreviewState } from '../state';
import { renderCalendars } from './calendarView';
import { FormsView } from './formsView';
import { Grid } from './grid';

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
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return { ok: false, error: (await res.text()) || res.statusText };
  return res.json();
}

async function refresh(again = true): Promise<void> {
  // The grid's details (dropdowns, colours…) come for the tab on screen only.
  const res = await fetch(`/api/state?sheet=${encodeURIComponent(activeSheet)}`);
  state = (await res.json()) as PreviewState;
  render();
  // The add-on showed another tab meanwhile: read once more for that tab's details.
  const shown = state.spreadsheet.sheets.find((sh) => sh.name === activeSheet);
  if (again && shown && !shown.grid) await refresh(false);
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

const grid = new Grid(byId('grid-wrap'), {
  post,
  refresh,
  notice: (message, kind) => showNotice(message, kind),
  clearNotice: () => {
    byId('notice').hidden = true;
  },
});

function renderTabs(s: PreviewState): void {
  const shown = s.spreadsheet.sheets.filter((sheet) => !sheet.hidden || sheet.name === activeSheet);
  const buttons = shown.map((sheet) => {
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
    // Drawn at once from what the page has; its dropdowns and colours follow with the next read.
    b.addEventListener('click', () => showSheet(sheet.name));
    return b;
  });
  byId('tabs').replaceChildren(...buttons);
  // The tab on screen is always in view in the bar, however many tabs there are.
  byId('tabs')
    .querySelector('[aria-current="page"]')
    ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  renderAllSheets(s);
}

function showSheet(name: string): void {
  activeSheet = name;
  render();
  grid.focus();
  void refresh();
}

/** The all-sheets list (☰ in Sheets): every tab by name, the one on screen marked. */
function renderAllSheets(s: PreviewState): void {
  const items = s.spreadsheet.sheets.map((sheet) => {
    const item = el(
      'button',
      {
        type: 'button',
        role: 'menuitemradio',
        'aria-checked': String(sheet.name === activeSheet),
        'data-sheet-item': sheet.name,
      },
      // Sheets lists hidden sheets here too, greyed, so they can be found again.
      sheet.hidden ? `${sheet.name} (hidden)` : sheet.name,
    );
    item.addEventListener('click', () => {
      closeAllSheets();
      showSheet(sheet.name);
    });
    return item;
  });
  byId('all-sheets-list').replaceChildren(...items);
}

function closeAllSheets(): void {
  byId('all-sheets-list').hidden = true;
  byId('all-sheets').setAttribute('aria-expanded', 'false');
}

function renderGrid(s: PreviewState): void {
  const sheet = s.spreadsheet.sheets.find((sh) => sh.name === activeSheet);
  byId('grid-empty').hidden = sheet !== undefined;
  grid.render(s, sheet);
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

const forms = new FormsView(byId('forms-view'), () => void refresh());

function setView(view: 'sheet' | 'calendar' | 'forms'): void {
  byId('sheet-view').hidden = view !== 'sheet';
  byId('calendar-view').hidden = view !== 'calendar';
  byId('forms-view').hidden = view !== 'forms';
  for (const [id, on] of [
    ['view-sheet', view === 'sheet'],
    ['view-calendar', view === 'calendar'],
    ['view-forms', view === 'forms'],
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
byId('all-sheets').addEventListener('click', (e) => {
  e.stopPropagation();
  const list = byId('all-sheets-list');
  list.hidden = !list.hidden;
  byId('all-sheets').setAttribute('aria-expanded', String(!list.hidden));
  if (!list.hidden) list.querySelector<HTMLButtonElement>('[aria-checked="true"]')?.focus();
});
document.addEventListener('click', (e) => {
  if (!(e.target as HTMLElement).closest('#all-sheets-list')) closeAllSheets();
});
byId('all-sheets-list').addEventListener('keydown', (e) => {
  if (e.key === 'Escape') {
    closeAllSheets();
    byId('all-sheets').focus();
  }
});
for (const [id, sign] of [
  ['tabs-left', -1],
  ['tabs-right', 1],
] as const)
  byId(id).addEventListener('click', () =>
    byId('tabs').scrollBy({ left: sign * byId('tabs').clientWidth * 0.8, behavior: 'smooth' }),
  );
byId('view-sheet').addEventListener('click', () => setView('sheet'));
byId('view-calendar').addEventListener('click', () => setView('calendar'));
byId('view-forms').addEventListener('click', () => {
  setView('forms');
  void forms.showList();
});
/** "Reset to the example" replaces everything typed: it asks first. */
byId('reset').addEventListener('click', () => byId<HTMLDialogElement>('confirm-reset').showModal());
byId('confirm-reset').addEventListener('close', async () => {
  if (byId<HTMLDialogElement>('confirm-reset').returnValue !== 'reset') return;
  const result = await post('/api/reset');
  if (!result.ok) showNotice(result.error ?? 'The preview could not reset.');
  shownSidebar = null;
  serverActiveSheet = '';
  await refresh();
});
/** The downloads: a refusal (e.g. the .ics before set-up, 409) is shown, never silently dropped. */
for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>('a.download'))) {
  link.addEventListener('click', async (e) => {
    e.preventDefault();
    const res = await fetch(link.href);
    if (!res.ok) {
      showNotice(`${link.textContent}: ${(await res.text()) || res.statusText}`);
      return;
    }
    const url = URL.createObjectURL(await res.blob());
    const save = el('a', { href: url, download: link.getAttribute('download') || 'download' });
    document.body.append(save);
    save.click();
    save.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
}
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
  // A Google Forms link clicked in a sidebar: opened here, as a partner would see the form.
  const formUrl = (data as { url?: unknown }).url;
  if (data?.type === 'swp-open-form' && typeof formUrl === 'string') {
    setView('forms');
    void forms.openUrl(formUrl);
  }
  if (data?.type === 'swp-close-sidebar') void post('/api/close-sidebar').then(() => refresh());
});

void refresh();
