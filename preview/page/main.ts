// The preview page: renders the emulated spreadsheet, the add-on menu, its sidebar and the calendars.
import { byId, el } from '../../sidebar/common/dom';
import type { PreviewEvent, PreviewState } from '../state';

let state: PreviewState | null = null;
let activeSheet = '';
let shownSidebar: number | null = null;

async function post(path: string, body: unknown = {}): Promise<{ ok: boolean; error?: string }> {
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

function renderMenu(s: PreviewState): void {
  const list = byId('addon-menu');
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
  list.replaceChildren(...items);
}

async function runMenu(functionName: string): Promise<void> {
  closeMenu();
  const result = await post('/api/menu', { functionName });
  if (!result.ok) showAlert(result.error ?? 'The add-on failed.');
  await refresh();
}

function showAlert(message: string): void {
  byId('alerts').textContent = message;
}

function closeMenu(): void {
  byId('addon-menu').hidden = true;
  byId('extensions-menu').setAttribute('aria-expanded', 'false');
}

function renderTabs(s: PreviewState): void {
  if (!s.spreadsheet.sheets.some((sh) => sh.name === activeSheet)) {
    activeSheet = s.spreadsheet.sheets[0]?.name ?? '';
  }
  const buttons = s.spreadsheet.sheets.map((sheet) => {
    const b = el(
      'button',
      {
        type: 'button',
        class: sheet.name === activeSheet ? 'active' : '',
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
  const input = el('input', {
    type: 'text',
    'aria-label': `Edit ${columnName(col - 1)}${row}`,
    value: current,
  });
  cell.classList.add('editing');
  cell.replaceChildren(input);
  input.focus();
  input.select();
  let done = false;
  const commit = async (save: boolean) => {
    if (done) return;
    done = true;
    if (save && input.value !== current) {
      const result = (await post('/api/edit', { sheet, row, col, text: input.value })) as {
        ok: boolean;
        result?: { rejected?: boolean; message?: string };
      };
      if (result.result?.rejected) showAlert(result.result.message ?? 'That value was rejected.');
    }
    await refresh();
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') void commit(true);
    if (e.key === 'Escape') void commit(false);
  });
  input.addEventListener('blur', () => void commit(true));
}

function renderGrid(s: PreviewState): void {
  const sheet = s.spreadsheet.sheets.find((sh) => sh.name === activeSheet);
  const wrap = byId('grid-wrap');
  if (!sheet) {
    wrap.replaceChildren(el('p', { class: 'empty' }, 'No sheets.'));
    return;
  }
  const width = Math.max(...sheet.rows.map((r) => r.length), 1);
  const head = el(
    'tr',
    {},
    el('th', {}, ''),
    ...Array.from({ length: width }, (_, c) => el('th', { scope: 'col' }, columnName(c))),
  );
  const body = sheet.rows.map((row, r) => {
    const tr = el(
      'tr',
      { class: r < sheet.frozenRows ? 'frozen' : '' },
      el('th', { scope: 'row' }, String(r + 1)),
    );
    for (let c = 0; c < width; c++) {
      const text = row[c] ?? '';
      const note = r === 0 ? sheet.headerNotes[c] : '';
      const td = el(
        'td',
        { title: note || text, 'data-cell': `${columnName(c)}${r + 1}`, tabindex: '0' },
        text,
      );
      td.addEventListener('dblclick', () => startEdit(td, sheet.name, r + 1, c + 1, text));
      td.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === 'F2') startEdit(td, sheet.name, r + 1, c + 1, text);
      });
      tr.append(td);
    }
    return tr;
  });
  // Extra empty rows so a person can type new rows, as in a real sheet.
  for (let extra = 0; extra < 5; extra++) {
    const r = sheet.rows.length + extra;
    const tr = el('tr', {}, el('th', { scope: 'row' }, String(r + 1)));
    for (let c = 0; c < width; c++) {
      const td = el('td', { 'data-cell': `${columnName(c)}${r + 1}`, tabindex: '0' }, '');
      td.addEventListener('dblclick', () => startEdit(td, sheet.name, r + 1, c + 1, ''));
      tr.append(td);
    }
    body.push(tr);
  }
  wrap.replaceChildren(
    el(
      'table',
      { class: 'grid', 'aria-label': `Sheet ${sheet.name}` },
      el('thead', {}, head),
      el('tbody', {}, ...body),
    ),
  );
}

function eventTime(e: PreviewEvent, zone: string): string {
  if (e.allDay) return 'All day';
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
  });
  return `${fmt.format(new Date(e.start))}–${fmt.format(new Date(e.end))}`;
}

