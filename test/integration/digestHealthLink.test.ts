// The weekly email carries the open health check round's personal link through the bundle: approved contacts who have not answered, only while the round is open.
import type { Addon } from '../../emulator/addon';
import type { Workspace } from '../../emulator/workspace';
import { LINK_IN_PREVIEW } from '../../src/domain/digest/healthSection';
import { CODE_QUESTION, STATEMENTS } from '../../src/domain/health/questions';
import type { DigestPreview } from '../../src/shared/digestWire';
import { seeded } from '../harness/seeded';
import { sidebarCall } from '../harness/sidebarCall';
import { type Cells, syncFixture } from '../harness/syncFixture';

const COORDINATOR = 'coordinator@example.org';
const DAY = 86_400_000;
const SECTION = 'Partnership health check';
const LINK = /https:\S+viewform\?\S+/;

/** Four partners, three approved: the fourth (Food Bank) waits for approval. */
const PARTNERS: Cells[] = [
  { organisation: 'Library', email: 'ben@library.example.org', contact: 'Ben' },
  { organisation: 'Clinic', email: 'nurse@clinic.example.org' },
  { organisation: 'Youth Club', email: 'lead@youth.example.org' },
  { organisation: 'Food Bank', email: 'hello@food.example.org' },
];
const APPROVED = PARTNERS.slice(0, 3).map((p) => p.email as string);

function plan(locale?: string) {
  const fixture = syncFixture({ partners: PARTNERS, calendar: { owner: COORDINATOR } });
  if (locale) fixture.ws.sheets.app.getActiveSpreadsheet().setSpreadsheetLocale(locale);
  sidebarCall(fixture.addon, 'approvePeople', APPROVED);
  return fixture;
}

const preview = (addon: Addon) => addon.runFromSidebar('getDigestPreview') as DigestPreview;

/** A day later on the virtual clock, with the weekly email's daily trigger run as its owner. */
function nextDay(ws: Workspace, addon: Addon, days = 1): void {
  ws.runtime.advance(days * DAY);
  addon.runDueTriggers();
}

/** The health check link in the latest mail to `email`, or null when it carries none. */
function linkIn(ws: Workspace, email: string): string | null {
  const mail = ws.mail.inboxOf(email).at(-1);
  if (!mail) return null;
  const inText = mail.body.includes(SECTION) ? (LINK.exec(mail.body)?.[0] ?? null) : null;
  // The HTML part carries the same link, or none, as the plain-text part.
  const inHtml = mail.htmlBody?.includes(SECTION) ?? false;
  expect(inHtml).toBe(inText !== null);
  if (inText) expect(mail.htmlBody).toContain(`href="${inText.replace(/&/g, '&amp;')}"`);
  return inText;
}

function answer(ws: Workspace, link: string, seed: number): void {
  const rnd = seeded(seed);
  const prefilled = ws.forms.prefilled(link);
  ws.forms.submit(prefilled.formId, {
    ...prefilled.answers,
    ...Object.fromEntries(STATEMENTS.map((s) => [s.text, 1 + Math.floor(rnd() * 5)])),
  });
}

