// The pricing pass at 1M rows in plain Node: node test/billing/bench/run.mjs [size] [--runs 5]
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const outDir = join(root, 'node_modules/.tmp/pricing-bench');

if (process.env.PRICING_BENCH_CHILD) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--runs');
  const runs = at < 0 ? 5 : Number(args[at + 1]);
  if (at >= 0) args.splice(at, 2);
  const size = args.length ? Number(args[0]) : 1_000_000;
  const { runPricingBench } = await import(join(outDir, 'pricing-bench.mjs'));
  console.log(JSON.stringify(runPricingBench({ size, runs }), null, 2));
} else {
  await build({
    input: join(here, 'pricing-bench.ts'),
    output: { dir: outDir, format: 'esm', entryFileNames: 'pricing-bench.mjs' },
    logLevel: 'warn',
  });
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=6144',
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit', env: { ...process.env, PRICING_BENCH_CHILD: '1' } },
  );
  process.exit(child.status ?? 1);
}
