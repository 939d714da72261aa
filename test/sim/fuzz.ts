// `npm run fuzz -- --runs N --seed S`: many random partner sequences; prints the minimal failing one as steps.
import fc from 'fast-check';
import { simulatorProperty } from './commands';

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const runs = arg('runs', 100);
const seed = arg('seed', Date.now() % 2 ** 31);
const maxCommands = arg('steps', 30);
console.log(`Fuzzing ${runs} sequences of up to ${maxCommands} steps, seed ${seed}`);
const started = Date.now();
const result = fc.check(simulatorProperty(maxCommands), { numRuns: runs, seed });
if (result.failed) {
  console.log(`FAILED after ${result.numRuns} sequences (${result.numShrinks} shrinks).`);
  console.log(`Reproduce: npm run fuzz -- --runs ${runs} --seed ${seed}`);
  console.log(`Replay path (fast-check): ${result.counterexamplePath}`);
  console.log(`Minimal sequence: ${String(result.counterexample?.[0])}`);
  const error = result.errorInstance as Error | undefined;
  console.log(error?.message ?? String(result.errorInstance));
  process.exitCode = 1;
} else {
  console.log(`${runs} sequences passed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
