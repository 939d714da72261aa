// Replaces the add-on's own conditional formatting rules on a sheet, keeping every rule partners made.

import { type ConditionalSpec, isAddonRuleFormula } from '../../domain/workbook/conditional';
import type { SheetBuilders } from '../google';
import { dataColumnRange } from './cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

function isAddonRule(rule: Rule): boolean {
  const condition = rule.getBooleanCondition();
  if (!condition) return false;
  return condition.getCriteriaValues().some((v) => typeof v === 'string' && isAddonRuleFormula(v));
}

/**
 * One read and one write per sheet. The add-on's rules are recognised by the marker in their
 * formula (see conditional.ts), rebuilt at the columns' current positions and put first, so they
 * win over partners' own colouring of the same cells.
 */
export function applyConditionalRules(
  builders: SheetBuilders,
  sheet: Sheet,
  specs: readonly ConditionalSpec[],
  columns: Readonly<Record<string, number>>,
  maxRows: number,
): void {
  if (maxRows < 2) return;
  const existing = sheet.getConditionalFormatRules();
  const theirs = existing.filter((rule) => !isAddonRule(rule));
  const ours = specs.map((spec) =>
    builders
      .newConditionalFormatRule()
      .whenFormulaSatisfied(spec.formula)
      .setBackground(spec.background)
      .setRanges(spec.applyTo.map((key) => dataColumnRange(sheet, columns[key])))
      .build(),
  );
  if (ours.length === 0 && theirs.length === existing.length) return;
  sheet.setConditionalFormatRules([...ours, ...theirs]);
}
