// FormApp emulator: forms, their items, responses, a spreadsheet destination and its response tab.
import type { Runtime } from '../runtime';
import type { SpreadsheetEmulator } from '../spreadsheet';
import { newSheetState } from '../spreadsheet/model';
import { dateToSerial } from '../spreadsheet/values';

/**
 * Modelled from the Apps Script Forms reference (docs/google-facts.md, "Forms"): FormApp.create,
 * Form (title, description, confirmation message, items, destination, accepting responses, URLs,
 * responses), the item types the add-on uses (scale, paragraph text, multiple choice, text), and
 * FormResponse / ItemResponse. `submit` is the emulator's stand-in for a person sending the form.
 */

export const ItemType = {
  SCALE: 'SCALE',
  PARAGRAPH_TEXT: 'PARAGRAPH_TEXT',
  MULTIPLE_CHOICE: 'MULTIPLE_CHOICE',
  TEXT: 'TEXT',
} as const;
type ItemKind = (typeof ItemType)[keyof typeof ItemType];

export const DestinationType = { SPREADSHEET: 'SPREADSHEET' } as const;

export interface ItemState {
  id: number;
  type: ItemKind;
  title: string;
  helpText: string;
  required: boolean;
  lower?: number;
  upper?: number;
  leftLabel?: string;
  rightLabel?: string;
  choices?: string[];
}

export interface ResponseState {
  id: string;
  atMs: number;
  /** Answers by item id; a question left blank has no entry (V: getItemResponses). */
  answers: Record<number, string | number>;
}

export interface FormState {
  id: string;
  title: string;
  description: string;
  confirmation: string;
  owner: string;
  accepting: boolean;
  collectEmail: boolean;
  items: ItemState[];
  responses: ResponseState[];
  destination: { spreadsheetId: string; sheetId: number } | null;
  /** Items whose column is in the response tab, in column order (a column once added stays). */
  columns: number[];
}

/** What a person's submission told the listeners: the response tab row and the values written. */
export interface FormSubmitted {
  formId: string;
  spreadsheetId: string;
  sheetName: string;
  row: number;
  values: string[];
  namedValues: Record<string, string[]>;
}

/** (S) the tab Google adds for a form's responses is "Form Responses N", N the first one free. */
export const RESPONSE_TAB_PREFIX = 'Form Responses';

/** (S) the message a closed form shows, as people quote it. */
export const CLOSED_MESSAGE = 'This form is no longer accepting responses';

export class FormsEmulator {
  readonly forms = new Map<string, FormState>();
  readonly app: Record<string, unknown>;
  private readonly submitListeners: ((e: FormSubmitted) => void)[] = [];
  private nextItem = 1000;

  constructor(
    private readonly runtime: Runtime,
    user: () => string,
    private readonly spreadsheet: (id: string) => SpreadsheetEmulator,
  ) {
    this.app = {
      ItemType,
      DestinationType,
      create: (title: string) => {
        runtime.call('FormApp.create', 'write');
        const id = `form-${this.forms.size + 1}-${runtime.now().toString(36)}`;
        const state: FormState = {
          id,
          title: String(title),
          description: '',
          confirmation: '',
          owner: user(),
          // (V) a new form accepts responses until told otherwise (setAcceptingResponses).
          accepting: true,
          collectEmail: false,
          items: [],
          responses: [],
          destination: null,
          columns: [],
        };
        this.forms.set(id, state);
        return this.form(state);
      },
      openById: (id: string) => {
        runtime.call('FormApp.openById', 'read');
        const state = this.forms.get(String(id));
        // (S) a missing or inaccessible id throws; the wording is the one scripts quote.
        if (!state || state.owner !== user())
          throw new Error(
            'No item with the given ID could be found, or you do not have permission to access it.',
          );
        return this.form(state);
      },
    };
  }

  /** Emulator API: called with each submission once its row is in the response tab. */
  onSubmit(listener: (e: FormSubmitted) => void): void {
    this.submitListeners.push(listener);
  }

