import type { Translate } from '../shared/i18n/i18n';
import { AggregateRangeError } from './load/load-report';
import { WolkvoxError, type WolkvoxErrorKind } from './wire/wolkvox-error';

/** Kinds whose message is ours (wolkvox said nothing we could read, or only "Forbidden"). */
const OUR_WORDS = new Set<WolkvoxErrorKind>(['network', 'timeout', 'malformed', 'maintenance']);

/** What to tell a supervisor about a failed load: the kind in our words, then wolkvox's own. */
export function describeError(error: unknown, t: Translate): { summary: string; detail?: string } {
  if (error instanceof WolkvoxError) {
    const ours = OUR_WORDS.has(error.kind);
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
