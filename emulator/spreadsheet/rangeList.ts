// Fake SpreadsheetApp RangeList: several ranges of one sheet acted on in one call (only what the add-on uses).
import { type Ctx, count } from './context';
import type { FakeRange } from './range';

/**
 * (V) Sheet.getRangeList(a1Notations): "the RangeList collection representing the ranges in the
 * same sheet specified by a non-empty list of A1 notations". (V) RangeList.breakApart(): "Break
 * all horizontally- or vertically-merged cells contained within the range list into individual
 * cells again" — one call for every range of the list. (V) RangeList.setWrap sets wrapping on
 * every range of the list in one call.
 */
export class FakeRangeList {
  constructor(
    private readonly ctx: Ctx,
    private readonly ranges: readonly FakeRange[],
  ) {}

  private call(method: string, kind: 'read' | 'write' | 'other'): void {
    count(this.ctx, 'RangeList', method, kind);
  }

  getRanges(): FakeRange[] {
    this.call('getRanges', 'other');
    return [...this.ranges];
  }

  /** (V) RangeList.setWrap(isWrapEnabled): "Sets the text wrap state" of every range of the list, one call. */
  setWrap(isWrapEnabled: boolean): FakeRangeList {
    this.call('setWrap', 'write');
    for (const range of this.ranges) range._setWrap(isWrapEnabled);
    return this;
  }

  breakApart(): FakeRangeList {
    this.call('breakApart', 'write');
    for (const range of this.ranges) range._breakApart();
    return this;
  }
}