  /**
   * Emulator API: a person sends the form. `answers` by question title. A closed form refuses
   * (V: setAcceptingResponses). `startedWhileOpen` models a person who opened the form before it
   * closed and sends after: `lateSubmission` decides (I).
   */
  submit(
    formId: string,
    answers: Record<string, string | number>,
    options: { startedWhileOpen?: boolean } = {},
  ): ResponseState {
    const form = this.forms.get(formId);
    if (!form) throw new Error(`Emulator: no form ${formId}`);
    const late = options.startedWhileOpen && this.runtime.ambiguities.lateSubmission === 'accepted';
    if (!form.accepting && !late) throw new Error(CLOSED_MESSAGE);
    const byId: Record<number, string | number> = {};
    for (const [title, value] of Object.entries(answers)) {
      const item = form.items.find((i) => i.title === title);
      if (!item) throw new Error(`Emulator: the form has no question "${title}"`);
      if (value === '' || value === undefined) continue;
      if (item.type === 'SCALE') {
        const n = Number(value);
        if (!Number.isInteger(n) || n < (item.lower ?? 1) || n > (item.upper ?? 5))
          throw new Error(`Emulator: ${value} is outside the scale of "${title}"`);
        byId[item.id] = n;
      } else if (item.type === 'MULTIPLE_CHOICE' && !(item.choices ?? []).includes(String(value))) {
        throw new Error(`Emulator: "${value}" is not a choice of "${title}"`);
      } else byId[item.id] = String(value);
    }
    for (const item of form.items)
      if (item.required && !(item.id in byId))
        throw new Error(`Emulator: "${item.title}" is a required question`);
    const response: ResponseState = {
      id: `response-${form.responses.length + 1}`,
      atMs: this.runtime.now(),
      answers: byId,
    };
    form.responses.push(response);
    const written = this.writeRow(form, response);
    if (written) for (const l of this.submitListeners) l(written);
    return response;
  }

  /** The helpers every Form method is made with: counted calls, chaining setters, getters. */
  private formKit(self: Record<string, unknown>, className: 'Form' | 'Item' = 'Form') {
    const call = (m: string, kind: 'read' | 'write' | 'other' = 'other') =>
      this.runtime.call(`FormApp.${className}.${m}`, kind);
    const chain =
      <A extends unknown[]>(m: string, fn: (...a: A) => void) =>
      (...a: A) => {
        call(m, 'write');
        fn(...a);
        return self;
      };
    const get =
      <T>(m: string, fn: () => T) =>
      (): T => {
        call(m, 'read');
        return fn();
      };
    return { call, chain, get };
  }

  private form(state: FormState): Record<string, unknown> {
    const self: Record<string, unknown> = {};
    const { call, chain, get } = this.formKit(self);
    const add = (type: ItemKind) => () => {
      call(`add${type}Item`, 'write');
      const item: ItemState = {
        id: this.nextItem++,
        type,
        title: '',
        helpText: '',
        required: false,
      };
      if (type === 'SCALE') Object.assign(item, { lower: 1, upper: 5 });
      state.items.push(item);
      this.addColumn(state, item);
      return this.item(state, item);
    };
    Object.assign(self, {
      getId: get('getId', () => state.id),
      getTitle: get('getTitle', () => state.title),
      setTitle: chain('setTitle', (t: string) => {
        state.title = String(t);
      }),
      getDescription: get('getDescription', () => state.description),
      setDescription: chain('setDescription', (t: string) => {
        state.description = String(t);
      }),
      setConfirmationMessage: chain('setConfirmationMessage', (t: string) => {
        state.confirmation = String(t);
      }),
      setCollectEmail: chain('setCollectEmail', (b: boolean) => {
        state.collectEmail = Boolean(b);
      }),
      collectsEmail: get('collectsEmail', () => state.collectEmail),
      addScaleItem: add('SCALE'),
      addParagraphTextItem: add('PARAGRAPH_TEXT'),
      addMultipleChoiceItem: add('MULTIPLE_CHOICE'),
      addTextItem: add('TEXT'),
      getItems: get('getItems', () => state.items.map((i) => this.item(state, i))),
      ...this.formResponses(state, self),
    });
    return self;
  }

