import type { Translate } from '../shared/i18n/i18n';
import { AggregateRangeError } from './load/load-report';
import { WolkvoxError } from './wire/wolkvox-error';

/** What to tell a supervisor about a failed load: the kind in our words, then wolkvox's own. */
export function describeError(error: unknown, t: Translate): { summary: string; detail?: string } {
  if (error instanceof WolkvoxError) {
    // For these kinds the message is ours (wolkvox said nothing we could read).
    const ours = error.kind === 'network' || error.kind === 'timeout' || error.kind === 'malformed';
    return {
      summary: t(`error.${error.kind}`),
      detail: ours ? error.message : t('error.apiSaid', { message: error.message }),
    };
  }
  if (error instanceof AggregateRangeError) return { summary: t('load.aggregateRange') };
  return {
    summary: t('error.unexpected'),
    detail: error instanceof Error ? error.message : String(error),
  };
}
