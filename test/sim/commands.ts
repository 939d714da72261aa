// The simulator's steps (fast-check commands): partner edits, coordinator runs, Google-side changes and faults.
import fc from 'fast-check';
import type { SyncReport } from '../../src/domain/calendarSync/report';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import { concurrencyCommands } from './concurrencyCommands';
import { handoverCommands } from './handoverCommands';
import {
  AFTER_COMPLETE_SYNC,
  ALWAYS,
  liveOwnedIds,
  planBefore,
  planKept,
  repairSaysWhatWasLost,
  tabLossRemovesNothing,
} from './invariants';
import { newYearCommands } from './newYearCommands';
import { planCommands } from './planCommands';
import { raceCommands } from './raceCommands';
import { type Cmd, check, type Model, named, pickRow } from './step';

export type { Model } from './step';

import {
  calTab,
  columnOfKey,
  hasTab,
  newWorld,
  ownedEvents,
  rowCount,
  tabJson,
  tabName,
  typedCells,
  type World,
} from './world';

/** Values partners type, valid and not, per column. */
const TYPED: Record<string, fc.Arbitrary<string>> = {
  title: fc.oneof(
    fc.constantFrom('Reading tutoring', 'Family fair', '=1+1', '<b>bold</b>', '', '  '),
    fc.string({ maxLength: 12 }),
    fc.constant('x'.repeat(2000)),
  ),
  type: fc.constantFrom('Event', 'Meeting', 'Capacity building', 'Party', ''),
  startDate: fc.constantFrom(
    '2027-03-10',
    '2027-03-14',
    '3/20/2027',
    'March 22, 2027',
    '2027-02-30',
    'soon',
    '',
    '=TODAY()',
  ),
  endDate: fc.constantFrom('2027-03-11', '2027-03-01', 'next week', ''),
  startTime: fc.constantFrom('09:00', '15:30', '3pm', '25:00', '', 'noon'),
  endTime: fc.constantFrom('10:00', '08:00', '4:30 PM', 'late', ''),
  allDay: fc.constantFrom('TRUE', 'FALSE', ''),
  recurrence: fc.constantFrom(
    'Weekly, 10 times',
    'Monthly until 2027-06-30',
    'Daily, 3 times',
    'every blue moon',
    '',
  ),
  timeZone: fc.constantFrom(
    'America/New_York',
    'Europe/London',
    'Asia/Kolkata',
    'Mars/Olympus',
    '',
  ),
  location: fc.constantFrom('Room 12', '<script>alert(1)</script>', ''),
  lead: fc.constantFrom(
    'Riverside Public Library',
    'nobody@outside.example.com',
    'Unknown org',
    '',
  ),
  // Outside emails typed among the participants wait for the coordinator's approval (issue 10):
  // onlyApprovedGuests checks that none of them is invited before it.
  participants: fc.constantFrom(
    'Eastside Health Clinic, State University Tutoring',
    'x@evil.example.com',
    'Eastside Health Clinic, LEE@univ.example.edu, x@evil.example.com',
    '',
  ),
  status: fc.constantFrom('Draft', 'Planned', 'Confirmed', 'Done', 'Cancelled', 'Maybe', ''),
  output: fc.constantFrom('50 families', ''),
};
const EDITABLE = Object.keys(TYPED);

export class PartnerTypes implements Cmd {
  constructor(
    readonly at: number,
    readonly key: string,
    readonly value: string,
  ) {}
  check = () => true;
  run(_m: Model, w: World): void {
    const row =
      rowCount(w) === 0
        ? 2
        : Math.min(rowCount(w) + 1, 2 + Math.floor(this.at * (rowCount(w) + 1)));
    const col = columnOfKey(w, this.key);
    if (col === null) return;
    w.log.push(`type ${JSON.stringify(this.value.slice(0, 40))} in ${this.key} row ${row}`);
    w.addon.userEdit(calTab(w), row, col, this.value);
    check(w, ALWAYS);
  }
  toString = () => `new PartnerTypes(${this.at}, '${this.key}', ${JSON.stringify(this.value)})`;
}

