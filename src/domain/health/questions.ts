// The health check's question bank, in our own words: eight factors, two agreement statements each, two open questions.

/** The factors collaboration research names, in the order the form and the tab show them. */
export const FACTORS = [
  'purpose',
  'communication',
  'trust',
  'roles',
  'resources',
  'leadership',
  'decisions',
  'progress',
] as const;
export type FactorKey = (typeof FACTORS)[number];

export interface Statement {
  key: string;
  factor: FactorKey;
  /** The statement as the form shows it: a question title is also the response tab's header. */
  text: string;
}

export const FACTOR_NAMES: Record<FactorKey, string> = {
  purpose: 'Shared purpose and goals',
  communication: 'Communication',
  trust: 'Trust and respect',
  roles: 'Clear roles',
  resources: 'Resources',
  leadership: 'Leadership',
  decisions: 'Decision-making',
  progress: 'Progress and results',
};

/**
 * Two statements a factor, so one badly worded line does not decide a factor's score. Written for
 * a partner who reads them once, on a phone: short, one idea each, no jargon.
 */
export const STATEMENTS: readonly Statement[] = [
  {
    key: 'purpose1',
    factor: 'purpose',
    text: 'I can say in a sentence what this partnership is for.',
  },
  {
    key: 'purpose2',
    factor: 'purpose',
    text: 'Our goals matter to my organisation as much as to the others.',
  },
  {
    key: 'communication1',
    factor: 'communication',
    text: 'I hear about plans and changes in time to act on them.',
  },
  {
    key: 'communication2',
    factor: 'communication',
    text: 'I know whom to ask when I need something from a partner.',
  },
  {
    key: 'trust1',
    factor: 'trust',
    text: 'I can raise a problem here without it being held against me.',
  },
  { key: 'trust2', factor: 'trust', text: 'Partners do what they said they would do.' },
  {
    key: 'roles1',
    factor: 'roles',
    text: 'I know what my organisation is expected to do in this partnership.',
  },
  {
    key: 'roles2',
    factor: 'roles',
    text: 'Work is rarely done twice or left undone because nobody owned it.',
  },
  {
    key: 'resources1',
    factor: 'resources',
    text: 'We have enough time, people and money for what we plan.',
  },
  {
    key: 'resources2',
    factor: 'resources',
    text: 'What each partner brings is known and put to use.',
  },
  {
    key: 'leadership1',
    factor: 'leadership',
    text: 'Someone keeps the partnership moving between meetings.',
  },
  {
    key: 'leadership2',
    factor: 'leadership',
    text: 'Leadership makes room for every partner to take part.',
  },
  { key: 'decisions1', factor: 'decisions', text: 'I understand how decisions are made here.' },
  {
    key: 'decisions2',
    factor: 'decisions',
    text: 'My organisation has a real say in decisions that affect it.',
  },
  { key: 'progress1', factor: 'progress', text: 'I can see what our work has changed so far.' },
  {
    key: 'progress2',
    factor: 'progress',
    text: 'We look at our results and adjust the plan when needed.',
  },
];

/** The agreement scale's ends, 1 to 5 (ScaleItem labels). */
export const SCALE = {
  lower: 1,
  upper: 5,
  lowerLabel: 'Strongly disagree',
  upperLabel: 'Strongly agree',
};

export const OPEN_QUESTIONS = [
  { key: 'working', text: 'What is working well in this partnership?' },
  { key: 'change', text: 'What one change would help the partnership most?' },
] as const;

/** A self-declared organisation, only for splits that the anonymity rule allows. */
export const ORGANISATION_QUESTION = 'Which organisation are you answering for?';
export const ORGANISATION_UNSAID = 'Prefer not to say';

/**
 * The invitation code a personal link fills in: it tells the add-on who has answered (so reminders
 * go only to the others); the form-submit trigger blanks it from the response tab at once.
 */
export const CODE_QUESTION = 'Invitation code (filled in for you; leave as it is)';

export const FORM_DESCRIPTION =
  'A short, anonymous check on how our partnership is going: 16 statements and two open questions, about 5 minutes. ' +
  'Your name and email are not collected. Answers are only shown added together: a score per factor, and never split ' +
  'by organisation unless at least 3 people from it answered. The coordinator uses the results to plan what to improve.';

export const statementsOf = (factor: FactorKey) => STATEMENTS.filter((s) => s.factor === factor);
