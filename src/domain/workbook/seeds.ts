// What a new plan starts with: the eight steps, the default categories, and partner rows from set-up.
import { DEFAULT_CATEGORIES } from '../schema/categories';
import { PARTNERSHIP_STEPS } from '../schema/tabs';
import { referenceLabel } from '../table/cells';
import type { TableRecord } from '../table/records';
import type { NormalisedPartner } from './options';

export function stepRows(): Record<string, unknown>[] {
  return PARTNERSHIP_STEPS.map((step) => ({ step, status: 'Not started' }));
}

export function categoryRows(): Record<string, unknown>[] {
  return DEFAULT_CATEGORIES.map((c) => ({
    category: c.name,
    kind: c.kind,
    description: c.description,
  }));
}

export function partnerCells(partner: NormalisedPartner): Record<string, unknown> {
  return {
    organisation: partner.organisation,
    type: partner.type,
    contact: partner.contact,
    email: partner.email,
    role: partner.role,
    invite: partner.invite,
  };
}

/** "G1 · Every child reads at grade level" for each row that has an ID, in sheet order. */
export function referenceLabels(
  records: readonly TableRecord[],
  ids: ReadonlyMap<number, string>,
  labelKey: string,
): string[] {
  return [...records]
    .sort((a, b) => a.row - b.row)
    .map((r) => {
      const id = ids.get(r.row) ?? String(r.cells.id ?? '').trim();
      const label = String(r.cells[labelKey] ?? '').trim();
      return id ? referenceLabel(id, label) : '';
    })
    .filter(Boolean);
}
