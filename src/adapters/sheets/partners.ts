// The partners' contacts, for guests and sharing: one read of the Partners tab.
import type { PartnerContact } from '../../domain/calendarSync/activity';
import { PARTNERS_TAB } from '../../domain/schema/tabs';
import { asBoolean, asText } from '../../domain/table/cells';
import type { ColumnMemoPlace } from './columnIdentity';
import { readTab } from './readTab';

/** The Partners tab's contacts; [] when the tab does not exist yet. */
export function readPartnerContacts(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  cache: ColumnMemoPlace,
): PartnerContact[] {
  const tab = readTab(spreadsheet, PARTNERS_TAB, cache);
  if (!tab) return [];
  return tab.records
    .map((r) => {
      const invite = asBoolean(r.cells.invite, 'Calendar invite');
      return {
        row: r.row,
        name: asText(r.cells.organisation),
        email: asText(r.cells.email),
        invite: invite.ok && invite.value,
      };
    })
    .filter((p) => p.name || p.email);
}
