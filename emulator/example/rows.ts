// The example partnership as rows keyed by column key, per tab: what the seed and the tests write.
import { EXAMPLE_FINDINGS, EXAMPLE_GOALS, EXAMPLE_PARTNERS } from './findings';

/** A row keyed by column key; `null` stands for a blank row. */
export type KeyedRow = Record<string, unknown> | null;
export type KeyedRows = Array<Record<string, unknown>>;

export const examplePartnerRows = (): KeyedRows =>
  EXAMPLE_PARTNERS.map((p) => ({ invite: true, ...p }));

export const exampleGoalRows = (): KeyedRows =>
  EXAMPLE_GOALS.map((g) => ({ ...g, status: 'On track' }));

/** IDs F1… in the findings' order, as set-up would have given them. */
export const exampleFindingRows = (): KeyedRows =>
  EXAMPLE_FINDINGS.map((f, i) => ({ id: `F${i + 1}`, ...f }));
