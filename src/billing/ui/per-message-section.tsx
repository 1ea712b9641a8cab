import { useMemo, useRef, useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { apiBaseUrl } from '../../shared/env';
import type { ReportRow } from '../../report-model/column-types';
import { describeError } from '../../report-model/describe-error';
import { knownQuotaLeft, knownQuotaLimit } from '../../report-model/quota';
import { dayRange } from '../../report-model/time-range';
import type { BillingAssumptions } from '../model/billing-totals';
import { estimateCost } from '../model/estimate-cost';
import { estimatePerMessage, type PerMessageEstimate } from '../model/estimate-per-message';
import { planMessageLoad } from '../model/message-load-plan';
import type { MessageTally } from '../model/message-counts';
import { formatUsdCents } from '../model/money';
import type { RateCard } from '../model/rate-card';
import { loadMessageCounts } from './load-message-counts';

/** The daily limit in wolkvox's published token_info example (docs §5.2): licenses × 1,000. */
const EXAMPLE_DAILY_LIMIT = 4_800;

interface PerMessageSectionProps {
  /** Every row of report 10's load (both figures cover the whole range). */
  rows: readonly ReportRow[];
  from: string;
  to: string;
  card: RateCard;
  assumptions: BillingAssumptions;
}

type State =
  | { step: 'idle' }
  | { step: 'loading'; done: number; total: number }
  | { step: 'failed'; message: string }
  | { step: 'done'; tally: MessageTally; complete: boolean };

/**
 * Report 10's per-message estimate: on request, report 2 is loaded for the same range (the
 * plan said first: calls and quota), its messages counted per chat as answers arrive, and
 * both figures shown side by side with why they differ. Without it, the panel's interaction
 * estimate stands, labelled as such.
 */
export function PerMessageSection({ rows, from, to, card, assumptions }: PerMessageSectionProps) {
  const { t, locale } = useI18n();
  const [state, setState] = useState<State>({ step: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const range = dayRange(from, to);
  // The quota as last read, when the section appears (no call is made for it); without a
  // reading, the share is of wolkvox's published example limit, and said so.
  const [left] = useState(() => knownQuotaLeft(Date.now()));
  const [readLimit] = useState(() => knownQuotaLimit(Date.now()));
  const limit = readLimit ?? EXAMPLE_DAILY_LIMIT;
  const plan = range ? planMessageLoad(range, rows.length, { limit, left }) : undefined;
  const number = new Intl.NumberFormat(locale);
  const share = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumSignificantDigits: 2,
  });
  const money = (cents: number) => formatUsdCents(cents, locale);

  const interaction = useMemo(
    () => estimateCost(rows, { card, ...assumptions }).totals,
    [rows, card, assumptions],
  );
  const tally = state.step === 'done' ? state.tally : undefined;
  const perMessage: PerMessageEstimate | undefined = useMemo(
    () => (tally ? estimatePerMessage(rows, tally, { card, ...assumptions }) : undefined),
    [tally, rows, card, assumptions],
  );

  const start = async () => {
    if (!range) return;
    const controller = new AbortController();
    abort.current = controller;
    setState({ step: 'loading', done: 0, total: plan?.calls.low ?? 1 });
    try {
      const { tally: counted, load } = await loadMessageCounts(range, {
        baseUrl: apiBaseUrl(),
        interactions: rows.length,
        signal: controller.signal,
        onProgress: (p) => setState({ step: 'loading', done: p.chunksDone, total: p.chunksTotal }),
      });
      setState({ step: 'done', tally: counted, complete: load.complete });
    } catch (error) {
      if (controller.signal.aborted) setState({ step: 'idle' });
      else setState({ step: 'failed', message: describeError(error, t).summary });
    }
  };

  return (
    <section className="per-message" aria-labelledby="per-message-title">
      <h3 id="per-message-title">{t('billing.perMessage.title')}</h3>
      {!perMessage && <p>{t('billing.perMessage.interactionOnly')}</p>}
      {state.step === 'idle' && plan && (
        <p>
          {t('billing.perMessage.plan', {
            rowsLow: number.format(plan.rows.low),
            rowsHigh: number.format(plan.rows.high),
            callsLow: number.format(plan.calls.low),
            callsHigh: number.format(plan.calls.high),
          })}{' '}
          {plan.quotaShare &&
            t(
              readLimit ? 'billing.perMessage.quotaShare' : 'billing.perMessage.quotaShareExample',
              {
                low: share.format(plan.quotaShare.low),
                high: share.format(plan.quotaShare.high),
                limit: number.format(limit),
              },
            )}{' '}
          {left !== undefined && t('billing.perMessage.quotaLeft', { left: number.format(left) })}{' '}
          <button type="button" onClick={() => void start()}>
            {t('billing.perMessage.load')}
          </button>
        </p>
      )}
      {state.step === 'loading' && (
        <p role="status">
          <span className="spinner" aria-hidden="true" />{' '}
          {t('billing.perMessage.loading', { done: state.done, total: state.total })}{' '}
          <button type="button" onClick={() => abort.current?.abort()}>
            {t('billing.perMessage.cancel')}
          </button>
        </p>
      )}
      {state.step === 'failed' && (
        <p role="alert">{t('billing.perMessage.failed', { error: state.message })}</p>
      )}
      {perMessage && tally && (
        <>
          {state.step === 'done' && !state.complete && (
            <p role="alert">{t('billing.perMessage.incomplete')}</p>
          )}
          <div className="table-card">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('billing.perMessage.basis')}</th>
                  <th scope="col">{t('billing.perMessage.expected')}</th>
                  <th scope="col">{t('billing.perMessage.range')}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t('billing.perMessage.perInteraction')}</th>
                  <td>{money(interaction.cost.expected)}</td>
                  <td>
                    {money(interaction.cost.low)} – {money(interaction.cost.high)}
                  </td>
                </tr>
                <tr>
                  <th scope="row">{t('billing.perMessage.perMessage')}</th>
                  <td>{money(perMessage.cost.expected)}</td>
                  <td>
                    {money(perMessage.cost.low)} – {money(perMessage.cost.high)}
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
          <p>
            {t('billing.perMessage.why', {
              templates: number.format(perMessage.templates),
              templateRows: number.format(interaction.templates),
              service: number.format(perMessage.serviceMessages),
              billable: number.format(perMessage.billableServiceMessages),
              unmatched: number.format(perMessage.unmatchedChats),
            })}
          </p>
        </>
      )}
    </section>
  );
}
