// Conditional formatting the add-on owns (overdue steps, expiring agreements, drafts, sync errors), as data.
import { columnLetter } from './a1';

export interface ConditionalSpec {
  /** Stable name, also embedded in the formula so set-up recognises its own rules on a re-run. */
  id: string;
  /** Column keys the rule colours (rows 2..end). */
  applyTo: readonly string[];
  /** A custom formula written for row 2, with columns anchored ($E2) so it works across columns. */
  formula: string;
  background: string;
}

interface RuleTemplate {
  id: string;
  applyTo: readonly string[];
  /** `{key}` stands for the column of that key at row 2. */
  condition: string;
  background: string;
}

const RED = '#f4c7c3';
const AMBER = '#fce8b2';
const DRAFT_GREY = '#f1f3f4';

const RULES: Record<string, readonly RuleTemplate[]> = {
  partnership: [
    {
      id: 'overdue-step',
      applyTo: ['dueDate', 'step'],
      condition: 'ISNUMBER({dueDate}),{dueDate}<TODAY(),{status}<>"Done",{status}<>"Not needed"',
      background: RED,
    },
  ],
  partners: [
    // Sheets applies the first matching rule, so "expired" must come before "expiring".
    {
      id: 'agreement-expired',
      applyTo: ['agreementEnd'],
      condition: 'ISNUMBER({agreementEnd}),{agreementEnd}<TODAY()',
      background: RED,
    },
    {
      id: 'agreement-expiring',
      applyTo: ['agreementEnd'],
      condition: 'ISNUMBER({agreementEnd}),{agreementEnd}>=TODAY(),{agreementEnd}<TODAY()+60',
      background: AMBER,
    },
  ],
  goals: [
    {
      id: 'goal-off-track',
      applyTo: ['status'],
      condition: '{status}="Off track"',
      background: RED,
    },
    { id: 'goal-at-risk', applyTo: ['status'], condition: '{status}="At risk"', background: AMBER },
  ],
  outcomes: [
    {
      id: 'outcome-overdue',
      applyTo: ['targetDate'],
      condition: 'ISNUMBER({targetDate}),{targetDate}<TODAY(),{status}<>"Achieved"',
      background: RED,
    },
    {
      id: 'outcome-off-track',
      applyTo: ['status'],
      condition: '{status}="Off track"',
      background: RED,
    },
  ],
  calendar: [
    // A draft (the add-on's own from an asset-map gap among them) is work not yet planned, not an
    // error: a neutral grey, and first, since Sheets applies the first rule that matches.
    {
      id: 'draft-row',
      applyTo: ['title', 'syncStatus'],
      condition: '{status}="Draft"',
      background: DRAFT_GREY,
    },
    {
      id: 'sync-error',
      applyTo: ['title', 'syncStatus'],
      condition: '{syncStatus}<>"",LEFT({syncStatus},2)<>"OK"',
      background: RED,
    },
  ],
};

const MARKER_PREFIX = 'swp:';

/** Does this custom formula belong to a rule set-up wrote (any version)? */
export function isAddonRuleFormula(formula: string): boolean {
  return formula.includes(`N("${MARKER_PREFIX}`);
}

/**
 * The tab's rules at the columns' current positions. A rule whose columns are missing is left
 * out. `N("swp:…")` is 0, so `…=0` is always true: it only tags the rule as the add-on's.
 */
export function conditionalRules(
  tabKey: string,
  columns: Readonly<Record<string, number>>,
): ConditionalSpec[] {
  const specs: ConditionalSpec[] = [];
  for (const rule of RULES[tabKey] ?? []) {
    const placeholders = (rule.condition.match(/\{\w+\}/g) ?? []).map((p) => p.slice(1, -1));
    const keys = [...rule.applyTo, ...placeholders];
    if (keys.some((key) => !columns[key])) continue;
    const condition = rule.condition.replace(
      /\{(\w+)\}/g,
      (_m, key: string) => `$${columnLetter(columns[key])}2`,
    );
    specs.push({
      id: rule.id,
      applyTo: rule.applyTo,
      formula: `=AND(${condition},N("${MARKER_PREFIX}${rule.id}")=0)`,
      background: rule.background,
    });
  }
  return specs;
}
