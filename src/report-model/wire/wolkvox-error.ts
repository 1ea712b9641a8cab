/** Why a report call failed, in the terms a supervisor can act on. */
export type WolkvoxErrorKind =
  | 'token' // 401/403: token missing, rejected, or IP not allow-listed
  | 'invalid' // 400/406: the API refused the parameters
  | 'rate-limit' // 429 or a third concurrent call
  | 'server' // 5xx
  | 'timeout' // no answer within the limit
  | 'network' // no HTTP answer at all
  | 'malformed'; // an answer that is not the wolkvox envelope

export class WolkvoxError extends Error {
  override readonly name = 'WolkvoxError';

  constructor(
    readonly kind: WolkvoxErrorKind,
    /** The API's own `msg` when it gave one, otherwise our description. */
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }

  /** Worth another try later: the same request may succeed. */
  get retryable(): boolean {
    return (
      this.kind === 'server' ||
      this.kind === 'timeout' ||
      this.kind === 'network' ||
      this.kind === 'rate-limit'
    );
  }
}

export function errorKindForStatus(status: number): WolkvoxErrorKind {
  if (status === 401 || status === 403) return 'token';
  if (status === 429) return 'rate-limit';
  if (status === 408 || status === 504) return 'timeout';
  if (status >= 500) return 'server';
  return 'invalid';
}
