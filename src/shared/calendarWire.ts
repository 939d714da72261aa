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
