// addPartner: adds one partner row to the Partners tab, with a new ID, as literal text.

import { withDocumentLock } from '../adapters/documentLock';
import type { GoogleServices } from '../adapters/google';
import { loadIdCounters, saveIdCounters } from '../adapters/idCounters';
import { findPlanSheets, observeSheet } from '../adapters/sheets/observeTab';
import { columnByKey, PARTNERS_TAB } from '../domain/schema/tabs';
import { planIds } from '../domain/table/ids';
import { locateColumns } from '../domain/table/locate';
import { readRecords } from '../domain/table/records';
import { normalisePartner } from '../domain/workbook/options';
import { nextFreeRow, rowFromCells } from '../domain/workbook/rows';
import { partnerCells } from '../domain/workbook/seeds';
import { UserError } from '../shared/errors';
import { SETUP_MESSAGES } from '../shared/messages';
import type { AddPartnerResult, PartnerInput } from '../shared/setupWire';
import { refuseOverlong } from './refuseOverlong';

/**
 * A constant number of calls: find the tab, read it once, write one row. The partner's ID comes
 * from the same planner set-up uses, so it never collides with a copied or deleted row's ID.
 */
export function addPartner(services: GoogleServices, input: PartnerInput): AddPartnerResult {
  const parsed = normalisePartner(input, 'The partner');
  if (!parsed.ok) throw new UserError(parsed.message);
  const partner = parsed.value;
  refuseOverlong(partnerCells(partner), (key) => columnByKey(PARTNERS_TAB, key).header);
  const spreadsheet = services.spreadsheet();
  return withDocumentLock(
    () => {
      const found = findPlanSheets(spreadsheet, [PARTNERS_TAB]).get(PARTNERS_TAB.key);
      if (!found) throw new UserError(SETUP_MESSAGES.partnersTabMissing);
      const { observed, rows } = observeSheet(found);
      const location = locateColumns(PARTNERS_TAB, observed.headers, observed.metadataKeys);
      if (location.index.organisation < 0 || location.index.id < 0)
        throw new UserError(SETUP_MESSAGES.partnerColumnMissing);
      const records = readRecords(PARTNERS_TAB, location, {
        sheetName: observed.sheetName,
        headerRow: 1,
        headers: observed.headers,
        metadataKeys: observed.metadataKeys,
        rows,
      });
      const same = records.find(
        (r) =>
          String(r.cells.organisation ?? '')
            .trim()
            .toLowerCase() === partner.organisation.toLowerCase(),
      );
      if (same) throw new UserError(SETUP_MESSAGES.partnerExists(partner.organisation, same.row));

      const row = nextFreeRow(rows, 1);
      const counters = loadIdCounters();
      const cells: Record<string, unknown> = partnerCells(partner);
      const ids = planIds([...records, { row, cells }], PARTNERS_TAB.idPrefix ?? 'P', {
        minNext: counters[PARTNERS_TAB.key],
      });
      // Only the new row is written: other rows' missing or copied IDs are set-up's to repair.
      const id = ids.assignments.find((a) => a.row === row)?.id ?? `P${ids.next}`;
      cells.id = id;
      counters[PARTNERS_TAB.key] = ids.next;
      const columns = Object.fromEntries(
        Object.entries(location.index)
          .filter(([, at]) => at >= 0)
          .map(([key, at]) => [key, at + 1]),
      );
      const width = Math.max(...Object.values(columns));
      if (row > observed.maxRows)
        found.sheet.insertRowsAfter(observed.maxRows, row - observed.maxRows);
      found.sheet.getRange(row, 1, 1, width).setValues([rowFromCells(cells, columns, width)]);
      saveIdCounters(counters);
      return { id, organisation: partner.organisation, sheetName: observed.sheetName, row };
    },
    undefined,
    SETUP_MESSAGES.busy,
  );
}
