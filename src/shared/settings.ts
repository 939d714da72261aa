// The plan's settings: written by set-up, read by every feature (and shown in the sidebars).

export type CalendarMode = 'none' | 'new' | 'existing';

/**
 * Events someone else adds to the plan's calendar: not read ('off'), listed for the coordinator
 * to accept or decline ('propose', the default), or brought in as rows by every sync ('automatic').
 */
export type ImportMode = 'off' | 'propose' | 'automatic';

export interface CalendarSettings {
  mode: CalendarMode;
  /** The target calendar's id once created or chosen; null while mode is 'none'. */
  calendarId: string | null;
  /** Share the calendar with partners' emails (Advanced Calendar service ACL). */
  shareWithPartners: boolean;
  /** Add partners ticked "Calendar invite" as guests of each event. */
  invitePartners: boolean;
  /** Email invitations when guests are added (off by default, as CalendarApp's sendInvites). */
  sendInvites: boolean;
  /**
   * Who owns these settings (an email): the user who saved them or set up automatic sync. Only
   * they may change them, and only their triggers act on them (docs/security.md). Null until
   * someone saves them, and in settings stored before owners existed.
   */
  owner: string | null;
  /**
   * Who gave the settings up by turning both automatic syncs off (the hand-over before "Hand over
   * the plan"): while the owner is null because of that, no trigger acts or claims the settings,
   * so an account left with a trigger never takes the plan back. Absent otherwise.
   */
  releasedBy?: string | null;
  /** The automatic syncs as the owner last set them (others cannot see the owner's triggers). */
  autoSync: { afterEdits: boolean; hourly: boolean };
  /** Foreign events: an authority setting (an automatic import acts with the owner's account). */
  importMode: ImportMode;
}

/**
 * The organisation the partnership starts from (the school, the coalition's host): a row of the
 * Partners tab like any partner, named by the coordinator at set-up (docs/lead-organisation.md).
 */
export interface LeadOrganisation {
  /** Its Partners-tab ID (P1…): renaming the row keeps it the lead. */
  partnerId: string;
  /** Its name when the coordinator chose it: used while the row cannot be found. */
  name: string;
}

export interface PlanSettings {
  name: string;
  purpose: string;
  coordinator: string;
  coordinatorEmail: string;
  /** The plan's time zone (IANA): how dates and times typed in the sheet are read. */
  timeZone: string;
  calendar: CalendarSettings;
  /** The schema version the sheet was last set up or repaired with. */
  schemaVersion: number;
  /**
   * The lead organisation, as the coordinator answered. Absent in plans set up before schema 4
   * until the coordinator answers set-up's question: it is never guessed.
   */
  leadOrganisation?: LeadOrganisation;
}

export const DEFAULT_CALENDAR_SETTINGS: CalendarSettings = {
  mode: 'none',
  calendarId: null,
  shareWithPartners: false,
  invitePartners: false,
  sendInvites: false,
  owner: null,
  autoSync: { afterEdits: false, hourly: false },
  importMode: 'propose',
};
