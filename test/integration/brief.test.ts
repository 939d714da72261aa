// Partner briefs through the built bundle: one tab per partner with what is theirs, rebuilt in place.
import { createExampleWorkspace } from '../../emulator/example/seed';
import { sidebarCall } from '../harness/sidebarCall';
import { runAmbiguities } from '../harness/workspace';

function example() {
  return createExampleWorkspace({
    virtualClock: true,
    startTime: Date.UTC(2027, 7, 1, 14),
    ambiguities: runAmbiguities(),
  });
}

const text = (table: unknown[][]) => table.map((r) => r.join(' | ')).join('\n');

describe('partner briefs', () => {
  it('writes one tab per partner, with its goals, what it brings, its activities, open items and contacts', () => {
    const addon = example();
    const ws = addon.workspace;
    const summary = sidebarCall(addon, 'buildPartnerBriefs', null);
    const partners = ws.sheets
      .table('Partners')
      .slice(1)
      .filter((r) => r[1]);
    expect(summary.tabs.map((t) => t.partner)).toEqual(partners.map((r) => r[1]));
    expect(summary.message).toBe(
      '9 briefs written, one tab per partner (File › Download › PDF prints each on one page).',
    );
    const library = text(ws.sheets.table('Brief · Riverside Public Library'));
    expect(library).toContain('Partner brief · Riverside Public Library');
    expect(library).toContain(
      'G1 · Every child reads at grade level by the end of grade 3 (High priority).',
    );
    expect(library).toContain('Asset: Reading room and children’s librarians after school');
    // Dates as the spreadsheet's locale (en_US) writes them.
    expect(library).toContain('10/1/2027: Library card sign-up day (you lead)');
    expect(library).toContain('Agreement ended 4/15/2027: time to renew it');
    expect(library).toContain('Your contact | Ana Ruiz · aruiz@rpl.example.org');
    // Another partner's activities and assets are not in this brief.
    expect(library).not.toContain('YMCA homework club');
  });

  it('rebuilds one partner’s brief in place, found by its tag after a rename', () => {
    const addon = example();
    const ws = addon.workspace;
    const first = sidebarCall(addon, 'buildPartnerBriefs', 'P7');
    expect(first.tabs).toEqual([
      { partnerId: 'P7', partner: 'Riverside YMCA', tab: 'Brief · Riverside YMCA' },
    ]);
    ws.sheets.spreadsheet.getSheetByName('Brief · Riverside YMCA')?.setName('YMCA handout');
    const again = sidebarCall(addon, 'buildPartnerBriefs', 'p7');
    expect(again.tabs[0].tab).toBe('YMCA handout');
    expect(
      ws.sheets.spreadsheet.getSheets().filter((s) => s.getName().startsWith('Brief ·')),
    ).toHaveLength(0);
  });

  it('cuts a partner’s very long text and long lists so the brief stays one page', () => {
    const addon = example();
    const ws = addon.workspace;
    const [headers] = ws.sheets.table('Partners');
    addon.userEdit(
      'Partners',
      3,
      headers.indexOf('Responsibilities') + 1,
      'Runs things. '.repeat(200),
    );
    sidebarCall(addon, 'buildPartnerBriefs', 'P2');
    const lines = ws.sheets.table('Brief · Riverside Public Library').map((r) => String(r[1]));
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(280);
    expect(lines.some((l) => /^… and \d+ more on the Calendar tab\.$/.test(l))).toBe(true);
  });

  it('says so when the partner is gone', () => {
    const addon = example();
    expect(() => sidebarCall(addon, 'buildPartnerBriefs', 'P99')).toThrow(
      'Partner P99 is no longer on the Partners tab.',
    );
  });
});

describe('drafts in partner briefs', () => {
  it('lists the drafts a partner leads among its open items: the add-on’s own gap drafts included', () => {
    const addon = example();
    const ws = addon.workspace;
    const [headers, ...rows] = ws.sheets.table('Calendar');
    const col = (name: string) => headers.indexOf(name);
    const draft = rows.findIndex((r) => r[col('Status')] !== 'Draft' && r[col('Lead partner')]);
    const lead = String(rows[draft][col('Lead partner')]);
    const title = String(rows[draft][col('Title')]);
    addon.userEdit('Calendar', draft + 2, col('Status') + 1, 'Draft');
    sidebarCall(addon, 'buildPartnerBriefs', null);
    const brief = text(ws.sheets.table(`Brief · ${lead}`));
    const open = brief.slice(brief.indexOf('Open items'), brief.indexOf('Contacts'));
    expect(open).toContain(`Draft “${title}”: give it a date and set its status to Planned`);
    expect(open).not.toContain('Nothing open.');
  });
});
