// The preview's form routes: a link (published, prefilled, edit) opens its form, required blanks are named, a closed form refuses.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { type Preview, startPreview } from '../../preview/server';

jest.setTimeout(120_000);

let preview: Preview;

beforeAll(async () => {
  preview = await startPreview({
    port: 0,
    blank: true,
    stateFile: join(mkdtempSync(join(tmpdir(), 'swp-forms-')), 'state.json'),
  });
});

afterAll(() => preview?.close());

type FormApp = GoogleAppsScript.Forms.FormApp;

/** A form made as the add-on makes one: a required scale, a required choice, an optional text. */
function makeForm() {
  const app = preview.addon().workspace.forms.app as unknown as FormApp;
  const form = app.create('Check');
  form.addScaleItem().setTitle('How is it going?').setBounds(1, 5).setRequired(true);
  form.addMultipleChoiceItem().setTitle('Which?').setChoiceValues(['A', 'B']).setRequired(true);
  const text = form.addTextItem().setTitle('Code');
  return { form, text };
}

const getJson = async (path: string) => {
  const res = await fetch(new URL(path, preview.url));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const submit = async (id: string, answers: Record<number, string>) =>
  (
    await fetch(new URL('/api/form-submit', preview.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id, answers }),
    })
  ).json() as Promise<{ ok: boolean; error?: string; missing?: number[] }>;

test('a prefilled link opens its form with exactly the answers it carries (any text)', async () => {
  const { form, text } = makeForm();
  await fc.assert(
    fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40 }), async (code) => {
      const link = form
        .createResponse()
        .withItemResponse(text.createResponse(code))
        .toPrefilledUrl();
      const { status, body } = await getJson(`/api/form?url=${encodeURIComponent(link)}`);
      expect(status).toBe(200);
      expect(body.id).toBe(form.getId());
      expect(body.prefilled).toEqual({ [text.getId()]: code });
    }),
    { numRuns: 25 },
  );
  for (const address of [form.getPublishedUrl(), form.getEditUrl()]) {
    const { body } = await getJson(`/api/form?url=${encodeURIComponent(address)}`);
    expect(body).toMatchObject({ id: form.getId(), prefilled: {} });
  }
  const unknown = await getJson(`/api/form?url=${encodeURIComponent('https://example.org/x')}`);
  expect(unknown.status).toBe(404);
  expect(unknown.body.error).toMatch(/^This link is not a form in this preview/);
});

test('required questions left blank are named and nothing is recorded; a closed form refuses', async () => {
  const { form } = makeForm();
  const [scale, choice] = form.getItems().map((i) => i.getId());
  const state = () => preview.addon().workspace.forms.forms.get(form.getId())!;
  const blank = await submit(form.getId(), { [scale]: '4' });
  expect(blank).toMatchObject({ ok: false, missing: [choice] });
  expect(blank.error).toBe('One required question has no answer yet.');
  expect(state().responses).toHaveLength(0);
  expect(await submit(form.getId(), { [scale]: '4', [choice]: 'B' })).toEqual({
    ok: true,
    confirmation: 'Your response has been recorded.',
  });
  expect(state().responses).toHaveLength(1);
  form.setAcceptingResponses(false);
  const closed = await submit(form.getId(), { [scale]: '2', [choice]: 'A' });
  expect(closed).toEqual({ ok: false, error: 'This form is no longer accepting responses' });
  expect(state().responses).toHaveLength(1);
  const listed = await fetch(new URL('/api/forms', preview.url)).then((r) => r.json());
  expect(listed).toContainEqual({
    id: form.getId(),
    title: 'Check',
    accepting: false,
    responses: 1,
  });
});
