// Zone tables kept across runs: a later run answers from the store with no formatDate call, and as the emulator's formatDate does.
import fc from 'fast-check';
import { formatDate } from '../../emulator/services/utilities';
import { wallAt } from '../../emulator/time/zoneModel';
import { cachedZoneTables, utilitiesZoneOracle } from '../../src/adapters/zoneOracle';
import {
  yearTableOracle,
  type ZoneTableStore,
  zoneTableKey,
} from '../../src/domain/time/yearTableOracle';
import { wallAsUtc } from '../../src/domain/time/zones';

/** Zones east and west, north and south, half-hour shifts, no daylight time, Ramadan suspensions. */
const ZONES = [
  'America/Chicago',
  'America/St_Johns',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Paris',
  'Africa/Casablanca',
  'Asia/Kolkata',
  'Asia/Tehran',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
  'Pacific/Kiritimati',
  'Etc/UTC',
];

const HOUR = 3_600_000;

function mapStore(): ZoneTableStore & { data: Map<string, string>; reads: number } {
  const data = new Map<string, string>();
  const store = {
    data,
    reads: 0,
    get(key: string) {
      store.reads += 1;
      return data.get(key) ?? null;
    },
    put(key: string, value: string) {
      data.set(key, value);
    },
  };
  return store;
}

/** Instants spread over 2020–2035, some on the hour of a likely change, and time-only cells of 1899. */
const instant = fc.oneof(
  fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) }),
  fc
    .tuple(fc.integer({ min: 2020, max: 2035 }), fc.integer({ min: 0, max: 365 * 24 }))
    .map(([y, h]) => Date.UTC(y, 0, 1) + h * HOUR),
  fc.integer({ min: 0, max: 24 * 60 - 1 }).map((m) => Date.UTC(1899, 11, 30, 0, m)),
);

describe('zone tables kept in a store between runs', () => {
  it('answer as the emulator formats, in every zone and across daylight-time changes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.array(instant, { minLength: 1, maxLength: 40 }),
        (zone, instants) => {
          const store = mapStore();
          let calls = 0;
          const counted = (d: Date, z: string, p: string) => {
            calls += 1;
            return formatDate(d, z, p);
          };
          const first = yearTableOracle(utilitiesZoneOracle(counted), store);
          for (const t of instants)
            expect(wallAsUtc(first(t, zone))).toBe(wallAt(Math.floor(t / 1000) * 1000, zone));
          // A later run (a new oracle, as each execution makes) reads what the first one worked out.
          const before = calls;
          const later = yearTableOracle(utilitiesZoneOracle(counted), store);
          for (const t of instants) expect(later(t, zone)).toEqual(first(t, zone));
          expect(calls).toBe(before);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reads each zone-year once per run, and a damaged entry is worked out again', () => {
    const store = mapStore();
    const zone = 'Europe/Paris';
    const oracle = yearTableOracle(utilitiesZoneOracle(formatDate), store);
    const summer = Date.UTC(2027, 6, 1, 12);
    oracle(summer, zone);
    oracle(summer + HOUR, zone);
    expect(store.reads).toBe(1);
    store.data.set(zoneTableKey(zone, 2027), '[{"from":"x"}]');
    let calls = 0;
    const again = yearTableOracle(
      utilitiesZoneOracle((d, z, p) => {
        calls += 1;
        return formatDate(d, z, p);
      }),
      store,
    );
    expect(wallAsUtc(again(summer, zone))).toBe(wallAt(summer, zone));
    expect(calls).toBeGreaterThan(0);
    expect(JSON.parse(store.data.get(zoneTableKey(zone, 2027)) ?? 'null')).toEqual(
      expect.arrayContaining([expect.objectContaining({ offsetMs: 2 * HOUR })]),
    );
  });

  it('still answers when the document cache refuses to keep a table', () => {
    const refusing = {
      get: () => null,
      put: () => {
        throw new Error('Argument too large: value');
      },
    };
    const oracle = yearTableOracle(utilitiesZoneOracle(formatDate), cachedZoneTables(refusing));
    const winter = Date.UTC(2027, 0, 15, 12);
    expect(wallAsUtc(oracle(winter, 'America/Chicago'))).toBe(wallAt(winter, 'America/Chicago'));
    expect(cachedZoneTables(null)).toBeNull();
  });
});
