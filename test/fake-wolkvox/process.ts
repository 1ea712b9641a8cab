import { fork, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { FakeCallRecord, FakeWolkvoxOptions } from './server';

/** What the fake in its own process reports (child.ts). */
export interface FakeProcessStats {
  calls: Pick<
    FakeCallRecord,
    'n' | 'api' | 'status' | 'rows' | 'durationMs' | 'concurrent' | 'range'
  >[];
  maxConcurrent: number;
  rejected: number;
  rowsServed: number;
  usedToday: number;
  memory: { rssMb: number; peakRssMb: number };
}

export interface FakeWolkvoxProcess {
  url: string;
  token: string;
  stats(): Promise<FakeProcessStats>;
  close(): Promise<void>;
}

/**
 * The fake wolkvox (server.ts) over real HTTP in a child Node process, bundled by vite for
 * Node 20 (which cannot run .ts): for measurements whose heap and CPU must be the app's own.
 */
export async function startFakeWolkvoxProcess(
  options: FakeWolkvoxOptions,
): Promise<FakeWolkvoxProcess> {
  const outDir = resolve('node_modules/.tmp/fake-wolkvox-process');
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      rollupOptions: {
        input: { child: resolve('test/fake-wolkvox/child.ts') },
        output: { format: 'es', entryFileNames: '[name].mjs' },
      },
    },
  });
  const child: ChildProcess = fork(join(outDir, 'child.mjs'), [JSON.stringify(options)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>(pick: (message: unknown) => T | undefined) =>
    new Promise<T>((found, failed) => {
      const onMessage = (message: unknown) => {
        const value = pick(message);
        if (value === undefined) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        found(value);
      };
      const onExit = (code: number | null) => failed(new Error(`fake wolkvox exited (${code})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ready = await next((m) =>
    typeof m === 'object' && m !== null && 'url' in m
      ? (m as { url: string; token: string })
      : undefined,
  );
  return {
    url: ready.url,
    token: ready.token,
    stats: () => {
      const answer = next((m) =>
        typeof m === 'object' && m !== null && 'stats' in m
          ? (m as { stats: FakeProcessStats }).stats
          : undefined,
      );
      child.send('stats');
      return answer;
    },
    close: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.send('close');
      }),
  };
}
