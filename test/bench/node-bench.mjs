// A benchmark in plain Node, as the engine, CSV and pricing benches run: the TypeScript bench
// bundled with rolldown (a Vite dependency), then run in a child Node started with
// --expose-gc and a large heap (no test runner's timing in the way).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CHILD = 'NODE_BENCH_CHILD';

/**
 * In the child: the bundled `entry` (a .ts beside the runner `runnerUrl`), imported. In the
 * parent: bundles it, runs the runner again as the child with the same arguments, and exits
 * with the child's status (never returns).
 */
export async function bundledBench(runnerUrl, entry, { maxOldSpaceMb = 8192 } = {}) {
  const name = basename(entry, '.ts');
  const file = join(ROOT, 'node_modules/.tmp', name, `${name}.mjs`);
  if (process.env[CHILD] === name) return import(file);
  mkdirSync(dirname(file), { recursive: true });
  await build({
    input: join(dirname(fileURLToPath(runnerUrl)), entry),
    platform: 'node',
    logLevel: 'warn',
    output: { file, format: 'esm' },
  });
  console.log(`Node ${process.version}, ${new Date().toISOString()}`);
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      `--max-old-space-size=${maxOldSpaceMb}`,
      fileURLToPath(runnerUrl),
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit', env: { ...process.env, [CHILD]: name } },
  );
  process.exit(child.status ?? 1);
}
