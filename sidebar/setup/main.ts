// Set-up sidebar: the partnership, its partners, the tabs and the calendar; then what set-up did.

import { plural } from '../../src/shared/plural';
import type { CalendarMode } from '../../src/shared/settings';
import { summaryLines } from '../../src/shared/setupSummaryText';
import type { PartnerInput, SetupForm, SetupSummary } from '../../src/shared/setupWire';
import { callServer } from '../common/bridge';
import { byId, chosen, el, setStatus, withBusy } from '../common/dom';
import { startSidebar } from '../common/start';
import { showHandover } from './handover';

let form: SetupForm | null = null;
let partnerCount = 0;

const input = (id: string) => byId<HTMLInputElement>(id);

function options(values: readonly string[], chosen = ''): HTMLOptionElement[] {
  return ['', ...values].map((v) =>
    el('option', { value: v, selected: v === chosen }, v === '' ? '—' : v),
  );
}

/** One partner as a small card of labelled fields (the sidebar is 300 px wide). */
function partnerCard(setup: SetupForm): HTMLFieldSetElement {
  partnerCount += 1;
  const n = partnerCount;
  const id = (field: string) => `partner-${n}-${field}`;
  const card = el(
    'fieldset',
    { class: 'partner', 'data-partner': String(n) },
    el('legend', {}, `Partner ${n}`),
    el('label', { for: id('organisation') }, 'Organisation'),
    el('input', { type: 'text', id: id('organisation'), 'data-field': 'organisation' }),
    el('label', { for: id('type') }, 'Type'),
    el('select', { id: id('type'), 'data-field': 'type' }, ...options(setup.partnerTypes)),
    el('label', { for: id('contact') }, 'Contact'),
    el('input', { type: 'text', id: id('contact'), 'data-field': 'contact' }),
    el('label', { for: id('email') }, 'Email'),
    el('input', { type: 'email', id: id('email'), 'data-field': 'email' }),
    el('label', { for: id('role') }, 'Role'),
    el('select', { id: id('role'), 'data-field': 'role' }, ...options(setup.partnerRoles)),
    el(
      'label',
      { class: 'inline' },
      el('input', { type: 'checkbox', 'data-field': 'invite' }),
      ' Calendar invite (a guest of every event)',
    ),
  );
  const remove = el('button', { type: 'button' }, `Remove partner ${n}`);
  remove.addEventListener('click', () => card.remove());
  card.append(remove);
  return card;
}

function readPartners(): PartnerInput[] {
  return Array.from(document.querySelectorAll<HTMLFieldSetElement>('fieldset.partner'))
    .map((card) => {
      const value = (field: string) =>
        (card.querySelector(`[data-field="${field}"]`) as HTMLInputElement | null)?.value.trim() ??
        '';
      const invite =
        card.querySelector<HTMLInputElement>('[data-field="invite"]')?.checked ?? false;
      return {
        organisation: value('organisation'),
        type: chosen(value('type'), form?.partnerTypes ?? []) || null,
        contact: value('contact') || null,
        email: value('email') || null,
        role: chosen(value('role'), form?.partnerRoles ?? []) || null,
        invite,
      };
    })
    .filter((p) => p.organisation !== '' || p.email !== null || p.contact !== null);
}

function calendarMode(): CalendarMode {
  const checked = document.querySelector<HTMLInputElement>('input[name="calendar"]:checked');
  return (checked?.value as CalendarMode | undefined) ?? 'none';
}

/** The chosen calendar, kept while the list loads (and if the list cannot be read). */
let chosenCalendarId: string | null = null;
let calendarsListed = false;

/** The same named list as the calendar sidebar: the user's calendars they can add events to. */
async function listCalendarsOnce(): Promise<void> {
  if (calendarsListed) return;
  const calendars = await withBusy('Listing your calendars…', () => callServer('listCalendars'));
  if (!calendars) return;
  calendarsListed = true;
  const select = byId<HTMLSelectElement>('calendar-id');
  const known = calendars.some((c) => c.id === chosenCalendarId);
  select.replaceChildren(
    // A calendar chosen before that is no longer one of theirs stays chosen, named as such.
    ...(chosenCalendarId && !known
      ? [el('option', { value: chosenCalendarId, selected: true }, 'The calendar chosen before')]
      : []),
    ...calendars.map((c) =>
      el(
        'option',
        { value: c.id, selected: c.id === chosenCalendarId },
        `${c.name} (${c.timeZone})`,
      ),
    ),
  );
  chosenCalendarId = select.value || null;
}

