/**
 * UI strings of the billing components: one object per component, English and
 * Spanish. Components take `locale` (picks the defaults, formats money and
 * dates) and `labels` (overrides, e.g. from the app's i18n `t()`).
 * Placeholders read `{name}` and are filled by `fill`.
 */

export interface Localized<T> {
  en: T;
  es: T;
}

/** The labels for a locale ("es-CO" → es; anything else → en), with overrides on top. */
export function pickLabels<T extends object>(
  all: Localized<T>,
  locale = 'en',
  overrides?: Partial<T>,
): T {
  const base = locale.toLowerCase().startsWith('es') ? all.es : all.en;
  return overrides ? { ...base, ...overrides } : base;
}

/** "{n} rows" + {n: 3} → "3 rows". Unknown placeholders are left as they are. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole,
  );
}

export interface SeriesLabels {
  templates: string;
  nonTemplates: string;
  unknown: string;
  /** aria-label of the legend (a group of toggle buttons). */
  legend: string;
  /** Summary of the collapsible data table under the chart. */
  dataTable: string;
  /** Header of the first column of the data table (day, connector, country). */
  category: string;
  total: string;
  shareColumn: string;
  /** aria-label of a drill-down button in the data table. */
  select: string;
}

const SERIES_EN: SeriesLabels = {
  templates: 'Template (HSM)',
  nonTemplates: 'No template',
  unknown: 'Unreadable TEMPLATE',
  legend: 'Series (click to show or hide)',
  dataTable: 'Data table',
  category: '',
  total: 'Total',
  shareColumn: 'Template share',
  select: 'Show the rows of {name}',
};
const SERIES_ES: SeriesLabels = {
  templates: 'Plantilla (HSM)',
  nonTemplates: 'Sin plantilla',
  unknown: 'TEMPLATE ilegible',
  legend: 'Series (clic para mostrar u ocultar)',
  dataTable: 'Tabla de datos',
  category: '',
  total: 'Total',
  shareColumn: '% de plantillas',
  select: 'Ver las filas de {name}',
};

export interface TemplateUsageChartLabels extends SeriesLabels {
  title: string;
  hint: string;
  /** The same three when long spans are drawn per week. */
  weekCategory: string;
  weekTitle: string;
  weekHint: string;
  empty: string;
  undatedNote: string;
}

export const TEMPLATE_USAGE_CHART_LABELS: Localized<TemplateUsageChartLabels> = {
  en: {
    ...SERIES_EN,
    category: 'Day',
    title: 'Template vs non-template interactions per day',
    hint: 'Click a bar to show that day’s rows.',
    weekCategory: 'Week',
    weekTitle: 'Template vs non-template interactions per week',
    weekHint: 'Click a bar to show that week’s rows.',
    empty: 'No dated rows to chart.',
    undatedNote: '{n} rows without a usable date are not charted.',
  },
  es: {
    ...SERIES_ES,
    category: 'Día',
    title: 'Interacciones con y sin plantilla por día',
    hint: 'Haga clic en una barra para ver las filas de ese día.',
    weekCategory: 'Semana',
    weekTitle: 'Interacciones con y sin plantilla por semana',
    weekHint: 'Haga clic en una barra para ver las filas de esa semana.',
    empty: 'No hay filas con fecha para graficar.',
    undatedNote: '{n} filas sin fecha válida no se grafican.',
  },
};

export interface ShareChartLabels extends SeriesLabels {
  title: string;
  hint: string;
  empty: string;
  /** Tooltip line: share of templates. */
  share: string;
  truncated: string;
}

export interface ConnectorShareChartLabels extends ShareChartLabels {
  unreadableSession: string;
  unreadableNote: string;
}

export const CONNECTOR_SHARE_CHART_LABELS: Localized<ConnectorShareChartLabels> = {
  en: {
    ...SERIES_EN,
    category: 'Connector',
    title: 'Template share per connector',
    hint: 'Click a bar to show that connector’s rows.',
    empty: 'No rows to chart.',
    share: 'Templates: {pct}',
    truncated: 'Showing the {shown} largest of {total}.',
    unreadableSession: 'Unreadable SESSION_ID',
    unreadableNote: '{n} rows with an unreadable SESSION_ID.',
  },
  es: {
    ...SERIES_ES,
    category: 'Conector',
    title: 'Participación de plantillas por conector',
    hint: 'Haga clic en una barra para ver las filas de ese conector.',
    empty: 'No hay filas para graficar.',
    share: 'Plantillas: {pct}',
    truncated: 'Se muestran los {shown} mayores de {total}.',
    unreadableSession: 'SESSION_ID ilegible',
    unreadableNote: '{n} filas con SESSION_ID ilegible.',
  },
};

