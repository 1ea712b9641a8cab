/**
 * UI strings of the report charts, English and Spanish (picked by the app's `language`).
 * Placeholders read `{name}`. Chart titles and value names live in chart-specs.ts.
 */

export interface ChartLabels {
  /** aria-label of the section holding every chart of a report. */
  section: string;
  /** Header of the figure column when the spec names none. */
  rows: string;
  /** "Average {name}": header of a mean figure. */
  average: string;
  /** Bar / series of the values beyond the top N. */
  other: string;
  /** Bar of empty cells (the table's filters say the same). */
  empty: string;
  yes: string;
  no: string;
  /** Header of the first column of the data table of a per-day chart. */
  day: string;
  /** The same when the chart is drawn per week, and the note saying so. */
  week: string;
  weekly: string;
  total: string;
  /** Row of the data table with the figure over every charted row, for mean charts. */
  overall: string;
  share: string;
  /** Summary of the collapsible data table under each chart. */
  dataTable: string;
  /** aria-label of the legend (toggle buttons). */
  legend: string;
  /** aria-label of a drill-down button in the data table. */
  select: string;
  /** Under a chart whose bars filter the table. */
  hint: string;
  noData: string;
  /** Rows of a per-day chart without a usable date. */
  undated: string;
  /** Rows without a number in the charted column. */
  noValue: string;
  /** The values grouped under "Other". */
  folded: string;
  /** An "Other" bar larger than every named bar is listed in the table, not drawn. */
  otherOffChart: string;
  /** While the charts catch up with a new filter. */
  updating: string;
}

export const CHART_LABELS: { en: ChartLabels; es: ChartLabels } = {
  en: {
    section: 'Charts of {report}',
    rows: 'Rows',
    average: 'Average {name}',
    other: 'Other',
    empty: '(empty)',
    yes: 'Yes',
    no: 'No',
    day: 'Day',
    week: 'Week',
    weekly: 'One bar per week (Monday to Sunday): the days span more than a quarter.',
    total: 'Total',
    overall: 'All rows',
    share: 'Share',
    dataTable: 'Data table',
    legend: 'Series (click to show or hide)',
    select: 'Filter the table by {name}',
    hint: 'Click a bar to filter the table by it.',
    noData: 'No rows to chart.',
    undated: '{n} rows without a date are not charted.',
    noValue: '{n} rows without a number in {column} are not charted.',
    folded: '“{other}” groups {n} more values.',
    otherOffChart:
      '“{other}” ({value}) is not drawn so that the bars stay readable; see the data table.',
    updating: 'Updating…',
  },
  es: {
    section: 'Gráficos de {report}',
    rows: 'Filas',
    average: '{name} promedio',
    other: 'Otros',
    empty: '(vacío)',
    yes: 'Sí',
    no: 'No',
    day: 'Día',
    week: 'Semana',
    weekly: 'Una barra por semana (de lunes a domingo): los días abarcan más de un trimestre.',
    total: 'Total',
    overall: 'Todas las filas',
    share: 'Porcentaje',
    dataTable: 'Tabla de datos',
    legend: 'Series (clic para mostrar u ocultar)',
    select: 'Filtrar la tabla por {name}',
    hint: 'Haga clic en una barra para filtrar la tabla por ella.',
    noData: 'No hay filas para graficar.',
    undated: '{n} filas sin fecha no se grafican.',
    noValue: '{n} filas sin un número en {column} no se grafican.',
    folded: '“{other}” agrupa {n} valores más.',
    otherOffChart:
      '“{other}” ({value}) no se dibuja para que las barras sigan legibles; vea la tabla de datos.',
    updating: 'Actualizando…',
  },
};

/** "{n} rows" + {n: 3} → "3 rows". Unknown placeholders are left as they are. */
export function fillLabel(
  template: string,
  values: Readonly<Record<string, string | number>>,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole,
  );
}
