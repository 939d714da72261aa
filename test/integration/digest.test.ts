// The weekly partner digest through the bundle: exactly the approved, opted-in partners, within the mail quota, escaped.
import type { Addon } from '../../emulator/addon';
import type { Workspace } from '../../emulator/workspace';
import { CALENDAR_TAB, PARTNERS_TAB } from '../../src/domain/schema/tabs';
import { localeDay } from '../../src/domain/time/localeDate';
import type { DigestPreview } from '../../src/shared/digestWire';
import { seeded } from '../harness/seeded';
import { appendRows, type Cells, syncFixture } from '../harness/syncFixture';

const COORDINATOR = 'coordinator@example.org';
const EDITOR = 'ben@school.example.org';
const DAY = 86_400_000;

/** The spreadsheet opened today is 1 March 2027 in New York (TEST_START): these are due, overdue. */
const SOON = '2027-03-05';
const PAST = '2027-02-20';

function plan(partners: Cells[], activities: Cells[] = []) {
  const fixture = syncFixture({ partners });
  if (activities.length) appendRows(fixture.ws, CALENDAR_TAB, activities);
  return fixture;
}

const approve = (addon: Addon, emails: string[]) =>
  emails.length ? addon.runFromSidebar('approvePeople', emails) : undefined;
const enable = (addon: Addon, enabled = true) =>
  addon.runFromSidebar('setDigestEnabled', { enabled }) as DigestPreview;
const preview = (addon: Addon) => addon.runFromSidebar('getDigestPreview') as DigestPreview;

/** A day later on the virtual clock, with the time-driven triggers that fell due run as their owners. */
function nextDay(ws: Workspace, addon: Addon, days = 1): string[] {
  ws.runtime.advance(days * DAY);
  return addon.runDueTriggers();
}

/** A day as the email writes it: the spreadsheet locale's short date, escaped for a RegExp. */
const dayShown = (iso: string, locale = 'en_US') =>
  localeDay(iso, locale).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const sentTo = (ws: Workspace) => ws.mail.sent.flatMap((m) => m.to).sort();

