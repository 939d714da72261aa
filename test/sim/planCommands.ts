// More simulator steps: partners on every tab and its columns, the coordinator's builds and exports, more faults, a second user.
import fc from 'fast-check';
import { CALENDAR_TAB, USER_TABS } from '../../src/domain/schema/tabs';
import {
  ALWAYS,
  coordinatorState,
  generatedTabMatchesFreshBuild,
  onlyCoordinatorApproves,
  planBefore,
  planKept,
  rememberApproved,
} from './invariants';
import { type Cmd, check, fail, type Model, named } from './step';
import {
  calTab,
  FIRST_COORDINATOR,
  hasTab,
  NEXT_COORDINATOR,
  ownedEvents,
  tabJson,
  tabName,
  type World,
} from './world';

/** Tabs partners type in besides Calendar (the Calendar has its own, column-aware steps). */
const OTHER_TABS = ['Partners', 'Goals', 'Outcomes', 'Assessments', 'Progress', 'Partnership'];

/** Values partners type anywhere: valid and not, links, emails, formulas, HTML, long text, blanks, boxes. */
const ANY_VALUE = fc.oneof(
  fc.constantFrom(
    'Reading for all',
    'G1',
    'G1 · Reading for all',
    'G9',
    'O1',
    'O2 · More readers',
    'F1',
    'Short term',
    'High',
    'Asset',
    'Need',
    'Organisational',
    '2027-03-10',
    '45%',
    'TRUE',
    'FALSE',
    '',
    '=1+1',
    '<b>bold</b>',
    'x@evil.example.com',
    'Riverside Public Library',
  ),
  fc.string({ maxLength: 10 }),
  fc.constant('y'.repeat(3000)),
);

/** A partner types into any cell (any column, a row at or just below the last) of another tab. */
export class PartnerTypesOn implements Cmd {
  constructor(
    readonly tab: string,
    readonly at: number,
    readonly colAt: number,
    readonly value: string,
  ) {}
  check = () => true;
  run(_m: Model, w: World): void {
    const name = tabName(w, this.tab);
    if (!hasTab(w, name)) return;
    const table = w.ws.sheets.table(name);
    const row = 2 + Math.floor(this.at * table.length);
    const col = 1 + Math.floor(this.colAt * table[0].length);
    w.log.push(
      `on ${name}, type ${JSON.stringify(this.value.slice(0, 30))} at row ${row} column ${col}`,
    );
    w.addon.userEdit(name, row, col, this.value);
    check(w, ALWAYS);
  }
  toString = () =>
    `new PartnerTypesOn('${this.tab}', ${this.at}, ${this.colAt}, ${JSON.stringify(this.value)})`;
}

/** A partner changes a tab's columns: drags one, deletes one, inserts an own one, renames a header, hides one. */
export class PartnerChangesColumns implements Cmd {
  constructor(
    readonly tab: string,
    readonly what: 'move' | 'delete' | 'insert' | 'rename' | 'hide',
    readonly colAt: number,
    readonly toAt: number,
  ) {}
  check = () => true;
  run(_m: Model, w: World): void {
    const name = tabName(w, this.tab);
    if (!hasTab(w, name)) return;
    const headers = w.ws.sheets.table(name)[0].map(String);
    const def = USER_TABS.find((t) => t.name === this.tab);
    // Partners delete and rename the columns they type in; the add-on's own ones are protected.
    const userCols = headers
      .map((h, i) => ({ h, col: i + 1 }))
      .filter(({ h }) =>
        def?.columns.some((c) => c.header === h && c.owner !== 'addon' && c.key !== 'id'),
      );
    const anyCol = 1 + Math.floor(this.colAt * headers.length);
    const to = 1 + Math.floor(this.toAt * headers.length);
    const sheets = w.ws.sheets;
    let result: { ok: boolean } | undefined;
    if (this.what === 'move') {
      if (anyCol === to) return;
      w.log.push(`on ${name}, drag column ${anyCol} (${headers[anyCol - 1]}) to ${to}`);
      result = sheets.userMoveColumn(name, anyCol, to);
    } else if (this.what === 'insert') {
      w.log.push(`on ${name}, insert an own column before ${anyCol}`);
      result = sheets.userInsertColumn(name, anyCol);
      if (result.ok) sheets.userEdit(name, 1, anyCol, 'Our notes');
    } else if (this.what === 'hide') {
      w.log.push(`on ${name}, hide column ${anyCol} (${headers[anyCol - 1]})`);
      result = sheets.userHideColumn(name, anyCol);
    } else {
      if (userCols.length === 0) return;
      const { h, col } = userCols[Math.floor(this.colAt * userCols.length)];
      if (this.what === 'delete') {
        w.log.push(`on ${name}, delete column ${col} (${h})`);
        result = sheets.userDeleteColumn(name, col);
      } else {
        w.log.push(`on ${name}, rename header ${h} to “${h} (ours)”`);
        result = sheets.userEdit(name, 1, col, `${h} (ours)`);
      }
    }
    if (result?.ok !== false) w.structureChanged = true;
    check(w, ALWAYS);
  }
  toString = () =>
    `new PartnerChangesColumns('${this.tab}', '${this.what}', ${this.colAt}, ${this.toAt})`;
}

