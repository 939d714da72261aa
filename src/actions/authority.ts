// Who may change what the coordinator's triggers do. Minimal version for issue 10a: helper 10b owns this file.
import type { GoogleServices } from '../adapters/google';
import { normaliseEmail } from '../domain/people/approvals';
import { UserError } from '../shared/errors';
import type { PlanSettings } from '../shared/settings';

/** The owner of the authority settings (10b adds the field to CalendarSettings); null before anyone owns them. */
export function settingsOwner(settings: PlanSettings): string | null {
  const owner = (settings.calendar as { owner?: string | null }).owner;
  return owner ? normaliseEmail(owner) : null;
}

/** Refuses, on the server, an authority change by anyone but the settings' owner (no owner yet: allowed). */
export function requireSettingsOwner(services: GoogleServices, settings: PlanSettings): void {
  const owner = settingsOwner(settings);
  if (owner === null) return;
  if (normaliseEmail(services.userEmail()) === owner) return;
  throw new UserError(
    `Only ${owner}, who owns this plan’s calendar settings, can approve people or take an approval back.`,
  );
}