/** A whole activity a partner pastes below the last row: mostly valid, so the sync has events to own. */
export class PasteActivity implements Cmd {
  constructor(readonly cells: Record<string, string>) {}
  check = () => true;
  run(_m: Model, w: World): void {
    if (columnOfKey(w, 'title') === null) return;
    const row = rowCount(w) + 2;
    w.log.push(`paste activity ${JSON.stringify(this.cells)} at row ${row}`);
    const headers = w.ws.sheets.table(calTab(w))[0];
    const values = headers.map((h) => {
      const key = CALENDAR_TAB.columns.find((c) => c.header === h)?.key;
      return key && key in this.cells ? this.cells[key] : '';
    });
    w.ws.sheets.userPasteValues(calTab(w), row, 1, [values]);
    check(w, ALWAYS);
  }
  toString = () => `new PasteActivity(${JSON.stringify(this.cells)})`;
}

const validActivity = fc.record({
  title: fc.constantFrom('Reading tutoring', 'Family fair', 'Partners’ meeting', 'Book swap'),
  startDate: fc.constantFrom('2027-03-10', '2027-03-14', '2027-04-02'),
  startTime: fc.constantFrom('09:00', '15:30', ''),
  endTime: fc.constantFrom('10:00', '17:00', ''),
  recurrence: fc.constantFrom('', '', 'Weekly, 4 times', 'Monthly until 2027-06-30'),
  timeZone: fc.constantFrom(
    '',
    'America/New_York',
    'Europe/London',
    'Asia/Kolkata',
    'Australia/Lord_Howe',
  ),
  status: fc.constantFrom('Planned', 'Confirmed', 'Draft', 'Cancelled', ''),
  lead: fc.constantFrom('Riverside Public Library', ''),
});

export class CopyRow implements Cmd {
  constructor(readonly at: number) {}
  check = () => true;
  run(_m: Model, w: World): void {
    const from = pickRow(w, this.at);
    if (from === null) return;
    const to = rowCount(w) + 2;
    w.log.push(`copy row ${from} to ${to}`);
    w.ws.sheets.userCopyRow(calTab(w), from, to);
    check(w, ALWAYS);
  }
  toString = () => `new CopyRow(${this.at})`;
}

export class SortTab implements Cmd {
  constructor(
    readonly key: string,
    readonly ascending: boolean,
  ) {}
  check = () => true;
  run(_m: Model, w: World): void {
    const col = columnOfKey(w, this.key);
    if (rowCount(w) < 2 || col === null) return;
    w.log.push(`sort by ${this.key} ${this.ascending ? 'A→Z' : 'Z→A'}`);
    w.ws.sheets.userSortRows(calTab(w), col, this.ascending, 1);
    check(w, ALWAYS);
  }
  toString = () => `new SortTab('${this.key}', ${this.ascending})`;
}

export class DeleteRow implements Cmd {
  constructor(readonly at: number) {}
  check = () => true;
  run(_m: Model, w: World): void {
    const row = pickRow(w, this.at);
    if (row === null) return;
    w.log.push(`delete row ${row}`);
    w.ws.sheets.userDeleteRows(calTab(w), row);
    check(w, ALWAYS);
  }
  toString = () => `new DeleteRow(${this.at})`;
}

export class ClearRow implements Cmd {
  constructor(readonly at: number) {}
  check = () => true;
  run(_m: Model, w: World): void {
    const row = pickRow(w, this.at);
    if (row === null) return;
    w.log.push(`clear the typed cells of row ${row}`);
    for (const key of EDITABLE) {
      const col = columnOfKey(w, key);
      if (col !== null) w.addon.userEdit(calTab(w), row, col, '');
    }
    check(w, ALWAYS);
  }
  toString = () => `new ClearRow(${this.at})`;
}

export class AddActivity implements Cmd {
  constructor(
    readonly title: string,
    readonly startDate: string,
  ) {}
  check = () => true;
  run(_m: Model, w: World): void {
    w.log.push(`add activity “${this.title}” on ${this.startDate} from the sidebar`);
    const before = typedCells(w).length;
    try {
      w.addon.runFromSidebar('addActivity', {
        goalId: '',
        outcomeId: '',
        title: this.title,
        startDate: this.startDate,
      });
    } catch {
      // A refusal is an answer; the check below proves it wrote nothing.
    }
    const after = typedCells(w).length;
    if (after < before) throw new Error('Adding an activity lost a row');
    check(w, ALWAYS);
  }
  toString = () =>
    `new AddActivity(${JSON.stringify(this.title)}, ${JSON.stringify(this.startDate)})`;
}

