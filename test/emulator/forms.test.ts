// The emulated FormApp against Google's documented behaviour (docs/google-facts.md, "Forms").
import { AMBIGUITY_VARIANTS } from '../../emulator/ambiguities';
import { CLOSED_MESSAGE } from '../../emulator/forms';
import { Workspace } from '../../emulator/workspace';

// biome-ignore lint/suspicious/noExplicitAny: the fakes are untyped records; each answer is checked by value
type AnyFn = (...args: unknown[]) => any;
const call = (o: unknown, m: string, ...a: unknown[]) => (o as Record<string, AnyFn>)[m](...a);

function survey(ambiguities = {}) {
  const ws = new Workspace({ startTime: Date.UTC(2027, 2, 1, 15), ambiguities });
  const form = call(ws.forms.app, 'create', 'How is the partnership going?');
  call(call(form, 'addScaleItem'), 'setTitle', 'We share one purpose');
  call(
    call(call(form, 'addMultipleChoiceItem'), 'setTitle', 'Your organisation'),
    'setChoiceValues',
    ['Library', 'Clinic'],
  );
  call(call(form, 'addParagraphTextItem'), 'setTitle', 'What works well?');
  const id = call(form, 'getId') as string;
  return { ws, form, id };
}

describe('FormApp', () => {
  it('a new form accepts responses, and a closed one refuses them', () => {
    const { ws, form, id } = survey();
    expect(call(form, 'isAcceptingResponses')).toBe(true);
    ws.forms.submit(id, { 'We share one purpose': 4 });
    call(form, 'setAcceptingResponses', false);
    expect(() => ws.forms.submit(id, { 'We share one purpose': 2 })).toThrow(CLOSED_MESSAGE);
    expect(call(form, 'getResponses')).toHaveLength(1);
  });

  it('getDestinationId throws until a destination is set', () => {
    const { ws, form } = survey();
    expect(() => call(form, 'getDestinationId')).toThrow();
    call(form, 'setDestination', 'SPREADSHEET', ws.currentSpreadsheetId);
    expect(call(form, 'getDestinationId')).toBe(ws.currentSpreadsheetId);
  });

  it('published and edit URLs differ', () => {
    const { form } = survey();
    expect(call(form, 'getPublishedUrl')).toMatch(/\/viewform$/);
    expect(call(form, 'getEditUrl')).toMatch(/\/edit$/);
  });

  it('item responses come in item order, blank questions left out, scale answers as text', () => {
    const { ws, form, id } = survey();
    ws.forms.submit(id, { 'What works well?': 'Meetings', 'We share one purpose': 5 });
    const [r] = call(form, 'getResponses') as unknown[];
    const items = (call(r, 'getItemResponses') as unknown[]).map((ir) => [
      call(call(ir, 'getItem'), 'getTitle'),
      call(ir, 'getResponse'),
    ]);
    expect(items).toEqual([
      ['We share one purpose', '5'],
      ['What works well?', 'Meetings'],
    ]);
  });

  it('a scale refuses bounds Google refuses', () => {
    const { form } = survey();
    const item = call(form, 'addScaleItem');
    expect(() => call(item, 'setBounds', 2, 5)).toThrow();
    expect(() => call(item, 'setBounds', 1, 11)).toThrow();
    expect(() => call(item, 'setBounds', 0, 10)).not.toThrow();
  });
});

describe.each(AMBIGUITY_VARIANTS)('the response tab (%s)', (_name, ambiguities) => {
  it('setDestination adds "Form Responses 1" with Timestamp and one column per question, earlier responses copied', () => {
    const { ws, form, id } = survey(ambiguities);
    ws.forms.submit(id, { 'We share one purpose': 3, 'Your organisation': 'Clinic' });
    call(form, 'setDestination', 'SPREADSHEET', ws.currentSpreadsheetId);
    const ss = ws.sheets.app.getActiveSpreadsheet();
    const names = ss.getSheets().map((s) => s.getName());
    const at = ambiguities.formResponseTab === 'first' ? 0 : names.length - 1;
    expect(names[at]).toBe('Form Responses 1');
    const sheet = ss.getSheetByName('Form Responses 1')!;
    expect(sheet.getRange(1, 1, 1, 4).getValues()[0]).toEqual([
      'Timestamp',
      'We share one purpose',
      'Your organisation',
      'What works well?',
    ]);
    const row = sheet.getRange(2, 1, 1, 4).getValues()[0];
    expect(Object.prototype.toString.call(row[0])).toBe('[object Date]');
    expect(row.slice(1)).toEqual([ambiguities.formScaleCell === 'number' ? 3 : '3', 'Clinic', '']);
    // A second form gets its own tab.
    const other = call(ws.forms.app, 'create', 'Another');
    call(other, 'setDestination', 'SPREADSHEET', ws.currentSpreadsheetId);
    expect(ss.getSheetByName('Form Responses 2')).not.toBeNull();
  });

  it('a person who opened the form before it closed: kept or refused as the option says', () => {
    const { ws, form, id } = survey(ambiguities);
    call(form, 'setAcceptingResponses', false);
    const send = () =>
      ws.forms.submit(id, { 'We share one purpose': 1 }, { startedWhileOpen: true });
    if (ambiguities.lateSubmission === 'accepted') expect(send).not.toThrow();
    else expect(send).toThrow(CLOSED_MESSAGE);
  });
});

describe('the spreadsheet form-submit trigger', () => {
  it('is created with forSpreadsheet(ss).onFormSubmit() and counts against one per user per document', () => {
    const { ws } = survey();
    const builder = () =>
      call(
        call(
          call(ws.script.app, 'newTrigger', 'handler'),
          'forSpreadsheet',
          ws.currentSpreadsheetId,
        ),
        'onFormSubmit',
      );
    call(builder(), 'create');
    expect(ws.script.triggersFor('ON_FORM_SUBMIT', ws.currentSpreadsheetId)).toHaveLength(1);
    expect(() => call(builder(), 'create')).toThrow(/too many/);
  });

  it('tells its listeners the row, values and namedValues once the row is written', () => {
    const { ws, form, id } = survey();
    call(form, 'setDestination', 'SPREADSHEET', ws.currentSpreadsheetId);
    const seen: unknown[] = [];
    ws.forms.onSubmit((e) => seen.push(e));
    ws.forms.submit(id, { 'We share one purpose': 2, 'What works well?': 'Trust' });
    expect(seen).toEqual([
      expect.objectContaining({
        row: 2,
        sheetName: 'Form Responses 1',
        values: [expect.any(String), '2', '', 'Trust'],
        namedValues: expect.objectContaining({
          'What works well?': ['Trust'],
          'Your organisation': [''],
        }),
      }),
    ]);
  });
});
