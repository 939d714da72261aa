// The sidebars' links: openPlanTab shows the tab a summary names, and selects the row it names.
import { sidebarCall } from '../harness/sidebarCall';
import { loadAddon } from '../harness/workspace';

function plan() {
  const { ws, addon } = loadAddon();
  addon.open('FULL');
  sidebarCall(addon, 'setUpPlan', {
    name: 'Links',
    partners: [{ organisation: 'Library' }, { organisation: 'School' }],
  });
  return { ws, addon };
}

describe('openPlanTab', () => {
  it('selects the row a summary names, on its tab', () => {
    const { ws, addon } = plan();
    expect(sidebarCall(addon, 'openPlanTab', 'partners', 3)).toBe('Partners');
    expect(ws.sheets.activeSelection()).toEqual({ sheet: 'Partners', row: 3, numRows: 1 });
    // Summaries name tabs as they print them: "Outcomes row 2".
    sidebarCall(addon, 'openPlanTab', 'Partners', 2);
    expect(ws.sheets.activeSelection()).toEqual({ sheet: 'Partners', row: 2, numRows: 1 });
  });

  it('opens the tab only when no row is given or the row is past its end', () => {
    const { ws, addon } = plan();
    sidebarCall(addon, 'openPlanTab', 'partners', 99);
    expect(ws.sheets.spreadsheet.getActiveSheet().getName()).toBe('Partners');
    expect(ws.sheets.activeSelection()).toBeNull();
    sidebarCall(addon, 'openPlanTab', 'goals');
    expect(ws.sheets.spreadsheet.getActiveSheet().getName()).toBe('Goals');
    expect(ws.sheets.activeSelection()).toBeNull();
  });

  it('says in plain words when the tab is not there', () => {
    const { addon } = loadAddon();
    addon.open('FULL');
    expect(() => sidebarCall(addon, 'openPlanTab', 'partners', 2)).toThrow(
      'That tab is not in this spreadsheet (yet).',
    );
  });
});
