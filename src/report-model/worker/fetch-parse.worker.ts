/// <reference lib="webworker" />
import { connectorCells } from '../connector-column';
import { fetchReportColumns } from '../wire/fetch-report';
import { sendError, type WorkerAnswer, type WorkerRequest } from './protocol';

/**
 * Fetches one report call and parses it here, off the page's thread: the JSON, the envelope,
 * the typing of every value (or reads the production server's compact form of the answer).
 * The page gets the rows as columns (wire/column-chunk.ts), their buffers transferred.
 */
declare const self: DedicatedWorkerGlobalScope;

const calls = new Map<number, AbortController>();
const post = (answer: WorkerAnswer, transfer: Transferable[] = []) =>
  self.postMessage(answer, transfer);

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'abort') {
    calls.get(request.id)?.abort();
    return;
  }
  void fetchAndParse(request);
};

async function fetchAndParse(request: Extract<WorkerRequest, { type: 'fetch' }>) {
  const { id, report, range, baseUrl, fresh } = request;
  const call = new AbortController();
  calls.set(id, call);
  try {
    // The production server sends its compact form: no row is parsed then.
    const { chunk, transfer } = await fetchReportColumns(report, range, {
      baseUrl,
      fresh,
      signal: call.signal,
      onBody: (bytes) => post({ type: 'received', id, bytes }),
    });
    // The CONNECTOR column here rather than on the page's thread (column-chunk.ts).
    const connector = connectorCells(chunk);
    if (connector) {
      chunk.connector = connector;
      transfer.push(connector.codes.buffer as ArrayBuffer);
    }
    post({ type: 'done', id, chunk }, transfer);
  } catch (error) {
    // A cancelled call: the page has already moved on.
    if (!call.signal.aborted) post({ type: 'failed', id, error: sendError(error) });
  } finally {
    calls.delete(id);
  }
}