export interface CountryShareChartLabels extends ShareChartLabels {
  emptyCountry: string;
  unresolvedNote: string;
}

export const COUNTRY_SHARE_CHART_LABELS: Localized<CountryShareChartLabels> = {
  en: {
    ...SERIES_EN,
    category: 'Country',
    title: 'Template share per destination country',
    hint: 'Click a bar to show that country’s rows.',
    empty: 'No rows to chart.',
    share: 'Templates: {pct}',
    truncated: 'Showing the {shown} largest of {total}.',
    emptyCountry: '(no country)',
    unresolvedNote: 'Not recognised as a country: {values}.',
  },
  es: {
    ...SERIES_ES,
    category: 'País',
    title: 'Participación de plantillas por país de destino',
    hint: 'Haga clic en una barra para ver las filas de ese país.',
    empty: 'No hay filas para graficar.',
    share: 'Plantillas: {pct}',
    truncated: 'Se muestran los {shown} mayores de {total}.',
    emptyCountry: '(sin país)',
    unresolvedNote: 'No reconocidos como país: {values}.',
  },
};

export interface ConnectorCostTableLabels {
  caption: string;
  connector: string;
  interactions: string;
  templates: string;
  countries: string;
  costRange: string;
  expected: string;
  noRate: string;
  total: string;
  range: string;
  more: string;
  emptyCountry: string;
  unreadableSession: string;
  selectConnector: string;
  empty: string;
  unreadableNote: string;
  noRateNote: string;
  undatedNote: string;
  outsideNote: string;
  unknownTemplateNote: string;
  reportedNote: string;
  basisNote: string;
  markupNote: string;
  roundingNote: string;
  mixMarketing: string;
  mixUtility: string;
  mixAuthentication: string;
}

export const CONNECTOR_COST_TABLE_LABELS: Localized<ConnectorCostTableLabels> = {
  en: {
    caption: 'Estimated WhatsApp cost per connector (estimate, USD)',
    connector: 'Connector',
    interactions: 'Interactions',
    templates: 'Templates',
    countries: 'Countries',
    costRange: 'Estimated cost (low – high)',
    expected: 'Expected (estimate)',
    noRate: 'Rows without a rate',
    total: 'Total',
    range: '{low} – {high}',
    more: '+{n} more',
    emptyCountry: '(no country)',
    unreadableSession: 'Unreadable SESSION_ID',
    selectConnector: 'Show the rows of {name}',
    empty: 'No rows to estimate.',
    unreadableNote: '{n} rows with an unreadable SESSION_ID are grouped as “{label}”.',
    noRateNote: '{n} rows have no rate for their country and are not priced: {countries}.',
    undatedNote: '{n} rows without a usable date are not priced.',
    outsideNote: '{n} rows fall outside the rate card’s periods and are not priced.',
    unknownTemplateNote: '{n} rows have an unreadable TEMPLATE value and are not priced.',
    reportedNote:
      'Includes rules reported for 1 Oct 2026 (service messages beyond 1,000 per connector per month), not confirmed by Meta.',
    basisNote:
      'Estimate from Meta’s published rates; the report does not tell the template category, so the expected figure assumes {mix}.',
    markupNote: 'Includes a {pct} markup (BSP fee).',
    roundingNote: 'Totals are rounded once and may differ by a cent from the sum of the lines.',
    mixMarketing: '{pct} marketing',
    mixUtility: '{pct} utility',
    mixAuthentication: '{pct} authentication',
  },
  es: {
    caption: 'Costo estimado de WhatsApp por conector (estimación, USD)',
    connector: 'Conector',
    interactions: 'Interacciones',
    templates: 'Plantillas',
    countries: 'Países',
    costRange: 'Costo estimado (mín. – máx.)',
    expected: 'Esperado (estimación)',
    noRate: 'Filas sin tarifa',
    total: 'Total',
    range: '{low} – {high}',
    more: '+{n} más',
    emptyCountry: '(sin país)',
    unreadableSession: 'SESSION_ID ilegible',
    selectConnector: 'Ver las filas de {name}',
    empty: 'No hay filas para estimar.',
    unreadableNote: '{n} filas con SESSION_ID ilegible se agrupan como «{label}».',
    noRateNote: '{n} filas no tienen tarifa para su país y no se cotizan: {countries}.',
    undatedNote: '{n} filas sin fecha válida no se cotizan.',
    outsideNote: '{n} filas quedan fuera de los periodos del tarifario y no se cotizan.',
    unknownTemplateNote: '{n} filas tienen un valor de TEMPLATE ilegible y no se cotizan.',
    reportedNote:
      'Incluye reglas reportadas para el 1 oct 2026 (mensajes de servicio por encima de 1.000 por conector al mes), no confirmadas por Meta.',
    basisNote:
      'Estimación con las tarifas publicadas por Meta; el reporte no indica la categoría de la plantilla, así que el valor esperado supone {mix}.',
    markupNote: 'Incluye un recargo de {pct} (tarifa del BSP).',
    roundingNote:
      'Los totales se redondean una sola vez y pueden diferir en un centavo de la suma de las filas.',
    mixMarketing: '{pct} marketing',
    mixUtility: '{pct} utilidad',
    mixAuthentication: '{pct} autenticación',
  },
};

