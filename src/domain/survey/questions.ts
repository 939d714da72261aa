// The community survey's questions and the form's description, in our own words (docs/community-survey.md).

/** Who fills the form in: the person asked, or a surveyor entering an interview they ran. */
export const MODE_QUESTION = 'Are you answering for yourself, or entering an interview you ran?';
export const MODE_SELF = 'For myself';
export const MODE_SURVEYOR = 'I am a surveyor entering an interview I ran';

export const GROUP_QUESTION = 'Who was asked?';
export const GROUPS = ['Youth', 'Parents', 'Residents', 'Other'] as const;

export const COUNT_QUESTION = 'Surveyors: how many people did you ask?';

export const KIND_QUESTION = 'Is this a strength of the community, or something missing or hard?';
export const KIND_ASSET = 'A strength: something the community has and could share';
export const KIND_NEED = 'Something missing or hard';

export const CATEGORY_QUESTION = 'Which area is it about?';
export const DESCRIPTION_QUESTION = 'Describe it in a sentence or two';
export const EVIDENCE_QUESTION = 'An example, or what makes you say so';

/** Asked only when the coordinator ticked that they want names. */
export const NAME_QUESTION = 'Your name (optional)';
export const EMAIL_QUESTION = 'Your email (optional)';

/** What the form says about the answers: what happens to them, and whether names are collected. */
export function surveyDescription(planName: string, names: boolean): string {
  return [
    `${planName} is listening to youth, parents and residents: what the community already has, and what is missing or hard.`,
    'Answer for yourself, or, if you are a surveyor, enter each interview you ran as one answer.',
    'Your answers go to the partnership’s coordinator. Each one is read, and the ones they accept become a line of the partnership’s assessment (what, which area, your example, and which group was asked), which every partner can see.',
    names
      ? 'Your name and email are optional. If you give them, the coordinator sees them, and they are noted beside the line your answer becomes, which partners can see.'
      : 'This form does not collect your name or email.',
  ].join('\n\n');
}

export const CONFIRMATION =
  'Thank you. The coordinator reads every answer and adds the ones they accept to the partnership’s assessment.';
