import { useEffect, useMemo, useState } from 'react';
import { UNKNOWN_CONNECTOR } from '../../report-model/connector';
import type { Translate } from '../../shared/i18n/i18n';
import { useI18n } from '../../shared/i18n/i18n';
import { parseAmountCents, readBilledCsv, type BilledImportProblem } from '../model/billed-import';
import { countryDisplayName, resolveCountry } from '../model/country';
import type { CategoryMix, CostEstimate } from '../model/estimate-cost';
import { formatUsdCents } from '../model/money';
import {
  readStoredBilled,
  reconcile,
  writeStoredBilled,
  type ReconciledLine,
  type Reconciliation,
  type StoredBilled,
} from '../model/reconciliation';

const ALL_MARKETING: CategoryMix = { marketing: 100, utility: 0, authentication: 0 };
const ALL_UTILITY: CategoryMix = { marketing: 0, utility: 100, authentication: 0 };

/** The import problem in the UI language, naming the line. */
export function problemText(problem: BilledImportProblem, t: Translate): string {
  switch (problem.code) {
    case 'empty':
      return t('billing.rec.problem.empty');
    case 'unknownLayout':
      return t('billing.rec.problem.unknownLayout', { header: problem.header.join(', ') });
    case 'missingColumns':
      return t('billing.rec.problem.missingColumns', {
        format: t(`billing.rec.format.${problem.format}`),
        missing: problem.missing.join(', '),
      });
    case 'wrongFieldCount':
      return t('billing.rec.problem.wrongFieldCount', problem);
    case 'badAmount':
      return t('billing.rec.problem.badAmount', problem);
    case 'emptyField':
      return t('billing.rec.problem.emptyField', problem);
    case 'notUsd':
      return t('billing.rec.problem.notUsd', problem);
    case 'unclosedQuote':
      return t('billing.rec.problem.unclosedQuote', problem);
  }
}

export interface ReconciliationSectionProps {
  from: string;
  to: string;
  estimate: CostEstimate;
  /**
   * The same estimate under another category mix (all-marketing and all-utility give the
   * explaining share). Called only while billed figures are there: two more passes.
   */
  priceWith: (mix: CategoryMix) => CostEstimate;
  onResult: (result: Reconciliation | undefined) => void;
}

