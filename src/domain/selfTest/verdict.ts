// The self-test's verdicts: each probe's observed answer against what the add-on assumes.
import { plural } from '../../shared/plural';
import { type FactSource, PROBES, type Probe, type ProbeId } from './probes';

/** What the adapter saw for one probe: the answer phrase, or the error that stopped it. */
export type Observation = { id: ProbeId; observed: string } | { id: ProbeId; error: string };

export type Verdict = 'holds' | 'other answer, handled' | 'SURPRISE' | 'could not run';

export interface ReportRow {
  id: ProbeId;
  fact: string;
  source: FactSource;
  expected: string;
  observed: string;
  verdict: Verdict;
  reliedOnBy: string;
  /** The emulator option the answer settles ('' for documented facts). */
  settles: string;
}

export interface SelfTestReport {
  rows: ReportRow[];
  /** True when no probe surprised and every one ran. */
  green: boolean;
  summary: string;
}

function judgeOne(probe: Probe, seen: Observation | undefined): ReportRow {
  const base = {
    id: probe.id,
    fact: probe.fact,
    source: probe.source,
    expected: probe.expected,
    reliedOnBy: probe.reliedOnBy,
    settles: probe.settles ?? '',
  };
  if (!seen) return { ...base, observed: 'not reached', verdict: 'could not run' };
  if ('error' in seen)
    return { ...base, observed: `error: ${seen.error}`, verdict: 'could not run' };
  const verdict: Verdict =
    seen.observed === probe.expected
      ? 'holds'
      : probe.alsoHandled?.includes(seen.observed)
        ? 'other answer, handled'
        : 'SURPRISE';
  return { ...base, observed: seen.observed, verdict };
}

/** One row per probe, in PROBES order, whether or not the adapter reached it. */
export function judge(
  observations: readonly Observation[],
  probes: readonly Probe[] = PROBES,
): SelfTestReport {
  const byId = new Map(observations.map((o) => [o.id, o]));
  const rows = probes.map((p) => judgeOne(p, byId.get(p.id)));
  const count = (v: Verdict) => rows.filter((r) => r.verdict === v).length;
  const surprises = count('SURPRISE');
  const failed = count('could not run');
  const other = count('other answer, handled');
  const parts = [`${plural(rows.length, 'fact')} checked: ${count('holds')} as assumed`];
  if (other) parts.push(`${other} with the other answer the add-on handles`);
  if (surprises) parts.push(plural(surprises, 'surprise'));
  if (failed) parts.push(`${plural(failed, 'probe')} could not run`);
  return { rows, green: surprises === 0 && failed === 0, summary: `${parts.join(', ')}.` };
}

/** The report as a table (header first) for a sheet or a log. */
export function reportTable(report: SelfTestReport): string[][] {
  return [
    [
      'Fact',
      'Source',
      'Expected (what the add-on assumes)',
      'Observed',
      'Verdict',
      'Relied on by',
      'Emulator option it settles',
    ],
    ...report.rows.map((r) => [
      r.fact,
      r.source,
      r.expected,
      r.observed,
      r.verdict,
      r.reliedOnBy,
      r.settles,
    ]),
  ];
}