export interface RateCardEditorLabels {
  title: string;
  period: string;
  perConversation: string;
  perMessage: string;
  confirmed: string;
  reported: string;
  uncertain: string;
  validity: string;
  openEnded: string;
  asOf: string;
  sources: string;
  serviceAllowance: string;
  serviceAlwaysFree: string;
  utilityFreeInWindow: string;
  yes: string;
  no: string;
  market: string;
  marketing: string;
  utility: string;
  authentication: string;
  service: string;
  actions: string;
  remove: string;
  rateInput: string;
  invalidRate: string;
  pending: string;
  regionFallback: string;
  regionMembers: string;
  addCountry: string;
  addCountryPlaceholder: string;
  add: string;
  unknownCountry: string;
  alreadyOnCard: string;
  reset: string;
  resetDone: string;
  importJson: string;
  exportJson: string;
  imported: string;
  importFailed: string;
}

export const RATE_CARD_EDITOR_LABELS: Localized<RateCardEditorLabels> = {
  en: {
    title: 'WhatsApp rate card (USD per billable unit)',
    period: 'Pricing period',
    perConversation: 'per conversation',
    perMessage: 'per delivered template message',
    confirmed: 'confirmed',
    reported: 'reported, not confirmed',
    uncertain: 'uncertain',
    validity: '{from} to {to}',
    openEnded: 'today',
    asOf: 'Figures as of {date}',
    sources: 'Sources',
    serviceAllowance: 'Service rows free per connector per month: {n}, then the service rate.',
    serviceAlwaysFree: 'Service (non-template) rows are free.',
    utilityFreeInWindow: 'Utility templates inside the customer-service window are free: {value}.',
    yes: 'yes',
    no: 'no',
    market: 'Market',
    marketing: 'Marketing',
    utility: 'Utility',
    authentication: 'Authentication',
    service: 'Service',
    actions: 'Actions',
    remove: 'Remove {name}',
    rateInput: '{category} rate for {name}',
    invalidRate: 'Enter a rate in USD, e.g. 0.0125.',
    pending: 'Fill the four rates to add {name} to the card.',
    regionFallback: 'Apply “{region}” rates to member countries without their own rates',
    regionMembers: 'Members: {members}.',
    addCountry: 'Add a country',
    addCountryPlaceholder: 'Country name or ISO code',
    add: 'Add',
    unknownCountry: '“{value}” is not a country this tool recognises.',
    alreadyOnCard: '{name} is already on this period’s card.',
    reset: 'Reset to default',
    resetDone: 'The default rate card is back.',
    importJson: 'Import JSON',
    exportJson: 'Export JSON',
    imported: 'Rate card imported.',
    importFailed: 'The file was not imported:',
  },
  es: {
    title: 'Tarifario de WhatsApp (USD por unidad facturable)',
    period: 'Periodo de tarifas',
    perConversation: 'por conversación',
    perMessage: 'por mensaje de plantilla entregado',
    confirmed: 'confirmado',
    reported: 'reportado, sin confirmar',
    uncertain: 'incierto',
    validity: '{from} a {to}',
    openEnded: 'hoy',
    asOf: 'Cifras al {date}',
    sources: 'Fuentes',
    serviceAllowance:
      'Filas de servicio gratuitas por conector al mes: {n}; luego, la tarifa de servicio.',
    serviceAlwaysFree: 'Las filas de servicio (sin plantilla) son gratuitas.',
    utilityFreeInWindow:
      'Plantillas de utilidad gratuitas dentro de la ventana de atención: {value}.',
    yes: 'sí',
    no: 'no',
    market: 'Mercado',
    marketing: 'Marketing',
    utility: 'Utilidad',
    authentication: 'Autenticación',
    service: 'Servicio',
    actions: 'Acciones',
    remove: 'Quitar {name}',
    rateInput: 'Tarifa de {category} para {name}',
    invalidRate: 'Escriba una tarifa en USD, p. ej. 0.0125.',
    pending: 'Complete las cuatro tarifas para agregar {name} al tarifario.',
    regionFallback: 'Aplicar las tarifas de «{region}» a los países miembros sin tarifa propia',
    regionMembers: 'Miembros: {members}.',
    addCountry: 'Agregar un país',
    addCountryPlaceholder: 'Nombre del país o código ISO',
    add: 'Agregar',
    unknownCountry: '«{value}» no es un país reconocido.',
    alreadyOnCard: '{name} ya está en el tarifario de este periodo.',
    reset: 'Restablecer valores por defecto',
    resetDone: 'Se restableció el tarifario por defecto.',
    importJson: 'Importar JSON',
    exportJson: 'Exportar JSON',
    imported: 'Tarifario importado.',
    importFailed: 'No se importó el archivo:',
  },
};

