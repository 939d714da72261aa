// One partner's digest as an email: a subject, a plain-text body and an HTML body with every typed word escaped.
import { counts, plural } from '../../shared/plural';
import { localeDay } from '../time/localeDate';
import { type DigestHealthInvite, healthSectionHtml, healthSectionText } from './healthSection';
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
  /** The spreadsheet's locale: the email writes dates as the plan's cells show them. */
  locale: string;
}

/** Who the email is for: the organisation, and the person it greets (its Contact). */
export interface DigestReader {
  name: string;
  /** The Contact cell as typed; '' greets the organisation's team. */
  contact: string;
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

const line = (i: DigestItem, locale: string) =>
  `${i.date ? localeDay(i.date, locale) : 'no date'}: ${i.label}${i.status ? ` (${i.status})` : ''} — ${i.tab}, row ${i.row}`;

/** A first email lists at most this many open items; the rest are counted. */
export const FIRST_EMAIL_ITEMS = 10;

interface Section {
  title: string;
  lines: string[];
  /** Said instead of the lines when there are none. */
  none: string;
  /** Said above the lines (the first email's explanation). */
  intro?: string;
}

function sections(digest: PartnerDigest, locale: string): Section[] {
  const shown = (items: DigestItem[], max = Number.POSITIVE_INFINITY) => [
    ...items.slice(0, max).map((i) => line(i, locale)),
    ...(items.length > max
      ? [`… and ${plural(items.length - max, 'more item', 'more items')} in the plan.`]
      : []),
  ];
  const changed: Section = digest.first
    ? {
        title: 'Yours in the plan',
        intro:
          'This is the first weekly email, so there is no earlier week to compare with: here is everything of yours still open. From next week, this part lists what changed.',
        lines: shown(digest.changed, FIRST_EMAIL_ITEMS),
        none: 'Nothing of yours is open in the plan yet.',
      }
    : {
        title: 'Changed since last week',
        lines: shown(digest.changed),
        none: 'Nothing of yours changed since last week.',
      };
  return [
    {
      title: 'Due in the next two weeks',
      lines: shown(digest.due),
      none: 'Nothing is due in the next two weeks.',
    },
    { title: 'Overdue', lines: shown(digest.overdue), none: 'Nothing is overdue.' },
    changed,
  ];
}

/** "2 items due soon and 1 overdue item", "nothing due", "3 changes": the subject's counts. */
function subjectCounts(digest: PartnerDigest): string {
  const due = counts(
    [
      [digest.due.length, 'item due soon', 'items due soon'],
      [digest.overdue.length, 'overdue item', 'overdue items'],
    ],
    'nothing due',
  );
  if (digest.first || digest.changed.length === 0) return due;
  return `${due}, ${plural(digest.changed.length, 'change')}`;
}

/** The email's own layout: the plan link and long words wrap inside a phone's width (375 px). */
const BODY_STYLE = 'max-width:600px;overflow-wrap:anywhere;word-break:break-word';

export function renderDigest(
  reader: DigestReader,
  digest: PartnerDigest,
  context: DigestContext,
  /** The open health check round's section, for a reader who has not answered it yet. */
  health: DigestHealthInvite | null = null,
): DigestEmail {
  const subject = oneLine(
    `${context.planName}: this week for ${reader.name} (${subjectCounts(digest)})`,
  );
  // A person reads it: greet the contact by name; the organisation's team when nobody is named.
  const greeting = `Hello ${reader.contact.trim() || `${reader.name} team`},`;
  const intro = `here is this week in ${context.planName} for ${reader.name}.`;
  const outro = `${context.coordinator || 'The coordinator'} sends this weekly update. Reply to this email to ask them anything; to stop it, ask them to tick “No weekly email” for you on the Partners tab.`;
  const parts = sections(digest, context.locale);
  const text = [
    `${greeting} ${intro}`,
    '',
    ...parts.flatMap((s) => [
      `${s.title}:`,
      ...(s.lines.length
        ? [...(s.intro ? [s.intro] : []), ...s.lines.map((l) => `- ${l}`)]
        : [s.none]),
      '',
    ]),
    ...(health ? healthSectionText(health) : []),
    ...(context.url ? [`The plan: ${context.url}`, ''] : []),
    outro,
  ].join('\n');
  const html = [
    `<div style="${BODY_STYLE}">`,
    `<p>${escapeHtml(`${greeting} ${intro}`)}</p>`,
    ...parts.map(
      (s) =>
        `<h3>${escapeHtml(s.title)}</h3>${
          s.lines.length
            ? `${s.intro ? `<p>${escapeHtml(s.intro)}</p>` : ''}<ul>${s.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`
            : `<p>${escapeHtml(s.none)}</p>`
        }`,
    ),
    health ? healthSectionHtml(health) : '',
    context.url ? `<p><a href="${escapeHtml(context.url)}">Open the plan</a></p>` : '',
    `<p style="color:#5f6368">${escapeHtml(outro)}</p>`,
    '</div>',
  ].join('');
  return { subject, text, html };
}
