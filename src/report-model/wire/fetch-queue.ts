import { isRecord } from '../../shared/is-record';

/**
 * Where the signed-in user's calls stand in the token's queue (production server,
 * `GET /wolkvox-proxy/queue`): calls ahead of the user's next waiting one, and the user's
 * own waiting and in-flight calls. Undefined when there is no such server (dev proxy,
 * mocks) or the answer does not read as one.
 */
export interface QueuePosition {
  ahead: number;
  queued: number;
  inFlight: number;
}

export async function fetchQueuePosition(
  signal?: AbortSignal,
  fetchImpl: typeof fetch = globalThis.fetch,
): Promise<QueuePosition | undefined> {
  try {
    const response = await fetchImpl('/wolkvox-proxy/queue', { signal });
    if (!response.ok) return undefined;
    const body: unknown = await response.json();
    if (!isRecord(body) || !isRecord(body.mine)) return undefined;
    const { ahead } = body;
    const { queued, inFlight } = body.mine;
    if (typeof ahead !== 'number' || typeof queued !== 'number' || typeof inFlight !== 'number')
      return undefined;
    return { ahead, queued, inFlight };
  } catch {
    return undefined;
  }
}
