// CSV export benchmark in plain Node:
//   node test/export/bench/run.mjs                # 200k and 1M rows
//   node test/export/bench/run.mjs 200000 --runs 7 --check   # --check: bytes == reference
// Bundles csv-bench.ts with rolldown (a Vite dependency), then runs it in a child Node
// started with --expose-gc and a large heap. Wrap in `flock /tmp/bench.lock`.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const outDir = join(root, 'node_modules/.tmp/csv-bench');

if (process.env.CSV_BENCH_CHILD) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--runs');
  const runs = at < 0 ? 5 : Number(args.splice(at, 2)[1]);
  const check = args.includes('--check');
  if (check) args.splice(args.indexOf('--check'), 1);
  const sizes = args.length ? args.map(Number) : [200_000, 1_000_000];
  const { runCsvBench } = await import(join(outDir, 'csv-bench.mjs'));
  await runCsvBench({
    sizes,
    runs,
    check,
    gc: () => globalThis.gc?.(),
    log: (line) => console.log(line),
  });
} else {
  mkdirSync(outDir, { recursive: true });
  await build({
    input: join(here, 'csv-bench.ts'),
    platform: 'node',
    logLevel: 'warn',
    output: { file: join(outDir, 'csv-bench.mjs'), format: 'esm' },
  });
  console.log(`Node ${process.version}, ${new Date().toISOString()}`);
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=8192',
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit', env: { ...process.env, CSV_BENCH_CHILD: '1' } },
  );
  process.exit(child.status ?? 1);
}
