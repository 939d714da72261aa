// Utilities emulator: formatDate with real IANA zones (Java SimpleDateFormat patterns), UUIDs, sleep.
import { randomUUID } from 'node:crypto';
import { DAY_NAMES, MONTH_NAMES } from '../englishNames';
import { isDate, type Runtime } from '../runtime';
import { javaZoneRules } from '../time/javaZoneIds';
import { isZoneId, offsetAt, wallAt, wallFields } from '../time/zoneModel';

const pad = (n: number, w: number) => String(Math.abs(n)).padStart(w, '0');

/**
 * Formats like `Utilities.formatDate(date, timeZone, pattern)` (V: Java SimpleDateFormat
 * patterns). Supports y M d E H h k m s S a Z X z and quoted literals. An unknown zone throws here;
 * the service decides between that and GMT (the workspace's `unknownZone` option, (I)).
 */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const ms = date.getTime();
  const wall = wallAt(ms, timeZone);
  const w = wallFields(wall);
  const weekday = new Date(wall).getUTCDay();
  // Java's zone offsets print in whole minutes: an LMT offset's seconds are dropped (truncated).
  const off = Math.trunc(offsetAt(ms, timeZone) / 60_000);
  const sign = off < 0 ? '-' : '+';
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      out += pattern.slice(i + 1, end === -1 ? undefined : end);
      i = end === -1 ? pattern.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i += 1;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n += 1;
    i += n;
    switch (ch) {
      case 'y':
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case 'M':
        out +=
          n >= 4
            ? MONTH_NAMES[w.month - 1]
            : n === 3
              ? MONTH_NAMES[w.month - 1].slice(0, 3)
              : pad(w.month, n);
        break;
      case 'd':
        out += pad(w.day, n);
        break;
      case 'E':
        out += n >= 4 ? DAY_NAMES[weekday] : DAY_NAMES[weekday].slice(0, 3);
        break;
      case 'u':
        out += String(weekday === 0 ? 7 : weekday);
        break;
      case 'H':
        out += pad(w.hour, n);
        break;
      case 'k':
        out += pad(w.hour === 0 ? 24 : w.hour, n);
        break;
      case 'h':
        out += pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
        break;
      case 'm':
        out += pad(w.minute, n);
        break;
      case 's':
        out += pad(w.second, n);
        break;
      case 'S':
        out += pad(((ms % 1000) + 1000) % 1000, Math.max(n, 3)).slice(0, n);
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'Z':
        out += `${sign}${pad(Math.floor(Math.abs(off) / 60), 2)}${pad(Math.abs(off) % 60, 2)}`;
        break;
      case 'X':
        out +=
          off === 0
            ? 'Z'
            : n === 1
              ? `${sign}${pad(Math.floor(Math.abs(off) / 60), 2)}`
              : `${sign}${pad(Math.floor(Math.abs(off) / 60), 2)}${n >= 3 ? ':' : ''}${pad(Math.abs(off) % 60, 2)}`;
        break;
      case 'z':
        out += `GMT${sign}${pad(Math.floor(Math.abs(off) / 60), 2)}:${pad(Math.abs(off) % 60, 2)}`;
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

class FakeBlob {
  constructor(
    private data: string,
    private contentType: string,
    private name: string,
  ) {}
  getDataAsString(): string {
    return this.data;
  }
  getContentType(): string {
    return this.contentType;
  }
  getName(): string {
    return this.name;
  }
  setName(name: string): FakeBlob {
    this.name = name;
    return this;
  }
  setContentType(type: string): FakeBlob {
    this.contentType = type;
    return this;
  }
}

export class UtilitiesEmulator {
  private uuidCounter = 0;
  /** Tests can ask for predictable ids (`00000000-0000-4000-8000-000000000001`, ...). */
  deterministicUuids = false;
  readonly app: Record<string, unknown>;

  constructor(runtime: Runtime) {
    this.app = {
      formatDate: (date: Date, timeZone: string, pattern: string) => {
        runtime.call('Utilities.formatDate', 'other');
        if (!isDate(date)) throw new Error('Cannot find method formatDate(string,string,string).');
        // Java's three-letter ids keep Java's meaning (V): "PST" follows summer time, "EST" does not.
        const rules = javaZoneRules(String(timeZone));
        // An id Java does not know: GMT, as Java's TimeZone.getTimeZone gives, or a throw (I).
        const known = isZoneId(rules);
        if (!known && runtime.ambiguities.unknownZone === 'gmt') {
          return formatDate(date, 'GMT', pattern);
        }
        return formatDate(date, rules, pattern);
      },
      getUuid: () => {
        runtime.call('Utilities.getUuid', 'other');
        if (!this.deterministicUuids) return randomUUID();
        this.uuidCounter += 1;
        return `00000000-0000-4000-8000-${String(this.uuidCounter).padStart(12, '0')}`;
      },
      sleep: (ms: number) => {
        runtime.call('Utilities.sleep', 'other');
        runtime.advance(ms);
      },
      newBlob: (data: string, contentType = 'text/plain', name = '') => {
        runtime.call('Utilities.newBlob', 'other');
        return new FakeBlob(String(data), contentType, name);
      },
      base64Encode: (s: string) => Buffer.from(String(s), 'utf8').toString('base64'),
      base64Decode: (s: string) => [...Buffer.from(String(s), 'base64')],
      formatString: (template: string, ...args: unknown[]) => {
        let k = 0;
        return template.replace(/%[sd]/g, () => String(args[k++]));
      },
      Charset: { UTF_8: 'UTF_8', US_ASCII: 'US_ASCII' },
    };
  }
}
