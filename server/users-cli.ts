import { resolve } from 'node:path';
import { hashPassword, isValidUserName, UsersFile } from './users-file';

/**
 * `npm run users -- add NAME` (password asked without echo; `--password-stdin` reads it
 * from standard input, for scripts), `npm run users -- remove NAME`, `npm run users -- list`.
 * The file is AUTH_USERS_FILE (default users.txt), the same the server reads.
 */
const USAGE = `Usage:
  npm run users -- add NAME [--password-stdin]
  npm run users -- remove NAME
  npm run users -- list
The file is AUTH_USERS_FILE (default: users.txt).`;

async function readPasswordFromStdin(): Promise<string> {
  let text = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) text += chunk as string;
  return text.replace(/\r?\n$/, '');
}

function askHidden(prompt: string): Promise<string> {
  return new Promise((resolvePassword, reject) => {
    const stdin = process.stdin;
    if (!stdin.isTTY) {
      reject(new Error('No terminal to ask the password on: use --password-stdin'));
      return;
    }
    // Raw (no echo) before the prompt shows: a password typed or pasted at once is never echoed.
    stdin.setRawMode(true);
    process.stderr.write(prompt);
    stdin.resume();
    stdin.setEncoding('utf8');
    let password = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          resolvePassword(password);
          return;
        }
        if (char === '\u0003') {
          stdin.setRawMode(false);
          process.stderr.write('\n');
          process.exit(130);
        }
        if (char === '\u007f' || char === '\b') password = password.slice(0, -1);
        else password += char;
      }
    };
    stdin.on('data', onData);
  });
}

async function main(args: string[]) {
  const file = new UsersFile(resolve(process.env.AUTH_USERS_FILE?.trim() || 'users.txt'));
  const [command, name, ...rest] = args;
  const users = new Map(file.current());
  if (command === 'list' && name === undefined) {
    for (const user of users.keys()) process.stdout.write(`${user}\n`);
    if (users.size === 0) process.stderr.write(`No users in ${file.path}\n`);
    return 0;
  }
  if (command === 'remove' && name && rest.length === 0) {
    if (!users.delete(name)) {
      process.stderr.write(`No user "${name}" in ${file.path}\n`);
      return 1;
    }
    file.save(users);
    process.stderr.write(`Removed ${name} (signed out at their next request)\n`);
    return 0;
  }
  const fromStdin = rest.length === 1 && rest[0] === '--password-stdin';
  if (command === 'add' && name && (rest.length === 0 || fromStdin)) {
    if (!isValidUserName(name)) {
      process.stderr.write('A name is 1–64 letters, digits or . _ @ + -\n');
      return 1;
    }
    let password: string;
    if (fromStdin) password = await readPasswordFromStdin();
    else {
      password = await askHidden(`Password for ${name}: `);
      const again = await askHidden('Again: ');
      if (again !== password) {
        process.stderr.write('The two passwords differ\n');
        return 1;
      }
    }
    if (password.length < 10) {
      process.stderr.write('A password needs at least 10 characters\n');
      return 1;
    }
    users.set(name, await hashPassword(password));
    file.save(users);
    process.stderr.write(`${users.size > 1 ? 'Saved' : 'Created'} ${name} in ${file.path}\n`);
    return 0;
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