  /** The Form methods about answers: accepting them, URLs, destination, responses. */
  private formResponses(state: FormState, self: Record<string, unknown>): Record<string, unknown> {
    const { call, chain, get } = this.formKit(self);
    return {
      setAcceptingResponses: chain('setAcceptingResponses', (b: boolean) => {
        state.accepting = Boolean(b);
      }),
      isAcceptingResponses: get('isAcceptingResponses', () => state.accepting),
      // (S) the published address is /forms/d/e/<published id>/viewform, unlike the edit one.
      getPublishedUrl: get(
        'getPublishedUrl',
        () => `https://docs.google.com/forms/d/e/1FAIpQL${state.id}/viewform`,
      ),
      getEditUrl: get('getEditUrl', () => `https://docs.google.com/forms/d/${state.id}/edit`),
      setDestination: chain('setDestination', (type: string, id: string) => {
        if (type !== 'SPREADSHEET') throw new Error('Invalid argument: type');
        this.link(state, String(id));
      }),
      getDestinationId: get('getDestinationId', () => {
        // (V) throws when the form has no destination.
        if (!state.destination) throw new Error('This form does not have a response destination.');
        return state.destination.spreadsheetId;
      }),
      removeDestination: chain('removeDestination', () => {
        state.destination = null;
      }),
      // (V) createResponse() starts a response that toPrefilledUrl() turns into a link with answers filled in.
      createResponse: () => {
        call('createResponse');
        return this.draft(state, {});
      },
      getResponses: (after?: Date) => {
        call('getResponses', 'read');
        const from = after ? after.getTime() : -Infinity;
        return state.responses.filter((r) => r.atMs >= from).map((r) => this.response(state, r));
      },
    };
  }

  private item(form: FormState, item: ItemState): Record<string, unknown> {
    const self: Record<string, unknown> = {};
    const { chain } = this.formKit(self, 'Item');
    Object.assign(self, {
      getId: () => item.id,
      getType: () => item.type,
      getTitle: () => item.title,
      setTitle: chain('setTitle', (t: string) => {
        item.title = String(t);
        this.renameColumn(form, item);
      }),
      getHelpText: () => item.helpText,
      setHelpText: chain('setHelpText', (t: string) => {
        item.helpText = String(t);
      }),
      isRequired: () => item.required,
      setRequired: chain('setRequired', (b: boolean) => {
        item.required = Boolean(b);
      }),
      setBounds: chain('setBounds', (lower: number, upper: number) => {
        // (V) the lower bound is 0 or 1, the upper 3 to 10.
        if (!(lower === 0 || lower === 1) || upper < 3 || upper > 10)
          throw new Error('Invalid argument: bounds');
        item.lower = lower;
        item.upper = upper;
      }),
      getLowerBound: () => item.lower,
      getUpperBound: () => item.upper,
      setLabels: chain('setLabels', (left: string, right: string) => {
        item.leftLabel = String(left);
        item.rightLabel = String(right);
      }),
      setChoiceValues: chain('setChoiceValues', (values: string[]) => {
        item.choices = [...values].map(String);
      }),
      getChoices: () => (item.choices ?? []).map((v) => ({ getValue: () => v })),
      // (V) an ItemResponse for this item, to prefill or submit; a text item takes any string.
      createResponse: (value: unknown) => ({ itemId: item.id, value: String(value) }),
      asScaleItem: () => self,
      asParagraphTextItem: () => self,
      asMultipleChoiceItem: () => self,
      asTextItem: () => self,
    });
    return self;
  }

  /** A response being put together (createResponse / withItemResponse / toPrefilledUrl). */
  private draft(form: FormState, answers: Record<number, string>): Record<string, unknown> {
    return {
      withItemResponse: (ir: { itemId: number; value: string }) =>
        this.draft(form, { ...answers, [ir.itemId]: ir.value }),
      // (V) a URL for the form with the answers filled in; its query shape (entry.N=...) is (S).
      // (V) submit() sends the response as if a person had: it lands in the destination like any other.
      submit: () => {
        this.runtime.call('FormApp.FormResponse.submit', 'write');
        const byTitle: Record<string, string> = {};
        for (const [id, v] of Object.entries(answers)) {
          const item = form.items.find((i) => i.id === Number(id));
          if (item) byTitle[item.title] = v;
        }
        return this.response(form, this.submit(form.id, byTitle));
      },
      toPrefilledUrl: () => {
        const query = Object.entries(answers)
          .map(([id, v]) => `entry.${id}=${encodeURIComponent(v)}`)
          .join('&');
        return `https://docs.google.com/forms/d/e/1FAIpQL${form.id}/viewform?usp=pp_url&${query}`;
      },
    };
  }

  /** Emulator API: the form and the answers a prefilled link carries (what a person opening it sees). */
  prefilled(url: string): { formId: string; answers: Record<string, string> } {
    const match = /\/forms\/d\/e\/1FAIpQL([^/]+)\/viewform\?(.*)$/.exec(url);
    const form = match ? this.forms.get(match[1]) : undefined;
    if (!match || !form) throw new Error(`Emulator: not a prefilled link of a form here: ${url}`);
    const answers: Record<string, string> = {};
    for (const part of match[2].split('&')) {
      const m = /^entry\.(\d+)=(.*)$/.exec(part);
      const item = m ? form.items.find((i) => i.id === Number(m[1])) : undefined;
      if (m && item) answers[item.title] = decodeURIComponent(m[2]);
    }
    return { formId: form.id, answers };
  }

