// Fake builders and value objects: DataValidation, ConditionalFormatRule and EmbeddedChart.
import { LIST_ITEM_LIMIT, LIST_LIMIT_MESSAGE } from '../ambiguities';
import { isDate } from '../runtime';
import { type Ctx, count } from './context';
import {
  BooleanCriteria,
  ChartType,
  DataValidationCriteria,
  type EnumMember,
  enumName,
} from './enums';
import type {
  CfRuleSpec,
  ChartSpec,
  CriteriaArg,
  CriteriaType,
  GridRef,
  ValidationSpec,
} from './model';
import type { FakeRange } from './range';

/** Turns script arguments into JSON-safe criteria args (ranges as GridRefs, dates as instants). */
function toArg(x: unknown): CriteriaArg {
  if (isDate(x)) return { date: (x as Date).getTime() };
  if (Array.isArray(x)) return { list: x.map((v) => String(v)) };
  if (x && typeof x === 'object' && typeof (x as FakeRange)._ref === 'function') {
    return { range: (x as FakeRange)._ref() };
  }
  if (x === undefined || x === null) return null;
  if (typeof x === 'number' || typeof x === 'boolean' || typeof x === 'string') return x;
  return String(x);
}

function fromArg(ctx: Ctx, a: CriteriaArg): unknown {
  if (a && typeof a === 'object') {
    if ('date' in a) return new Date(a.date);
    if ('list' in a) return [...a.list];
    if ('range' in a) return ctx.range(a.range);
  }
  return a;
}

function cloneRef(ref: GridRef): GridRef {
  return { ...ref };
}

function cloneArgs(args: CriteriaArg[]): CriteriaArg[] {
  return args.map((a) =>
    a && typeof a === 'object' && 'range' in a ? { range: cloneRef(a.range) } : structuredClone(a),
  );
}

// ---------- data validation ----------

type GasDv = GoogleAppsScript.Spreadsheet.DataValidation;

export class FakeDataValidation implements Pick<GasDv, 'getAllowInvalid' | 'getHelpText'> {
  constructor(
    private readonly ctx: Ctx,
    private readonly spec: ValidationSpec,
  ) {}

  /** Emulator-internal: the spec to store in cells (shared by all cells given this rule). */
  _spec(): ValidationSpec {
    return { ...this.spec, args: cloneArgs(this.spec.args) };
  }

  getCriteriaType(): EnumMember {
    count(this.ctx, 'DataValidation', 'getCriteriaType', 'other');
    return DataValidationCriteria[this.spec.type];
  }

  /** e.g. VALUE_IN_LIST -> [values[], showDropdown]; VALUE_IN_RANGE -> [Range, showDropdown] (V). */
  getCriteriaValues(): unknown[] {
    count(this.ctx, 'DataValidation', 'getCriteriaValues', 'other');
    return this.spec.args.map((a) => fromArg(this.ctx, a));
  }

  getAllowInvalid(): boolean {
    count(this.ctx, 'DataValidation', 'getAllowInvalid', 'other');
    return this.spec.allowInvalid;
  }

  getHelpText(): string {
    count(this.ctx, 'DataValidation', 'getHelpText', 'other');
    return this.spec.helpText as string;
  }

  copy(): FakeDataValidationBuilder {
    count(this.ctx, 'DataValidation', 'copy', 'other');
    return new FakeDataValidationBuilder(this.ctx, this._spec());
  }
}

/**
 * SpreadsheetApp.newDataValidation(). Defaults: allowInvalid true (V: "true if the rule allows
 * input that fails data validation"; the builder's documented default is to show a warning),
 * no help text (null).
 */
export class FakeDataValidationBuilder {
  private spec: ValidationSpec;

  constructor(
    private readonly ctx: Ctx,
    spec?: ValidationSpec,
  ) {
    this.spec = spec ?? {
      type: 'DATE_IS_VALID_DATE',
      args: [],
      allowInvalid: true,
      helpText: null,
    };
  }

  private set(method: string, type: CriteriaType, args: unknown[]): FakeDataValidationBuilder {
    count(this.ctx, 'DataValidationBuilder', method, 'other');
    this.spec = { ...this.spec, type, args: args.map(toArg) };
    return this;
  }

