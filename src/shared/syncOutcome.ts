// The calendar sidebar's one-line outcome of a sync or preview: words and colour that match what happened.
import { plural } from './plural';

export interface SyncOutcomeInput {
  preview: boolean;
  failed: number;
  conflicts: number;
  complete: boolean;
}

export interface SyncOutcome {
  kind: 'success' | 'warning';
  text: string;
}

/**
 * "Sync finished." in green only when every row synced; rows to fix, changes waiting for a choice
 * or a run that stopped early say so in the warning colour (the run itself did not fail).
 */
export function syncOutcome(r: SyncOutcomeInput): SyncOutcome {
  const open = [
    r.failed ? `${plural(r.failed, 'row')} ${r.failed === 1 ? 'needs' : 'need'} fixing` : '',
    r.conflicts
      ? `${plural(r.conflicts, 'event')} changed in Google Calendar ${r.conflicts === 1 ? 'needs' : 'need'} a choice`
      : '',
    !r.preview && !r.complete ? 'the rest follows in the next run' : '',
  ].filter(Boolean);
  const head = r.preview ? 'Preview ready: nothing was written' : 'Sync finished';
  return open.length
    ? { kind: 'warning', text: `${head}; ${open.join('; ')}.` }
    : { kind: 'success', text: `${head}.` };
}
