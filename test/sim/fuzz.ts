// `npm run fuzz -- --runs N --seed S`: many random partner sequences; prints the minimal failing one as steps.
import fc from 'fast-check';
import { simulatorProperty } from './commands';

function arg(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const runs = Number(arg('runs') ?? 100);
const seed = Number(arg('seed') ?? Date.now() % 2 ** 31);
const maxCommands = Number(arg('steps') ?? 30);
const path = arg('path');
console.log(`Fuzzing ${runs} sequences of up to ${maxCommands} steps, seed ${seed}`);
const started = Date.now();
let sequences = 0;
const progress = () => {
  sequences += 1;
  if (sequences % 100 === 0)
    console.log(`  ${sequences} sequences tried, ${((Date.now() - started) / 1000).toFixed(0)} s`);
};
const result = fc.check(simulatorProperty(maxCommands, progress), {
  numRuns: runs,
  seed,
  ...(path ? { path, endOnFailure: true } : {}),
});
if (result.failed) {
  const error = result.errorInstance as Error | undefined;
  const message = error?.message ?? String(result.errorInstance);
  const [head, ...detail] = message.split('\n');
  const steps = head.replace(/^Invariant \S+ failed after: /, '').split(' → ');
  console.log(`\nFAILED after ${result.numRuns} sequences (${result.numShrinks} shrinks).`);
  console.log(head.match(/^Invariant \S+/)?.[0] ?? 'Error', '—', detail.join('\n'));
  console.log('\nMinimal sequence, step by step:');
  for (const [i, s] of steps.entries()) console.log(`  ${i + 1}. ${s}`);
  console.log('\nAs a regression test (imports from test/sim/commands):');
  const commands = String(result.counterexample?.[0]).replace(/ \/\*replayPath=.*\*\//, '');
  console.log(`  replay([${commands.split(/,(?=new )/).join(',\n    ')}]);`);
  console.log(
    `\nReplay just this case: npm run fuzz -- --seed ${seed} --steps ${maxCommands} --path "${result.counterexamplePath}"`,
  );
  if (!head.startsWith('Invariant')) console.log(error?.stack ?? '');
  process.exitCode = 1;
} else {
  console.log(`${runs} sequences passed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