describe('the weekly email while a health check round is open', () => {
  it('carries the link to exactly the approved contacts who have not answered, and none after the round closes', () => {
    const { ws, addon } = plan('en_GB');
    sidebarCall(addon, 'openHealthRound', { closes: '2027-03-15' });
    const round = sidebarCall(addon, 'getHealthCheck').rounds[0];
    expect(round.inDigest).toBe(true);
    expect(sidebarCall(addon, 'getHealthCheck').weeklyEmailOn).toBe(false);
    sidebarCall(addon, 'setDigestEnabled', { enabled: true });
    expect(sidebarCall(addon, 'getHealthCheck').weeklyEmailOn).toBe(true);
    nextDay(ws, addon);
    const links = new Map(APPROVED.map((e) => [e, linkIn(ws, e)]));
    for (const e of APPROVED) expect(links.get(e)).toMatch(LINK);
    expect(ws.mail.inboxOf('hello@food.example.org')).toEqual([]);
    // Each link is that person's own (its own code), and the date is the sheet locale's (en_GB).
    expect(new Set(links.values()).size).toBe(3);
    for (const e of APPROVED)
      expect(ws.forms.prefilled(links.get(e)!).answers[CODE_QUESTION]).toMatch(/\w{8,}/);
    expect(ws.mail.inboxOf(APPROVED[0])[0].body).toContain('open until 15/03/2027');
    // Those emails count as invitations: the sidebar says 3 invited, the Send button reminds later.
    expect(sidebarCall(addon, 'getHealthCheck').rounds[0]).toMatchObject({
      invited: 3,
      answered: 0,
    });
    expect(sidebarCall(addon, 'sendHealthLinks').message).toMatch(/No mail sent/);

    // The Library's contact answers through the weekly email's link.
    answer(ws, links.get(APPROVED[0])!, 1);
    expect(sidebarCall(addon, 'getHealthCheck').rounds[0]).toMatchObject({ answered: 1 });
    // The preview, which any editor may open, does not tell: it shows the section to everyone.
    for (const e of preview(addon).emails) expect(e.text).toContain(SECTION);
    nextDay(ws, addon, 7);
    expect(linkIn(ws, APPROVED[0])).toBeNull();
    // The others get the same personal link again, and nothing about who answered.
    for (const e of APPROVED.slice(1)) expect(linkIn(ws, e)).toBe(links.get(e));
    for (const m of ws.mail.sent) {
      expect(m.body).not.toMatch(/answered|\d+ of \d+/i);
      for (const other of PARTNERS)
        if (!m.to.includes(other.email as string)) expect(m.body).not.toContain(other.email);
    }

    // A week on, the closing day has passed: no section even before the round is closed.
    nextDay(ws, addon, 7);
    expect(ws.mail.inboxOf(APPROVED[1])).toHaveLength(3);
    for (const e of APPROVED) expect(linkIn(ws, e)).toBeNull();
  });

  it('stops once the coordinator closes the round or turns the link off, and the preview shows it', () => {
    const { ws, addon } = plan();
    sidebarCall(addon, 'openHealthRound', { closes: '2027-04-30' });
    sidebarCall(addon, 'setDigestEnabled', { enabled: true });
    const shown = preview(addon).emails;
    expect(shown.map((e) => e.to).sort()).toEqual([...APPROVED].sort());
    for (const e of shown) {
      expect(e.text).toContain(SECTION);
      expect(e.html).toContain(`Open the health check: ${LINK_IN_PREVIEW}`);
    }
    // Any editor may open the preview: it shows no one's code (which would let one partner answer
    // in another's name), only where the link goes; the email carries each person's own.
    for (const e of shown) {
      expect(e.text).toContain(LINK_IN_PREVIEW);
      expect(e.text).not.toMatch(/viewform/);
    }
    nextDay(ws, addon);
    const sent = APPROVED.map((e) => linkIn(ws, e));
    expect(sent.every((l) => l !== null)).toBe(true);
    expect(new Set(sent).size).toBe(APPROVED.length);

    const off = sidebarCall(addon, 'setHealthLinkInDigest', { enabled: false });
    expect(off.rounds[0].inDigest).toBe(false);
    expect(off.message).toMatch(/no longer carries/);
    for (const e of preview(addon).emails) expect(e.text).not.toContain(SECTION);
    sidebarCall(addon, 'setHealthLinkInDigest', { enabled: true });
    expect(preview(addon).emails.every((e) => e.text.includes(SECTION))).toBe(true);

    sidebarCall(addon, 'closeHealthRound');
    expect(sidebarCall(addon, 'getHealthCheck').rounds[0].inDigest).toBe(false);
    for (const e of preview(addon).emails) expect(e.text).not.toContain(SECTION);
    nextDay(ws, addon, 7);
    for (const e of APPROVED) expect(linkIn(ws, e)).toBeNull();
  });

  it('keeps within the mail quota: only those actually mailed count as invited', () => {
    const { ws, addon } = plan();
    sidebarCall(addon, 'openHealthRound', { closes: '2027-04-30' });
    ws.mail.dailyQuota.set(COORDINATOR, 2);
    sidebarCall(addon, 'setDigestEnabled', { enabled: true });
    nextDay(ws, addon);
    expect(ws.mail.sent).toHaveLength(2);
    expect(ws.mail.sent.every((m) => m.body.includes(SECTION))).toBe(true);
    expect(sidebarCall(addon, 'getHealthCheck').rounds[0]).toMatchObject({ invited: 2 });
    expect(preview(addon).lastRun).toMatch(/1 partner wait/);
    nextDay(ws, addon);
    expect(ws.mail.sent).toHaveLength(3);
    expect(linkIn(ws, ws.mail.sent[2].to[0])).toMatch(LINK);
    expect(sidebarCall(addon, 'getHealthCheck').rounds[0]).toMatchObject({ invited: 3 });
  });
});
