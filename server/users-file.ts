import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { readFileSync, statSync, writeFileSync, renameSync } from 'node:fs';

/**
 * AUTH_USERS_FILE: one `name:hash` line per user, written by `npm run users`.
 * Hashes are scrypt from node:crypto (memory-hard, in Node itself: no native addon to
 * build in the Docker image), stored as `scrypt$N$r$p$salt$key` in base64.
 */
const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const NAME = /^[A-Za-z0-9._@+-]{1,64}$/;

export function isValidUserName(name: string): boolean {
  return NAME.test(name);
}

function derive(password: string, salt: Buffer, options: ScryptOptions, length: number) {
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      salt,
      length,
      { ...options, maxmem: 64 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS, KEY_LENGTH);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

// Compared against when the name is unknown, so a wrong name costs as long as a wrong password.
const DUMMY_HASH = `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEY_LENGTH).toString('base64')}`;

export async function verifyPassword(password: string, hash: string | undefined): Promise<boolean> {
  const parts = (hash ?? DUMMY_HASH).split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, key] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(key, 'base64');
  if (expected.length < 16) return false;
  const actual = await derive(
    password,
    Buffer.from(salt, 'base64'),
    { N: Number(n), r: Number(r), p: Number(p) },
    expected.length,
  );
  return timingSafeEqual(actual, expected) && hash !== undefined;
}

export function parseUsers(text: string): Map<string, string> {
  const users = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const colon = trimmed.indexOf(':');
    if (colon <= 0) continue;
    users.set(trimmed.slice(0, colon), trimmed.slice(colon + 1));
  }
  return users;
}

export function formatUsers(users: ReadonlyMap<string, string>): string {
  return [...users].map(([name, hash]) => `${name}:${hash}\n`).join('');
}

/** The users file, read again whenever it changes on disk (a removed user is out at once). */
export class UsersFile {
  private users = new Map<string, string>();
  private stamp = '';

  constructor(readonly path: string) {}

  /** name → hash; an absent file is no users. */
  current(): ReadonlyMap<string, string> {
    let stamp = 'absent';
    try {
      const stat = statSync(this.path);
      stamp = `${stat.mtimeMs}:${stat.size}`;
    } catch {
      // absent: no users
    }
    if (stamp !== this.stamp) {
      this.stamp = stamp;
      this.users = stamp === 'absent' ? new Map() : parseUsers(readFileSync(this.path, 'utf8'));
    }
    return this.users;
  }

  save(users: ReadonlyMap<string, string>): void {
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, formatUsers(users), { mode: 0o600 });
    renameSync(temporary, this.path);
  }
}
