import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { formatUsers, hashPassword } from '../../server/users-file';

/**
 * `npm start` for the live browser tests (LIVE_TARGET=server): the server bundled
 * as `npm run build` bundles it, run by plain Node in its own process, serving the
 * live build, with a users file holding one supervisor.
 */
export const SUPERVISOR = { user: 'supervisor', password: 'a supervisor password' };

export async function buildServerBundle(root: string): Promise<string> {
  const outDir = resolve(root, 'node_modules/.tmp/live-server');
  await build({
    configFile: resolve(root, 'server/build.config.ts'),
    logLevel: 'warn',
    build: { outDir },
  });
  return join(outDir, 'main.js');
}

export async function usersFile(): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'wv-live-users-')), 'users.txt');
  const users = new Map([[SUPERVISOR.user, await hashPassword(SUPERVISOR.password)]]);
  writeFileSync(file, formatUsers(users));
  return file;
}

export interface RunningServer {
  url: string;
  /** Every line the server wrote to stdout (its audit lines) and stderr. */
  output: string[];
  close(): Promise<void>;
}

export function startServerProcess(
  main: string,
  env: Record<string, string>,
): Promise<RunningServer> {
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const closed = new Promise<void>((done) => child.on('close', () => done()));
  return new Promise((found, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`server did not start: ${output.join('\n')}`)),
      20_000,
    );
    child.stderr.on('data', () => {
      const match = output.map((line) => /http:\/\/127\.0\.0\.1:\d+/.exec(line)).find(Boolean);
      if (!match) return;
      clearTimeout(timer);
      found({
        url: match[0],
        output,
        close: async () => {
          child.kill('SIGTERM');
          await closed;
        },
      });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited (${code}): ${output.join('\n')}`));
    });
  });
}
