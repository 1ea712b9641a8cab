// CSV export benchmark in plain Node:
//   node test/export/bench/run.mjs                # 200k and 1M rows
//   node test/export/bench/run.mjs 200000 --runs 7 --check   # --check: bytes == reference
// Runs csv-bench.ts bundled, in a child Node with --expose-gc and a large heap
// (test/bench/node-bench.mjs). Wrap in `flock /tmp/bench.lock`.
import { bundledBench } from '../../bench/node-bench.mjs';

const { runCsvBench } = await bundledBench(import.meta.url, 'csv-bench.ts');
const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const runs = at < 0 ? 5 : Number(args.splice(at, 2)[1]);
const check = args.includes('--check');
if (check) args.splice(args.indexOf('--check'), 1);
const sizes = args.length ? args.map(Number) : [200_000, 1_000_000];
await runCsvBench({
  sizes,
  runs,
  check,
  gc: () => globalThis.gc?.(),
  log: (line) => console.log(line),
});
