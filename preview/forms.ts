// The preview's Google Forms: the emulated forms listed, one shown as a respondent sees it, and a respondent's answers sent.
import type { Addon } from '../emulator/addon';
import { CLOSED_MESSAGE, type FormState, type ItemState } from '../emulator/forms';

/** A form in the Forms view's list. */
export interface PreviewFormSummary {
  id: string;
  title: string;
  accepting: boolean;
  responses: number;
}

/** A question as the respondent sees it: the emulated item as is (its kind decides the input). */
export type PreviewFormItem = ItemState;

/** One form opened for answering, with a prefilled link's answers (by item id) filled in. */
export interface PreviewForm {
  id: string;
  title: string;
  description: string;
  accepting: boolean;
  /** What Google shows instead of the questions once the form is closed. */
  closedMessage: string;
  items: PreviewFormItem[];
  prefilled: Record<number, string>;
}

/** What the respondent is told after pressing Submit. */
export type PreviewSubmitAnswer =
  | { ok: true; confirmation: string }
  | { ok: false; error: string; missing?: number[] };

/** (S) Google's words after a submission when the form sets no confirmation message of its own. */
export const DEFAULT_CONFIRMATION = 'Your response has been recorded.';

const formsOf = (addon: Addon) => addon.workspace.forms;

export function listForms(addon: Addon): PreviewFormSummary[] {
  return [...formsOf(addon).forms.values()].map((f) => ({
    id: f.id,
    title: f.title || 'Untitled form',
    accepting: f.accepting,
    responses: f.responses.length,
  }));
}

/**
 * The form a Google Forms address names: the published (/d/e/1FAIpQL<id>/viewform, perhaps with
 * prefilled entry.N answers) or the edit address (/d/<id>/edit); null when it names none here.
 */
export function formForUrl(addon: Addon, url: string): PreviewForm | null {
  const forms = formsOf(addon);
  const published = /\/forms\/d\/e\/1FAIpQL([^/?#]+)\/viewform(?:\?|$|#)/.exec(url);
  const edit = /\/forms\/d\/(?!e\/)([^/?#]+)\/edit/.exec(url);
  const id = published?.[1] ?? edit?.[1];
  const form = id ? forms.forms.get(id) : undefined;
  if (!form) return null;
  const prefilled: Record<number, string> = {};
  if (published && url.includes('?')) {
    // The emulator reads the entry.N answers by title, as a respondent opening the link would see them.
    const byTitle = forms.prefilled(url).answers;
    for (const item of form.items)
      if (item.title in byTitle) prefilled[item.id] = byTitle[item.title];
  }
  return formView(form, prefilled);
}

export function formById(addon: Addon, id: string): PreviewForm | null {
  const form = formsOf(addon).forms.get(id);
  return form ? formView(form, {}) : null;
}

function formView(form: FormState, prefilled: Record<number, string>): PreviewForm {
  return {
    id: form.id,
    title: form.title || 'Untitled form',
    description: form.description,
    accepting: form.accepting,
    closedMessage: CLOSED_MESSAGE,
    items: form.items.map((i) => ({ ...i, choices: i.choices ? [...i.choices] : undefined })),
    prefilled,
  };
}

/**
 * A respondent presses Submit: required questions left blank are named first, as Google marks
 * them before sending; then the emulator's submit, so the response tab gets its row and the
 * add-on's form-submit trigger runs, exactly as in the tests.
 */
export function submitForm(
  addon: Addon,
  id: string,
  answers: Record<string, unknown>,
): PreviewSubmitAnswer {
  const form = formsOf(addon).forms.get(id);
  if (!form) return { ok: false, error: 'This form no longer exists.' };
  if (!form.accepting) return { ok: false, error: CLOSED_MESSAGE };
  const byTitle: Record<string, string> = {};
  const missing: number[] = [];
  for (const item of form.items) {
    const value = String(answers[item.id] ?? '').trim();
    if (value) byTitle[item.title] = value;
    else if (item.required) missing.push(item.id);
  }
  if (missing.length)
    return {
      ok: false,
      missing,
      error:
        missing.length === 1
          ? 'One required question has no answer yet.'
          : `${missing.length} required questions have no answer yet.`,
    };
  try {
    formsOf(addon).submit(id, byTitle);
  } catch (error) {
    // The emulator's own refusals start "Emulator: "; the respondent reads the sentence only.
    return { ok: false, error: (error as Error).message.replace(/^Emulator: /, '') };
  }
  return { ok: true, confirmation: form.confirmation || DEFAULT_CONFIRMATION };
}
