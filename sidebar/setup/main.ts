// Set-up sidebar: shows what the add-on sees in this spreadsheet (the set-up form grows here).
import { callServer } from '../common/bridge';
import { byId, el, withBusy } from '../common/dom';

async function showOverview(): Promise<void> {
  const overview = await withBusy('Reading your spreadsheet…', () => callServer('getPlanOverview'));
  if (!overview) return;
  const tabs = overview.existingTabs.length
    ? `Plan tabs already here: ${overview.existingTabs.join(', ')}.`
    : 'No plan tabs yet: set-up will create them.';
  byId('overview').replaceChildren(
    el(
      'p',
      {},
      'Spreadsheet: ',
      el('strong', { id: 'spreadsheet-name' }, overview.spreadsheetName),
    ),
    el('p', { class: 'secondary' }, `Time zone: ${overview.timeZone}`),
    el('p', { class: 'secondary' }, tabs),
  );
}

void showOverview();
