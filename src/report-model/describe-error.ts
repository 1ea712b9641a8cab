import type { Translate } from '../shared/i18n/i18n';
import { AggregateRangeError } from './load/load-report';
import { LoadLimitError, type LoadLimit } from './load/load-limits';
import { describeRange } from './load/split-range';
import { WolkvoxError, type WolkvoxErrorKind, type WolkvoxErrorReason } from './wire/wolkvox-error';

/** Kinds whose message is ours (wolkvox said nothing we could read, or only "Forbidden"). */
const OUR_WORDS = new Set<WolkvoxErrorKind>(['network', 'timeout', 'malformed', 'maintenance']);

/** What to tell a supervisor about a failed load: the kind in our words, then wolkvox's own. */
export function describeError(error: unknown, t: Translate): { summary: string; detail?: string } {
  if (error instanceof WolkvoxError) {
    const ours = OUR_WORDS.has(error.kind);
    return {
      summary: t(`error.${error.kind}`),
      detail: error.reason
        ? describeReason(error.reason, t)
        : ours
          ? error.message
          : t('error.apiSaid', { message: error.message }),
    };
  }
  if (error instanceof AggregateRangeError) return { summary: t('load.aggregateRange') };
  if (error instanceof LoadLimitError) return { summary: describeLimit(error.limit, t) };
  return {
    summary: t('error.unexpected'),
    detail: error instanceof Error ? error.message : String(error),
  };
}

/** Our own account of a failure, in the user's language. */
function describeReason(reason: WolkvoxErrorReason, t: Translate): string {
  switch (reason.code) {
    case 'status':
      return reason.page === undefined
        ? t('error.reason.status', { status: String(reason.status) })
        : t('error.reason.statusPage', { status: String(reason.status), page: reason.page });
    case 'notJson':
      return t('error.reason.notJson', { page: reason.page });
    case 'notEnvelope':
      return t('error.reason.notEnvelope');
    case 'rowNotObject':
      return t('error.reason.rowNotObject', { row: reason.row });
    case 'noDataList':
      return t('error.reason.noDataList', { msg: reason.msg });
    case 'dataNotList':
      return t('error.reason.dataNotList', { type: reason.type });
    case 'unreachable':
      return reason.cause === undefined
        ? t('error.reason.unreachable')
        : t('error.reason.unreachableCause', { cause: reason.cause });
    case 'noAnswer':
      return t('error.reason.noAnswer', { seconds: reason.seconds });
  }
}

/** One of our own limits (load-limits.ts), in the user's language. */
function describeLimit(limit: LoadLimit, t: Translate): string {
  switch (limit.code) {
    case 'rangeTooLong':
      return t('limit.rangeTooLong', { days: limit.days, max: limit.max });
    case 'budget':
      return t('limit.budget', { calls: limit.calls });
    case 'ignoredRange':
      return t('limit.ignoredRange', { period: describeRange(limit.range) });
    case 'quotaShort':
      return t('limit.quotaShort', { needed: limit.needed, left: limit.left });
  }
}
