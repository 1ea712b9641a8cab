/**
 * The data engine in a Web Worker: sorting, filtering and aggregating a million rows never
 * blocks typing. Started by engine-client.ts; see engine-host.ts for the protocol.
 */
import { createEngineHost, type EngineRequest, type EngineResponse } from './engine-host';

interface WorkerScope {
  onmessage: ((event: MessageEvent<EngineRequest>) => void) | null;
  postMessage(message: EngineResponse, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const host = createEngineHost((response, transfer) => scope.postMessage(response, transfer));
scope.onmessage = (event) => host.receive(event.data);
