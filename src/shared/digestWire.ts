// What the goals sidebar's partner-digest section receives and sends.

/** One partner's email as it would go out now. */
export interface DigestEmailPreview {
  partner: string;
  to: string;
  /** The partner's row on the Partners tab (for a link). */
  row: number;
  subject: string;
  text: string;
  /** Escaped HTML: the sidebar shows it in a sandboxed frame, never as markup of its own. */
  html: string;
  /** True when this week's round already sent it. */
  sentThisWeek: boolean;
}

export interface DigestLeftOutPartner {
  partner: string;
  row: number;
  reason: string;
}

export interface DigestPreview {
  enabled: boolean;
  /** The settings owner (whose account sends), or null before anyone owns the settings. */
  owner: string | null;
  /** False for anyone but the owner: they see the preview but cannot turn it on or off. */
  canChange: boolean;
  emails: DigestEmailPreview[];
  leftOut: DigestLeftOutPartner[];
  /** Recipients this account may still mail today (MailApp's daily quota). */
  quota: number;
  lastRun: string | null;
  /** The Partners tab's name, for row links. */
  partnersTab: string;
  /**
   * True when the weekly email was turned on while a calendar sync was finishing in the
   * background: that sync's continuation holds the one clock trigger, and its end starts the email.
   */
  startsAfterSync: boolean;
}

export interface DigestSwitch {
  enabled: boolean;
}