/** A partner renames a plan tab (the add-on must find it by what it is, not its name). */
export class PartnerRenamesTab implements Cmd {
  constructor(
    readonly tab: string,
    readonly newName: string,
  ) {}
  check = () => true;
  run(_m: Model, w: World): void {
    const name = tabName(w, this.tab);
    if (!hasTab(w, name) || hasTab(w, this.newName)) return;
    w.log.push(`rename tab ${name} to “${this.newName}”`);
    if (w.ws.sheets.userRenameSheet(name, this.newName).ok) w.names.set(this.tab, this.newName);
    check(w, ALWAYS);
  }
  toString = () => `new PartnerRenamesTab('${this.tab}', ${JSON.stringify(this.newName)})`;
}

/**
 * A partner filters a column (hiding the value a row shows), removes the filter, or hides a row by
 * hand. Hidden rows are still the plan's: the sync reads them, so their events stay
 * (everySyncedRowHasOneEvent and everyOwnedEventHasOneRow read every row, hidden or not).
 */
export class PartnerFilters implements Cmd {
  constructor(
    readonly tab: string,
    readonly what: 'filter' | 'clear' | 'hideRow',
    readonly colAt: number,
    readonly at: number,
  ) {}
  check = () => true;
  run(_m: Model, w: World): void {
    const name = tabName(w, this.tab);
    if (!hasTab(w, name)) return;
    const table = w.ws.sheets.table(name);
    if (table.length < 2 && this.what !== 'clear') return;
    const row = 2 + Math.floor(this.at * (table.length - 1));
    const col = 1 + Math.floor(this.colAt * table[0].length);
    if (this.what === 'clear') {
      w.log.push(`on ${name}, remove the filter`);
      w.ws.sheets.userRemoveFilter(name);
    } else if (this.what === 'hideRow') {
      w.log.push(`on ${name}, hide row ${row}`);
      w.ws.sheets.userHideRows(name, row);
    } else {
      const shown = w.ws.sheets.displayTable(name)[row - 1]?.[col - 1] ?? '';
      w.log.push(`on ${name}, filter column ${col} (${table[0][col - 1]}) to hide “${shown}”`);
      w.ws.sheets.userFilterColumn(name, col, [shown]);
    }
    check(w, ALWAYS);
  }
  toString = () => `new PartnerFilters('${this.tab}', '${this.what}', ${this.colAt}, ${this.at})`;
}

/**
 * A partner deletes a whole plan tab. The sync and builds may refuse in words until set-up › repair
 * re-creates it; the events the plan made stay until the coordinator confirms removing them
 * (tabLossRemovesNothing), and the other tabs keep everything typed in them.
 */
export class PartnerDeletesTab implements Cmd {
  constructor(readonly tab: string) {}
  check = () => true;
  run(_m: Model, w: World): void {
    const name = tabName(w, this.tab);
    if (!hasTab(w, name)) return;
    w.log.push(`delete the ${name} tab`);
    if (!w.ws.sheets.userDeleteSheet(name).ok) return;
    w.structureChanged = true;
    // Repair re-creates it under its own name.
    w.names.set(this.tab, this.tab);
    if (USER_TABS.some((t) => t.name === this.tab)) w.deletedTabs.add(this.tab);
    if (this.tab === 'Calendar') for (const e of ownedEvents(w)) w.eventsAtTabLoss.add(e.id);
    check(w, ALWAYS);
  }
  toString = () => `new PartnerDeletesTab('${this.tab}')`;
}

