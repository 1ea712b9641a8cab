import { isRecord } from '../../shared/is-record';
import { parseEnvelope } from './parse-envelope';
import { WolkvoxError } from './wolkvox-error';

/** Connector id → name, from `information.php?api=connectors` (all channels). */
export async function fetchConnectorNames(
  baseUrl: string,
  {
    signal,
    fetch: fetchImpl = globalThis.fetch,
  }: { signal?: AbortSignal; fetch?: typeof fetch } = {},
): Promise<Map<string, string>> {
  const url = `${baseUrl.replace(/\/$/, '')}/api/v2/information.php?api=connectors`;
  let response: Response;
  try {
    response = await fetchImpl(url, { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    if (signal?.aborted) throw signal.reason ?? error;
    throw new WolkvoxError(
      'network',
      'Could not reach the wolkvox server for the connector list',
      undefined,
      { code: 'unreachable' },
    );
  }
  const names = new Map<string, string>();
  for (const row of parseEnvelope(response.status, await response.text())) {
    if (!isRecord(row)) continue;
    const id = String(row.connector_id ?? '').trim();
    const name = String(row.name ?? '').trim();
    if (id && name) names.set(id, name);
  }
  return names;
}