export class AddPartner implements Cmd {
  constructor(
    readonly organisation: string,
    readonly email: string,
    readonly invite: boolean,
  ) {}
  check = () => true;
  run(_m: Model, w: World): void {
    w.log.push(`add partner ${this.organisation} <${this.email}> invite=${this.invite}`);
    try {
      w.addon.runFromSidebar('addPartner', {
        organisation: this.organisation,
        email: this.email,
        invite: this.invite,
      });
    } catch {
      // A refused partner (duplicate, bad email) is an answer, not a defect.
    }
    check(w, ALWAYS);
  }
  toString = () =>
    `new AddPartner(${JSON.stringify(this.organisation)}, ${JSON.stringify(this.email)}, ${this.invite})`;
}

/** A partner retypes an email or ticks/unticks Invite on the Partners tab. */
export class PartnerEditsPartner implements Cmd {
  constructor(
    readonly at: number,
    readonly header: string,
    readonly value: string,
  ) {}
  check = () => true;
  run(_m: Model, w: World): void {
    if (!hasTab(w, tabName(w, 'Partners'))) return;
    const table = w.ws.sheets.table(tabName(w, 'Partners'));
    if (table.length < 2) return;
    const row = 2 + Math.floor(this.at * (table.length - 1));
    const col = table[0].findIndex((h) => String(h).startsWith(this.header)) + 1;
    if (col === 0) return;
    w.log.push(`on Partners, type ${JSON.stringify(this.value)} in ${this.header} row ${row}`);
    w.addon.userEdit(tabName(w, 'Partners'), row, col, this.value);
    check(w, ALWAYS);
  }
  toString = () =>
    `new PartnerEditsPartner(${this.at}, '${this.header}', ${JSON.stringify(this.value)})`;
}

/** The coordinator approves one waiting address (or all) in the calendar sidebar, or takes one back. */
export class CoordinatorApproves implements Cmd {
  constructor(
    readonly at: number,
    readonly what: 'one' | 'all' | 'unapprove',
  ) {}
  check = () => true;
  run(_m: Model, w: World): void {
    const state = w.addon.runFromSidebar('getApprovals') as {
      waiting: Array<{ email: string }>;
      approved: Array<{ email: string }>;
    };
    const list = this.what === 'unapprove' ? state.approved : state.waiting;
    if (list.length === 0) return;
    const picked =
      this.what === 'all'
        ? list.map((p) => p.email)
        : [list[Math.floor(this.at * list.length)].email];
    w.log.push(
      `coordinator ${this.what === 'unapprove' ? 'takes back' : 'approves'} ${picked.join(', ')}`,
    );
    w.addon.runFromSidebar(this.what === 'unapprove' ? 'unapprovePeople' : 'approvePeople', picked);
    check(w, ALWAYS);
  }
  toString = () => `new CoordinatorApproves(${this.at}, '${this.what}')`;
}

export class CalendarSettings implements Cmd {
  constructor(
    readonly share: boolean,
    readonly invite: boolean,
    readonly send: boolean,
  ) {}
  check = () => true;
  run(_m: Model, w: World): void {
    w.log.push(`calendar settings: share=${this.share} invite=${this.invite} send=${this.send}`);
    w.addon.runFromSidebar('saveCalendarChoice', {
      mode: 'new',
      calendarId: null,
      shareWithPartners: this.share,
      invitePartners: this.invite,
      sendInvites: this.send,
    });
    check(w, ALWAYS);
  }
  toString = () => `new CalendarSettings(${this.share}, ${this.invite}, ${this.send})`;
}

export class Sync implements Cmd {
  check = () => true;
  run(_m: Model, w: World): void {
    w.log.push(w.faultArmed ? 'sync (a fault is armed)' : 'sync');
    const before = planBefore(w);
    // Another execution may hold the document lock during this run only (a staged fault).
    const release = w.lockHeldBy ? w.ws.locks.holdDocumentLock(w.lockHeldBy) : null;
    let report: SyncReport | null;
    try {
      report = runSync(w);
    } finally {
      release?.();
      w.lockHeldBy = null;
      // Slow Calendar calls (the 6-minute limit) last for the first run only.
      for (const m of w.slowMethods) w.ws.runtime.setLatency(m, 0);
      w.slowMethods = [];
    }
    // A run that stopped part-way continues by trigger: let time pass until it finishes.
    for (let i = 0; i < 5 && (report === null || !report.complete); i += 1) {
      w.ws.runtime.advance(61_000);
      const live = liveOwnedIds(w);
      w.addon.runDueTriggers();
      named(w, 'tabLossRemovesNothing', () => tabLossRemovesNothing(w, live));
      report = runSync(w);
    }
    w.faultArmed = false;
    planKept(w, before);
    check(w, ALWAYS);
    if (report?.complete) check(w, AFTER_COMPLETE_SYNC);
  }
  toString = () => 'new Sync()';
}

