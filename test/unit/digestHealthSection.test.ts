// The weekly email's health check section: present in both parts exactly when given, escaped, and nothing else changes.
import fc from 'fast-check';
import { carriesLink } from '../../src/actions/digestHealthLink';
import { type DigestHealthInvite, LINK_IN_PREVIEW } from '../../src/domain/digest/healthSection';
import type { DigestItem, PartnerDigest } from '../../src/domain/digest/items';
import { escapeHtml, renderDigest } from '../../src/domain/digest/render';
import { localeDay } from '../../src/domain/time/localeDate';

const text = fc.string({ maxLength: 30 });

const item: fc.Arbitrary<DigestItem> = fc.record({
  id: fc.constantFrom('A1', 'S2', ''),
  key: fc.constantFrom('A1', 'S2', '~x'),
  kind: fc.constantFrom<'Activity' | 'Step'>('Activity', 'Step'),
  label: text,
  date: fc.constantFrom(null, '2027-03-05', '2026-12-31'),
  end: fc.constantFrom(null, '2027-03-05'),
  status: fc.constantFrom('', 'Planned', 'Done'),
  tab: fc.constantFrom('Calendar', 'Partnership'),
  row: fc.integer({ min: 2, max: 500 }),
});

const digest: fc.Arbitrary<PartnerDigest> = fc.record({
  due: fc.array(item, { maxLength: 3 }),
  overdue: fc.array(item, { maxLength: 3 }),
  changed: fc.array(item, { maxLength: 3 }),
  first: fc.boolean(),
});

const isoDay = fc
  .date({
    min: new Date(Date.UTC(2026, 0, 1)),
    max: new Date(Date.UTC(2030, 11, 31)),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

/** A prefilled form address (with & between parameters, as Google makes them) and a locale's date. */
const invite: fc.Arbitrary<DigestHealthInvite> = fc.record({
  round: fc.integer({ min: 1, max: 40 }).map((n) => `R${n}`),
  closes: fc
    .tuple(isoDay, fc.constantFrom('en_US', 'en_GB', 'de_DE', 'sv_SE', 'fr_CA'))
    .map(([iso, locale]) => localeDay(iso, locale)),
  // null: the preview, which shows where the link goes but nobody's code.
  link: fc.option(
    fc
      .string({ minLength: 8, maxLength: 16 })
      .map(
        (code) =>
          `https://docs.google.com/forms/d/e/1FAIpQLSe/viewform?usp=pp_url&entry.1=${encodeURIComponent(code)}`,
      ),
  ),
});

const reader = fc.record({ name: text, contact: text });
const context = fc.record({
  planName: text,
  coordinator: text,
  url: fc.constantFrom('', 'https://x.example/s'),
  locale: fc.constantFrom('en_US', 'en_GB', 'de_DE', 'sv_SE', 'fr_CA', ''),
});

describe('the health check section of the weekly email', () => {
  it('appears in both parts exactly when the reader has an invitation, with their link and the closing day', () => {
    fc.assert(
      fc.property(reader, digest, context, invite, (r, d, c, h) => {
        const without = renderDigest(r, d, c);
        const withLink = renderDigest(r, d, c, h);
        expect(without.text).not.toContain('Partnership health check:');
        expect(without.html).not.toContain('Open the health check');
        expect(withLink.text).toContain(`Your own link: ${h.link ?? LINK_IN_PREVIEW}`);
        expect(withLink.text).toContain(
          `Round ${h.round} of the partnership health check is open until ${h.closes}`,
        );
        if (h.link)
          expect(withLink.html).toContain(
            `<a href="${escapeHtml(h.link)}">Open the health check (your own link)</a>`,
          );
        else {
          expect(withLink.html).toContain(escapeHtml(LINK_IN_PREVIEW));
          expect(withLink.html).not.toContain('viewform');
        }
        expect(withLink.html).toContain(`until ${escapeHtml(h.closes)}`);
        // The rest of the email is unchanged: the section is only added.
        expect(withLink.subject).toBe(without.subject);
        const added = withLink.text
          .split('\n')
          .filter((l) => !without.text.split('\n').includes(l));
        expect(
          added.every((l) => /health check|Your own link|Your name and email|^$/.test(l)),
        ).toBe(true);
        expect(
          withLink.html.replace(/<h3>Partnership health check<\/h3>(<p>.*?<\/p>){3}/, ''),
        ).toBe(without.html);
      }),
    );
  });

  it('never says anything about other people or how many answered', () => {
    fc.assert(
      fc.property(reader, digest, context, invite, (r, d, c, h) => {
        const { text: body } = renderDigest(r, d, c, h);
        const section = body.slice(
          body.indexOf('Partnership health check:'),
          body.indexOf('Your own link:'),
        );
        expect(section).not.toMatch(/answered|\d+ of \d+|others/i);
      }),
    );
  });

  it('goes out only while the round is open, within its days and not turned off', () => {
    fc.assert(
      fc.property(
        isoDay,
        isoDay,
        isoDay,
        fc.boolean(),
        fc.constantFrom(undefined, true, false),
        (opens, closes, today, closed, inDigest) => {
          const round = {
            id: 'R1',
            formId: 'f',
            url: '',
            editUrl: '',
            sheetId: 1,
            opens,
            closes,
            closed,
            inDigest,
            invitations: [],
          };
          expect(carriesLink(round, today)).toBe(
            !closed && inDigest !== false && opens <= today && today <= closes,
          );
          expect(carriesLink(null, today)).toBe(false);
        },
      ),
    );
  });
});
