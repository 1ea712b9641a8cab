import type { Cell, SheetData } from 'write-excel-file/universal';
import type { Forecast } from './forecast';
import { shareOfTemplates, type MonthOverMonth, type PeriodFigures } from './month-over-month';
import type { Reconciliation, ReconciledLine } from './reconciliation';

/**
 * The billing pack: one workbook for finance with the page's figures, as sheet data for
 * write-excel-file (the writer is loaded only when the pack is downloaded: billing/ui).
 * Money as numbers of USD with a currency format, shares as numbers with a percentage format,
 * days as dates; every header in the UI language (`PackLabels`, filled by the UI from the
 * catalog). The figures are the page's own (the estimate's cents / 100), so the sheets' totals
 * equal what the page shows.
 */

export const PACK_FORMATS = {
  usd: '"US$"#,##0.00',
  count: '#,##0',
  share: '0.0%',
  date: 'yyyy-mm-dd',
} as const;

export type PackSheetKey =
  | 'summary'
  | 'assumptions'
  | 'connectors'
  | 'countries'
  | 'days'
  | 'monthOverMonth'
  | 'reconciliation';

export const PACK_SHEETS: readonly PackSheetKey[] = [
  'summary',
  'assumptions',
  'connectors',
  'countries',
  'days',
  'monthOverMonth',
  'reconciliation',
];

/** Every word of the workbook, in the UI language. */
export interface PackLabels {
  sheets: Record<PackSheetKey, string>;
  period: string;
  item: string;
  value: string;
  connector: string;
  country: string;
  day: string;
  interactions: string;
  templates: string;
  templateShare: string;
  customers: string;
  cost: string;
  costLow: string;
  costHigh: string;
  /** The days' cost is allocated from the period's (month-over-month.ts). */
  dayCost: string;
  forecast: string;
  forecastLow: string;
  forecastHigh: string;
  budget: string;
  previous: string;
  current: string;
  change: string;
  changeShare: string;
  volume: string;
  mix: string;
  rate: string;
  estimate: string;
  billed: string;
  variance: string;
  varianceShare: string;
  marketingShare: string;
  total: string;
  none: string;
}

export interface PackInput {
  figures: PeriodFigures;
  costLow: number;
  costHigh: number;
  /** Assumption name → value, as the page words them. */
  assumptions: ReadonlyArray<readonly [string, string]>;
  monthOverMonth?: MonthOverMonth;
  reconciliation?: Reconciliation;
  forecast?: Forecast;
  /** Operation budget, cents. */
  budget?: number;
  /** Country key → display name. */
  countryName: (key: string) => string;
}

export interface PackSheet {
  sheet: string;
  data: SheetData;
  columns: { width: number }[];
}

const bold = (value: string): Cell => ({ value, fontWeight: 'bold' });
const text = (value: string): Cell => ({ value, type: String });
const usd = (cents: number): Cell => ({
  value: cents / 100,
  type: Number,
  format: PACK_FORMATS.usd,
});
const count = (n: number): Cell => ({ value: n, type: Number, format: PACK_FORMATS.count });
const share = (fraction: number | null): Cell =>
  fraction === null ? null : { value: fraction, type: Number, format: PACK_FORMATS.share };
const day = (iso: string): Cell => ({
  value: new Date(`${iso}T00:00:00Z`),
  type: Date,
  format: PACK_FORMATS.date,
});

const widths = (...w: number[]) => w.map((width) => ({ width }));