function runSync(w: World): SyncReport | null {
  const live = liveOwnedIds(w);
  const first = runOnce(w, () => w.addon.run('syncCalendar') as SyncReport);
  // Checked outside runOnce: a failed invariant is never mistaken for a refused run.
  named(w, 'tabLossRemovesNothing', () => tabLossRemovesNothing(w, live));
  if (first === null || first.heldBackDeletions === 0) return first;
  // The coordinator confirms removals the sync held back, with the count it showed.
  w.log.push(`confirm removing ${first.heldBackDeletions} events`);
  const confirmed = runOnce(
    w,
    () => w.addon.run('syncCalendar', first.heldBackDeletions) as SyncReport,
  );
  w.eventsAtTabLoss.clear();
  return confirmed;
}

/** One sync call: its report, or null when an armed fault or a broken tab made it refuse. */
function runOnce(w: World, call: () => SyncReport): SyncReport | null {
  try {
    const report = call();
    w.lastReport = report;
    return report;
  } catch (e) {
    // Faults armed by the simulator may surface as a thrown error, and a tab whose columns a
    // partner broke may be refused with a message until repair; anything else is a defect.
    if (!w.faultArmed && !w.structureChanged) throw e;
    w.faultArmed = false;
    return null;
  }
}

export class PreviewSync implements Cmd {
  check = () => true;
  run(_m: Model, w: World): void {
    w.log.push('preview the sync');
    const events = JSON.stringify(w.ws.calendar.liveEvents(w.calendarId));
    const cells = tabJson(w, calTab(w));
    w.ws.runtime.resetCounts();
    try {
      w.addon.runFromSidebar('previewSync');
    } catch (e) {
      // A plan whose Calendar tab or columns a partner broke is refused in words until repair.
      if (!w.structureChanged) throw e;
    }
    if (JSON.stringify(w.ws.calendar.liveEvents(w.calendarId)) !== events)
      throw new Error(
        `Invariant previewWritesNothing failed after: ${w.log.join(' → ')}\ncalendar changed`,
      );
    if (tabJson(w, calTab(w)) !== cells)
      throw new Error(
        `Invariant previewWritesNothing failed after: ${w.log.join(' → ')}\ntab changed`,
      );
    check(w, ALWAYS);
  }
  toString = () => 'new PreviewSync()';
}

export class Repair implements Cmd {
  check = () => true;
  run(_m: Model, w: World): void {
    w.log.push('set-up › repair');
    const before = planBefore(w);
    const summary = w.addon.runFromSidebar('repairPlan') as { warnings: string[] };
    w.structureChanged = false;
    named(w, 'repairSaysWhatWasLost', () => repairSaysWhatWasLost(w, summary.warnings));
    planKept(w, before);
    check(w, ALWAYS);
  }
  toString = () => 'new Repair()';
}

export class GoogleDeletesEvent implements Cmd {
  constructor(readonly at: number) {}
  check = () => true;
  run(_m: Model, w: World): void {
    const owned = ownedEvents(w);
    if (owned.length === 0) return;
    const e = owned[Math.floor(this.at * owned.length)];
    w.log.push(`someone deletes “${e.title}” in Google Calendar`);
    w.ws.calendar.userDeletesEvent(w.calendarId, e.id);
    check(w, ALWAYS);
  }
  toString = () => `new GoogleDeletesEvent(${this.at})`;
}

export class GoogleMovesEvent implements Cmd {
  constructor(
    readonly at: number,
    readonly days: number,
  ) {}
  check = () => true;
  run(_m: Model, w: World): void {
    const owned = ownedEvents(w).filter((e) => !e.allDay && e.recurrence.length === 0);
    if (owned.length === 0) return;
    const e = owned[Math.floor(this.at * owned.length)];
    const shift = this.days * 86_400_000;
    w.log.push(`someone moves “${e.title}” by ${this.days} days in Google Calendar`);
    w.ws.calendar.userEditsEvent(w.calendarId, e.id, {
      start: new Date((e.start as Date).getTime() + shift),
      end: new Date((e.end as Date).getTime() + shift),
    });
    check(w, ALWAYS);
  }
  toString = () => `new GoogleMovesEvent(${this.at}, ${this.days})`;
}