/** The coordinator adds a goal, an outcome, a finding or a gap activity from a sidebar (a refusal is an answer). */
export class CoordinatorAdds implements Cmd {
  constructor(
    readonly what: 'goal' | 'outcome' | 'finding' | 'gapActivity',
    readonly text: string,
    readonly ref: string,
  ) {}
  check = () => true;
  run(_m: Model, w: World): void {
    w.log.push(`coordinator adds ${this.what} “${this.text}” (${this.ref || 'no link'})`);
    const requests: Record<typeof this.what, () => unknown> = {
      goal: () =>
        w.addon.runFromSidebar('saveGoal', {
          goal: this.text,
          priority: '',
          problem: '',
          owner: '',
          status: '',
        }),
      outcome: () =>
        w.addon.runFromSidebar('saveOutcome', {
          goalId: this.ref,
          term: 'Short term',
          outcome: this.text,
          indicator: 'Readers a month',
          baseline: '',
          target: '50',
          targetDate: '',
        }),
      finding: () =>
        w.addon.runFromSidebar('addAssessmentFinding', {
          source: 'Community',
          partner: '',
          kind: this.text.length % 2 ? 'Need' : 'Asset',
          category: 'Culture',
          description: this.text,
          evidence: '',
          dataSource: '',
          population: '',
          priority: '',
          goalId: this.ref,
        }),
      gapActivity: () => w.addon.runFromSidebar('addGapActivity', this.ref),
    };
    try {
      requests[this.what]();
    } catch {
      // A refused request (a goal that is gone, an empty text) says why in the sidebar.
    }
    check(w, ALWAYS);
  }
  toString = () =>
    `new CoordinatorAdds('${this.what}', ${JSON.stringify(this.text)}, ${JSON.stringify(this.ref)})`;
}

/** The coordinator builds the asset map or the logic model; the tab must equal a fresh build of the same data. */
export class CoordinatorBuilds implements Cmd {
  constructor(readonly what: 'buildAssetMap' | 'buildLogicModel') {}
  check = () => true;
  run(_m: Model, w: World): void {
    w.log.push(`coordinator runs ${this.what}`);
    const before = planBefore(w);
    let tab: string;
    try {
      const summary = w.addon.runFromSidebar(this.what) as { sheetName?: string; tab?: string };
      tab = String(summary.sheetName ?? summary.tab);
    } catch (e) {
      // A plan whose tabs a partner broke may be refused in words; an intact one may not.
      if (!w.structureChanged) throw e;
      return;
    }
    planKept(w, before);
    check(w, [...ALWAYS, generatedTabMatchesFreshBuild(tab, this.what)]);
  }
  toString = () => `new CoordinatorBuilds('${this.what}')`;
}

/** The accounts that may coordinate the plan (the organiser of its events). */
const COORDINATORS = [FIRST_COORDINATOR, NEXT_COORDINATOR];

/** The coordinator exports the plan as .ics: it writes nothing and names no address never approved. */
export class ExportIcs implements Cmd {
  check = () => true;
  run(_m: Model, w: World): void {
    w.log.push('export the plan as .ics');
    const events = JSON.stringify(w.ws.calendar.liveEvents(w.calendarId));
    const cells = tabJson(w, calTab(w));
    let file: { content: string };
    try {
      file = w.addon.runFromSidebar('exportIcs') as { content: string };
    } catch (e) {
      if (!w.structureChanged) throw e;
      return;
    }
    if (JSON.stringify(w.ws.calendar.liveEvents(w.calendarId)) !== events)
      fail(w, 'exportWritesNothing', 'the calendar changed');
    if (tabJson(w, calTab(w)) !== cells) fail(w, 'exportWritesNothing', 'the Calendar tab changed');
    rememberApproved(w);
    // Invitations are ATTENDEE and ORGANIZER lines (RFC 5545); a lead typed as an email may stay
    // in the DESCRIPTION text, which invites nobody. Folded lines are unfolded first.
    const lines = file.content.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
    const invited = lines
      .filter((l) => /^(ATTENDEE|ORGANIZER)[;:]/i.test(l))
      .flatMap((l) => l.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g) ?? []);
    for (const e of invited)
      if (!w.approvedEver.has(e.toLowerCase()) && !COORDINATORS.includes(e.toLowerCase()))
        fail(w, 'onlyApprovedGuests', `the .ics invites ${e}, never approved`);
    check(w, ALWAYS);
  }
  toString = () => 'new ExportIcs()';
}