function showCalendarId(): void {
  const mode = calendarMode();
  const existing = mode === 'existing';
  for (const id of ['calendar-id', 'calendar-id-label', 'calendar-id-help'])
    byId(id).hidden = !existing;
  // Who gets the events matters once there is a calendar; only a new group calendar is shared.
  byId('calendar-people').hidden = mode === 'none';
  byId('calendar-share-row').hidden = mode !== 'new';
  if (existing) void listCalendarsOnce();
}

function fillTimeZones(): void {
  // The browser knows the IANA names; the server checks the choice again.
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? [];
  byId('time-zones').replaceChildren(...zones.map((z) => el('option', { value: z })));
}

/** The spreadsheet's name as last read: set-up may rename it. */
let spreadsheetName = '';

/** "Also name this spreadsheet …", hidden once the spreadsheet has the partnership's name. */
function showRenameLabel(): void {
  const name = input('name').value.trim();
  byId('rename-label').textContent = name
    ? ` Also name this spreadsheet “${name}” (now “${spreadsheetName}”)`
    : ` Also give this spreadsheet the partnership’s name (now “${spreadsheetName}”)`;
  byId('rename-row').hidden = name === spreadsheetName;
}

/** Ticked for a spreadsheet Sheets named, never done unasked. */
function fillRename(setup: SetupForm): void {
  input('rename-spreadsheet').checked = setup.spreadsheetNameIsDefault;
  spreadsheetName = spreadsheetName || setup.spreadsheetName;
  input('name').addEventListener('input', showRenameLabel);
  showRenameLabel();
}

function showExistingPartners(partners: readonly string[]): void {
  byId('existing-partners').textContent = partners.length
    ? `Already on the Partners tab: ${partners.join(', ')}.`
    : 'Add the partner organisations now, or later on the Partners tab.';
}

/** After set-up or a partner added: the Partners tab's list as it is now (quietly, no spinner). */
async function rereadPartners(): Promise<void> {
  const now = await callServer('getSetupForm').catch(() => null);
  if (now) showExistingPartners(now.partners);
}

/** In the lead organisation's list: "another one, typed below". */
const ANOTHER_LEAD = '(another)';

/**
 * The lead organisation: on a new plan one field that follows the partnership's name until
 * changed; on a plan from before it existed, the question with the partners to choose from or a
 * new name (nothing is assumed until the coordinator answers).
 */
function fillLead(setup: SetupForm): void {
  const name = input('lead-organisation');
  const ask = setup.askLeadOrganisation;
  for (const id of ['lead-question', 'lead-choice', 'lead-choice-label']) byId(id).hidden = !ask;
  if (ask) {
    const choice = byId<HTMLSelectElement>('lead-choice');
    choice.replaceChildren(
      el('option', { value: '' }, 'Choose…'),
      ...setup.partners.map((p) => el('option', { value: p }, p)),
      el('option', { value: ANOTHER_LEAD }, 'Another organisation (type its name)'),
    );
    const showName = () => {
      const another = choice.value === ANOTHER_LEAD;
      name.hidden = !another;
      byId('lead-label').hidden = !another;
    };
    byId('lead-label').textContent = 'Its name';
    byId('lead-help').textContent =
      'The lead organisation: the school, the coalition’s host… whose goals the partners align to. Nothing changes until you answer; the first partner is not taken for it.';
    choice.addEventListener('change', showName);
    showName();
    return;
  }
  name.value = setup.leadOrganisation || (setup.setUp ? '' : setup.name);
  if (setup.setUp) return;
  // Until the coordinator types one, the partnership is its own lead (a coalition's host).
  let follows = name.value === setup.name;
  name.addEventListener('input', () => {
    follows = false;
  });
  input('name').addEventListener('input', () => {
    if (follows) name.value = input('name').value;
  });
}

