// The weekly email's HTML in real Chromium at a phone's width (375 px): nothing wider than the screen.
import type { Browser } from 'playwright-core';
import type { DigestItem, PartnerDigest } from '../../src/domain/digest/items';
import { renderDigest } from '../../src/domain/digest/render';
import { launchChromium } from '../harness/browser';

jest.setTimeout(60_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** What partners type: long unbroken words, a pasted link, a long organisation name. */
const LONG_WORDS = [
  'Reading night',
  'https://riverside-library.example.org/events/2027/spring/reading-night-registration-form?ref=weekly',
  'Supercalifragilisticexpialidocious-vocabulary-workshop-for-families-and-caregivers',
  `${'Book fair '.repeat(30).trim()}`,
];

const item = (label: string, i: number): DigestItem => ({
  id: `A${i}`,
  key: `A${i}`,
  kind: 'Activity',
  label,
  date: '2027-03-05',
  end: '2027-03-05',
  status: 'Planned',
  tab: 'Calendar',
  row: i + 2,
});

const digest = (first: boolean): PartnerDigest => {
  const items = LONG_WORDS.map(item);
  return { due: items, overdue: items.slice(1), changed: items, first };
};

describe('the weekly email on a phone', () => {
  it.each([
    [true, false],
    [false, false],
    [false, true],
  ])(
    'keeps every element within 375 px, the plan link included (first email: %s, health check link: %s)',
    async (first, health) => {
      const { html } = renderDigest(
        {
          name: 'Riverside Community Schools Partnership Family Literacy Coalition',
          contact: 'Ana Ruiz',
        },
        digest(first),
        {
          planName: 'Riverside Community Schools Partnership 2027–2028',
          coordinator: 'Maya Lopez',
          // A real spreadsheet address is one long word: 44-character ID, then the edit path.
          url: `https://docs.google.com/spreadsheets/d/${'1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdE'}/edit#gid=0`,
          locale: 'en_GB',
        },
        health
          ? {
              round: 'R12',
              closes: '15/03/2027',
              // A prefilled form address is one long word too.
              link: `https://docs.google.com/forms/d/e/${'1FAIpQLSf'.repeat(6)}/viewform?usp=pp_url&entry.1234567890=${'a1b2c3d4'.repeat(2)}`,
            }
          : null,
      );
      const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
      // As a mail app shows it: the email's own HTML in a page with the reader's default margins.
      await page.setContent(`<!DOCTYPE html><html><body>${html}</body></html>`);
      const overflow = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const wide = Array.from(document.body.querySelectorAll('*'))
          .filter((e) => e.getBoundingClientRect().right > width + 0.5)
          .map((e) => `${e.tagName}: ${(e.textContent ?? '').slice(0, 40)}`);
        return { width, scroll: document.documentElement.scrollWidth, wide };
      });
      await page.close();
      expect(overflow.wide).toEqual([]);
      expect(overflow.scroll).toBeLessThanOrEqual(overflow.width);
      expect(html).toContain('>Open the plan</a>');
      expect(html.includes('Open the health check (your own link)')).toBe(health);
    },
  );
});
