import { parentPort } from 'node:worker_threads';
import { readAnswerPacked, type AnswerToRead } from './column-answer';

/** A worker thread of answer-reader.ts: reads answers as the event loop would. */
parentPort!.on('message', async ({ id, answer }: { id: number; answer: AnswerToRead }) => {
  // Structured clone makes a Uint8Array of the Buffer: wrapped again, not copied.
  const { buffer, byteOffset, byteLength } = answer.body;
  const read = await readAnswerPacked({
    ...answer,
    body: Buffer.from(buffer, byteOffset, byteLength),
  });
  parentPort!.postMessage({ id, read });
});