function readLead(): string | null {
  const choice = byId<HTMLSelectElement>('lead-choice');
  const typed = input('lead-organisation').value.trim();
  if (!choice.hidden && choice.value !== ANOTHER_LEAD) return choice.value || null;
  return typed || null;
}

/** After set-up recorded the lead organisation, the question is answered: one field from now on. */
function leadAnswered(summary: SetupSummary): void {
  if (!summary.leadOrganisation || !form) return;
  form = { ...form, askLeadOrganisation: false, leadOrganisation: summary.leadOrganisation.name };
  input('lead-organisation').hidden = false;
  byId('lead-label').hidden = false;
  byId('lead-label').textContent = 'Led by';
  fillLead(form);
}

function fillForm(setup: SetupForm): void {
  input('name').value = setup.name;
  fillRename(setup);
  fillLead(setup);
  byId<HTMLTextAreaElement>('purpose').value = setup.purpose;
  input('coordinator').value = setup.coordinator;
  input('coordinator-email').value = setup.coordinatorEmail;
  input('time-zone').value = setup.timeZone;
  showExistingPartners(setup.partners);
  if (!setup.setUp) byId('partners').append(partnerCard(setup));
  const tabs = byId('tabs');
  for (const tab of setup.tabs) {
    const box = el('input', {
      type: 'checkbox',
      value: tab.key,
      checked: true,
      disabled: tab.required || tab.exists,
      'aria-describedby': `tab-${tab.key}-purpose`,
    });
    const state = tab.exists
      ? ' (already here: checked and repaired)'
      : tab.required
        ? ' (always)'
        : '';
    tabs.append(
      el(
        'label',
        { class: 'inline' },
        box,
        ` ${tab.name}`,
        el('span', { class: 'secondary' }, state),
      ),
      el('p', { id: `tab-${tab.key}-purpose`, class: 'secondary small' }, tab.purpose),
    );
  }
  for (const radio of Array.from(
    document.querySelectorAll<HTMLInputElement>('input[name="calendar"]'),
  )) {
    radio.checked = radio.value === setup.calendar.mode;
    radio.addEventListener('change', showCalendarId);
  }
  chosenCalendarId = setup.calendar.calendarId;
  // Once the first sync made it, the group calendar is no longer "new".
  if (setup.calendar.mode === 'new' && setup.calendar.calendarId)
    byId('calendar-new-label').textContent =
      ' The partnership’s group calendar (made by the first sync)';
  input('calendar-share').checked = setup.calendar.shareWithPartners;
  input('calendar-invite').checked = setup.calendar.invitePartners;
  input('calendar-send-invites').checked = setup.calendar.sendInvites;
  byId('calendar-id').addEventListener('change', () => {
    chosenCalendarId = byId<HTMLSelectElement>('calendar-id').value || null;
  });
  showCalendarId();
  byId('setup-form').hidden = false;
  byId('quick-partner').hidden = !setup.setUp;
  byId<HTMLButtonElement>('set-up').textContent = setup.setUp
    ? 'Save and repair the plan'
    : 'Set up the plan';
}

function showSummary(summary: SetupSummary): void {
  const repairs = new Set(summary.repaired.map((r) => `Repaired on ${r.tab}: ${r.message}`));
  byId('result-lines').replaceChildren(
    ...summaryLines(summary).map((line) =>
      el('li', { class: repairs.has(line) ? 'repair' : undefined }, line),
    ),
  );
  const tabs = [...summary.created, ...summary.updated, ...summary.kept];
  byId('tab-links').replaceChildren(
    ...tabs.map((tab) => {
      const open = el('button', { type: 'button' }, `Open ${tab.name}`);
      open.addEventListener('click', async () => {
        const name = await withBusy(`Opening ${tab.name}…`, () =>
          callServer('openPlanTab', tab.key),
        );
        if (name) setStatus('success', `${name} is open.`);
      });
      return open;
    }),
  );
  byId('result').hidden = false;
}

