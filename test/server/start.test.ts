// @vitest-environment node
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { build } from 'vite';
import { readHere, threadReader } from '../../server/answer-reader';
import { server as msw } from '../msw-server';
import { fakeDist } from './harness';

/**
 * `npm start` and `npm run users` as a deployer runs them: the server bundled as
 * `npm run build` bundles it (server/build.config.ts), run by plain Node.
 */
const OUT = resolve('node_modules/.tmp/server-test-dist');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(
  script: string,
  args: string[],
  env: Record<string, string>,
  stdin = '',
): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(OUT, script), ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

beforeAll(async () => {
  msw.close();
  await build({
    configFile: resolve('server/build.config.ts'),
    logLevel: 'warn',
    build: { outDir: OUT },
  });
}, 60_000);

describe('npm start refuses a wrong configuration at once', () => {
  it.each([
    [{ WOLKVOX_SERVER: '0015' }, 'WOLKVOX_TOKEN'],
    [{ WOLKVOX_BASE_URL: 'wolkvox.com', WOLKVOX_TOKEN: 't' }, 'WOLKVOX_BASE_URL'],
    [
      { WOLKVOX_SERVER: '0015', WOLKVOX_TOKEN: 't', AUTH_MODE: 'none', HOST: '0.0.0.0' },
      'AUTH_MODE',
    ],
  ])('exits non-zero for %j, naming %s', async (env, variable) => {
    const result = await run('main.js', [], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Configuration error: ${variable}`);
    expect(result.stderr).toContain('Example:');
  });

  it('exits non-zero when the users file has no users', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wv-users-')), 'users.txt');
    const result = await run('main.js', [], {
      WOLKVOX_SERVER: '0015',
      WOLKVOX_TOKEN: 'secret-token-value',
      AUTH_USERS_FILE: file,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('AUTH_USERS_FILE');
    expect(result.stderr).toContain('npm run users -- add');
    expect(result.stderr + result.stdout).not.toContain('secret-token-value');
  });
});

describe('npm run users', () => {
  it('adds (password from stdin), lists and removes users; the file holds no password', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wv-users-')), 'users.txt');
    const env = { AUTH_USERS_FILE: file };
    expect(
      (await run('users.js', ['add', 'alice', '--password-stdin'], env, 'a long password\n')).code,
    ).toBe(0);
    expect(
      (await run('users.js', ['add', 'bob', '--password-stdin'], env, 'another password\n')).code,
    ).toBe(0);
    expect((await run('users.js', ['list'], env)).stdout).toBe('alice\nbob\n');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^alice:scrypt\$16384\$8\$1\$/m);
    expect(text).not.toContain('a long password');
    expect((await run('users.js', ['remove', 'alice'], env)).code).toBe(0);
    expect((await run('users.js', ['list'], env)).stdout).toBe('bob\n');
    expect((await run('users.js', ['remove', 'alice'], env)).code).toBe(1);
    expect((await run('users.js', ['add', 'carol', '--password-stdin'], env, 'short\n')).code).toBe(
      1,
    );
    expect((await run('users.js', ['add'], env)).code).toBe(2);
  });
});

const SCRIPT = ['/usr/bin/script', '/bin/script'].find((path) => existsSync(path));

describe.skipIf(!SCRIPT)('npm run users -- add NAME, at a terminal', () => {
  it('asks the password twice without echoing it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wv-users-')), 'users.txt');
    const password = 'typed at a terminal 42';
    // util-linux `script` gives the command a pseudo-terminal, as a deployer's shell would.
    const child = spawn(
      SCRIPT!,
      ['-qfec', `"${process.execPath}" ${join(OUT, 'users.js')} add dave`, '/dev/null'],
      {
        env: { PATH: process.env.PATH ?? '', AUTH_USERS_FILE: file },
      },
    );
    let screen = '';
    let typed = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString();
      const prompts = (screen.match(/Password for dave: |Again: /g) ?? []).length;
      if (prompts > typed) {
        typed++;
        child.stdin.write(`${password}\r`);
      }
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(0);
    expect(screen).toContain('Password for dave: ');
    expect(screen).toContain('Again: ');
    expect(screen).not.toContain(password);
    expect(readFileSync(file, 'utf8')).toMatch(/^dave:scrypt\$/);
  });
});

describe('npm start', () => {
  it('serves /healthz on HOST:PORT', async () => {
    const child = spawn(process.execPath, [join(OUT, 'main.js')], {
      env: {
        PATH: process.env.PATH ?? '',
        WOLKVOX_SERVER: '0015',
        WOLKVOX_TOKEN: 'secret-token-value',
        AUTH_MODE: 'none',
        PORT: '0',
        DIST_DIR: fakeDist(),
      },
    });
    try {
      const url = await new Promise<string>((found, fail) => {
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          const match = /http:\/\/127\.0\.0\.1:(\d+)/.exec(stderr);
          if (match) found(match[0]);
        });
        child.on('close', () => fail(new Error(stderr)));
      });
      const response = await fetch(`${url}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
      const page = await fetch(`${url}/`);
      expect(page.headers.get('x-frame-options')).toBe('DENY');
    } finally {
      child.kill('SIGTERM');
    }
  });
});

describe('the built server reads wolkvox’s answers in worker threads', () => {
  const rows = [1, 2, 3].map((n) => ({
    conn_id: `C${n}`,
    session_id: `57300111223${n}.op.3581`,
    date: `2026-10-0${n} 10:00:00`,
    customer_phone: `57300111223${n}`,
    template: n === 2 ? 'no' : 'yes',
    destiny: 'Colombia',
  }));
  const answer = {
    api: 'chat_10',
    status: 200,
    contentType: 'application/json; charset=utf-8',
    body: Buffer.from(
      JSON.stringify({ code: 200, error: null, msg: '3 records were found', data: rows }),
    ),
    rows: 3,
    noRecords: false,
  };

  it('answer-thread.js, beside main.js, reads an answer as the event loop does', async () => {
    const script = join(OUT, 'answer-thread.js');
    expect(existsSync(script)).toBe(true);
    const reader = threadReader(script, 2);
    try {
      const [first, second] = await Promise.all([reader.read(answer), reader.read(answer)]);
      const here = await readHere.read(answer);
      expect(first.complete).toBe(true);
      expect(gunzipSync(first.columns!)).toEqual(gunzipSync(here.columns!));
      expect(gunzipSync(second.columns!)).toEqual(gunzipSync(here.columns!));
      // A body holding fewer rows than its msg says is not complete, and has no compact form.
      expect(await reader.read({ ...answer, rows: 4 })).toEqual({ complete: false });
    } finally {
      await reader.close();
    }
  });

  it('reads on the event loop when a thread fails', async () => {
    const script = join(mkdtempSync(join(tmpdir(), 'wv-thread-')), 'fails.js');
    writeFileSync(script, 'throw new Error("no thread today");\n');
    const reader = threadReader(script, 1);
    try {
      const read = await reader.read(answer);
      expect(read.complete).toBe(true);
      expect(gunzipSync(read.columns!)).toEqual(gunzipSync((await readHere.read(answer)).columns!));
    } finally {
      await reader.close();
    }
  });
});