export function billingPackSheets(input: PackInput, l: PackLabels): PackSheet[] {
  const { figures, monthOverMonth: mom, reconciliation: rec, forecast } = input;
  const summary: SheetData = [
    [bold(l.item), bold(l.value)],
    [text(l.period), text(`${figures.from} – ${figures.to}`)],
    [text(l.interactions), count(figures.interactions)],
    [text(l.templates), count(figures.templates)],
    [text(l.templateShare), share(shareOfTemplates(figures))],
    [text(l.customers), count(figures.customers)],
    [text(l.cost), usd(figures.cents)],
    [text(l.costLow), usd(input.costLow)],
    [text(l.costHigh), usd(input.costHigh)],
  ];
  if (forecast)
    summary.push(
      [text(`${l.forecast} (${forecast.month})`), usd(forecast.expected)],
      [text(l.forecastLow), usd(forecast.low)],
      [text(l.forecastHigh), usd(forecast.high)],
    );
  if (input.budget !== undefined) summary.push([text(l.budget), usd(input.budget)]);
  if (mom) summary.push([text(`${l.change} (${l.previous})`), usd(mom.effects.change)]);
  if (rec)
    summary.push(
      [text(l.billed), usd(rec.total.billed)],
      [text(l.variance), usd(rec.total.variance)],
    );

  const assumptions: SheetData = [
    [bold(l.item), bold(l.value)],
    ...input.assumptions.map(([name, value]): Cell[] => [text(name), text(value)]),
  ];

  const figureRows = (
    header: string,
    lines: readonly { label: string; interactions: number; templates: number; cents: number }[],
  ): SheetData => [
    [bold(header), bold(l.interactions), bold(l.templates), bold(l.templateShare), bold(l.cost)],
    ...lines.map((line): Cell[] => [
      text(line.label),
      count(line.interactions),
      count(line.templates),
      share(shareOfTemplates(line)),
      usd(line.cents),
    ]),
    [
      bold(l.total),
      count(figures.interactions),
      count(figures.templates),
      share(shareOfTemplates(figures)),
      usd(figures.cents),
    ],
  ];

  const days: SheetData = [
    [bold(l.day), bold(l.interactions), bold(l.templates), bold(l.dayCost)],
    ...figures.days.map((d): Cell[] => [
      day(d.day),
      count(d.interactions),
      count(d.templates),
      usd(d.cents),
    ]),
    [bold(l.total), count(figures.interactions), count(figures.templates), usd(figures.cents)],
  ];

  let momSheet: SheetData;
  if (mom) {
    const e = mom.effects;
    momSheet = [
      [bold(l.item), bold(l.value)],
      [text(`${l.previous} (${mom.previous.from} – ${mom.previous.to})`), usd(e.previous)],
      [text(l.volume), usd(e.volume)],
      [text(l.mix), usd(e.mix)],
      [text(l.rate), usd(e.rate)],
      [text(`${l.current} (${mom.current.from} – ${mom.current.to})`), usd(e.current)],
      [],
      [bold(l.connector), bold(l.previous), bold(l.current), bold(l.change), bold(l.changeShare)],
      ...mom.connectors.map((c): Cell[] => [
        text(c.label),
        usd(c.previous.cents),
        usd(c.current.cents),
        usd(c.change),
        share(c.previous.cents === 0 ? null : c.change / c.previous.cents),
      ]),
      [],
      [bold(l.country), bold(l.previous), bold(l.current), bold(l.change), bold(l.changeShare)],
      ...mom.countries.map((c): Cell[] => [
        text(input.countryName(c.key)),
        usd(c.previous.cents),
        usd(c.current.cents),
        usd(c.change),
        share(c.previous.cents === 0 ? null : c.change / c.previous.cents),
      ]),
    ];
  } else momSheet = [[text(l.none)]];

  const recRows = (
    header: string,
    lines: readonly ReconciledLine[],
    name: (k: string) => string,
  ) => [
    [
      bold(header),
      bold(l.estimate),
      bold(l.billed),
      bold(l.variance),
      bold(l.varianceShare),
      bold(l.marketingShare),
    ],
    ...lines.map((r): Cell[] => [
      text(name(r.key) || r.label),
      usd(r.estimate),
      usd(r.billed),
      usd(r.variance),
      share(r.varianceShare),
      share(r.marketingShare),
    ]),
  ];
  let recSheet: SheetData;
  if (rec) {
    recSheet = [
      ...recRows(l.country, rec.countries, input.countryName),
      [
        bold(l.total),
        usd(rec.total.estimate),
        usd(rec.total.billed),
        usd(rec.total.variance),
        share(rec.total.varianceShare),
        share(rec.total.marketingShare),
      ],
    ];
    if (rec.connectors.length > 0)
      recSheet.push(
        [],
        ...recRows(
          l.connector,
          rec.connectors,
          (key) => rec.connectors.find((c) => c.key === key)?.label ?? key,
        ),
      );
  } else recSheet = [[text(l.none)]];

  const countryLines = figures.countries.map((c) => ({ ...c, label: input.countryName(c.key) }));
  return [
    { sheet: l.sheets.summary, data: summary, columns: widths(36, 18) },
    { sheet: l.sheets.assumptions, data: assumptions, columns: widths(36, 48) },
    {
      sheet: l.sheets.connectors,
      data: figureRows(l.connector, figures.connectors),
      columns: widths(28, 14, 14, 14, 16),
    },
    {
      sheet: l.sheets.countries,
      data: figureRows(l.country, countryLines),
      columns: widths(28, 14, 14, 14, 16),
    },
    { sheet: l.sheets.days, data: days, columns: widths(14, 14, 14, 16) },
    { sheet: l.sheets.monthOverMonth, data: momSheet, columns: widths(36, 16, 16, 16, 14) },
    { sheet: l.sheets.reconciliation, data: recSheet, columns: widths(28, 16, 16, 16, 14, 16) },
  ];
}