export class QuotaFault implements Cmd {
  constructor(
    readonly method: string,
    readonly atCall: number,
    /** The call takes effect, then the error comes back (a lost answer). */
    readonly afterEffect = false,
  ) {}
  check = () => true;
  run(_m: Model, w: World): void {
    w.log.push(
      `arm: the ${this.atCall}th ${this.method} fails with a quota error${this.afterEffect ? ' after it took effect' : ''}`,
    );
    w.ws.runtime.clearFaults();
    if (this.afterEffect) w.ws.runtime.failAfter(this.method, this.atCall, 'Rate Limit Exceeded');
    else w.ws.runtime.failAt(this.method, this.atCall, 'Calendar usage limits exceeded.');
    w.faultArmed = true;
  }
  toString = () =>
    `new QuotaFault('${this.method}', ${this.atCall}${this.afterEffect ? ', true' : ''})`;
}

const frac = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

/** Every step the simulator may take, weighted toward partner edits and syncs. */
export const commands: Array<fc.Arbitrary<Cmd>> = [
  fc
    .tuple(frac, fc.constantFrom(...EDITABLE))
    .chain(([at, key]) => TYPED[key].map((v) => new PartnerTypes(at, key, v))),
  fc
    .tuple(frac, fc.constantFrom(...EDITABLE))
    .chain(([at, key]) => TYPED[key].map((v) => new PartnerTypes(at, key, v))),
  validActivity.map((cells) => new PasteActivity(cells)),
  validActivity.map((cells) => new PasteActivity(cells)),
  frac.map((at) => new CopyRow(at)),
  fc
    .tuple(fc.constantFrom('title', 'startDate', 'status'), fc.boolean())
    .map(([k, a]) => new SortTab(k, a)),
  frac.map((at) => new DeleteRow(at)),
  frac.map((at) => new ClearRow(at)),
  fc
    .tuple(
      fc.constantFrom('Book swap', 'Parent night', ''),
      fc.constantFrom('2027-03-12', '', 'someday'),
    )
    .map(([t, d]) => new AddActivity(t, d)),
  fc.constant(new Sync()),
  fc.constant(new Sync()),
  fc
    .tuple(
      fc.constantFrom('Corner Bookshop', 'Riverside Public Library', '<i>Club</i>'),
      fc.constantFrom('shop@corner.example.org', 'not an email', '', 'ANA@library.example.org'),
      fc.boolean(),
    )
    .map(([o, e, i]) => new AddPartner(o, e, i)),
  fc
    .tuple(
      frac,
      fc.constantFrom('Email', 'Invite'),
      fc.constantFrom('stranger@outside.example.com', 'TRUE', 'FALSE', '', 'lee@univ.example.edu'),
    )
    .map(([at, h, v]) => new PartnerEditsPartner(at, h, v)),
  fc
    .tuple(fc.boolean(), fc.boolean(), fc.boolean())
    .map(([a, b, c]) => new CalendarSettings(a, b, c)),
  fc
    .tuple(frac, fc.constantFrom('one', 'all', 'unapprove' as const))
    .map(([at, what]) => new CoordinatorApproves(at, what)),
  fc.constant(new PreviewSync()),
  fc.constant(new Repair()),
  frac.map((at) => new GoogleDeletesEvent(at)),
  fc.tuple(frac, fc.integer({ min: -3, max: 3 })).map(([at, d]) => new GoogleMovesEvent(at, d)),
  fc
    .tuple(
      fc.constantFrom('Calendar.Events.insert', 'Calendar.Events.patch', 'Calendar.Events.remove'),
      fc.integer({ min: 1, max: 3 }),
      fc.boolean(),
    )
    .map(([m, n, after]) => new QuotaFault(m, n, after)),
  ...planCommands,
  ...concurrencyCommands,
  ...raceCommands,
  ...handoverCommands,
  ...newYearCommands,
];

/** Runs steps in order on a fresh world, then a final sync: how a regression test replays a fuzz find. */
export function replay(steps: Cmd[]): World {
  const w = newWorld();
  for (const step of steps) step.run({ steps: 0 }, w);
  new Sync().run({ steps: 0 }, w);
  return w;
}

/** The property: any sequence of steps keeps every invariant. */
export function simulatorProperty(maxCommands = 25, onSequence?: () => void) {
  return fc.property(fc.commands(commands, { maxCommands, size: 'max' }), (cmds) => {
    onSequence?.();
    const w = newWorld();
    fc.modelRun(() => ({ model: { steps: 0 }, real: w }), cmds);
    // End every sequence with a sync so the sync invariants are checked at least once.
    new Sync().run({ steps: 0 }, w);
  });
}
