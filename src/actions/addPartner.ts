// addPartner: adds one partner row to the Partners tab, with a new ID, as literal text.

import { withDocumentLock } from '../adapters/documentLock';
import type { GoogleServices } from '../adapters/google';
import { takeIds } from '../adapters/idCounters';
import { appendRow } from '../adapters/sheets/appendRows';
import { readTab } from '../adapters/sheets/readTab';
import { sameName } from '../domain/people/names';
import { columnByKey, PARTNERS_TAB } from '../domain/schema/tabs';
import { normalisePartner } from '../domain/workbook/options';
import { partnerCells } from '../domain/workbook/seeds';
import { UserError } from '../shared/errors';
import { SETUP_MESSAGES } from '../shared/messages';
import type { AddPartnerResult, PartnerInput } from '../shared/setupWire';
import { refuseOverlong } from './refuseOverlong';

/**
 * A constant number of calls: find the tab, read it once, write one row. The partner's ID comes
 * from the tab's ID allocator (after its stored high-water mark), so a deleted partner's ID is never reused.
 */
export function addPartner(services: GoogleServices, input: PartnerInput): AddPartnerResult {
  const parsed = normalisePartner(input, 'The partner');
  if (!parsed.ok) throw new UserError(parsed.message);
  const partner = parsed.value;
  refuseOverlong(partnerCells(partner), (key) => columnByKey(PARTNERS_TAB, key).header);
  const spreadsheet = services.spreadsheet();
  return withDocumentLock(
    services.documentLock(),
    () => {
      const read = readTab(spreadsheet, PARTNERS_TAB, services.documentCache());
      if (!read) throw new UserError(SETUP_MESSAGES.partnersTabMissing);
      const { location, records } = read;
      if (location.index.organisation < 0 || location.index.id < 0)
        throw new UserError(SETUP_MESSAGES.partnerColumnMissing);
      // "Riverside  Library" and "riverside library" are one partner (names.ts).
      const same = records.find((r) => sameName(r.cells.organisation, partner.organisation));
      if (same) throw new UserError(SETUP_MESSAGES.partnerExists(partner.organisation, same.row));
      const [id] = takeIds(
        services.documentProperties(),
        PARTNERS_TAB,
        read.raw.rows.map((r) => r[location.index.id]),
      );
      const row = appendRow(
        read,
        { ...partnerCells(partner), id },
        { tab: PARTNERS_TAB, builders: services.sheetBuilders() },
      );
      return { id, organisation: partner.organisation, sheetName: read.raw.sheetName, row };
    },
    undefined,
    SETUP_MESSAGES.busy,
  );
}
