import type { ReportDef } from '../catalog';
import type { TimeRange } from '../time-range';
import type { ColumnChunk } from '../wire/column-chunk';
import {
  WolkvoxError,
  type WolkvoxErrorKind,
  type WolkvoxErrorReason,
} from '../wire/wolkvox-error';

/** The page → the fetch-and-parse worker. */
export type WorkerRequest =
  | {
      type: 'fetch';
      id: number;
      report: ReportDef;
      range: TimeRange;
      baseUrl: string;
      fresh: boolean;
    }
  | { type: 'abort'; id: number };

/** The worker → the page: the answer's size once it has arrived, then its rows or why not. */
export type WorkerAnswer =
  | { type: 'received'; id: number; bytes: number }
  | { type: 'done'; id: number; chunk: ColumnChunk }
  | { type: 'failed'; id: number; error: SentError };

/** An error as it crosses threads: a WolkvoxError keeps its kind, status and reason. */
export interface SentError {
  name: string;
  message: string;
  kind?: WolkvoxErrorKind;
  status?: number;
  reason?: WolkvoxErrorReason;
}

export function sendError(error: unknown): SentError {
  if (error instanceof WolkvoxError) {
    const { name, message, kind, status, reason } = error;
    return { name, message, kind, status, reason };
  }
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

export function receiveError(sent: SentError): Error {
  if (sent.kind) return new WolkvoxError(sent.kind, sent.message, sent.status, sent.reason);
  const error = new Error(sent.message);
  error.name = sent.name;
  return error;
}
