// The preview's Google Forms: the forms in the emulated Drive, and one opened as a respondent sees it, to answer.
import { el } from '../../sidebar/common/dom';
import type {
  PreviewForm,
  PreviewFormItem,
  PreviewFormSummary,
  PreviewSubmitAnswer,
} from '../forms';

/** Google's mark under a required question left blank (S: as respondents see it). */
export const REQUIRED_MESSAGE = 'This is a required question';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export class FormsView {
  constructor(
    private readonly view: HTMLElement,
    /** Called after a response is recorded: the add-on's trigger may have changed the sheets. */
    private readonly onSubmitted: () => void,
  ) {}

  /** The forms list, newest first, with a field to open a form link pasted from an email. */
  async showList(): Promise<void> {
    const forms = (await (await fetch('/api/forms')).json()) as PreviewFormSummary[];
    const rows = [...forms].reverse().map((f) => {
      const open = el('button', { type: 'button', class: 'link' }, f.title);
      open.addEventListener('click', () => void this.open(`id=${encodeURIComponent(f.id)}`));
      return el(
        'li',
        { class: 'form-row', 'data-form': f.id },
        open,
        el(
          'span',
          { class: f.accepting ? 'form-open' : 'form-closed' },
          f.accepting ? 'Accepting responses' : 'Closed',
        ),
        el('span', {}, plural(f.responses, 'response')),
      );
    });
    this.view.replaceChildren(
      el(
        'p',
        { class: 'forms-hint' },
        'The forms the add-on made, as Google Forms holds them. Open one to answer it as a partner would: the answer goes to its response tab and the add-on sees it.',
      ),
      this.linkField(),
      forms.length
        ? el('ul', { class: 'form-list', 'aria-label': 'Forms' }, ...rows)
        : el(
            'p',
            { class: 'empty' },
            'No forms yet. A health check round or a community survey makes one.',
          ),
    );
  }

  /** Opens a Google Forms link (published, personal/prefilled or edit), as a click in a sidebar does. */
  openUrl(url: string): Promise<void> {
    return this.open(`url=${encodeURIComponent(url)}`);
  }

  private linkField(): HTMLElement {
    const input = el('input', {
      type: 'url',
      id: 'form-link',
      placeholder: 'https://docs.google.com/forms/…',
    });
    const form = el(
      'form',
      { class: 'form-link' },
      el(
        'label',
        { for: 'form-link' },
        'Open a form link (for example a personal link from an email)',
      ),
      input,
      el('button', { type: 'submit' }, 'Open'),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (input.value.trim()) void this.openUrl(input.value.trim());
    });
    return form;
  }

  private async open(query: string): Promise<void> {
    const res = await fetch(`/api/form?${query}`);
    const body = (await res.json()) as PreviewForm | { error: string };
    if ('error' in body) {
      await this.showList();
      this.view.prepend(el('p', { class: 'form-error', role: 'alert' }, body.error));
      return;
    }
    this.showForm(body);
  }

  private backButton(): HTMLButtonElement {
    const back = el('button', { type: 'button', class: 'link' }, '‹ All forms');
    back.addEventListener('click', () => void this.showList());
    return back;
  }

  private header(form: PreviewForm, ...extra: Node[]): HTMLElement {
    return el(
      'div',
      { class: 'gform-card gform-head' },
      el('h2', { id: 'gform-title' }, form.title),
      form.description ? el('p', { class: 'gform-description' }, form.description) : null,
      ...extra,
    );
  }

  private showForm(form: PreviewForm): void {
    this.view.scrollTop = 0;
    if (!form.accepting) {
      this.view.replaceChildren(
        this.backButton(),
        el(
          'div',
          { class: 'gform', 'aria-labelledby': 'gform-title', role: 'region' },
          this.header(form, el('p', { class: 'gform-closed', role: 'status' }, form.closedMessage)),
        ),
      );
      return;
    }
    const formEl = el(
      'form',
      { class: 'gform', 'aria-labelledby': 'gform-title', novalidate: true },
      this.header(
        form,
        el(
          'p',
          { class: 'gform-required-note' },
          el('span', { class: 'star' }, '*'),
          ' Indicates required question',
        ),
      ),
      ...form.items.map((item) => questionCard(item, form.prefilled[item.id] ?? '')),
      el('p', { class: 'form-error', id: 'gform-error', role: 'alert' }),
      el(
        'div',
        { class: 'gform-actions' },
        el('button', { type: 'submit', class: 'gform-submit' }, 'Submit'),
      ),
    );
    formEl.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.send(form, formEl);
    });
    this.view.replaceChildren(this.backButton(), formEl);
  }

  private async send(form: PreviewForm, formEl: HTMLFormElement): Promise<void> {
    const answers: Record<number, string> = {};
    for (const item of form.items) answers[item.id] = answerOf(formEl, item);
    const res = await fetch('/api/form-submit', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: form.id, answers }),
    });
    const answer = (await res.json()) as PreviewSubmitAnswer;
    for (const card of Array.from(formEl.querySelectorAll<HTMLElement>('.gform-question')))
      markRequired(card, false);
    if (!answer.ok) {
      formEl.querySelector('#gform-error')!.textContent = answer.error;
      const missing = (answer.missing ?? []).map((id) =>
        formEl.querySelector<HTMLElement>(`[data-item="${id}"]`),
      );
      for (const card of missing) if (card) markRequired(card, true);
      missing[0]?.querySelector<HTMLElement>('input, textarea')?.focus();
      return;
    }
    this.onSubmitted();
    const again = el('button', { type: 'button', class: 'link' }, 'Submit another response');
    again.addEventListener('click', () => void this.open(`id=${encodeURIComponent(form.id)}`));
    this.view.replaceChildren(
      this.backButton(),
      el(
        'div',
        { class: 'gform', role: 'region', 'aria-labelledby': 'gform-title' },
        this.header(
          form,
          el('p', { class: 'gform-done', role: 'status' }, answer.confirmation),
          again,
        ),
      ),
    );
  }
}

