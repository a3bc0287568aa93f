/**
 * `npm run bench [-- <name> ...] [options]`: runs every registered benchmark, or the named ones.
 *
 * To add a benchmark, write `bench/<name>.ts` exporting a function `(args: string[]) => BenchOutcome`
 * (or a Promise of it), and add one entry to BENCHMARKS below. Each benchmark prints its own table and
 * writes `bench/results/<name>.json` (gitignored). Arguments after the names are passed to each benchmark.
 */
import { BenchOutcome, runAnalyzerBenchmark } from './analyzer';
import { runCliBenchmark } from './cli';
import { runCorpusBenchmark } from './corpus-compare';
import { runSynthBenchmark } from './synth';
import { runInstructionBenchmark } from './synth-instructions';

interface Benchmark {
  readonly name: string;
  readonly description: string;
  readonly run: (args: string[]) => BenchOutcome | Promise<BenchOutcome>;
  /** Run only when named (slow, or needing a tool the machine may lack). */
  readonly onlyWhenNamed?: boolean;
}

const BENCHMARKS: Benchmark[] = [
  { name: 'analyzer', description: 'truth table of N workloads x M policies for one port vs a naive evaluator', run: runAnalyzerBenchmark },
  { name: 'synth', description: 'synth of N policies: raw cdk8s vs cdk8s-plus-28 vs this library, one process each', run: runSynthBenchmark },
  {
    name: 'cli',
    description: 'check, matrix, graph and diff of the command on N workloads and N policies, against the YAML parse floor; run it on its own',
    run: runCliBenchmark,
    onlyWhenNamed: true,
  },
  {
    name: 'corpus',
    description: 'verdicts pair by pair against the expected connectivity lists of an independent analyzer\'s test corpus (--dir <root>); run it on its own',
    run: runCorpusBenchmark,
    onlyWhenNamed: true,
  },
  {
    name: 'synth-instructions',
    description: 'instructions executed by the synth children (valgrind): a repeatable proxy for their CPU work; run it on its own',
    run: runInstructionBenchmark,
    onlyWhenNamed: true,
  },
];

async function main(argv: string[]): Promise<number> {
  const names = argv.filter((a, i) => !a.startsWith('--') && (i === 0 || !argv[i - 1].startsWith('--')));
  const options = argv.filter((a) => !names.includes(a));
  const unknown = names.filter((n) => !BENCHMARKS.some((b) => b.name === n));
  if (unknown.length > 0) {
    console.error(`unknown benchmark(s): ${unknown.join(', ')}. Known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
    return 2;
  }
  const selected = names.length === 0 ? BENCHMARKS.filter((b) => !b.onlyWhenNamed) : BENCHMARKS.filter((b) => names.includes(b.name));
  let ok = true;
  for (const bench of selected) {
    console.log(`== ${bench.name}: ${bench.description}`);
    const outcome = await bench.run(options);
    ok = ok && outcome.ok;
  }
  return ok ? 0 : 1;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (err) => {
  console.error(err);
  process.exit(1);
});