describe('the partner digest', () => {
  it('is off by default: no trigger, no mail, whoever runs the handlers', () => {
    const { ws, addon } = plan(
      [{ organisation: 'Library', email: 'lib@example.org' }],
      [{ title: 'Reading night', startDate: SOON, lead: 'Library', status: 'Planned' }],
    );
    approve(addon, ['lib@example.org']);
    expect(preview(addon).enabled).toBe(false);
    addon.runFromSidebar('setAutoSync', { afterEdits: false, hourly: true });
    addon.run('sendPartnerDigest_');
    nextDay(ws, addon, 8);
    expect(ws.mail.sent).toEqual([]);
    expect(ws.script.toJSON().map((t) => t.handler)).not.toContain('sendPartnerDigest_');
  });

  it('goes to exactly the approved, opted-in partners with a valid address (random mixes)', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const rnd = seeded(seed);
      const partners: Cells[] = [];
      const approved: string[] = [];
      const expected: string[] = [];
      const n = 1 + Math.floor(rnd() * 8);
      for (let i = 0; i < n; i++) {
        const address = `p${i}.s${seed}@Partner${i % 3}.example.org`;
        const kind = rnd();
        const typed =
          kind < 0.1
            ? ''
            : kind < 0.2
              ? `p${i} at example`
              : rnd() < 0.5
                ? ` ${address} `
                : address;
        const isApproved = rnd() < 0.6;
        const optedOut = rnd() < 0.3;
        partners.push({
          organisation: `Partner ${i} <b>&</b>`,
          email: typed,
          digestOptOut: optedOut ? 'TRUE' : rnd() < 0.5 ? 'FALSE' : '',
        });
        const valid = typed !== '' && typed.includes('@');
        if (isApproved && valid) approved.push(address.toUpperCase());
        if (isApproved && valid && !optedOut) expected.push(address.toLowerCase());
      }
      // An unapproved address that is also a participant is still never mailed.
      const { ws, addon } = plan(partners, [
        {
          title: 'Meeting',
          startDate: SOON,
          participants: partners.map((p) => p.email).join(', '),
        },
      ]);
      approve(addon, approved);
      const shown = enable(addon);
      expect(shown.emails.map((e) => e.to).sort()).toEqual([...expected].sort());
      expect(shown.leftOut).toHaveLength(n - expected.length);
      nextDay(ws, addon);
      expect({ seed, sent: sentTo(ws) }).toEqual({ seed, sent: [...expected].sort() });
      expect(ws.mail.sent.every((m) => m.from === COORDINATOR)).toBe(true);
    }
  });

  it('sends within the daily quota, reports the rest, and sends nobody twice on the next runs', () => {
    const partners = Array.from({ length: 5 }, (_, i) => ({
      organisation: `Partner ${i}`,
      email: `p${i}@example.org`,
    }));
    const { ws, addon } = plan(partners);
    approve(
      addon,
      partners.map((p) => p.email),
    );
    ws.mail.dailyQuota.set(COORDINATOR, 2);
    enable(addon);
    expect(preview(addon).quota).toBe(2);
    nextDay(ws, addon);
    expect(ws.mail.sent).toHaveLength(2);
    const after = preview(addon);
    expect(after.lastRun).toContain(
      '3 partners wait: this account’s daily email allowance is used up. Google gives it back 24 hours after the day’s first email',
    );
    expect(after.emails.filter((e) => e.sentThisWeek)).toHaveLength(2);
    const [, ...log] = ws.sheets.table('Sync Log');
    expect(log.filter((r) => r[1] === 'Weekly email' && r[2] === 'Not sent')).toHaveLength(3);
    nextDay(ws, addon);
    nextDay(ws, addon);
    nextDay(ws, addon);
    expect(sentTo(ws)).toEqual(partners.map((p) => p.email).sort());
    // The next week's round starts once a week has passed since the first.
    ws.mail.dailyQuota.set(COORDINATOR, 100);
    nextDay(ws, addon, 4);
    expect(ws.mail.sent).toHaveLength(10);
    for (const p of partners) expect(ws.mail.inboxOf(p.email)).toHaveLength(2);
  });

  it('escapes what partners typed in the HTML and keeps it whole in the plain text', () => {
    const name = '<script>alert(1)</script> & "Friends" of O\'Neil';
    const title = 'Tea & <b>cakes</b> "quoted"';
    const { ws, addon } = plan(
      [{ organisation: name, email: 'friends@example.org' }],
      [
        { title, startDate: SOON, lead: name, status: 'Planned' },
        { title: 'Report <img src=x onerror=alert(2)>', startDate: PAST, lead: name },
      ],
    );
    approve(addon, ['friends@example.org']);
    enable(addon);
    nextDay(ws, addon);
    const [mail] = ws.mail.sent;
    expect(mail.htmlBody).not.toMatch(/<script|<b>|<img/);
    expect(mail.htmlBody).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Friends&quot;',
    );
    expect(mail.htmlBody).toContain('Tea &amp; &lt;b&gt;cakes&lt;/b&gt; &quot;quoted&quot;');
    expect(mail.body).toContain(title);
    expect(mail.body).toContain('Report <img src=x onerror=alert(2)>');
    expect(mail.body).toMatch(new RegExp(`Overdue:\n- ${dayShown(PAST)}: Report`));
    expect(mail.body).toMatch(new RegExp(`Due in the next two weeks:\n- ${dayShown(SOON)}: Tea`));
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.replyTo).toBe(COORDINATOR);
  });

  it('tells each partner what changed since last week', () => {
    const { ws, addon } = plan(
      [{ organisation: 'Library', email: 'lib@example.org' }],
      [
        { id: 'A1', title: 'Reading night', startDate: SOON, lead: 'Library', status: 'Planned' },
        { id: 'A2', title: 'Book fair', startDate: '2027-04-10', lead: 'Library' },
      ],
    );
    approve(addon, ['lib@example.org']);
    enable(addon);
    nextDay(ws, addon);
    // The first email has no earlier week: it never says "nothing changed", it lists what is theirs.
    expect(ws.mail.sent[0].body).not.toContain('changed since last week');
    expect(ws.mail.sent[0].body).toMatch(
      new RegExp(
        `Yours in the plan:\nThis is the first weekly email[^\n]*\n- ${dayShown(SOON)}: Reading night \\(Planned\\)[^\n]*\n- ${dayShown('2027-04-10')}: Book fair`,
      ),
    );
    const row = 3; // A2, below the header and A1
    const column = CALENDAR_TAB.columns.findIndex((c) => c.key === 'startDate') + 1;
    ws.sheets.userEdit(CALENDAR_TAB.name, row, column, '2027-04-17');
    nextDay(ws, addon, 7);
    expect(ws.mail.sent).toHaveLength(2);
    expect(ws.mail.sent[1].body).toMatch(
      new RegExp(`Changed since last week:\n- ${dayShown('2027-04-17')}: Book fair`),
    );
  });

  it('greets the contact by name and finds changes in a plan that never syncs (activities without IDs)', () => {
    const { ws, addon } = plan(
      [{ organisation: 'Library', contact: 'Ana Ruiz', email: 'lib@example.org' }],
      [
        { title: 'Reading night', startDate: SOON, lead: 'library', status: 'Planned' },
        { title: 'Book fair', startDate: '2027-04-10', lead: 'Library ' },
        { title: 'Story hour', startDate: '2027-05-02', participants: 'Library' },
      ],
    );
    approve(addon, ['lib@example.org']);
    enable(addon);
    nextDay(ws, addon);
    const idColumn = CALENDAR_TAB.columns.findIndex((c) => c.key === 'id');
    expect(
      ws.sheets
        .table(CALENDAR_TAB.name)
        .slice(1, 4)
        .map((r) => r[idColumn]),
    ).toEqual(['', '', '']);
    const [first] = ws.mail.sent;
    expect(first.body).toMatch(/^Hello Ana Ruiz, here is this week in .* for Library\./);
    expect(first.subject).toMatch(/\(1 item due soon\)$/);
    const column = CALENDAR_TAB.columns.findIndex((c) => c.key === 'startDate') + 1;
    ws.sheets.userEdit(CALENDAR_TAB.name, 3, column, '2027-04-17');
    nextDay(ws, addon, 7);
    const second = ws.mail.sent[1].body;
    expect(second).toMatch(
      new RegExp(`Changed since last week:\n- ${dayShown('2027-04-17')}: Book fair[^\n]*\n\n`),
    );
    expect(second).not.toContain('Story hour');
    expect(ws.mail.sent[1].subject).toMatch(/, 1 change\)$/);
    nextDay(ws, addon, 7);
    expect(ws.mail.sent[2].body).toContain('Nothing of yours changed since last week.');
  });

  it('is true about changes in a plan repaired every week but never synced (en_GB)', () => {
    const { ws, addon } = plan(
      [{ organisation: 'Library', contact: 'Ana Ruiz', email: 'lib@example.org' }],
      [
        { title: 'Reading night', startDate: SOON, lead: 'Library', status: 'Planned' },
        { title: 'Book fair', startDate: '2027-04-10', lead: 'Library' },
        { title: 'Story hour', startDate: '2027-05-02', participants: 'Library' },
      ],
    );
    ws.sheets.spreadsheet.setSpreadsheetLocale('en_GB');
    const repair = () => addon.run('repairPlan');
    /** The lines under "Changed since last week" of the n-th email. */
    const changed = (n: number) =>
      (/Changed since last week:\n([\s\S]*?)\n\n/.exec(ws.mail.sent[n].body)?.[1] ?? '')
        .split('\n')
        .filter(Boolean);
    repair();
    approve(addon, ['lib@example.org']);
    enable(addon);
    nextDay(ws, addon);
    // The first email lists everything of theirs still open, each date as the sheet writes it.
    const first = ws.mail.sent[0].body;
    for (const [title, day] of [
      ['Reading night', SOON],
      ['Book fair', '2027-04-10'],
      ['Story hour', '2027-05-02'],
    ])
      expect(first).toMatch(new RegExp(`\n- ${dayShown(day, 'en_GB')}: ${title}`));
    // A week later, one row retitled (and the repair run again): that row is "changed", once,
    // by its new title; the rows nobody touched are not.
    const title = CALENDAR_TAB.columns.findIndex((c) => c.key === 'title') + 1;
    ws.sheets.userEdit(CALENDAR_TAB.name, 3, title, 'Spring book fair');
    repair();
    nextDay(ws, addon, 7);
    expect(changed(1)).toHaveLength(1);
    expect(changed(1)[0]).toMatch(
      new RegExp(
        `^- ${dayShown('2027-04-10', 'en_GB')}: Spring book fair( \\(\\w+\\))? — .*, row 3$`,
      ),
    );
    expect(ws.mail.sent[1].subject).toMatch(/, 1 change\)$/);
    // A week with no edits: nothing changed, and the email says so.
    repair();
    nextDay(ws, addon, 7);
    expect(ws.mail.sent[2].body).toContain('Nothing of yours changed since last week.');
  });

  it('lets only the settings owner turn it on or off', () => {
    const { ws, addon } = plan([{ organisation: 'Library', email: 'lib@example.org' }]);
    const doc = ws.currentSpreadsheetId;
    ws.sheets.book.state.editors.push(EDITOR);
    addon.runFromSidebar('setAutoSync', { afterEdits: true, hourly: false });
    const asEditor = (enabled: boolean) =>
      ws.as(EDITOR, doc, () => addon.runFromSidebar('setDigestEnabled', { enabled }));
    expect(() => asEditor(true)).toThrow(/Only coordinator@example.org can change/);
    expect(ws.as(EDITOR, doc, () => preview(addon)).canChange).toBe(false);
    expect(preview(addon).enabled).toBe(false);
    enable(addon);
    expect(() => asEditor(false)).toThrow(/Only coordinator@example.org can change/);
    expect(preview(addon).enabled).toBe(true);
    expect(
      ws.script
        .toJSON()
        .filter((t) => t.handler === 'sendPartnerDigest_')
        .map((t) => t.owner),
    ).toEqual([COORDINATOR]);
  });

  it('sends nothing from a trigger whose owner does not own the settings', () => {
    const { ws, addon } = plan(
      [{ organisation: 'Library', email: 'lib@example.org' }],
      [{ title: 'Reading night', startDate: SOON, lead: 'Library' }],
    );
    const doc = ws.currentSpreadsheetId;
    approve(addon, ['lib@example.org']);
    enable(addon);
    // A trigger an editor left behind runs with the editor's authority (V): it must not send.
    ws.as(EDITOR, doc, () => addon.run('sendPartnerDigest_'), EDITOR);
    expect(ws.mail.sent).toEqual([]);
    expect(ws.logs.join('\n')).toContain('The weekly email did nothing');
    addon.run('sendPartnerDigest_');
    expect(sentTo(ws)).toEqual(['lib@example.org']);
  });

  it('shares the plan’s one time-driven trigger with the hourly sync', () => {
    const { ws, addon } = plan(
      [{ organisation: 'Library', email: 'lib@example.org' }],
      [{ title: 'Reading night', startDate: SOON, lead: 'Library' }],
    );
    approve(addon, ['lib@example.org']);
    enable(addon);
    addon.runFromSidebar('setAutoSync', { afterEdits: false, hourly: true });
    const handlers = () =>
      ws.script
        .toJSON()
        .map((t) => t.handler)
        .sort();
    expect(handlers()).toEqual(['syncCalendarHourly_']);
    nextDay(ws, addon);
    expect(sentTo(ws)).toEqual(['lib@example.org']);
    // The hourly sync off, the after-edit one on: the digest gets its daily check back.
    addon.runFromSidebar('setAutoSync', { afterEdits: true, hourly: false });
    expect(handlers()).toEqual(['sendPartnerDigest_', 'syncCalendarAfterEdit_']);
    // Both off gives the settings up: nothing is left running as this account, mail included (issue 25).
    addon.runFromSidebar('setAutoSync', { afterEdits: false, hourly: false });
    expect(handlers()).toEqual([]);
    expect(preview(addon).enabled).toBe(false);
  });

  it('gives a plan made before the digest the opt-out column on repair, unticked', () => {
    const { ws, addon } = plan([]);
    addon.runFromSidebar('setUpPlan', {
      name: 'Riverside Community Schools Partnership',
      calendar: { mode: 'none' },
    });
    addon.runFromSidebar('addPartner', { organisation: 'Library', email: 'lib@example.org' });
    const partners = ws.sheets.app.getActiveSpreadsheet().getSheetByName(PARTNERS_TAB.name);
    const headers = () => ws.sheets.table(PARTNERS_TAB.name)[0];
    const at = headers().indexOf('No weekly email');
    expect(at).toBeGreaterThan(0);
    // As a version-1 plan: no opt-out column, schema version 1.
    partners?.deleteColumn(at + 1);
    ws.sheets.app
      .getActiveSpreadsheet()
      .createDeveloperMetadataFinder()
      .withKey('sharedWorkPlan.schemaVersion')
      .find()[0]
      .setValue('1');
    expect(headers()).not.toContain('No weekly email');
    addon.runFromSidebar('repairPlan');
    expect(headers()).toContain('No weekly email');
    enable(addon);
    expect(preview(addon).emails.map((e) => e.to)).toEqual(['lib@example.org']);
  });
});