function markRequired(card: HTMLElement, on: boolean): void {
  card.classList.toggle('unanswered', on);
  const note = card.querySelector<HTMLElement>('.required-error')!;
  note.textContent = on ? REQUIRED_MESSAGE : '';
  for (const input of Array.from(card.querySelectorAll('input, textarea')))
    input.setAttribute('aria-invalid', String(on));
}

function answerOf(formEl: HTMLFormElement, item: PreviewFormItem): string {
  const name = `item-${item.id}`;
  if (item.type === 'SCALE' || item.type === 'MULTIPLE_CHOICE')
    return formEl.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? '';
  return (
    formEl.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)?.value ?? ''
  );
}

/** One question as a card: its title (starred when required), help text, input and the required mark. */
function questionCard(item: PreviewFormItem, prefilled: string): HTMLElement {
  const titleId = `item-${item.id}-title`;
  const errorId = `item-${item.id}-error`;
  const star = item.required
    ? [
        el('span', { class: 'star', 'aria-hidden': 'true' }, ' *'),
        el('span', { class: 'visually-hidden' }, ' (required)'),
      ]
    : [];
  const help = item.helpText
    ? el('p', { class: 'gform-help', id: `item-${item.id}-help` }, item.helpText)
    : null;
  const described = [help ? `item-${item.id}-help` : '', errorId].filter(Boolean).join(' ');
  const error = el('p', { class: 'required-error', id: errorId });
  const choices = item.type === 'SCALE' ? scaleValues(item) : (item.choices ?? []);
  if (item.type === 'SCALE' || item.type === 'MULTIPLE_CHOICE')
    return el(
      'fieldset',
      {
        class: 'gform-card gform-question',
        'data-item': String(item.id),
        'aria-describedby': described,
      },
      el('legend', { id: titleId }, item.title, ...star),
      help,
      item.type === 'SCALE'
        ? scaleRow(item, choices, prefilled)
        : choiceList(item, choices, prefilled),
      error,
    );
  const name = `item-${item.id}`;
  const attrs = {
    id: name,
    name,
    'aria-describedby': described,
    'aria-required': String(item.required),
  };
  const input =
    item.type === 'PARAGRAPH_TEXT'
      ? el('textarea', { ...attrs, rows: '3' })
      : el('input', { ...attrs, type: 'text' });
  input.value = prefilled;
  return el(
    'div',
    { class: 'gform-card gform-question', 'data-item': String(item.id) },
    el('label', { for: name, id: titleId }, item.title, ...star),
    help,
    input,
    error,
  );
}

function scaleValues(item: PreviewFormItem): string[] {
  const values: string[] = [];
  for (let n = item.lower ?? 1; n <= (item.upper ?? 5); n++) values.push(String(n));
  return values;
}

function radio(
  item: PreviewFormItem,
  value: string,
  prefilled: string,
  label: string,
): HTMLElement {
  const input = el('input', { type: 'radio', name: `item-${item.id}`, value, 'aria-label': label });
  input.checked = value === prefilled;
  return input;
}

/** A linear scale: the numbers in a row between its two labels, each labelled for a screen reader. */
function scaleRow(item: PreviewFormItem, values: string[], prefilled: string): HTMLElement {
  const left = item.leftLabel ?? '';
  const right = item.rightLabel ?? '';
  return el(
    'div',
    { class: 'gform-scale' },
    el('span', { class: 'scale-label', 'aria-hidden': 'true' }, left),
    ...values.map((v, i) => {
      const end = i === 0 ? left : i === values.length - 1 ? right : '';
      return el(
        'label',
        { class: 'scale-point' },
        el('span', { 'aria-hidden': 'true' }, v),
        radio(item, v, prefilled, end ? `${v} (${end})` : v),
      );
    }),
    el('span', { class: 'scale-label', 'aria-hidden': 'true' }, right),
  );
}

function choiceList(item: PreviewFormItem, values: string[], prefilled: string): HTMLElement {
  return el(
    'div',
    { class: 'gform-choices' },
    ...values.map((v) => el('label', { class: 'choice' }, radio(item, v, prefilled, v), ` ${v}`)),
  );
}
