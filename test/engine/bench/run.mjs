// Engine benchmark in plain Node (no test runner timing in the way):
//   node test/engine/bench/run.mjs                # 200k and 1M rows
//   node test/engine/bench/run.mjs 200000 --runs 7 --naive 200000
// Runs engine-bench.ts bundled, in a child Node with --expose-gc and a large heap
// (test/bench/node-bench.mjs).
import { bundledBench } from '../../bench/node-bench.mjs';

const { runEngineBench } = await bundledBench(import.meta.url, 'engine-bench.ts');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  args.splice(at, 2);
  return value;
};
const runs = flag('--runs', 5);
const naiveUpTo = flag('--naive', 200_000);
const sizes = args.length ? args.map(Number) : [200_000, 1_000_000];
runEngineBench({
  sizes,
  runs,
  naiveUpTo,
  gc: () => globalThis.gc?.(),
  heapMb: () => process.memoryUsage().heapUsed / 2 ** 20,
  cpuMs: () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  },
  log: (line) => console.log(line),
});
