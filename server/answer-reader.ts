import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readAnswerPacked, type AnswerToRead, type ReadAnswer } from './column-answer';

/**
 * Reads wolkvox's report answers (complete? and the compact form, gzipped: column-answer.ts)
 * off the server's event loop, in worker threads, one per call the token may run at once: the
 * two answers of a round are read side by side (on one thread, the second waited ~120 ms for
 * the first, a 60,000-row answer each), and the loop stays free for the other supervisors'
 * requests. Where the thread's script is not beside this module (the tests run the server's
 * TypeScript, which a thread cannot load), answers are read here, the same way.
 */
export interface AnswerReader {
  read(answer: AnswerToRead): Promise<ReadAnswer>;
  close(): Promise<void>;
}

const THREAD_SCRIPT = 'answer-thread.js';

export function answerReader(threads: number): AnswerReader {
  const script = join(dirname(fileURLToPath(import.meta.url)), THREAD_SCRIPT);
  return existsSync(script) ? threadReader(script, threads) : readHere;
}

/** On the event loop (the compact form's zlib on libuv's pool). */
export const readHere: AnswerReader = { read: readAnswerPacked, close: async () => {} };

interface Pending {
  resolve: (read: ReadAnswer | Promise<ReadAnswer>) => void;
  answer: AnswerToRead;
}

export function threadReader(script: string, count: number): AnswerReader {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let broken = false;
  // A thread that fails (or exits, or is stopped): the answers waiting for one are read here,
  // and so is every later one. Said once, without any of the answer.
  const fail = () => {
    if (!broken)
      process.stderr.write('answer-reader: a thread failed; answers are read on the event loop\n');
    broken = true;
    for (const [id, call] of [...pending]) {
      pending.delete(id);
      call.resolve(readHere.read(call.answer));
    }
  };
  const threads = Array.from({ length: count }, () => {
    const worker = new Worker(script);
    // Idle threads never keep the server from stopping.
    worker.unref();
    const thread = { worker, busy: 0 };
    worker.on('message', ({ id, read }: { id: number; read: ReadAnswer }) => {
      const call = pending.get(id);
      if (!call) return;
      pending.delete(id);
      thread.busy--;
      // Structured clone makes a Uint8Array of the Buffer.
      if (read.columns) read.columns = Buffer.from(read.columns);
      call.resolve(read);
    });
    worker.on('error', fail);
    worker.on('messageerror', fail);
    worker.on('exit', fail);
    return thread;
  });

  return {
    read(answer) {
      if (broken) return readHere.read(answer);
      const thread = threads.reduce((a, b) => (b.busy < a.busy ? b : a));
      thread.busy++;
      const id = nextId++;
      return new Promise<ReadAnswer>((resolve) => {
        pending.set(id, { resolve, answer });
        thread.worker.postMessage({ id, answer });
      });
    },
    close: async () => {
      broken = true;
      // Reads still waiting finish here (a stop keeps the answers being kept).
      fail();
      await Promise.all(threads.map((thread) => thread.worker.terminate()));
    },
  };
}
