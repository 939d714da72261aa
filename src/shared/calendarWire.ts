// Types the calendar sidebar and the server exchange through google.script.run (JSON-shaped).
import type {
  ChangeKind,
  ConflictInfo,
  SyncChange,
  SyncError,
  SyncReport,
} from '../domain/calendarSync/report';
import type { CalendarMode } from './settings';

export type { ChangeKind, ConflictInfo, SyncChange, SyncError, SyncReport };

export interface CalendarChoice {
  id: string;
  name: string;
  timeZone: string;
  accessRole: string;
}

/** What the sidebar shows when it opens. */
export interface CalendarSyncState {
  planName: string;
  planTimeZone: string;
  mode: CalendarMode;
  calendarId: string | null;
  calendarName: string | null;
  calendarUrl: string | null;
  shareWithPartners: boolean;
  invitePartners: boolean;
  sendInvites: boolean;
  autoSync: AutoSyncSettings;
  /** The last run's summary line, if any. */
  lastRun: string | null;
  /** Who owns the calendar settings (null: nobody yet; the next to save them will). */
  owner: string | null;
  /** Whether the user looking may change them (the owner, or anyone while there is none). */
  isOwner: boolean;
}

export interface AutoSyncSettings {
  afterEdits: boolean;
  hourly: boolean;
}

/** The coordinator's choice of calendar in the sidebar. */
export interface CalendarChoiceInput {
  mode: 'new' | 'existing';
  /** For 'existing': the calendar's id. */
  calendarId?: string | null;
  shareWithPartners: boolean;
  invitePartners: boolean;
  sendInvites: boolean;
  /** The number of events the owner agreed to move to the new calendar (previewCalendarMove). */
  confirmMove?: number | null;
}

/** What switching calendars would move, for the sidebar's question. */
export interface CalendarMovePreview {
  events: number;
  from: string;
  to: string;
}

export interface SyncProgress {
  done: number;
  total: number;
  running: boolean;
}

export interface IcsFile {
  fileName: string;
  content: string;
  events: number;
  skippedRows: number;
}

export type ConflictChoice = 'sheet' | 'calendar';
