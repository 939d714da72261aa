// Malformed calls to every sidebar function, generated from its schemas: a plain answer, nothing written.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Addon } from '../../emulator/addon';
import type { Workspace } from '../../emulator/workspace';
import type { ServerFunctionName } from '../../sidebar/common/bridge';
import type { Schema } from '../../src/boundary/schema';
import { SIDEBAR_API } from '../../src/boundary/sidebarApi';
import { loadExamplePlan } from '../harness/logicFixture';

/** Compile-time (npm test type-checks): the bridge's type refuses menu and trigger functions. */
type NotCallable<K extends string> = K extends ServerFunctionName ? false : true;
type Assert<T extends true> = T;
type BridgeRefusesMenuAndTriggers = [
  Assert<NotCallable<'onOpen'>>,
  Assert<NotCallable<'checkAndRepairPlan'>>,
  Assert<NotCallable<'buildAssetMapFromMenu'>>,
  Assert<NotCallable<'syncCalendarHourly'>>,
  Assert<NotCallable<'syncCalendarAfterEdit'>>,
  Assert<NotCallable<'continueCalendarSync'>>,
];

/** A value the schema accepts: the base each malformed call changes one thing of. */
function sample(schema: Schema): unknown {
  switch (schema.kind) {
    case 'text':
      return 'x';
    case 'oneOf':
      return schema.options.find((o) => o !== '') ?? '';
    case 'flag':
      return false;
    case 'whole':
      return schema.min;
    case 'list':
      return [sample(schema.item)];
    case 'record':
      return Object.fromEntries(
        Object.entries(schema.fields)
          .filter(([, field]) => field.kind !== 'maybe')
          .map(([key, field]) => [key, sample(field)]),
      );
    case 'maybe':
      return sample(schema.inner);
  }
}

interface Bad {
  what: string;
  value: unknown;
}

/** Every way to get one value wrong: wrong type, unknown choice, too long, too many; fields too. */
function malformed(schema: Schema, where: string): Bad[] {
  const wrongTypes = (values: unknown[]) =>
    values.map((value) => ({ what: `${where} as ${JSON.stringify(value)}`, value }));
  switch (schema.kind) {
    case 'text':
      return [
        ...wrongTypes([42, true, ['x'], { text: 'x' }]),
        { what: `${where} too long`, value: 'x'.repeat(schema.max + 1) },
      ];
    case 'oneOf':
      return wrongTypes(['not one of the choices', 7, false]);
    case 'flag':
      return wrongTypes(['yes', 1, 'false']);
    case 'whole':
      // (NaN is not tried: google.script.run sends it as null, like JSON.)
      return wrongTypes(['3', 1.5, schema.min - 1, schema.max + 1]);
    case 'list': {
      const base = sample(schema) as unknown[];
      return [
        ...wrongTypes(['x', { 0: 'x' }]),
        {
          what: `${where} with too many items`,
          value: Array.from({ length: schema.maxItems + 1 }, () => base[0]),
        },
        ...malformed(schema.item, `${where}[0]`).map((bad) => ({ ...bad, value: [bad.value] })),
      ];
    }
    case 'record': {
      const base = sample(schema) as Record<string, unknown>;
      const out: Bad[] = wrongTypes(['x', ['x'], 0]);
      for (const [key, field] of Object.entries(schema.fields)) {
        if (field.kind !== 'maybe') {
          const { [key]: _dropped, ...rest } = base;
          out.push({ what: `${where}.${key} missing`, value: rest });
          out.push({ what: `${where}.${key} null`, value: { ...base, [key]: null } });
        }
        for (const bad of malformed(field, `${where}.${key}`))
          out.push({ ...bad, value: { ...base, [key]: bad.value } });
      }
      return out;
    }
    case 'maybe':
      return [...(schema.allowNull ? [] : wrongTypes([null])), ...malformed(schema.inner, where)];
  }
}

interface Call {
  name: string;
  what: string;
  args: unknown[];
}

function malformedCalls(): Call[] {
  const calls: Call[] = [];
  for (const [name, schemas] of Object.entries(SIDEBAR_API) as Array<[string, readonly Schema[]]>) {
    const base = schemas.map(sample);
    schemas.forEach((schema, i) => {
      if (schema.kind !== 'maybe')
        calls.push({ name, what: `argument ${i + 1} missing`, args: base.slice(0, i) });
      for (const bad of malformed(schema, `argument ${i + 1}`)) {
        const args = [...base];
        args[i] = bad.value;
        calls.push({ name, what: bad.what, args });
      }
    });
  }
  return calls;
}

