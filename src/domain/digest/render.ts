// One partner's digest as an email: a subject, a plain-text body and an HTML body with every typed word escaped.
import { plural } from '../../shared/plural';
import { peopleDate } from '../time/peopleTime';
import type { DigestItem, PartnerDigest } from './items';

export interface DigestEmail {
  subject: string;
  text: string;
  html: string;
}

export interface DigestContext {
  planName: string;
  coordinator: string;
  /** The spreadsheet's address, so a partner can open the plan (only editors can). */
  url: string;
}

/** Partner-typed text goes into HTML only through this: `<script>`, `&` and quotes stay text. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A subject is one line: typed line breaks would end a mail header. */
const oneLine = (text: string) => text.replace(/[\r\n\t]+/g, ' ').trim();

const shownDate = (iso: string | null) => {
  if (!iso) return 'no date';
  const [year, month, day] = iso.split('-').map(Number);
  return peopleDate({ year, month, day });
};

const line = (i: DigestItem) =>
  `${shownDate(i.date)}: ${i.label}${i.status ? ` (${i.status})` : ''} — ${i.tab}, row ${i.row}`;

const SECTIONS: readonly [keyof PartnerDigest, string, string][] = [
  ['due', 'Due in the next two weeks', 'Nothing is due in the next two weeks.'],
  ['overdue', 'Overdue', 'Nothing is overdue.'],
  ['changed', 'Changed since last week', 'Nothing of yours changed since last week.'],
];

export function renderDigest(
  partnerName: string,
  digest: PartnerDigest,
  context: DigestContext,
): DigestEmail {
  const counts = [
    plural(digest.due.length, 'item due'),
    plural(digest.overdue.length, 'overdue item'),
    plural(digest.changed.length, 'change'),
  ].join(', ');
  const subject = oneLine(`${context.planName}: this week for ${partnerName} (${counts})`);
  const intro = `Hello ${partnerName}, here is what is yours in ${context.planName} this week.`;
  const outro = `${context.coordinator || 'The coordinator'} sends this weekly update. Reply to this email to ask them anything; to stop it, ask them to tick “No weekly email” for you on the Partners tab.`;
  const text = [
    intro,
    '',
    ...SECTIONS.flatMap(([key, title, none]) => [
      `${title}:`,
      ...(digest[key].length ? digest[key].map((i) => `- ${line(i)}`) : [none]),
      '',
    ]),
    ...(context.url ? [`The plan: ${context.url}`, ''] : []),
    outro,
  ].join('\n');
  const html = [
    `<p>${escapeHtml(intro)}</p>`,
    ...SECTIONS.map(
      ([key, title, none]) =>
        `<h3>${escapeHtml(title)}</h3>${
          digest[key].length
            ? `<ul>${digest[key].map((i) => `<li>${escapeHtml(line(i))}</li>`).join('')}</ul>`
            : `<p>${escapeHtml(none)}</p>`
        }`,
    ),
    context.url ? `<p><a href="${escapeHtml(context.url)}">Open the plan</a></p>` : '',
    `<p style="color:#5f6368">${escapeHtml(outro)}</p>`,
  ].join('');
  return { subject, text, html };
}