  private response(form: FormState, r: ResponseState): Record<string, unknown> {
    return {
      getId: () => r.id,
      getTimestamp: () => new Date(r.atMs),
      // (V) item responses in the form's item order; a question left blank is absent.
      getItemResponses: () =>
        form.items
          .filter((i) => i.id in r.answers)
          .map((i) => ({
            getItem: () => this.item(form, i),
            // (V) a scale answer comes back as a String, like every other single answer.
            getResponse: () => String(r.answers[i.id]),
          })),
      getRespondentEmail: () => '',
    };
  }

  /** setDestination: a new response tab in that spreadsheet with Timestamp and each question (S). */
  private link(form: FormState, spreadsheetId: string): void {
    const doc = this.spreadsheet(spreadsheetId);
    const book = doc.book;
    let n = 1;
    while (book.sheetByName(`${RESPONSE_TAB_PREFIX} ${n}`)) n++;
    const id = 100_000_000 + book.newId() * 7919;
    const sheet = newSheetState(id, `${RESPONSE_TAB_PREFIX} ${n}`);
    const at = this.runtime.ambiguities.formResponseTab === 'first' ? 0 : book.state.sheets.length;
    book.state.sheets.splice(at, 0, sheet);
    sheet.frozenRows = 1;
    form.destination = { spreadsheetId, sheetId: id };
    form.columns = form.items.map((i) => i.id);
    this.writeHeader(form);
    for (const r of form.responses) this.writeRow(form, r);
  }

  private sheetOf(form: FormState) {
    if (!form.destination) return null;
    const book = this.spreadsheet(form.destination.spreadsheetId).book;
    const sheet = book.sheetById(form.destination.sheetId);
    return sheet ? { book, sheet } : null;
  }

  private writeHeader(form: FormState): void {
    const at = this.sheetOf(form);
    if (!at) return;
    at.book.store(at.sheet, 1, 1, { v: 'Timestamp' });
    form.columns.forEach((itemId, i) => {
      const item = form.items.find((x) => x.id === itemId);
      at.book.store(at.sheet, 1, i + 2, { v: item?.title ?? '' });
    });
  }

  private addColumn(form: FormState, item: ItemState): void {
    if (!form.destination) return;
    form.columns.push(item.id);
    this.writeHeader(form);
  }

  private renameColumn(form: FormState, item: ItemState): void {
    if (form.columns.includes(item.id)) this.writeHeader(form);
  }

  /** Appends one response below the tab's last row (V: responses are added as rows). */
  private writeRow(form: FormState, r: ResponseState): FormSubmitted | null {
    const at = this.sheetOf(form);
    if (!at || !form.destination) return null;
    const { book, sheet } = at;
    const row = book.lastRow(sheet) + 1;
    // (S) the timestamp is a date-time value in the spreadsheet's zone.
    book.store(sheet, row, 1, {
      v: dateToSerial(r.atMs, book.state.timeZone),
      nf: 'M/d/yyyy H:mm:ss',
    });
    const values: string[] = [book.display(sheet, row, 1)];
    const namedValues: Record<string, string[]> = { Timestamp: [values[0]] };
    form.columns.forEach((itemId, i) => {
      const item = form.items.find((x) => x.id === itemId);
      const answer = r.answers[itemId];
      const text = answer === undefined ? '' : String(answer);
      if (answer !== undefined) {
        const asNumber =
          item?.type === 'SCALE' && this.runtime.ambiguities.formScaleCell === 'number';
        book.store(sheet, row, i + 2, asNumber ? { v: Number(answer) } : { v: text });
      }
      values.push(text);
      if (item) namedValues[item.title] = [text];
    });
    return {
      formId: form.id,
      spreadsheetId: form.destination.spreadsheetId,
      sheetName: sheet.name,
      row,
      values,
      namedValues,
    };
  }

  toJSON(): FormState[] {
    return [...this.forms.values()].map((f) => structuredClone(f));
  }

  load(states: readonly FormState[]): void {
    for (const f of states) this.forms.set(f.id, structuredClone(f));
    const ids = states.flatMap((f) => f.items.map((i) => i.id));
    this.nextItem = Math.max(this.nextItem, ...ids.map((i) => i + 1));
  }
}