  /** Over 500 items: throws or keeps them, per the workspace's `listLimit` option (I). */
  requireValueInList(values: string[], showDropdown = true): FakeDataValidationBuilder {
    if (values.length > LIST_ITEM_LIMIT && this.ctx.runtime.ambiguities.listLimit === 'throws') {
      count(this.ctx, 'DataValidationBuilder', 'requireValueInList', 'other');
      throw new Error(LIST_LIMIT_MESSAGE);
    }
    return this.set('requireValueInList', 'VALUE_IN_LIST', [values, showDropdown]);
  }
  requireValueInRange(range: FakeRange, showDropdown = true): FakeDataValidationBuilder {
    return this.set('requireValueInRange', 'VALUE_IN_RANGE', [range, showDropdown]);
  }
  requireDate(): FakeDataValidationBuilder {
    return this.set('requireDate', 'DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(date: Date): FakeDataValidationBuilder {
    return this.set('requireDateAfter', 'DATE_AFTER', [date]);
  }
  requireDateBefore(date: Date): FakeDataValidationBuilder {
    return this.set('requireDateBefore', 'DATE_BEFORE', [date]);
  }
  requireDateOnOrAfter(date: Date): FakeDataValidationBuilder {
    return this.set('requireDateOnOrAfter', 'DATE_ON_OR_AFTER', [date]);
  }
  requireDateOnOrBefore(date: Date): FakeDataValidationBuilder {
    return this.set('requireDateOnOrBefore', 'DATE_ON_OR_BEFORE', [date]);
  }
  requireDateBetween(start: Date, end: Date): FakeDataValidationBuilder {
    return this.set('requireDateBetween', 'DATE_BETWEEN', [start, end]);
  }
  requireNumberBetween(start: number, end: number): FakeDataValidationBuilder {
    return this.set('requireNumberBetween', 'NUMBER_BETWEEN', [start, end]);
  }
  requireNumberGreaterThan(n: number): FakeDataValidationBuilder {
    return this.set('requireNumberGreaterThan', 'NUMBER_GREATER_THAN', [n]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): FakeDataValidationBuilder {
    return this.set('requireNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberLessThanOrEqualTo(n: number): FakeDataValidationBuilder {
    return this.set('requireNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): FakeDataValidationBuilder {
    const args = [checkedValue, uncheckedValue].filter((x) => x !== undefined);
    return this.set('requireCheckbox', 'CHECKBOX', args);
  }
  requireTextIsEmail(): FakeDataValidationBuilder {
    return this.set('requireTextIsEmail', 'TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): FakeDataValidationBuilder {
    return this.set('requireTextIsUrl', 'TEXT_IS_VALID_URL', []);
  }
  requireTextContains(text: string): FakeDataValidationBuilder {
    return this.set('requireTextContains', 'TEXT_CONTAINS', [text]);
  }
  /** Stored only: the emulator accepts every value for custom formulas (I). */
  requireFormulaSatisfied(formula: string): FakeDataValidationBuilder {
    return this.set('requireFormulaSatisfied', 'CUSTOM_FORMULA', [formula]);
  }
  withCriteria(criteria: unknown, args: unknown[]): FakeDataValidationBuilder {
    return this.set('withCriteria', enumName(criteria) as CriteriaType, args);
  }

  setAllowInvalid(allowInvalidData: boolean): FakeDataValidationBuilder {
    count(this.ctx, 'DataValidationBuilder', 'setAllowInvalid', 'other');
    this.spec = { ...this.spec, allowInvalid: Boolean(allowInvalidData) };
    return this;
  }
  setHelpText(helpText: string): FakeDataValidationBuilder {
    count(this.ctx, 'DataValidationBuilder', 'setHelpText', 'other');
    this.spec = { ...this.spec, helpText: String(helpText) };
    return this;
  }
  getCriteriaType(): EnumMember {
    count(this.ctx, 'DataValidationBuilder', 'getCriteriaType', 'other');
    return DataValidationCriteria[this.spec.type];
  }
  getCriteriaValues(): unknown[] {
    count(this.ctx, 'DataValidationBuilder', 'getCriteriaValues', 'other');
    return this.spec.args.map((a) => fromArg(this.ctx, a));
  }
  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }
  getHelpText(): string | null {
    return this.spec.helpText;
  }
  copy(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this.ctx, {
      ...this.spec,
      args: cloneArgs(this.spec.args),
    });
  }
  build(): FakeDataValidation {
    count(this.ctx, 'DataValidationBuilder', 'build', 'other');
    return new FakeDataValidation(this.ctx, { ...this.spec, args: cloneArgs(this.spec.args) });
  }
}

// ---------- conditional formatting ----------

export class FakeBooleanCondition {
  constructor(
    private readonly ctx: Ctx,
    private readonly spec: CfRuleSpec,
  ) {}
  getCriteriaType(): EnumMember {
    return (BooleanCriteria as Record<string, EnumMember>)[this.spec.condition!.type];
  }
  getCriteriaValues(): unknown[] {
    return this.spec.condition!.values.map((a) => fromArg(this.ctx, a));
  }
  getBackground(): string | null {
    return this.spec.format.background ?? null;
  }
  getFontColor(): string | null {
    return this.spec.format.fontColor ?? null;
  }
  getBold(): boolean | null {
    return this.spec.format.bold ?? null;
  }
  getItalic(): boolean | null {
    return this.spec.format.italic ?? null;
  }
}

export class FakeConditionalFormatRule {
  constructor(
    private readonly ctx: Ctx,
    private readonly spec: CfRuleSpec,
  ) {}
  _spec(): CfRuleSpec {
    return cloneCf(this.spec);
  }
  getRanges(): FakeRange[] {
    count(this.ctx, 'ConditionalFormatRule', 'getRanges', 'other');
    return this.spec.ranges.map((r) => this.ctx.range(r));
  }
  getBooleanCondition(): FakeBooleanCondition | null {
    count(this.ctx, 'ConditionalFormatRule', 'getBooleanCondition', 'other');
    return this.spec.condition ? new FakeBooleanCondition(this.ctx, this.spec) : null;
  }
  getGradientCondition(): null {
    return null;
  }
  copy(): FakeConditionalFormatRuleBuilder {
    count(this.ctx, 'ConditionalFormatRule', 'copy', 'other');
    return new FakeConditionalFormatRuleBuilder(this.ctx, cloneCf(this.spec));
  }
}

function cloneCf(spec: CfRuleSpec): CfRuleSpec {
  return {
    ranges: spec.ranges.map(cloneRef),
    condition: spec.condition
      ? { type: spec.condition.type, values: cloneArgs(spec.condition.values) }
      : null,
    format: { ...spec.format },
  };
}

export class FakeConditionalFormatRuleBuilder {
  private spec: CfRuleSpec;
  constructor(
    private readonly ctx: Ctx,
    spec?: CfRuleSpec,
  ) {
    this.spec = spec ?? { ranges: [], condition: null, format: {} };
  }
  private when(
    method: string,
    type: keyof typeof BooleanCriteria,
    values: unknown[],
  ): FakeConditionalFormatRuleBuilder {
    count(this.ctx, 'ConditionalFormatRuleBuilder', method, 'other');
    this.spec.condition = { type, values: values.map(toArg) };
    return this;
  }
  private fmt<K extends keyof CfRuleSpec['format']>(
    method: string,
    key: K,
    v: CfRuleSpec['format'][K],
  ): FakeConditionalFormatRuleBuilder {
    count(this.ctx, 'ConditionalFormatRuleBuilder', method, 'other');
    this.spec.format[key] = v;
    return this;
  }
  whenFormulaSatisfied(formula: string): FakeConditionalFormatRuleBuilder {
    return this.when('whenFormulaSatisfied', 'CUSTOM_FORMULA', [formula]);
  }
  whenTextEqualTo(text: string): FakeConditionalFormatRuleBuilder {
    return this.when('whenTextEqualTo', 'TEXT_EQUAL_TO', [text]);
  }
  whenTextContains(text: string): FakeConditionalFormatRuleBuilder {
    return this.when('whenTextContains', 'TEXT_CONTAINS', [text]);
  }
  whenCellEmpty(): FakeConditionalFormatRuleBuilder {
    return this.when('whenCellEmpty', 'CELL_EMPTY', []);
  }
  whenCellNotEmpty(): FakeConditionalFormatRuleBuilder {
    return this.when('whenCellNotEmpty', 'CELL_NOT_EMPTY', []);
  }
  whenNumberGreaterThan(n: number): FakeConditionalFormatRuleBuilder {
    return this.when('whenNumberGreaterThan', 'NUMBER_GREATER_THAN', [n]);
  }
  whenNumberLessThan(n: number): FakeConditionalFormatRuleBuilder {
    return this.when('whenNumberLessThan', 'NUMBER_LESS_THAN', [n]);
  }
  whenDateBefore(date: unknown): FakeConditionalFormatRuleBuilder {
    return this.when('whenDateBefore', 'DATE_BEFORE', [isDate(date) ? date : enumName(date)]);
  }
  setBackground(color: string | null): FakeConditionalFormatRuleBuilder {
    return this.fmt('setBackground', 'background', color);
  }
  setFontColor(color: string | null): FakeConditionalFormatRuleBuilder {
    return this.fmt('setFontColor', 'fontColor', color);
  }
  setBold(bold: boolean | null): FakeConditionalFormatRuleBuilder {
    return this.fmt('setBold', 'bold', bold);
  }
  setItalic(italic: boolean | null): FakeConditionalFormatRuleBuilder {
    return this.fmt('setItalic', 'italic', italic);
  }
  setStrikethrough(s: boolean | null): FakeConditionalFormatRuleBuilder {
    return this.fmt('setStrikethrough', 'strikethrough', s);
  }
  setUnderline(u: boolean | null): FakeConditionalFormatRuleBuilder {
    return this.fmt('setUnderline', 'underline', u);
  }
  setRanges(ranges: FakeRange[]): FakeConditionalFormatRuleBuilder {
    count(this.ctx, 'ConditionalFormatRuleBuilder', 'setRanges', 'other');
    this.spec.ranges = ranges.map((r) => r._ref());
    return this;
  }
  getRanges(): FakeRange[] {
    return this.spec.ranges.map((r) => this.ctx.range(r));
  }
  copy(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder(this.ctx, cloneCf(this.spec));
  }
  /** (I) Google rejects a rule without a condition at build(); wording unverified. */
  build(): FakeConditionalFormatRule {
    count(this.ctx, 'ConditionalFormatRuleBuilder', 'build', 'other');
    if (!this.spec.condition) throw new Error('Conditional format rule must have a condition.');
    return new FakeConditionalFormatRule(this.ctx, cloneCf(this.spec));
  }
}

// ---------- embedded charts ----------

export class FakeEmbeddedChart {
  constructor(
    private readonly ctx: Ctx,
    private readonly spec: ChartSpec,
  ) {}
  _spec(): ChartSpec {
    return {
      ...structuredClone({ ...this.spec, ranges: [] }),
      ranges: this.spec.ranges.map(cloneRef),
    };
  }
  getChartId(): number {
    count(this.ctx, 'EmbeddedChart', 'getChartId', 'other');
    return this.spec.id;
  }
  getId(): string {
    count(this.ctx, 'EmbeddedChart', 'getId', 'other');
    return `u${this.spec.id}`;
  }
  getRanges(): FakeRange[] {
    count(this.ctx, 'EmbeddedChart', 'getRanges', 'other');
    return this.spec.ranges.map((r) => this.ctx.range(r));
  }
  getOptions(): { get(option: string): unknown } {
    count(this.ctx, 'EmbeddedChart', 'getOptions', 'other');
    const options = { ...this.spec.options };
    return { get: (option: string) => options[option] ?? null };
  }
  getContainerInfo(): {
    getAnchorRow(): number;
    getAnchorColumn(): number;
    getOffsetX(): number;
    getOffsetY(): number;
  } {
    const p = { ...this.spec.position };
    return {
      getAnchorRow: () => p.row,
      getAnchorColumn: () => p.column,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    };
  }
  modify(): FakeEmbeddedChartBuilder {
    count(this.ctx, 'EmbeddedChart', 'modify', 'other');
    return new FakeEmbeddedChartBuilder(this.ctx, this._spec());
  }
}

export class FakeEmbeddedChartBuilder {
  private spec: ChartSpec;
  constructor(
    private readonly ctx: Ctx,
    spec?: ChartSpec,
  ) {
    this.spec = spec ?? {
      id: 0,
      type: 'COLUMN',
      ranges: [],
      options: {},
      position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
    };
  }
  private step(method: string): FakeEmbeddedChartBuilder {
    count(this.ctx, 'EmbeddedChartBuilder', method, 'other');
    return this;
  }
  setChartType(type: unknown): FakeEmbeddedChartBuilder {
    this.spec.type = enumName(type);
    return this.step('setChartType');
  }
  asColumnChart(): FakeEmbeddedChartBuilder {
    this.spec.type = ChartType.COLUMN.name;
    return this.step('asColumnChart');
  }
  asBarChart(): FakeEmbeddedChartBuilder {
    this.spec.type = ChartType.BAR.name;
    return this.step('asBarChart');
  }
  asLineChart(): FakeEmbeddedChartBuilder {
    this.spec.type = ChartType.LINE.name;
    return this.step('asLineChart');
  }
  asPieChart(): FakeEmbeddedChartBuilder {
    this.spec.type = ChartType.PIE.name;
    return this.step('asPieChart');
  }
  addRange(range: FakeRange): FakeEmbeddedChartBuilder {
    this.spec.ranges.push(range._ref());
    return this.step('addRange');
  }
  clearRanges(): FakeEmbeddedChartBuilder {
    this.spec.ranges = [];
    return this.step('clearRanges');
  }
  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): FakeEmbeddedChartBuilder {
    this.spec.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this.step('setPosition');
  }
  setOption(option: string, value: unknown): FakeEmbeddedChartBuilder {
    this.spec.options[option] = isDate(value)
      ? (value as Date).toISOString()
      : structuredClone(value);
    return this.step('setOption');
  }
  setNumHeaders(headers: number): FakeEmbeddedChartBuilder {
    this.spec.options.numHeaders = headers;
    return this.step('setNumHeaders');
  }
  getChartType(): EnumMember {
    return (ChartType as Record<string, EnumMember>)[this.spec.type];
  }
  getRanges(): FakeRange[] {
    return this.spec.ranges.map((r) => this.ctx.range(r));
  }
  build(): FakeEmbeddedChart {
    count(this.ctx, 'EmbeddedChartBuilder', 'build', 'other');
    return new FakeEmbeddedChart(this.ctx, {
      ...structuredClone({ ...this.spec, ranges: [] }),
      ranges: this.spec.ranges.map(cloneRef),
    });
  }
}