/** A partner (an editor, not the owner) tries the coordinator's actions: each is refused and changes nothing. */
export class PartnerTriesCoordinatorAction implements Cmd {
  constructor(readonly what: 'approve' | 'settings') {}
  check = () => true;
  run(_m: Model, w: World): void {
    const partner = 'lee@univ.example.edu';
    w.log.push(
      `partner ${partner} tries to ${this.what === 'approve' ? 'approve x@evil.example.com' : 'change the calendar settings'}`,
    );
    const doc = w.ws.currentSpreadsheetId;
    const before = coordinatorState(w);
    try {
      if (this.what === 'approve')
        w.addon.runAs(partner, doc, 'approvePeople', ['x@evil.example.com']);
      else
        w.addon.runAs(partner, doc, 'saveCalendarChoice', {
          mode: 'new',
          calendarId: null,
          shareWithPartners: true,
          invitePartners: true,
          sendInvites: true,
        });
    } catch {
      // Refused with a message: what must happen.
    }
    named(w, 'onlyCoordinatorApproves', () => onlyCoordinatorApproves(w, before));
    check(w, ALWAYS);
  }
  toString = () => `new PartnerTriesCoordinatorAction('${this.what}')`;
}

/** Faults of the next sync beyond a failed call: the lock held elsewhere, the 6-minute limit. */
export class RunFault implements Cmd {
  constructor(readonly what: 'lockHeld' | 'timeLimit') {}
  check = () => true;
  run(_m: Model, w: World): void {
    if (this.what === 'lockHeld') {
      w.log.push('arm: another run holds the document lock during the next sync');
      w.lockHeldBy = 'hourly-trigger';
    } else {
      w.log.push('arm: Calendar writes take 100 s each in the next sync (the 6-minute limit)');
      w.slowMethods = ['Calendar.Events.insert', 'Calendar.Events.patch', 'Calendar.Events.remove'];
      for (const m of w.slowMethods) w.ws.runtime.setLatency(m, 100_000);
    }
    w.faultArmed = true;
  }
  toString = () => `new RunFault('${this.what}')`;
}

/** A partner edits while a manual sync holds the lock: the after-edit trigger must back off and lose nothing. */
export class EditDuringRun implements Cmd {
  constructor(
    readonly at: number,
    readonly value: string,
  ) {}
  check = () => true;
  run(_m: Model, w: World): void {
    if (!hasTab(w, calTab(w))) return;
    const headers = w.ws.sheets.table(calTab(w))[0];
    const col =
      headers.indexOf(CALENDAR_TAB.columns.find((c) => c.key === 'title')?.header ?? '') + 1;
    if (col === 0) return;
    const rows = w.ws.sheets.table(calTab(w)).length;
    const row = 2 + Math.floor(this.at * rows);
    w.log.push(
      `while a manual sync runs, a partner types ${JSON.stringify(this.value)} as a title at row ${row}`,
    );
    const release = w.ws.locks.holdDocumentLock('manual-sync');
    try {
      w.addon.userEdit(calTab(w), row, col, this.value);
    } finally {
      release();
    }
    if (String(w.ws.sheets.table(calTab(w))[row - 1]?.[col - 1] ?? '') !== this.value)
      fail(w, 'typedCellsKept', `the edit made during a run was lost`);
    check(w, ALWAYS);
  }
  toString = () => `new EditDuringRun(${this.at}, ${JSON.stringify(this.value)})`;
}