function renderCalendar(s: PreviewState): void {
  const view = byId('calendar-view');
  const sections: HTMLElement[] = [];
  for (const cal of s.calendars) {
    const events = [...cal.events].sort((a, b) => a.start.localeCompare(b.start));
    sections.push(
      el(
        'h2',
        {},
        `${cal.name} (${cal.timeZone}) — ${events.length} event${events.length === 1 ? '' : 's'}`,
      ),
    );
    const byDay = new Map<string, PreviewEvent[]>();
    const dayFmt = new Intl.DateTimeFormat('en-CA', {
      timeZone: cal.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    for (const e of events) {
      const day = e.allDay ? e.start.slice(0, 10) : dayFmt.format(new Date(e.start));
      byDay.set(day, [...(byDay.get(day) ?? []), e]);
    }
    for (const [day, list] of byDay) {
      sections.push(
        el(
          'div',
          { class: 'calendar-day' },
          el('h3', {}, day),
          ...list.map((e) =>
            el(
              'div',
              { class: 'event', 'data-event': e.id },
              el('span', { class: 'time' }, eventTime(e, cal.timeZone)),
              el('strong', {}, e.title),
              e.location ? ` · ${e.location}` : '',
              e.recurrence.length ? ` · repeats (${e.recurrence.join(' ')})` : '',
            ),
          ),
        ),
      );
    }
  }
  view.replaceChildren(
    ...(sections.length ? sections : [el('p', { class: 'empty' }, 'No calendars yet.')]),
  );
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
    byId<HTMLIFrameElement>('sidebar-frame').src = `/sidebar/${s.sidebar.index}`;
  }
}

function render(): void {
  if (!state) return;
  byId('doc-title').textContent = state.spreadsheet.name;
  renderMenu(state);
  renderTabs(state);
  renderGrid(state);
  renderCalendar(state);
  renderSidebar(state);
  if (state.alerts.length) showAlert(state.alerts[state.alerts.length - 1]);
}

function setView(view: 'sheet' | 'calendar'): void {
  byId('sheet-view').hidden = view !== 'sheet';
  byId('calendar-view').hidden = view !== 'calendar';
  byId('view-sheet').classList.toggle('active', view === 'sheet');
  byId('view-calendar').classList.toggle('active', view === 'calendar');
}

byId('extensions-menu').addEventListener('click', () => {
  const list = byId('addon-menu');
  list.hidden = !list.hidden;
  byId('extensions-menu').setAttribute('aria-expanded', String(!list.hidden));
});
byId('view-sheet').addEventListener('click', () => setView('sheet'));
byId('view-calendar').addEventListener('click', () => setView('calendar'));
byId('reset').addEventListener('click', async () => {
  await post('/api/reset');
  shownSidebar = null;
  await refresh();
});
byId('sidebar-close').addEventListener('click', async () => {
  await post('/api/close-sidebar');
  await refresh();
});
window.addEventListener('message', (event) => {
  const data = event.data as { type?: string };
  if (data?.type === 'swp-refresh') void refresh();
  if (data?.type === 'swp-close-sidebar') void post('/api/close-sidebar').then(refresh);
});

void refresh();
