import { parentPort } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { readAnswer, type AnswerToRead } from './column-answer';

/** A worker thread of answer-reader.ts: reads one answer at a time, as the event loop would. */
parentPort!.on('message', ({ id, answer }: { id: number; answer: AnswerToRead }) => {
  const read = readAnswer({ ...answer, body: Buffer.from(answer.body) });
  if (read.columns) read.columns = gzipSync(read.columns, { level: 3 });
  parentPort!.postMessage({ id, read });
});