const state = (ws: Workspace) => JSON.stringify(ws.toJSON());

function refusal(addon: Addon, call: Call): string {
  try {
    addon.runFromSidebar(call.name, ...call.args);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error(`${call.name} accepted ${call.what}`);
}

describe('the sidebar boundary', () => {
  const calls = malformedCalls();

  it('generates malformed calls for every sidebar function that takes input', () => {
    const covered = new Set(calls.map((c) => c.name));
    const withInput = Object.entries(SIDEBAR_API)
      .filter(([, schemas]) => schemas.length > 0)
      .map(([name]) => name);
    expect(withInput.length).toBeGreaterThanOrEqual(12);
    expect([...covered].sort()).toEqual(withInput.sort());
    expect(calls.length).toBeGreaterThan(300);
  });

  it('answers each malformed call with one plain sentence and writes nothing', () => {
    const { ws, addon } = loadExamplePlan();
    const before = state(ws);
    const answers = calls.map((call) => ({ call, message: refusal(addon, call) }));
    for (const { call, message } of answers) {
      const context = `${call.name} with ${call.what}: ${message}`;
      expect({ context, plain: /Nothing was changed\.$/.test(message) }).toEqual({
        context,
        plain: true,
      });
      expect({
        context,
        jargon: /TypeError|Cannot read|undefined|\bnull\b|NaN/.test(message),
      }).toEqual({ context, jargon: false });
    }
    expect(state(ws)).toBe(before);
  });

  it('names the field a call got wrong, in words', () => {
    const { addon } = loadExamplePlan();
    const say = (name: string, ...args: unknown[]) => refusal(addon, { name, what: '', args });
    expect(say('saveOutcome', { goalId: 'G1', outcome: 'x' })).toBe(
      'Term is missing. Nothing was changed.',
    );
    expect(
      say('addActivity', { goalId: 'G1', outcomeId: '', title: 'x', startDate: 20270913 }),
    ).toBe('Start date must be text, not a number. Nothing was changed.');
    expect(
      say('setUpPlan', { name: 'P', partners: [{ organisation: 'A' }, { type: 'School' }] }),
    ).toBe('Partner 2: organisation is missing. Nothing was changed.');
    expect(say('openPlanTab', 'goals', 0)).toBe(
      'Row must be between 1 and 10,000,000. Nothing was changed.',
    );
    expect(say('saveGoalDetails', { goalId: 'G1', problem: 'x'.repeat(50_001) })).toBe(
      'Problem is too long: 50,001 characters, at most 50,000. Nothing was changed.',
    );
  });

  it('lists exactly the functions the sidebars call, none of the menu or trigger functions', () => {
    const root = join(__dirname, '../../sidebar');
    const called = new Set<string>();
    for (const folder of readdirSync(root)) {
      for (const file of readdirSync(join(root, folder)).filter((f) => f.endsWith('.ts'))) {
        const code = readFileSync(join(root, folder, file), 'utf8');
        for (const m of code.matchAll(/callServer\(\s*'(\w+)'/g)) called.add(m[1]);
      }
    }
    // Checked by the compiler: the tuple type has `true` only while none of these is callable.
    const refused: BridgeRefusesMenuAndTriggers = [true, true, true, true, true, true];
    expect(refused).not.toContain(false);
    const listed = Object.keys(SIDEBAR_API);
    // repairPlan is the set-up sidebar's server half of the menu's repair (kept callable for it).
    expect(listed.filter((n) => !called.has(n))).toEqual(['repairPlan']);
    expect([...called].filter((n) => !listed.includes(n))).toEqual([]);
    const exports: string[] = JSON.parse(
      readFileSync(join(__dirname, '../../dist/exports.json'), 'utf8'),
    );
    expect(listed.filter((n) => !exports.includes(n))).toEqual([]);
    for (const menuOrTrigger of [
      'onOpen',
      'onInstall',
      'checkAndRepairPlan',
      'buildAssetMapFromMenu',
      'syncCalendarNow',
      'syncCalendarAfterEdit',
      'syncCalendarHourly',
      'continueCalendarSync',
    ])
      expect(listed).not.toContain(menuOrTrigger);
  });
});
