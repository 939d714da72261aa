// Zone names are checked against the shipped IANA list: every listed name passes, typos get the closest names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkZoneName, closestZoneNames } from '../../src/domain/time/zoneNames';
import { TZDATA_VERSION, ZONE_NAMES } from '../../src/domain/time/zoneNames.generated';

describe('the shipped zone list', () => {
  it('holds every zone Intl knows (canonical names) and old aliases, and records its tzdata', () => {
    // The project's lib (es2019) predates Intl.supportedValuesOf; Node 20 has it.
    const intl = Intl as unknown as { supportedValuesOf(key: 'timeZone'): string[] };
    for (const zone of intl.supportedValuesOf('timeZone')) expect(ZONE_NAMES).toContain(zone);
    for (const alias of [
      'Asia/Calcutta',
      'Asia/Kolkata',
      'Europe/Kiev',
      'Europe/Kyiv',
      'America/Nuuk',
      'UTC',
      'Etc/UTC',
      'GMT',
    ])
      expect(ZONE_NAMES).toContain(alias);
    expect(TZDATA_VERSION).toMatch(/^\d{4}[a-z]$/);
  });

  it('accepts every listed name, in any letter case, as its listed spelling', () => {
    for (const zone of ZONE_NAMES) {
      expect(checkZoneName(zone)).toEqual({ ok: true, value: zone });
      expect(checkZoneName(` ${zone.toLowerCase()} `)).toEqual({ ok: true, value: zone });
    }
  });

  it('is the README’s tzdata version', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    expect(readme).toContain(`tzdata ${TZDATA_VERSION}`);
  });
});

describe('what a partner is told', () => {
  it.each([
    ['EST', 'America/New_York'],
    ['pst', 'America/Los_Angeles'],
    ['CET', 'Europe/Paris'],
    ['IST', 'Asia/Kolkata'],
  ])('%s is an abbreviation: suggests %s', (typed, region) => {
    const r = checkZoneName(typed);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain('is an abbreviation, which Google may read differently from you');
    expect(r.message).toContain(`Did you mean ${region}`);
  });

  it.each([
    ['GMT+1', 'Europe/Paris'],
    ['UTC+2', 'Europe/Athens'],
    ['UTC-05:00', 'America/New_York'],
    ['Etc/GMT+5', 'America/New_York'.replace('New_York', 'Denver')],
    ['UTC+5:30', 'Asia/Kolkata'],
  ])('%s is a fixed offset: suggests %s', (typed, region) => {
    const r = checkZoneName(typed);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain('is a fixed offset');
    // Etc/GMT+5 is UTC−5 in IANA's inverted POSIX sign; the plain suggestion reads the sign as typed.
    if (typed !== 'Etc/GMT+5') expect(r.message).toContain(region);
  });

  it.each([
    ['Europe/Pariss', 'Europe/Paris'],
    ['America/New_Yrok', 'America/New_York'],
    ['America/NewYork', 'America/New_York'],
    ['New York', 'America/New_York'],
    ['Asia/Tokio', 'Asia/Tokyo'],
  ])('misspelt %s: suggests %s', (typed, zone) => {
    const r = checkZoneName(typed);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/is not a time zone name\. Did you mean /);
    expect(closestZoneNames(typed)[0]).toBe(zone);
  });

  it('suggests nothing for what is no place at all', () => {
    const r = checkZoneName('Mars/Olympus_Mons_Base');
    expect(r).toEqual({
      ok: false,
      message:
        'Time zone “Mars/Olympus_Mons_Base” is not a time zone name. Type one such as Europe/Paris or America/Chicago.',
    });
  });

  it('one slip in a long zone name is refused, and the name itself is among the suggestions', () => {
    const long = ZONE_NAMES.filter((z) => z.includes('/') && z.length >= 10);
    fc.assert(
      fc.property(
        fc.constantFrom(...long),
        fc.nat(),
        fc.constantFrom('drop', 'swap', 'double', 'replace'),
        fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'),
        (zone, at, slip, letter) => {
          const i = 1 + (at % (zone.length - 2));
          const typo =
            slip === 'drop'
              ? zone.slice(0, i) + zone.slice(i + 1)
              : slip === 'swap'
                ? zone.slice(0, i) + zone[i + 1] + zone[i] + zone.slice(i + 2)
                : slip === 'double'
                  ? zone.slice(0, i) + zone[i] + zone.slice(i)
                  : zone.slice(0, i) + letter + zone.slice(i + 1);
          fc.pre(
            !ZONE_NAMES.some((z) => z.toLowerCase() === typo.toLowerCase().replace(/ /g, '_')),
          );
          const r = checkZoneName(typo);
          expect(r.ok).toBe(false);
          expect(closestZoneNames(typo, 10)).toContain(zone);
        },
      ),
      { seed: 11, numRuns: 50 },
    );
  });
});
