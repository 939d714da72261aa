// Sequences the partner simulator (test/sim) found or that guard its blind spots, replayed as named tests.

import { Repair, replay } from '../sim/commands';
import { typedCellsKept } from '../sim/invariants';
import { PartnerTypesOn } from '../sim/planCommands';
import { profileBlockColumns, typedCellsEverywhere } from '../sim/world';

describe('simulator regressions', () => {
  it('repair rewrites only the profile block on the Partnership tab, and the checklist typed there is kept', () => {
    // Set-up chose no calendar, the calendar sidebar then chose a new group calendar (newWorld):
    // the profile block still says "Not chosen yet" until set-up › repair rewrites it.
    const w = replay([new PartnerTypesOn('Partnership', 0.5, 0.2, 'Met twice, going well')]);
    const before = typedCellsEverywhere(w);
    expect(before.Partnership.join(' ')).toContain('Met twice, going well');
    const profile = [...profileBlockColumns(w, 'Partnership')];
    expect(profile).toHaveLength(2);
    const valueColumn = Math.max(...profile);
    const shown = () => w.ws.sheets.table('Partnership').map((r) => String(r[valueColumn] ?? ''));
    expect(shown()).toContain('Not chosen yet');
    new Repair().run({ steps: 0 }, w);
    // The block mirrors the settings (the add-on's, warning-protected, rewritten whole).
    expect(shown()).toContain('A new group calendar');
    expect(() => typedCellsKept(w, before)).not.toThrow();
  });
});
