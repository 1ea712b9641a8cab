import type { Message } from './message-format';

/**
 * Every UI string in English: the one catalog of the app. messages-es.ts must have the
 * same keys, the same placeholders and the same plural shape (the type checks it).
 * A plural message is `{ one, other }`, picked by its `count` (see message-format.ts).
 */
export const en = {
  'app.title': 'wolkvox reports',
  'app.mockBadge': 'Demo data: mock wolkvox server',
  'app.liveBadge': 'Live: wolkvox through the proxy',
  'app.skipToContent': 'Skip to content',
  'menu.label': 'Reports',
  'home.recent': 'Recently opened',
  'home.period': '{from} to {to}',
  'home.reports': 'What each report answers',
  'language.label': 'Language',
  'range.legend': 'Date range',
  'range.from': 'From',
  'range.to': 'To (inclusive)',
  'range.generate': 'Generate report',
  'range.timeZone': 'Times in {zone}',
  'range.invalid': 'The end date must be on or after the start date.',
  'range.preset.today': 'Today',
  'range.preset.yesterday': 'Yesterday',
  'range.preset.last7': 'Last 7 days',
  'range.preset.thisMonth': 'This month',
  'range.preset.lastMonth': 'Last month',
  'state.loading': 'Loading {report} from {from} to {to}…',
  'state.empty': 'wolkvox has no records of {report} between {from} and {to}.',
  'state.error': 'Could not load {report} ({from} to {to}).',
  'state.retry': 'Try again',
  'error.config':
    'The server sent wolkvox no token: WOLKVOX_TOKEN is not set where the app is deployed. Ask an administrator.',
  'error.token':
    'wolkvox rejected the token. Ask an administrator to check two things: WOLKVOX_TOKEN on the server, and that the server’s IP is on the operation’s allow-list in wolkvox Manager.',
  'error.busy':
    'wolkvox is busy with other calls of this token (2 at a time for the whole operation). The periods it refused can be retried in a moment.',
  'error.quota':
    'The token’s daily quota of wolkvox calls is used up. Data loads again when wolkvox resets the count.',
  'error.maintenance':
    'wolkvox is in maintenance (its API is paused during backups). What loaded is kept; retry the missing periods later.',
  'error.unknown-report':
    'This wolkvox server does not offer this report (it does not know its API name).',
  'error.invalid': 'wolkvox refused the request parameters.',
  'error.server': 'The wolkvox server failed.',
  'error.timeout': 'wolkvox did not answer in time.',
  'error.network': 'The wolkvox server could not be reached.',
  'error.malformed': 'wolkvox answered with something that is not a report.',
  'error.apiSaid': 'wolkvox said: “{message}”',
  'error.unexpected': 'Something went wrong while showing this report.',
  // Our account of a failed call (report-model/wire WolkvoxError reasons).
  'error.reason.status': 'The server answered HTTP {status}',
  'error.reason.statusPage': 'The server answered HTTP {status} ({page})',
  'error.reason.notJson': 'The answer is not JSON ({page})',
  'error.reason.notEnvelope': 'The answer is JSON but not a wolkvox envelope',
  'error.reason.rowNotObject': 'Row {row} of "data" is not an object',
  'error.reason.noDataList': 'The answer has no "data" list (msg: "{msg}")',
  'error.reason.dataNotList': '"data" is a {type}, not a list of rows',
  'error.reason.unreachable': 'Could not reach the wolkvox server',
  'error.reason.unreachableCause': 'Could not reach the wolkvox server ({cause})',
  'error.reason.noAnswer': 'No answer within {seconds} s',
  'table.caption': '{report}, {from} to {to}',
  'table.rowCount': { one: '{shown} of {count} row', other: '{shown} of {count} rows' },
  'table.rowCountSoFar': {
    one: '{shown} of {count} row so far, more on the way',
    other: '{shown} of {count} rows so far, more on the way',
  },
  'table.sortAscending': 'Sorted by {column}, ascending',
  'table.sortDescending': 'Sorted by {column}, descending',
  'table.notSorted': 'Sort removed',
  'table.sortHint': 'Click to sort, Shift+click to add a column to the sort',
  'cell.yes': 'Yes',
  'cell.no': 'No',
  'cell.unparsed': 'Shown as wolkvox sent it: it could not be read as {type}',
  'cell.extraColumn': 'Column not in the catalog, kept as sent',
  'notice.invalidParams': 'Some parts of the link were not valid and were reset: {params}.',
  'notice.dismiss': 'Dismiss',
  'notice.unparsed': {
    one: '{count} value could not be read and is shown as wolkvox sent it (marked ⚠).',
    other: '{count} values could not be read and are shown as wolkvox sent them (marked ⚠).',
  },
  'filters.label': 'Filters',
  'filters.phone': 'Phone',
  'filters.search': 'Search in visible columns',
  'filters.empty': '(empty)',
  'filters.pickLegend': 'Values of {column} to keep',
  'filters.clearColumn': 'Clear this filter',
  'filters.ranges': 'Number ranges',
  'filters.min': 'Min',
  'filters.max': 'Max',
  'filters.clearAll': 'Clear filters',
  'columns.label': 'Columns',
  'columns.hidden': { one: '{count} hidden', other: '{count} hidden' },
  'columns.showAll': 'Show all columns',
  'columns.headerNames': 'Column headers',
  'columns.wolkvoxNames': 'As in wolkvox Manager (CONN_ID)',
  'columns.humanNames': 'Human names (Interaction ID)',
  'table.headerTitle': '{label} ({header}). {hint}',
  'table.totals': 'Total',
  'table.totalsLabel': 'Totals over the rows shown',
  'table.meanMark': 'avg.',
  'table.sumTitle': {
    one: 'Sum over the {count} row shown',
    other: 'Sum over the {count} rows shown',
  },
  'table.meanTitle': {
    one: 'Average over the {count} row shown',
    other: 'Average over the {count} rows shown',
  },
  'table.weightedMeanTitle': {
    one: 'Average over the {count} row shown, weighted by {weight}',
    other: 'Average over the {count} rows shown, weighted by {weight}',
  },
  'xlsx.button': 'Export Excel (.xlsx)',
  'xlsx.writing': 'Writing Excel file…',
  'xlsx.failed': 'The Excel file could not be written. The CSV export has the same rows.',
  'xlsx.sheet-limit':
    'Too many rows for one Excel sheet (1,048,576 at most): narrow the view, or use Export CSV.',
  'xlsx.too-large':
    'Too many rows for a quick Excel file (150,000 at most): narrow the view, or use Export CSV.',
  'xlsx.cutCells': 'Cells cut to 32,767 characters (Excel’s limit; the CSV keeps them whole)',
  'xlsx.dataSheet': 'Rows',
  'xlsx.aboutSheet': 'Period and filters',
  'xlsx.report': 'Report',
  'xlsx.period': 'Period',
  'xlsx.rows': 'Rows',
  'export.button': 'Export CSV',
  'export.hint':
    'Downloads the rows and columns on screen, in this order ({delimiter}-separated, UTF-8)',
  'export.comma': 'comma',
  'export.semicolon': 'semicolon',
  'export.progress': 'Exporting CSV',
  'export.cancel': 'Cancel',
  'settings.title': 'Settings',
  'settings.link': 'Settings',
  'settings.timeZone': 'Operation time zone',
  'settings.timeZoneHelp':
    'wolkvox sends times in the operation’s zone; presets such as “Today” use it.',
  'settings.timeZoneInvalid':
    'Not a known time zone (e.g. America/Bogota); the previous one stays.',
  'settings.delimiter': 'CSV delimiter',
  'settings.delimiterAuto': 'By language (semicolon in Spanish)',
  'settings.connection': 'Connection',
  'settings.mockMode':
    'Demo mode: a mock wolkvox server answers inside this page. No data leaves the browser.',
  'settings.liveMode': 'Live: the proxy forwards to {server}.',
  'settings.tokenSet': 'A token is configured on the proxy.',
  'settings.tokenMissing': 'No token is configured on the proxy (WOLKVOX_TOKEN).',
  'settings.statusUnknown': 'The proxy did not say how it is configured.',
  'settings.signedInAs': 'Signed in as {user}.',
  'settings.signOut': 'Sign out',
  'settings.quotaTitle': 'The token’s daily quota',
  'settings.quotaRead': 'Read today’s use from wolkvox (costs 1 call)',
  'settings.quotaUsed':
    'Used today: {used} of {limit} calls, {left} left (read at {time}, with this server’s calls since).',
  'settings.quotaNotRead': 'Today’s use has not been read yet.',
  'settings.quotaServerCalls':
    'This server’s calls to wolkvox today ({day}, {zone}): {calls}. Other integrations with the same token also count.',
  'settings.quotaExhausted':
    'The daily quota is used up: no report can be loaded until {time}. Calls made now are answered by this server without spending any.',
  'settings.quotaReadFailed': 'wolkvox did not give the quota: {error}',
  'transcript.open': 'Open the conversation of chat {conn}',
  'transcript.title': 'Conversation {conn}',
  'transcript.close': 'Close the conversation',
  'transcript.source': 'From {report}, {from} to {to}',
  'transcript.loading': 'Loading the conversation…',
  'transcript.notFound': 'This chat has no messages in 2. Conversations between {from} and {to}.',
  'transcript.messages': { one: '{count} message', other: '{count} messages' },
  'transcript.customer': 'Customer',
  'transcript.agent': 'Agent',
  'transcript.bot': 'Bot',
  'charts.loading': 'Loading charts…',
  'settings.rateCard': 'WhatsApp rate card',
  'settings.rateCardHelp':
    'Meta’s prices per country and category used for the cost estimate of report 10.',
  'load.progressLabel': 'Periods loaded',
  'load.progress': '{done} of {periods}, {rows} so far',
  'load.periods': { one: '{count} period', other: '{count} periods' },
  'load.rows': { one: '{count} row', other: '{count} rows' },
  'load.cancel': 'Cancel',
  'load.cancelled': 'Loading was cancelled; nothing is shown for {from} to {to}.',
  'load.again': 'Load again',
  'load.refresh': 'Refresh',
  'load.refreshHint':
    'Ask wolkvox again (results are kept 5 minutes to save the token’s daily quota)',
  'load.partial': {
    one: 'Partial result: the table shows {count} row, but some periods are missing.',
    other: 'Partial result: the table shows {count} rows, but some periods are missing.',
  },
  'load.failedPeriods': {
    one: '{count} period could not be loaded:',
    other: '{count} periods could not be loaded:',
  },
  'load.retryPeriod': 'Retry this period',
  'load.retryAll': 'Retry all periods',
  'load.truncated':
    'These one-second periods hit wolkvox’s 60,000-row limit and may be incomplete:',
  'load.calls':
    'wolkvox answers one month (at most 31 days) per call: this range takes {count} calls.',
  'load.aggregateRange':
    'This report totals over the whole range, so wolkvox must answer it in one call: choose dates within one calendar month.',
  'load.tooLong': 'Choose at most {max} days ({days} were asked).',
  'limit.rangeTooLong':
    'This link asks for {days} days; a report loads at most {max} days at once. Nothing was asked of wolkvox: choose a shorter range.',
  'limit.budget':
    'Not loaded: this load reached its ceiling of {calls} calls to wolkvox (set by its range). Only a broken answer gets this far.',
  'limit.ignoredRange':
    'wolkvox ignored the range: {period} still came back with the full 60,000 rows, so smaller periods would not help. Nothing more was asked.',
  'limit.quotaShort':
    'This load needs about {needed} calls to wolkvox and only {left} are left today on the token. Choose a shorter range, or wait until the quota restarts.',
  'charts.afterLoad': 'The charts are drawn once every row is in.',
  'charts.toggle': 'Charts',
  'print.button': 'Print',
  'print.note':
    'Printed: the first {rows} of {total} rows in this order. Export CSV for all of them.',

  // Report charts (src/charts). Chart titles and value names live in chart-specs.ts.
  /** aria-label of the section holding every chart of a report. */
  'charts.section': 'Charts of {report}',
  /** Header of the figure column when the spec names none. */
  'charts.rows': 'Rows',
  /** Header of a mean figure. */
  'charts.average': 'Average {name}',
  /** Bar / series of the values beyond the top N. */
  'charts.other': 'Other',
  /** Bar of empty cells (the table's filters say the same). */
  'charts.empty': '(empty)',
  'charts.yes': 'Yes',
  'charts.no': 'No',
  /** Header of the first column of the data table of a per-day chart. */
  'charts.day': 'Day',
  /** The same when the chart is drawn per week, and the note saying so. */
  'charts.week': 'Week',
  'charts.weekly': 'One bar per week (Monday to Sunday): the days span more than a quarter.',
  'charts.total': 'Total',
  /** Row of the data table with the figure over every charted row, for mean charts. */
  'charts.overall': 'All rows',
  'charts.share': 'Share',
  /** Summary of the collapsible data table under each chart. */
  'charts.dataTable': 'Data table',
  /** aria-label of the legend (toggle buttons). */
  'charts.legend': 'Series (click to show or hide)',
  /** aria-label of a drill-down button in the data table. */
  'charts.select': 'Filter the table by {name}',
  /** Under a chart whose bars filter the table. */
  'charts.hint': 'Click a bar to filter the table by it.',
  'charts.noData': 'No rows to chart.',
  /** Rows of a per-day chart without a usable date. */
  'charts.undated': {
    one: '{count} row without a date is not charted.',
    other: '{count} rows without a date are not charted.',
  },
  /** Rows without a number in the charted column. */
  'charts.noValue': {
    one: '{count} row without a number in {column} is not charted.',
    other: '{count} rows without a number in {column} are not charted.',
  },
  /** The values grouped under "Other". */
  'charts.folded': {
    one: '“{other}” groups {count} more value.',
    other: '“{other}” groups {count} more values.',
  },
  /** An "Other" bar larger than every named bar is listed in the table, not drawn. */
  'charts.otherOffChart':
    '“{other}” ({value}) is not drawn so that the bars stay readable; see the data table.',
  /** While the charts catch up with a new filter. */
  'charts.updating': 'Updating…',
  /** Under a chart whose value axis is fitted to its bars (it does not start at 0). */
  'charts.axisFrom':
    'The axis starts at {value}, not at 0, so that close values can be told apart: compare the figures, not the bar lengths.',

  // Report 10's charts (src/billing/ui): the series they share.
  'billing.series.templates': 'Template (HSM)',
  'billing.series.nonTemplates': 'No template',
  'billing.series.unknown': 'Unreadable TEMPLATE',
  'billing.series.legend': 'Series (click to show or hide)',
  'billing.series.dataTable': 'Data table',
  'billing.series.total': 'Total',
  'billing.series.shareColumn': 'Template share',
  'billing.series.select': 'Show the rows of {name}',
  // Templates per day (or week).
  'billing.usage.day': 'Day',
  'billing.usage.title': 'Template vs non-template interactions per day',
  'billing.usage.hint': 'Click a bar to show that day’s rows.',
  'billing.usage.week': 'Week',
  'billing.usage.weekTitle': 'Template vs non-template interactions per week',
  'billing.usage.weekHint': 'Click a bar to show that week’s rows.',
  'billing.usage.empty': 'No dated rows to chart.',
  'billing.usage.undatedNote': {
    one: '{count} row without a usable date is not charted.',
    other: '{count} rows without a usable date are not charted.',
  },
  // Template share per connector and per country.
  'billing.share.empty': 'No rows to chart.',
  /** Tooltip line: share of templates. */
  'billing.share.share': 'Templates: {pct}',
  'billing.share.truncated': 'Showing the {shown} largest of {total}.',
  'billing.connectorShare.category': 'Connector',
  'billing.connectorShare.title': 'Template share per connector',
  'billing.connectorShare.hint': 'Click a bar to show that connector’s rows.',
  'billing.connectorShare.unreadableNote': {
    one: '{count} row with an unreadable SESSION_ID.',
    other: '{count} rows with an unreadable SESSION_ID.',
  },
  'billing.countryShare.category': 'Country',
  'billing.countryShare.title': 'Template share per destination country',
  'billing.countryShare.hint': 'Click a bar to show that country’s rows.',
  'billing.countryShare.unresolvedNote': 'Not recognised as a country: {values}.',
  'billing.unreadableSession': 'Unreadable SESSION_ID',
  'billing.noCountry': '(no country)',

  // Cost per connector (report 10).
  'billing.costTable.caption': 'Estimated WhatsApp cost per connector (estimate, USD)',
  'billing.costTable.connector': 'Connector',
  'billing.costTable.interactions': 'Interactions',
  'billing.costTable.templates': 'Templates',
  'billing.costTable.countries': 'Countries',
  'billing.costTable.costRange': 'Estimated cost (low – high)',
  'billing.costTable.expected': 'Expected (estimate)',
  'billing.costTable.noRate': 'Rows without a rate',
  'billing.costTable.total': 'Total',
  'billing.costTable.range': '{low} – {high}',
  'billing.costTable.more': '+{count} more',
  'billing.costTable.selectConnector': 'Show the rows of {name}',
  'billing.costTable.empty': 'No rows to estimate.',
  'billing.costTable.unreadableNote': {
    one: '{count} row with an unreadable SESSION_ID is grouped as “{label}”.',
    other: '{count} rows with an unreadable SESSION_ID are grouped as “{label}”.',
  },
  'billing.costTable.noRateNote': {
    one: '{count} row has no rate for its country and is not priced: {countries}.',
    other: '{count} rows have no rate for their country and are not priced: {countries}.',
  },
  'billing.costTable.undatedNote': {
    one: '{count} row without a usable date is not priced.',
    other: '{count} rows without a usable date are not priced.',
  },
  'billing.costTable.outsideNote': {
    one: '{count} row falls outside the rate card’s periods and is not priced.',
    other: '{count} rows fall outside the rate card’s periods and are not priced.',
  },
  'billing.costTable.unknownTemplateNote': {
    one: '{count} row has an unreadable TEMPLATE value and is not priced.',
    other: '{count} rows have an unreadable TEMPLATE value and are not priced.',
  },
  'billing.costTable.reportedNote':
    'Includes figures or rules marked “reported” on the rate card (e.g. the 1,000 free service messages per number per month), not confirmed by Meta.',
  'billing.costTable.basisNote':
    'Estimate from Meta’s published rates; the report does not tell the template category, so the expected figure assumes {mix}.',
  'billing.costTable.markupNote': 'Includes a {pct} markup (BSP fee).',
  'billing.costTable.roundingNote':
    'Totals are rounded once and may differ by a cent from the sum of the lines.',
  'billing.costTable.mixMarketing': '{pct} marketing',
  'billing.costTable.mixUtility': '{pct} utility',
  'billing.costTable.mixAuthentication': '{pct} authentication',

  // Report 10's usage and cost panel.
  'billing.panel.title': 'WhatsApp usage and estimated cost',
  'billing.panel.interactions': 'Interactions',
  'billing.panel.templates': 'Template messages',
  'billing.panel.templateShare': 'Template share',
  'billing.panel.cost': 'Estimated cost',
  'billing.panel.costRange': 'range {low} – {high}',
  'billing.panel.topConnector': 'Top connector',
  'billing.panel.estimateBadge':
    'Estimate: wolkvox gives no prices; Meta’s rates from the rate card',
  'billing.panel.assumptions': 'Assumptions',
  'billing.panel.mix': 'Template category (report 10 does not say)',
  'billing.panel.mixMarketing': 'All marketing (upper bound)',
  'billing.panel.mixUtility': 'All utility',
  'billing.panel.mixAuthentication': 'All authentication',
  'billing.panel.mixCustom': 'Custom mix (%)',
  'billing.panel.markup': 'Provider markup (%)',
  'billing.panel.rateCard': 'Rate card: {name}, as of {date}',
  'billing.panel.editRateCard': 'Edit the rate card',
  'billing.panel.exportConnectors': 'Export connectors CSV',
  'billing.perMessage.title': 'Per message (reports 2 and 10)',
  'billing.perMessage.interactionOnly':
    'The figures above are an estimate per interaction (report 10 only): one template per TEMPLATE = yes row, and service replies are not in report 10. Meta bills delivered messages: report 2 lists every message.',
  'billing.perMessage.plan':
    'Loading report 2 for this range: about {rowsLow}–{rowsHigh} message rows, at least {callsLow}–{callsHigh} calls to wolkvox (up to about three times that), 2 at a time.',
  'billing.perMessage.quotaShare': 'That is {low}–{high} of the token’s {limit} calls a day.',
  'billing.perMessage.quotaShareExample':
    'That is {low}–{high} of a day’s quota if the token has wolkvox’s example limit of {limit} calls (the token’s own limit has not been read; it is licenses × 1,000).',
  'billing.perMessage.quotaLeft': 'Calls left today (last reading): {left}.',
  'billing.perMessage.load': 'Load report 2 and price per message',
  'billing.perMessage.loading': 'Counting report 2’s messages: {done} of {total} calls…',
  'billing.perMessage.cancel': 'Cancel',
  'billing.perMessage.failed':
    'Report 2 could not be loaded ({error}). The estimate per interaction stays.',
  'billing.perMessage.incomplete':
    'Some calls failed: the per-message figure covers only part of the range.',
  'billing.perMessage.basis': 'Estimate (whole range)',
  'billing.perMessage.expected': 'Expected',
  'billing.perMessage.range': 'Range',
  'billing.perMessage.perInteraction': 'Per interaction (report 10)',
  'billing.perMessage.perMessage': 'Per message (reports 2 and 10)',
  'billing.perMessage.why':
    'Why they differ: {templates} template messages against {templateRows} TEMPLATE = yes rows (a chat may carry several templates); {service} service messages ({billable} billed) that report 10 does not list; {unmatched} chats of report 2 are not in report 10 and are not priced.',
  'billing.panel.utilityInWindow':
    'Bill utility templates inside the service window from 1 Oct 2026 (Meta’s pricing page; a rate file of 9 Oct 2026 keeps them free)',
  'billing.panel.serviceAllowance':
    '1,000 free service messages per number per month (reported by some providers, not on Meta’s page)',
  'billing.panel.unknownCard':
    'This link was priced with another rate card ({id}) than this browser has: the figure uses yours ({own}) and may differ.',
  'billing.panel.printAssumptions':
    'Assumptions: {mix}; markup {markup}%; rate card {card} ({id}); utility templates inside the service window from 1 Oct 2026: {uiw}; 1,000 free service messages per number per month (reported): {sa}.',
  'billing.panel.billed': 'billed',
  'billing.panel.free': 'free',
  'billing.panel.on': 'on',
  'billing.panel.off': 'off',
  'billing.category.marketing': 'marketing',
  'billing.category.utility': 'utility',
  'billing.category.authentication': 'authentication',
  'billing.panel.computing': 'Estimating WhatsApp usage and cost…',

  // The rate-card editor (settings → WhatsApp rate card).
  'rateCard.title': 'WhatsApp rate card (USD per billable unit)',
  'rateCard.period': 'Pricing period',
  'rateCard.perConversation': 'per conversation',
  'rateCard.perMessage': 'per delivered template message',
  'rateCard.confirmed': 'confirmed',
  'rateCard.tiers.title': 'Volume tiers',
  'rateCard.tiers.intro':
    'Utility and authentication only, per market, per calendar month over every connector. From the message after each threshold, the tier’s rate applies. Empty by default: Meta publishes no thresholds for Latin America.',
  'rateCard.tiers.period': 'Rate-card version',
  'rateCard.tiers.category': 'Category',
  'rateCard.tiers.steps': 'Thresholds and rates (messages: USD; separated by “;”)',
  'rateCard.tiers.apply': 'Apply tiers',
  'rateCard.tiers.unreadable':
    'Write each tier as “messages: rate”, e.g. “1000: 0.007; 10000: 0.006”.',
  'rateCard.quarters.title': 'Rates this quarter and next',
  'rateCard.quarters.intro':
    'Meta changes rates only on 1 January, April, July and October. This quarter (from {current}): {currentLabel}. Next quarter (from {next}): {nextLabel}. USD per delivered message: marketing / utility / authentication / service.',
  'rateCard.quarters.thisQuarter': 'This quarter (from {date})',
  'rateCard.quarters.nextQuarter': 'Next quarter (from {date})',
  'rateCard.quarters.changed': 'changes',
  'rateCard.quarters.via': 'as {region}',
  'rateCard.quarters.source': 'Source',
  'rateCard.quarters.tiers': 'volume tiers: {tiers}',
  'rateCard.quarters.none': 'no rate',
  'rateCard.reported': 'reported, not confirmed',
  'rateCard.uncertain': 'uncertain',
  'rateCard.validity': '{from} to {to}',
  'rateCard.openEnded': 'today',
  'rateCard.asOf': 'Figures as of {date}',
  'rateCard.sources': 'Sources',
  'rateCard.serviceAllowance':
    'Service rows free per connector per month: {n}, then the service rate.',
  'rateCard.serviceAlwaysFree': 'Service (non-template) rows are free.',
  'rateCard.utilityFreeInWindow':
    'Utility templates inside the customer-service window are free: {value}.',
  'rateCard.yes': 'yes',
  'rateCard.no': 'no',
  'rateCard.market': 'Market',
  'rateCard.marketing': 'Marketing',
  'rateCard.utility': 'Utility',
  'rateCard.authentication': 'Authentication',
  'rateCard.service': 'Service',
  'rateCard.actions': 'Actions',
  'rateCard.remove': 'Remove {name}',
  'rateCard.rateInput': '{category} rate for {name}',
  'rateCard.invalidRate': 'Enter a rate in USD, e.g. 0.0125.',
  'rateCard.pending': 'Fill the four rates to add {name} to the card.',
  'rateCard.regionFallback': 'Apply “{region}” rates to member countries without their own rates',
  'rateCard.regionMembers': 'Members: {members}.',
  'rateCard.addCountry': 'Add a country',
  'rateCard.addCountryPlaceholder': 'Country name or ISO code',
  'rateCard.add': 'Add',
  'rateCard.unknownCountry': '“{value}” is not a country this tool recognises.',
  'rateCard.alreadyOnCard': '{name} is already on this period’s card.',
  'rateCard.reset': 'Reset to default',
  'rateCard.resetDone': 'The default rate card is back.',
  'rateCard.importJson': 'Import JSON',
  'rateCard.exportJson': 'Export JSON',
  'rateCard.imported': 'Rate card imported.',
  'rateCard.importFailed': 'The file was not imported:',
  // The shipped rate card's own texts (billing/model/default-rate-card.ts), shown translated
  // while the card still says them; an edited or imported text is shown as written.
  'rateCard.default.name': 'Meta WhatsApp Business Platform (docs §3.2)',
  'rateCard.default.region.LATAM': 'Rest of Latin America',
  'rateCard.default.label.pcp-2024-11': 'Per-conversation (24 h windows), service free',
  'rateCard.default.notes.pcp-2024-11':
    'Per-conversation rates assumed equal to the 2026 per-message figures (docs: "broadly the same numbers" [uncertain]). Service conversations free and unlimited from 2024-11-01.',
  'rateCard.default.label.pmp-2025-07': 'Per delivered template message',
  'rateCard.default.notes.pmp-2025-07':
    'Marketing and authentication billed per delivered template; utility only outside the customer-service window; free-form service messages free. Volume tiers and authentication-international rates are not modelled.',
  'rateCard.default.label.pmp-2026-07': 'Per message; Chile its own market, Spain marketing up',
  'rateCard.default.notes.pmp-2026-07':
    'Chile priced as its own market (before: Rest of Latin America); Spain marketing 0.0707. Utility free inside the service window, service messages free; the 72 h window after a click-to-WhatsApp ad is free (not visible in report 10).',
  'rateCard.default.label.pmp-2026-10': 'Per message; service replies charged at the utility rate',
  'rateCard.default.notes.pmp-2026-10':
    "Service replies billed per message at the market's utility rate, no volume tiers (Meta's page, 2026-07-01). Utility templates inside the service window: billed per Meta's page, free per a rate file of 2026-10-09: an assumption the user switches. The reported 1,000 free service messages per number per month: an assumption, off by default. Mexico marketing 0.0397, Peru utility/auth 0.0300. The 72 h window after a click-to-WhatsApp ad stays free (not visible in report 10).",
  'rows.duplicates': {
    one: '{count} repeated row removed: wolkvox answered a CONN_ID already loaded ({ids}).',
    other: '{count} repeated rows removed: wolkvox answered CONN_IDs already loaded ({ids}).',
  },
  'rows.outOfRange': {
    one: '{count} row is dated outside the period asked for. It is shown and exported; check it: {ids}.',
    other:
      '{count} rows are dated outside the period asked for. They are shown and exported; check them: {ids}.',
  },
  'rows.andMore': { one: 'and {count} more', other: 'and {count} more' },
  'rows.notFoundWithRows': {
    one: 'wolkvox answered “not found” (404) yet sent {count} row: it is shown.',
    other: 'wolkvox answered “not found” (404) yet sent {count} rows: they are shown.',
  },
  'rows.renamed': {
    one: 'wolkvox sent a column whose name this page cannot use as is ({names}): its values are shown and exported under that header.',
    other:
      'wolkvox sent columns whose names this page cannot use as is ({names}): their values are shown and exported under those headers.',
  },
  'longText.showAll': {
    one: 'Show all ({count} character)',
    other: 'Show all ({count} characters)',
  },
  'longText.title': {
    one: 'Whole text ({count} character)',
    other: 'Whole text ({count} characters)',
  },
  'longText.text': 'Whole text',
  'longText.close': 'Close',
  'filters.noPhoneDigits': 'No digits to match: the phone filter is not applied.',
  'filters.shortened': 'Shortened to {max} characters.',
  'notice.shortened': 'Parts of the link were too long and were shortened: {params}.',
  'notice.invalidMore': { one: '{listed} and {count} more', other: '{listed} and {count} more' },
  'load.waiting': 'waiting {seconds} s for wolkvox',
  'load.retries': { one: '{count} retry so far', other: '{count} retries so far' },
  'load.queued': {
    one: 'waiting for wolkvox, {count} call ahead (the token allows 2 at a time for the whole team)',
    other:
      'waiting for wolkvox, {count} calls ahead (the token allows 2 at a time for the whole team)',
  },
  'rateCard.notSaved':
    'This rate card could not be saved in this browser (storage is full or blocked). It applies in this tab until you close it, report 10 included; export it as JSON to keep it.',
  // Problems of an imported rate card (billing/model/rate-card-validation.ts codes).
  'rateCard.issue.invalidJson': 'Not valid JSON: {detail}',
  'rateCard.issue.notCard': 'Expected a rate card object, got {got}.',
  'rateCard.issue.version': 'Unsupported version {value}; expected 1.',
  'rateCard.issue.currency': 'Only USD cards are supported, got {value}.',
  'rateCard.issue.notText': 'Expected text, got {got}.',
  'rateCard.issue.notDate': 'Expected an ISO date (YYYY-MM-DD).',
  'rateCard.issue.notBoolean': 'Expected true or false, got {got}.',
  'rateCard.issue.notRegions': 'Expected an object of regions, got {got}.',
  'rateCard.issue.regionKey':
    'A region key must be 3+ upper-case letters/digits (ISO-2 keys are countries).',
  'rateCard.issue.notRegion': 'Expected a region object, got {got}.',
  'rateCard.issue.regionName': 'Expected a non-empty name.',
  'rateCard.issue.regionMembers': 'Expected a list of ISO-2 country codes.',
  'rateCard.issue.notCountryCode': '{value} is not an ISO-2 country code.',
  'rateCard.issue.noPeriods': 'Expected a non-empty list of pricing periods.',
  'rateCard.issue.duplicatePeriod': 'Duplicate period id "{id}".',
  'rateCard.issue.overlap':
    'Periods "{before}" ({beforeFrom}…{beforeTo}) and "{after}" (from {afterFrom}) overlap.',
  'rateCard.issue.open': 'open',
  'rateCard.issue.notPeriod': 'Expected a period object, got {got}.',
  'rateCard.issue.periodId': 'Expected a non-empty period id.',
  'rateCard.issue.notDateOrNull':
    'Expected an ISO date (YYYY-MM-DD) or null for an open-ended period.',
  'rateCard.issue.endsBeforeStart': 'Ends ({to}) before it starts ({from}).',
  'rateCard.issue.notOneOf': 'Expected one of {allowed}, got {value}.',
  'rateCard.issue.notWholeNumber': 'Expected a whole number ≥ 0, or null (always free).',
  'rateCard.issue.notTextList': 'Expected a list of texts.',
  'rateCard.issue.notMarkets': 'Expected an object of market rates, got {got}.',
  'rateCard.issue.unknownMarket':
    '"{key}" is neither an ISO-2 country, a country name nor a region key.',
  'rateCard.issue.duplicateMarket': 'Market {key} appears twice.',
  'rateCard.issue.notRates': 'Expected {fields}, got {got}.',
  'rateCard.issue.notNumber': 'Expected a number of USD, got {got}.',
  'rateCard.issue.negative': 'A rate cannot be negative ({rate}).',
  'rateCard.issue.tooHigh':
    '{rate} USD looks wrong (above {max}); rates are USD per message, not cents.',
  'rateCard.kind.null': 'null',
  'rateCard.kind.array': 'an array',
  'rateCard.kind.string': 'string',
  'rateCard.kind.number': 'number',
  'rateCard.kind.boolean': 'boolean',
  'rateCard.kind.object': 'object',
  'rateCard.kind.missing': 'undefined',
  // The saved card could not be used (billing/ui/rate-card-store.ts problems).
  'rateCard.problem.unavailable':
    'The saved rate card cannot be read (storage unavailable); using the default card.',
  'rateCard.problem.corrupt':
    'The saved rate card is damaged and was not used; using the default card.',
  // Issue 15, "Explain the bill" (src/billing/ui/*-section.tsx, the billing pack).
  'billing.explain.title': 'Explain the bill',
  'billing.explain.wholePeriod':
    'These sections use every row of the period; the table’s filters do not apply to them.',
  'billing.mom.title': 'Month over month',
  'billing.mom.previousOption': 'Previous period of equal length ({from} – {to})',
  'billing.mom.previousMonths': {
    one: 'Previous calendar month ({from} – {to})',
    other: 'Previous {count} calendar months ({from} – {to})',
  },
  'billing.mom.chosenOption': 'Another period',
  'billing.mom.compareWith': 'Compare with',
  'billing.mom.from': 'From',
  'billing.mom.to': 'To',
  'billing.mom.compare': 'Compare',
  'billing.mom.callsNote':
    'Loads report 10 for that period with the same loader and limits as the page: periods already loaded are reused.',
  'billing.mom.loading': 'Loading {from} – {to}…',
  'billing.mom.failed': 'The comparison period could not be loaded: {reason}',
  'billing.mom.incomplete':
    'The comparison period loaded only in part: its figures are lower than the real ones.',
  'billing.mom.badRange': 'Choose a period whose start is not after its end.',
  'billing.mom.figure': 'Figure',
  'billing.mom.previous': 'Previous',
  'billing.mom.current': 'This period',
  'billing.mom.change': 'Change',
  'billing.mom.changeShare': 'Change %',
  'billing.mom.cost': 'Estimated cost',
  'billing.mom.interactions': 'Interactions',
  'billing.mom.templates': 'Templates',
  'billing.mom.templateShare': 'Template share',
  'billing.mom.customers': 'Customers',
  'billing.mom.waterfallTitle': 'Why the estimated cost changed: volume, mix and rate',
  'billing.mom.start': 'Previous cost',
  'billing.mom.volume': 'Volume',
  'billing.mom.mix': 'Mix',
  'billing.mom.rate': 'Rate',
  'billing.mom.end': 'Cost this period',
  'billing.mom.step': 'Step',
  'billing.mom.amount': 'Amount',
  'billing.mom.effectsNote':
    'Volume: more or fewer interactions at the previous average cost. Mix: where they went (connectors, countries, template share). Rate: what the same traffic costs more or less per template (rates, category mix, markup, service charges). The three add up to the change to the cent.',
  'billing.mom.byConnector': 'Per connector',
  'billing.mom.byCountry': 'Per country',
  'billing.mom.byDay': 'Per day (cost allocated by templates)',
  'billing.mom.connector': 'Connector',
  'billing.mom.country': 'Country',
  'billing.mom.day': 'Day',
  'billing.mom.dayIndex': 'Day {n}',
  'billing.mom.points': '{n} pp',
  'billing.rec.title': 'Estimate against billed',
  'billing.rec.import': 'Import billed figures (CSV)',
  'billing.rec.formats':
    'Reads WhatsApp Manager’s download, pricing analytics’ data points, or a plain sheet with the columns connector, country, category, amount (USD). The file stays in this browser.',
  'billing.rec.imported': {
    one: '{count} billed line from {file} ({format}), remembered for {from} – {to} in this browser.',
    other:
      '{count} billed lines from {file} ({format}), remembered for {from} – {to} in this browser.',
  },
  'billing.rec.format.plain': 'plain sheet',
  'billing.rec.format.pricingAnalytics': 'pricing analytics',
  'billing.rec.format.whatsappManager': 'WhatsApp Manager',
  'billing.rec.format.entered': 'entered by hand',
  'billing.rec.enter': 'Enter a billed amount',
  'billing.rec.country': 'Country',
  'billing.rec.connectorOptional': 'Connector (optional)',
  'billing.rec.amount': 'Amount (USD)',
  'billing.rec.add': 'Add',
  'billing.rec.clear': 'Forget the billed figures',
  'billing.rec.badEntry': 'Enter a country and an amount in USD such as 123.45.',
  'billing.rec.problem.empty': 'The file is empty.',
  'billing.rec.problem.unknownLayout':
    'Line 1: this is not a file the page can read. Its columns are {header}; it needs country, category and amount (a plain sheet: connector,country,category,amount), or the columns of WhatsApp Manager’s or pricing analytics’ export.',
  'billing.rec.problem.missingColumns':
    'Line 1: looks like a {format} file but has no column {missing}.',
  'billing.rec.problem.wrongFieldCount':
    'Line {line}: {got} fields where the header has {expected}.',
  'billing.rec.problem.badAmount': 'Line {line}: {column} “{value}” is not an amount.',
  'billing.rec.problem.emptyField': 'Line {line}: {column} is empty.',
  'billing.rec.problem.notUsd': 'Line {line}: currency {value}; only USD amounts can be compared.',
  'billing.rec.problem.unclosedQuote': 'Line {line}: a quoted field is never closed.',
  'billing.rec.estimate': 'Estimate',
  'billing.rec.billed': 'Billed',
  'billing.rec.variance': 'Variance',
  'billing.rec.varianceShare': 'Variance %',
  'billing.rec.marketingShare': 'Marketing share that would explain it',
  'billing.rec.total': 'Total',
  'billing.rec.unexplained': 'beyond the mix',
  'billing.rec.byCountry': 'Per country',
  'billing.rec.byConnector': 'Per connector',
  'billing.rec.none': 'No billed figures for this period yet.',
  'billing.rec.note':
    'The marketing share is the category mix at which the estimate equals the bill; “beyond the mix” means no mix explains it (rates, messages not in report 10, fees).',
  'billing.forecast.title': 'Month-end forecast and budget',
  'billing.forecast.summary':
    'Forecast for {month}: {expected} (between {low} and {high}), from {known} of {days} days.',
  'billing.forecast.none': 'No complete day of {month} in this period to forecast from.',
  'billing.forecast.method':
    'Each day left is expected to cost what the same weekday has cost so far; the range takes its cheapest and dearest such day.',
  'billing.forecast.operationBudget': 'Monthly budget for the operation (USD)',
  'billing.forecast.connector': 'Connector',
  'billing.forecast.soFar': 'So far',
  'billing.forecast.forecast': 'Forecast',
  'billing.forecast.budget': 'Budget (USD)',
  'billing.forecast.status': 'Status',
  'billing.forecast.budgetFor': 'Budget of {name} (USD)',
  'billing.forecast.within': 'Within budget',
  'billing.forecast.atRisk': 'At risk',
  'billing.forecast.over': 'Over budget',
  'billing.forecast.noBudget': '—',
  'billing.forecast.overAlert': {
    one: 'The forecast passes the budget: {over}.',
    other: 'The forecast passes {count} budgets: {over}.',
  },
  'billing.pack.download': 'Download the billing pack (.xlsx)',
  'billing.pack.writing': 'Writing the workbook…',
  'billing.pack.failed': 'The workbook could not be written: {reason}',
  'billing.pack.sheet.summary': 'Summary',
  'billing.pack.sheet.assumptions': 'Assumptions',
  'billing.pack.sheet.connectors': 'Connectors',
  'billing.pack.sheet.countries': 'Countries',
  'billing.pack.sheet.days': 'Days',
  'billing.pack.sheet.monthOverMonth': 'Month over month',
  'billing.pack.sheet.reconciliation': 'Reconciliation',
  'billing.pack.period': 'Period',
  'billing.pack.item': 'Item',
  'billing.pack.value': 'Value',
  'billing.pack.costLow': 'Estimated cost, low',
  'billing.pack.costHigh': 'Estimated cost, high',
  'billing.pack.dayCost': 'Estimated cost (allocated)',
  'billing.pack.forecastLow': 'Forecast, low',
  'billing.pack.forecastHigh': 'Forecast, high',
  'billing.pack.none': 'Not computed on the page for this period.',
  'billing.pack.mix': 'Category mix',
  'billing.pack.markup': 'Markup',
  'billing.pack.rateCard': 'Rate card',
  'billing.pack.generated': 'Written on',
} as const satisfies Record<string, Message>;

export type English = typeof en;
export type MessageKey = keyof English;
