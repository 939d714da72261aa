// Fake Protection: protected ranges and sheets, editors, warning-only, unprotected ranges.
import { type Ctx, count } from './context';
import { type EnumMember, ProtectionType } from './enums';
import type { ProtectionSpec } from './model';
import type { FakeRange } from './range';

type GasProtection = GoogleAppsScript.Spreadsheet.Protection;

/** A Base.User-shaped object (getEmail), as Protection.getEditors returns. */
export interface FakeUser {
  getEmail(): string;
}

function user(email: string): FakeUser {
  return { getEmail: () => email };
}

function emailOf(x: unknown): string {
  if (x && typeof x === 'object' && typeof (x as FakeUser).getEmail === 'function')
    return (x as FakeUser).getEmail();
  return String(x);
}

export class FakeProtection
  implements
    Pick<GasProtection, 'getDescription' | 'isWarningOnly' | 'canEdit' | 'canDomainEdit' | 'remove'>
{
  constructor(
    private readonly ctx: Ctx,
    private readonly id: number,
  ) {}

  private get spec(): ProtectionSpec {
    const p = this.ctx.book.state.protections.find((x) => x.id === this.id);
    if (!p) throw new Error('This protected range or sheet no longer exists.'); // (I) wording
    return p;
  }

  private call(method: string, kind: 'read' | 'write' | 'other'): void {
    count(this.ctx, 'Protection', method, kind);
  }

  /** While editors mirror the spreadsheet, the list is the owner plus the collaborators (V). */
  private currentEditors(): string[] {
    const s = this.spec;
    const st = this.ctx.book.state;
    if (s.editors !== null) return s.editors;
    return [...new Set([st.owner, ...st.editors])];
  }

  /** The first change to the editor list ends the "mirror the spreadsheet" state (V). */
  private explicitEditors(): string[] {
    const s = this.spec;
    if (s.editors === null) s.editors = this.currentEditors().slice();
    return s.editors;
  }

  getDescription(): string {
    this.call('getDescription', 'read');
    return this.spec.description;
  }
  setDescription(description: string): FakeProtection {
    this.call('setDescription', 'write');
    this.spec.description = String(description);
    return this;
  }
  isWarningOnly(): boolean {
    this.call('isWarningOnly', 'read');
    return this.spec.warningOnly;
  }
  /** A warning-only protection lets everyone edit after a warning (V: setWarningOnly docs). */
  setWarningOnly(warningOnly: boolean): FakeProtection {
    this.call('setWarningOnly', 'write');
    this.spec.warningOnly = Boolean(warningOnly);
    return this;
  }
  getEditors(): FakeUser[] {
    this.call('getEditors', 'read');
    return this.currentEditors().map(user);
  }
  addEditor(emailOrUser: unknown): FakeProtection {
    this.call('addEditor', 'write');
    const list = this.explicitEditors();
    const e = emailOf(emailOrUser);
    if (!list.includes(e)) list.push(e);
    return this;
  }
  addEditors(emailAddresses: string[]): FakeProtection {
    this.call('addEditors', 'write');
    const list = this.explicitEditors();
    for (const e of emailAddresses.map(emailOf)) if (!list.includes(e)) list.push(e);
    return this;
  }
  /** The owner cannot be removed: the owner can always edit (V: canEdit docs). */
  removeEditor(emailOrUser: unknown): FakeProtection {
    this.call('removeEditor', 'write');
    return this.removeAll([emailOrUser]);
  }
  removeEditors(emailsOrUsers: unknown[]): FakeProtection {
    this.call('removeEditors', 'write');
    return this.removeAll(emailsOrUsers);
  }
  private removeAll(xs: unknown[]): FakeProtection {
    const owner = this.ctx.book.state.owner;
    const drop = new Set(xs.map(emailOf).filter((e) => e !== owner));
    const s = this.spec;
    s.editors = this.explicitEditors().filter((e) => !drop.has(e));
    return this;
  }
  canDomainEdit(): boolean {
    this.call('canDomainEdit', 'read');
    return this.spec.domainEdit;
  }
  setDomainEdit(editable: boolean): FakeProtection {
    this.call('setDomainEdit', 'write');
    this.explicitEditors();
    this.spec.domainEdit = Boolean(editable);
    return this;
  }
  /** Can the user running the script edit? The owner always can (V). */
  canEdit(): boolean {
    this.call('canEdit', 'read');
    const st = this.ctx.book.state;
    const s = this.spec;
    return st.activeUser === st.owner || s.editors === null || s.editors.includes(st.activeUser);
  }
  getProtectionType(): EnumMember {
    this.call('getProtectionType', 'read');
    return ProtectionType[this.spec.type];
  }
  /** The protected range; for a sheet protection, the whole sheet (V). */
  getRange(): FakeRange {
    this.call('getRange', 'read');
    const s = this.spec;
    if (s.range) return this.ctx.range(s.range);
    return this.ctx.sheet(s.sheetId)._wholeSheet();
  }
  getUnprotectedRanges(): FakeRange[] {
    this.call('getUnprotectedRanges', 'read');
    return this.spec.unprotected.map((r) => this.ctx.range(r));
  }
  /** Only sheet protections have unprotected areas (V: class description). */
  setUnprotectedRanges(ranges: FakeRange[]): FakeProtection {
    this.call('setUnprotectedRanges', 'write');
    const s = this.spec;
    if (s.type === 'SHEET') s.unprotected = ranges.map((r) => r._ref());
    return this;
  }
  remove(): void {
    this.call('remove', 'write');
    const s = this.spec;
    this.ctx.book.state.protections = this.ctx.book.state.protections.filter((p) => p.id !== s.id);
  }
}