/** What was billed against the estimate; imported or typed figures stay in this browser. */
export function ReconciliationSection(props: ReconciliationSectionProps) {
  const { from, to, estimate, priceWith, onResult } = props;
  const { t, locale } = useI18n();
  const [billed, setBilled] = useState<StoredBilled | undefined>(() => readStoredBilled(from, to));
  useEffect(() => setBilled(readStoredBilled(from, to)), [from, to]);
  const [problem, setProblem] = useState<string | undefined>();
  const [entry, setEntry] = useState({ country: '', connector: '', amount: '' });

  const save = (next: StoredBilled | undefined) => {
    setBilled(next);
    writeStoredBilled(from, to, next ?? null);
  };
  const result = useMemo(
    () =>
      billed && billed.lines.length > 0
        ? reconcile(
            billed.lines,
            estimate,
            priceWith(ALL_MARKETING),
            priceWith(ALL_UTILITY),
            (key) => countryDisplayName(key, locale),
          )
        : undefined,
    [billed, estimate, priceWith, locale],
  );
  useEffect(() => onResult(result), [result, onResult]);

  const money = (cents: number) => formatUsdCents(cents, locale);
  const signed = (cents: number) => (cents > 0 ? '+' : '') + money(cents);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const signedPercent = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const shareText = (line: ReconciledLine) =>
    line.marketingShare === null
      ? '–'
      : line.unexplained
        ? t('billing.rec.unexplained')
        : percent.format(line.marketingShare);

  const importFile = async (file: File) => {
    const read = readBilledCsv(await file.text());
    if (!read.ok) {
      setProblem(problemText(read.problem, t));
      return;
    }
    setProblem(undefined);
    save({ format: read.value.format, fileName: file.name, lines: read.value.lines });
  };

  const table = (caption: string, header: string, lines: readonly ReconciledLine[]) => (
    <div className="explain-table-wrap">
      <table className="rec-lines">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{header}</th>
            <th scope="col">{t('billing.rec.estimate')}</th>
            <th scope="col">{t('billing.rec.billed')}</th>
            <th scope="col">{t('billing.rec.variance')}</th>
            <th scope="col">{t('billing.rec.varianceShare')}</th>
            <th scope="col">{t('billing.rec.marketingShare')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.key}>
              <th scope="row">{line.label || '—'}</th>
              <td>{money(line.estimate)}</td>
              <td>{money(line.billed)}</td>
              <td>{signed(line.variance)}</td>
              <td>
                {line.varianceShare === null ? '–' : signedPercent.format(line.varianceShare)}
              </td>
              <td>{shareText(line)}</td>
            </tr>
          ))}
        </tbody>
        {result && lines === result.countries && (
          <tfoot>
            <tr>
              <th scope="row">{t('billing.rec.total')}</th>
              <td>{money(result.total.estimate)}</td>
              <td>{money(result.total.billed)}</td>
              <td>{signed(result.total.variance)}</td>
              <td>
                {result.total.varianceShare === null
                  ? '–'
                  : signedPercent.format(result.total.varianceShare)}
              </td>
              <td>{shareText(result.total)}</td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );

  return (
    <section className="explain-section" aria-labelledby="rec-title">
      <h3 id="rec-title">{t('billing.rec.title')}</h3>
      <div className="rec-inputs">
        <label className="rec-file">
          {t('billing.rec.import')}
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void importFile(file);
              event.target.value = '';
            }}
          />
        </label>
        <p className="field-hint">{t('billing.rec.formats')}</p>
        <form
          className="rec-entry"
          aria-label={t('billing.rec.enter')}
          onSubmit={(event) => {
            event.preventDefault();
            const cents = parseAmountCents(entry.amount, false);
            const country = entry.country.trim();
            if (cents === undefined || country === '') {
              setProblem(t('billing.rec.badEntry'));
              return;
            }
            setProblem(undefined);
            const line = {
              country: resolveCountry(country) ?? country,
              category: '',
              cents,
              ...(entry.connector.trim() ? { connector: entry.connector.trim() } : {}),
            };
            save({
              format: billed?.format ?? 'entered',
              fileName: billed?.fileName,
              lines: [...(billed?.lines ?? []), line],
            });
            setEntry({ country: '', connector: '', amount: '' });
          }}
        >
          <label>
            {t('billing.rec.country')}
            <input
              value={entry.country}
              onChange={(event) => setEntry({ ...entry, country: event.target.value })}
            />
          </label>
          <label>
            {t('billing.rec.connectorOptional')}
            <input
              value={entry.connector}
              onChange={(event) => setEntry({ ...entry, connector: event.target.value })}
            />
          </label>
          <label>
            {t('billing.rec.amount')}
            <input
              inputMode="decimal"
              value={entry.amount}
              onChange={(event) => setEntry({ ...entry, amount: event.target.value })}
            />
          </label>
          <button type="submit">{t('billing.rec.add')}</button>
        </form>
      </div>
      {problem && (
        <p role="alert" className="rec-problem">
          {problem}
        </p>
      )}
      {billed && billed.lines.length > 0 ? (
        <>
          <p role="status">
            {t('billing.rec.imported', {
              count: billed.lines.length,
              file: billed.fileName ?? '—',
              format: t(`billing.rec.format.${billed.format}`),
              from,
              to,
            })}{' '}
            <button type="button" onClick={() => save(undefined)}>
              {t('billing.rec.clear')}
            </button>
          </p>
          {result && table(t('billing.rec.byCountry'), t('billing.rec.country'), result.countries)}
          {result &&
            result.connectors.length > 0 &&
            table(
              t('billing.rec.byConnector'),
              t('billing.mom.connector'),
              result.connectors.map((line) =>
                line.key === UNKNOWN_CONNECTOR
                  ? { ...line, label: t('billing.unreadableSession') }
                  : line,
              ),
            )}
          <p className="field-hint">{t('billing.rec.note')}</p>
        </>
      ) : (
        <p>{t('billing.rec.none')}</p>
      )}
    </section>
  );
}
