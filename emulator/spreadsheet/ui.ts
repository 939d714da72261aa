// Fake Ui (SpreadsheetApp.getUi()): menus, alerts and prompts with scripted answers, sidebars.
import type { Runtime } from '../runtime';
import { Button, ButtonSet, type EnumMember, enumName } from './enums';

export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; menu: MenuRecord };

/** A menu as recorded: `addon` marks createAddonMenu() (shown under Extensions > add-on name). */
export interface MenuRecord {
  caption: string | null;
  addon: boolean;
  entries: MenuEntry[];
}

export interface DialogRecord {
  kind: 'alert' | 'prompt';
  title: string | null;
  prompt: string;
  buttons: string;
  answer: string;
  text?: string;
}

export interface HtmlShown {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  content: string;
  width?: number;
  height?: number;
}

/** The HtmlOutput surface the Ui reads (the lead's HtmlService fake provides it). */
export interface HtmlOutputLike {
  getContent(): string;
  getTitle?(): string;
  getWidth?(): number;
  getHeight?(): number;
}

export class FakeMenu {
  constructor(
    private readonly ui: FakeUi,
    readonly record: MenuRecord,
  ) {}
  private call(method: string): void {
    this.ui._count('Menu', method);
  }
  /** Items are called by function name: only top-level functions work in Apps Script (V). */
  addItem(caption: string, functionName: string): FakeMenu {
    this.call('addItem');
    this.record.entries.push({
      kind: 'item',
      caption: String(caption),
      functionName: String(functionName),
    });
    return this;
  }
  addSeparator(): FakeMenu {
    this.call('addSeparator');
    this.record.entries.push({ kind: 'separator' });
    return this;
  }
  addSubMenu(menu: FakeMenu): FakeMenu {
    this.call('addSubMenu');
    this.record.entries.push({ kind: 'submenu', menu: menu.record });
    return this;
  }
  /** Adding a menu with the same caption again replaces it (I: onOpen re-runs rebuild menus). */
  addToUi(): void {
    this.call('addToUi');
    this.ui._addMenu(this.record);
  }
}

export class FakeUi {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  /** Menus added to the UI, in order (emulator-only). */
  readonly menus: MenuRecord[] = [];
  /** Every alert/prompt shown, with the answer given (emulator-only). */
  readonly dialogs: DialogRecord[] = [];
  /** Every sidebar/dialog of HTML shown (emulator-only). */
  readonly shown: HtmlShown[] = [];
  private readonly responses: { button: string; text: string }[] = [];
  private sidebarClosed = false;

  constructor(
    private readonly runtime: Runtime,
    /** Caption of the add-on menu (the add-on's name). */
    readonly addonName = 'Add-on',
  ) {}

  _count(cls: string, method: string): void {
    this.runtime.call(`SpreadsheetApp.${cls}.${method}`, 'other');
  }

  _addMenu(record: MenuRecord): void {
    const i = this.menus.findIndex((m) => m.addon === record.addon && m.caption === record.caption);
    if (i >= 0) this.menus[i] = record;
    else this.menus.push(record);
  }

  /** Sidebars only (title and HTML), the most recent last. */
  get sidebars(): HtmlShown[] {
    return this.shown.filter((s) => s.kind === 'sidebar');
  }

  /** Emulator API: the next alert/prompt answers with this button (and text). Default: OK. */
  queueResponse(button: EnumMember | string, text = ''): void {
    this.responses.push({ button: enumName(button), text });
  }

  private answer(buttons: string): { button: string; text: string } {
    const queued = this.responses.shift();
    if (queued) return queued;
    // Unscripted: the first button of the set, i.e. OK or YES (I: a sensible default for tests).
    return { button: buttons.startsWith('YES') ? 'YES' : 'OK', text: '' };
  }

  createMenu(caption: string): FakeMenu {
    this._count('Ui', 'createMenu');
    return new FakeMenu(this, { caption: String(caption), addon: false, entries: [] });
  }

  createAddonMenu(): FakeMenu {
    this._count('Ui', 'createAddonMenu');
    return new FakeMenu(this, { caption: this.addonName, addon: true, entries: [] });
  }

  /** alert(prompt) / alert(prompt, buttons) / alert(title, prompt, buttons) (V overloads). */
  alert(a: string, b?: unknown, c?: unknown): EnumMember {
    this._count('Ui', 'alert');
    const [title, prompt, buttons] =
      c !== undefined
        ? [String(a), String(b), enumName(c)]
        : b !== undefined
          ? [null, a, enumName(b)]
          : [null, a, 'OK'];
    const { button } = this.answer(buttons);
    this.dialogs.push({ kind: 'alert', title, prompt: String(prompt), buttons, answer: button });
    return (Button as Record<string, EnumMember>)[button];
  }

  /** prompt(...) returns a PromptResponse with the scripted button and text (V shape). */
  prompt(
    a: string,
    b?: unknown,
    c?: unknown,
  ): { getResponseText(): string; getSelectedButton(): EnumMember } {
    this._count('Ui', 'prompt');
    const [title, prompt, buttons] =
      c !== undefined
        ? [String(a), String(b), enumName(c)]
        : b !== undefined
          ? [null, a, enumName(b)]
          : [null, a, 'OK'];
    const { button, text } = this.answer(buttons);
    this.dialogs.push({
      kind: 'prompt',
      title,
      prompt: String(prompt),
      buttons,
      answer: button,
      text,
    });
    const member = (Button as Record<string, EnumMember>)[button];
    return { getResponseText: () => text, getSelectedButton: () => member };
  }

  private show(kind: HtmlShown['kind'], html: HtmlOutputLike, title?: string): void {
    this.shown.push({
      kind,
      title: title ?? html.getTitle?.() ?? '',
      content: html.getContent(),
      width: html.getWidth?.(),
      height: html.getHeight?.(),
    });
  }

  showSidebar(userInterface: HtmlOutputLike): void {
    this._count('Ui', 'showSidebar');
    this.show('sidebar', userInterface);
    this.sidebarClosed = false;
  }

  /** Emulator-only: the person closed the sidebar (Sheets shows one sidebar at a time (V)). */
  closeSidebar(): void {
    this.sidebarClosed = true;
  }

  /** Emulator-only: index in `sidebars` of the sidebar on screen, or null. */
  openSidebarIndex(): number | null {
    const count = this.sidebars.length;
    return count === 0 || this.sidebarClosed ? null : count - 1;
  }
  showModalDialog(userInterface: HtmlOutputLike, title: string): void {
    this._count('Ui', 'showModalDialog');
    this.show('modal', userInterface, title);
  }
  showModelessDialog(userInterface: HtmlOutputLike, title: string): void {
    this._count('Ui', 'showModelessDialog');
    this.show('modeless', userInterface, title);
  }
}