export interface BillingPanelLabels {
  title: string;
  interactions: string;
  templates: string;
  templateShare: string;
  cost: string;
  costRange: string;
  topConnector: string;
  none: string;
  estimateBadge: string;
  assumptions: string;
  mix: string;
  mixMarketing: string;
  mixUtility: string;
  mixAuthentication: string;
  mixCustom: string;
  markup: string;
  rateCard: string;
  editRateCard: string;
  exportConnectors: string;
  computing: string;
}

export const BILLING_PANEL_LABELS: Localized<BillingPanelLabels> = {
  en: {
    title: 'WhatsApp usage and estimated cost',
    interactions: 'Interactions',
    templates: 'Template messages',
    templateShare: 'Template share',
    cost: 'Estimated cost',
    costRange: 'range {low} – {high}',
    topConnector: 'Top connector',
    none: '—',
    estimateBadge: 'Estimate: wolkvox gives no prices; Meta’s rates from the rate card',
    assumptions: 'Assumptions',
    mix: 'Template category (report 10 does not say)',
    mixMarketing: 'All marketing (upper bound)',
    mixUtility: 'All utility',
    mixAuthentication: 'All authentication',
    mixCustom: 'Custom mix (%)',
    markup: 'Provider markup (%)',
    rateCard: 'Rate card: {name}, as of {date}',
    editRateCard: 'Edit the rate card',
    exportConnectors: 'Export connectors CSV',
    computing: 'Estimating WhatsApp usage and cost…',
  },
  es: {
    title: 'Uso de WhatsApp y costo estimado',
    interactions: 'Interacciones',
    templates: 'Mensajes de plantilla',
    templateShare: 'Proporción de plantillas',
    cost: 'Costo estimado',
    costRange: 'rango {low} – {high}',
    topConnector: 'Conector principal',
    none: '—',
    estimateBadge: 'Estimación: wolkvox no da precios; tarifas de Meta según el tarifario',
    assumptions: 'Supuestos',
    mix: 'Categoría de plantilla (el reporte 10 no la indica)',
    mixMarketing: 'Todo marketing (cota superior)',
    mixUtility: 'Todo utilidad',
    mixAuthentication: 'Todo autenticación',
    mixCustom: 'Mezcla propia (%)',
    markup: 'Recargo del proveedor (%)',
    rateCard: 'Tarifario: {name}, vigente al {date}',
    editRateCard: 'Editar el tarifario',
    exportConnectors: 'Exportar CSV de conectores',
    computing: 'Estimando el uso y el costo de WhatsApp…',
  },
};
