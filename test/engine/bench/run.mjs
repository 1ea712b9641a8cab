// Engine benchmark in plain Node (no test runner timing in the way):
//   node test/engine/bench/run.mjs                # 200k and 1M rows
//   node test/engine/bench/run.mjs 200000 --runs 7 --naive 200000
// Bundles engine-bench.ts with rolldown (a Vite dependency), then runs it in a child Node
// started with --expose-gc and a large heap.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const outDir = join(root, 'node_modules/.tmp/engine-bench');

if (process.env.ENGINE_BENCH_CHILD) {
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
  const { runEngineBench } = await import(join(outDir, 'engine-bench.mjs'));
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
} else {
  mkdirSync(outDir, { recursive: true });
  await build({
    input: join(here, 'engine-bench.ts'),
    platform: 'node',
    logLevel: 'warn',
    output: { file: join(outDir, 'engine-bench.mjs'), format: 'esm' },
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
    { stdio: 'inherit', env: { ...process.env, ENGINE_BENCH_CHILD: '1' } },
  );
  process.exit(child.status ?? 1);
}
