import { readFileSync } from 'node:fs';
import { startFakeWolkvox, type FakeWolkvoxOptions } from './server';

/**
 * The fake wolkvox in a process of its own, for measurements: what it generates and holds
 * stays out of the measured process's heap, and it runs on the other core. Started by
 * `startFakeWolkvoxProcess` (process.ts) with its options as JSON in argv[2]; it sends
 * `{ url, token }` once listening and answers "stats" with its record of calls and its memory.
 */
const options = JSON.parse(process.argv[2] ?? '{}') as FakeWolkvoxOptions;
const fake = await startFakeWolkvox(options);
const send = (message: unknown) => process.send?.(message);

const memory = () => {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1]);
  return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
};

process.on('message', (message) => {
  if (message === 'stats') {
    const { calls, maxConcurrent, rejected, rowsServed } = fake.stats;
    send({
      stats: {
        calls: calls.map(({ n, api, status, rows, durationMs, concurrent, range }) => ({
          n,
          api,
          status,
          rows,
          durationMs,
          concurrent,
          range,
        })),
        maxConcurrent,
        rejected,
        rowsServed,
        usedToday: fake.wolkvox.usedToday,
        memory: memory(),
      },
    });
  } else if (message === 'close') {
    void fake.close().then(() => process.exit(0));
  }
});
send({ url: fake.url, token: fake.token });