/** Google's side: a guest answers an invitation, or someone adds an event of their own to the plan's calendar. */
export class GoogleSide implements Cmd {
  constructor(
    readonly what: 'guestAnswers' | 'foreignAdded',
    readonly at: number,
  ) {}
  check = () => true;
  run(_m: Model, w: World): void {
    if (this.what === 'guestAnswers') {
      const withGuests = ownedEvents(w).filter((e) => e.guests.length > 0);
      if (withGuests.length === 0) return;
      const e = withGuests[Math.floor(this.at * withGuests.length)];
      const answer = this.at < 0.5 ? 'declined' : 'accepted';
      w.log.push(`${e.guests[0].email} answers “${e.title}”: ${answer}`);
      w.ws.calendar.userEditsEvent(w.calendarId, e.id, {
        guests: e.guests.map((g, i) => ({
          email: g.email,
          responseStatus:
            i === 0 ? answer : ((g as { responseStatus?: string }).responseStatus ?? 'needsAction'),
        })),
      });
    } else {
      const cal = w.ws.calendar.calendarApp.getCalendarById(w.calendarId);
      if (!cal) return;
      const day = 5 + Math.floor(this.at * 20);
      w.log.push(`someone adds their own event on 2027-03-${day} to the plan's calendar`);
      const made = cal.createEvent(
        'Book swap',
        new Date(Date.UTC(2027, 2, day, 16)),
        new Date(Date.UTC(2027, 2, day, 17)),
      );
      const snapshot = w.ws.calendar.liveEvents(w.calendarId).find((e) => e.id === made.getId());
      if (snapshot) w.foreign.push(snapshot);
    }
    check(w, ALWAYS);
  }
  toString = () => `new GoogleSide('${this.what}', ${this.at})`;
}

const frac = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

/** The steps above, for the property's command list. */
export const planCommands: Array<fc.Arbitrary<Cmd>> = [
  fc
    .tuple(fc.constantFrom(...OTHER_TABS), frac, frac, ANY_VALUE)
    .map(([t, a, c, v]) => new PartnerTypesOn(t, a, c, v)),
  fc
    .tuple(
      fc.constantFrom('Calendar', 'Calendar', 'Goals', 'Outcomes', 'Partners', 'Assessments'),
      fc.constantFrom('move', 'delete', 'insert', 'rename', 'hide' as const),
      frac,
      frac,
    )
    .map(([t, what, a, b]) => new PartnerChangesColumns(t, what, a, b)),
  fc
    .tuple(
      fc.constantFrom('Calendar', 'Goals', 'Outcomes', 'Partners', 'Assessments'),
      fc.constantFrom('Our plan', 'Calendar (2027)', 'Goals 2027'),
    )
    .map(([t, n]) => new PartnerRenamesTab(t, n)),
  fc
    .tuple(
      fc.constantFrom('goal', 'outcome', 'finding', 'gapActivity' as const),
      fc.constantFrom('Reading for all', 'More readers', 'No library nearby', ''),
      fc.constantFrom('G1', 'G2', 'F1', 'F2', 'O1', ''),
    )
    .map(([what, t, r]) => new CoordinatorAdds(what, t, r)),
  fc
    .tuple(
      fc.constantFrom('Calendar', 'Calendar', 'Partners', 'Goals', 'Outcomes', 'Assessments'),
      fc.constantFrom('filter', 'filter', 'clear', 'hideRow' as const),
      frac,
      frac,
    )
    .map(([t, what, c, a]) => new PartnerFilters(t, what, c, a)),
  fc
    .constantFrom(
      'Calendar',
      'Calendar',
      'Partners',
      'Goals',
      'Outcomes',
      'Assessments',
      'Progress',
      'Partnership',
      'Categories',
      'Asset Map',
      'Logic Model',
      'Sync Log',
      'Dashboard',
    )
    .map((t) => new PartnerDeletesTab(t)),
  fc.constantFrom('buildAssetMap', 'buildLogicModel' as const).map((x) => new CoordinatorBuilds(x)),
  fc.constant(new ExportIcs()),
  fc.constantFrom('approve', 'settings' as const).map((x) => new PartnerTriesCoordinatorAction(x)),
  fc.constantFrom('lockHeld', 'timeLimit' as const).map((x) => new RunFault(x)),
  fc
    .tuple(frac, fc.constantFrom('Book swap', 'Parent night', ''))
    .map(([a, v]) => new EditDuringRun(a, v)),
  fc
    .tuple(fc.constantFrom('guestAnswers', 'foreignAdded' as const), frac)
    .map(([what, at]) => new GoogleSide(what, at)),
];