async function submitSetup(event: Event): Promise<void> {
  event.preventDefault();
  if (!form) return;
  const tabs = Array.from(
    document.querySelectorAll<HTMLInputElement>('#tabs input[type="checkbox"]'),
  )
    .filter((box) => box.checked)
    .map((box) => box.value);
  const summary = await withBusy('Setting up the plan… (this can take a minute)', () =>
    callServer('setUpPlan', {
      name: input('name').value,
      purpose: byId<HTMLTextAreaElement>('purpose').value,
      coordinator: input('coordinator').value,
      coordinatorEmail: input('coordinator-email').value,
      timeZone: input('time-zone').value,
      partners: readPartners(),
      tabs,
      calendar: {
        mode: calendarMode(),
        calendarId: chosenCalendarId,
        // The same settings Calendar sync shows: set-up's answers are what it holds afterwards.
        shareWithPartners: calendarMode() === 'new' && input('calendar-share').checked,
        invitePartners: input('calendar-invite').checked,
        sendInvites: input('calendar-send-invites').checked,
      },
      renameSpreadsheet: !byId('rename-row').hidden && input('rename-spreadsheet').checked,
      leadOrganisation: readLead(),
    }),
  );
  if (!summary) return;
  showSummary(summary);
  leadAnswered(summary);
  // The header said "Untitled spreadsheet" and "No plan tabs yet": read them again.
  await showOverview();
  byId('partners').replaceChildren();
  byId('quick-partner').hidden = false;
  await showHandover();
  // Set-up has run: pressing it again keeps everything and repairs.
  byId('set-up').textContent = 'Save and repair the plan';
  await rereadPartners();
  const made = summary.created.length;
  setStatus(
    'success',
    made
      ? `Done: ${plural(made, 'tab')} created.`
      : `Done: the plan is in order${summary.repaired.length ? ' (see the repairs above)' : ''}.`,
  );
}

async function submitQuickPartner(event: Event): Promise<void> {
  event.preventDefault();
  const organisation = input('quick-organisation').value.trim();
  if (!organisation) {
    setStatus('error', 'Type the organisation’s name.');
    input('quick-organisation').focus();
    return;
  }
  const added = await withBusy(`Adding ${organisation}…`, () =>
    callServer('addPartner', {
      organisation,
      contact: input('quick-contact').value || null,
      email: input('quick-email').value || null,
    }),
  );
  if (!added) return;
  await rereadPartners();
  for (const id of ['quick-organisation', 'quick-contact', 'quick-email']) input(id).value = '';
  setStatus(
    'success',
    `Added ${added.organisation} as ${added.id} on row ${added.row} of ${added.sheetName}.`,
  );
}

/**
 * The spreadsheet's name and plan tabs as the server sees them now (set-up changes both). A quiet
 * re-read (on coming back) shows no spinner and disables no button under the person's click.
 */
async function showOverview(quiet = false): Promise<boolean> {
  const read = () => callServer('getPlanOverview');
  const overview = quiet
    ? await read().catch(() => null)
    : await withBusy('Reading your spreadsheet…', read);
  if (!overview) return false;
  spreadsheetName = overview.spreadsheetName;
  byId('overview').replaceChildren(
    el(
      'p',
      {},
      'Spreadsheet: ',
      el('strong', { id: 'spreadsheet-name' }, overview.spreadsheetName),
    ),
    el(
      'p',
      { class: 'secondary' },
      overview.existingTabs.length
        ? `Plan tabs already here: ${overview.existingTabs.join(', ')}. Set-up keeps everything in them.`
        : 'No plan tabs yet: set-up will create them.',
    ),
  );
  showRenameLabel();
  return true;
}

async function start(): Promise<void> {
  if (!(await showOverview())) return;
  form = (await withBusy('Reading the plan’s settings…', () => callServer('getSetupForm'))) ?? null;
  if (!form) return;
  fillTimeZones();
  fillForm(form);
  const setup = form;
  byId('add-partner-row').addEventListener('click', () => {
    const card = partnerCard(setup);
    byId('partners').append(card);
    card.querySelector('input')?.focus();
  });
  byId('setup-form').addEventListener('submit', (e) => void submitSetup(e));
  byId('quick-partner').addEventListener('submit', (e) => void submitQuickPartner(e));
  // Only a plan that was set up has something to hand over.
  if (form.setUp) await showHandover();
}

// Coming back re-reads the header: the spreadsheet may have been renamed or tabs added meanwhile.
startSidebar(start, async () => {
  await showOverview(true);
});
