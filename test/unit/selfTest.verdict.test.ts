// The self-test's verdicts: a comparison with what the add-on assumes, one row for every probe.
import { PROBES } from '../../src/domain/selfTest/probes';
import { judge, type Observation, reportTable } from '../../src/domain/selfTest/verdict';

const holdAll = (): Observation[] => PROBES.map((p) => ({ id: p.id, observed: p.expected }));

describe('self-test verdicts', () => {
  it('probes have unique ids, and no handled alternative repeats the expected answer', () => {
    expect(new Set(PROBES.map((p) => p.id)).size).toBe(PROBES.length);
    for (const p of PROBES) expect(p.alsoHandled ?? []).not.toContain(p.expected);
  });

  it('every probe answering as assumed is green', () => {
    const report = judge(holdAll());
    expect(report.green).toBe(true);
    expect(report.rows.every((r) => r.verdict === 'holds')).toBe(true);
    expect(report.summary).toBe(`${PROBES.length} facts checked: ${PROBES.length} as assumed.`);
  });

  it.each(PROBES.map((p) => [p.id, p] as const))('%s: judged by exact answer', (_id, probe) => {
    const others = holdAll().filter((o) => o.id !== probe.id);
    for (const alt of probe.alsoHandled ?? []) {
      const report = judge([...others, { id: probe.id, observed: alt }]);
      expect(report.rows.find((r) => r.id === probe.id)?.verdict).toBe('other answer, handled');
      expect(report.green).toBe(true);
    }
    const odd = judge([...others, { id: probe.id, observed: `${probe.expected}!` }]);
    expect(odd.rows.find((r) => r.id === probe.id)?.verdict).toBe('SURPRISE');
    expect(odd.green).toBe(false);
    expect(odd.summary).toMatch(/, 1 surprise\.$/);
  });

  it('a probe that threw or was never reached could not run, and the report is not green', () => {
    const [first, second, ...rest] = holdAll();
    const report = judge([{ id: first.id, error: 'Service unavailable' }, ...rest]);
    expect(report.rows.map((r) => r.id)).toEqual(PROBES.map((p) => p.id));
    expect(report.rows[0]).toMatchObject({
      verdict: 'could not run',
      observed: 'error: Service unavailable',
    });
    expect(report.rows[1]).toMatchObject({
      id: second.id,
      verdict: 'could not run',
      observed: 'not reached',
    });
    expect(report.green).toBe(false);
    expect(report.summary).toMatch(/, 2 probes could not run\.$/);
  });

  it('the table has a header and one row per probe, fact first', () => {
    const table = reportTable(judge(holdAll()));
    expect(table).toHaveLength(PROBES.length + 1);
    expect(table.slice(1).map((r) => r[0])).toEqual(PROBES.map((p) => p.fact));
    expect(table.every((r) => r.length === table[0].length)).toBe(true);
  });
});
