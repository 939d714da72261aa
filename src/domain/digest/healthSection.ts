// The weekly email's health check section: the open round, the day it closes and the reader's own link.
import { escapeHtml } from './render';

/** What one reader's weekly email says about the open health check round. */
export interface DigestHealthInvite {
  /** The round's name as the sidebar and the Health check tab show it ("R2"). */
  round: string;
  /** The closing day, already written in the sheet locale's short date. */
  closes: string;
  /**
   * The reader's personal link (the form with their own code filled in); null in the preview,
   * which any editor may open and which must not hand anyone another person's code.
   */
  link: string | null;
}

export const HEALTH_SECTION_TITLE = 'Partnership health check';

/** What the preview shows where each reader's own link goes. */
export const LINK_IN_PREVIEW = '(each reader’s own link goes here when the email is sent)';

/** The section's sentences: what it is, until when, and that answers are anonymous. */
function sentences(invite: DigestHealthInvite): string[] {
  return [
    `How is our partnership going? Round ${invite.round} of the partnership health check is open until ${invite.closes}: a few statements to agree or disagree with and two open questions, about 5 minutes.`,
    'Your name and email are not collected with your answers; results are only shown as totals.',
  ];
}

/** The plain-text part's lines (the link on a line of its own, so mail apps make it clickable). */
export function healthSectionText(invite: DigestHealthInvite): string[] {
  return [
    `${HEALTH_SECTION_TITLE}:`,
    ...sentences(invite),
    `Your own link: ${invite.link ?? LINK_IN_PREVIEW}`,
    '',
  ];
}

/** The HTML part's section: the link behind short words, so a long address never widens the mail. */
export function healthSectionHtml(invite: DigestHealthInvite): string {
  return [
    `<h3>${escapeHtml(HEALTH_SECTION_TITLE)}</h3>`,
    ...sentences(invite).map((s) => `<p>${escapeHtml(s)}</p>`),
    invite.link
      ? `<p><a href="${escapeHtml(invite.link)}">Open the health check (your own link)</a></p>`
      : `<p>${escapeHtml(`Open the health check: ${LINK_IN_PREVIEW}`)}</p>`,
  ].join('');
}
