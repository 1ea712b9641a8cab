import {
  marketRates,
  type RateCard,
  type MarketRates,
  type TemplateRates,
} from './rate-card-types';

/*
 * The shipped rate card (docs §3.1/§3.2): Meta's published USD rates per period. Its notes
 * and labels are data (exported with the card, editable by the user), not UI strings.
 */

const NA_NOTE =
  'Meta does not deliver marketing templates to +1 US numbers (2026 reference): utility/auth only in practice.';

/*
 * Sources of the figures, named once. `source` on a market's rates says which one gave them;
 * `reported: true` marks figures no primary source confirms.
 */
const META_PRICING = 'https://developers.facebook.com/docs/whatsapp/pricing';
const SRC_APR_2026 =
  'Meta rate card "Apr 2026" (USD) as transcribed in public GitHub code; docs §3.2 (cross-checked: huggingface.co/datasets/tobachat/whatsapp-api-rates, Jelou ×1.4)';
const SRC_JUL_2026 =
  "Meta rate card effective 2026-07-01 as transcribed by providers (docs §5.4, issue 14's table)";
const SRC_OCT_2026 =
  "Meta rate card effective 2026-10-01 as transcribed by providers (docs §5.4, issue 14's table); reviewed 2026-09-29 on Meta's page";
const SRC_MEMORY = 'docs §3.2 "from memory" [uncertain]: no primary source';
const SRC_AR =
  'docs §3.2 (Apr 2026 card; AED cross-check 0.2269 / 0.0955); not in the 2026-07/10 tables';

interface Figures {
  rates: TemplateRates;
  source: string;
  reported?: boolean;
}

const fig = (rates: TemplateRates, source: string, reported = false): Figures =>
  reported ? { rates, source, reported } : { rates, source };

/**
 * Until 2026-06-30 (per-conversation, then per-message): the "Apr 2026" card. Chile is not a
 * market of its own yet (Rest of Latin America); Spain's marketing rate before its July 2026
 * rise is unconfirmed.
 */
const BEFORE_2026_07: Readonly<Record<string, Figures>> = {
  CO: fig([0.0125, 0.0008, 0.0008], SRC_APR_2026),
  MX: fig([0.0305, 0.0085, 0.0085], SRC_APR_2026),
  BR: fig([0.0625, 0.0068, 0.0068], SRC_APR_2026),
  PE: fig([0.0703, 0.02, 0.02], SRC_APR_2026),
  AR: fig([0.0618, 0.026, 0.026], SRC_AR, true),
  US: fig([0.025, 0.0034, 0.0034], SRC_APR_2026),
  CA: fig([0.025, 0.0034, 0.0034], SRC_APR_2026),
  ES: fig([0.0615, 0.02, 0.02], SRC_MEMORY, true),
  LATAM: fig([0.074, 0.0113, 0.0113], SRC_APR_2026),
};

/** From 2026-07-01: Chile its own market, Spain's marketing up (issue 14's table). */
const FROM_2026_07: Readonly<Record<string, Figures>> = {
  CO: fig([0.0125, 0.0008, 0.0008], SRC_JUL_2026),
  MX: fig([0.0305, 0.0085, 0.0085], SRC_JUL_2026),
  BR: fig([0.0625, 0.0068, 0.0068], SRC_JUL_2026),
  PE: fig([0.0703, 0.02, 0.02], SRC_JUL_2026),
  CL: fig([0.0889, 0.02, 0.02], SRC_JUL_2026),
  AR: fig([0.0618, 0.026, 0.026], SRC_AR, true),
  US: fig([0.025, 0.0034, 0.0034], SRC_JUL_2026),
  CA: fig([0.025, 0.0034, 0.0034], SRC_JUL_2026),
  ES: fig([0.0707, 0.02, 0.02], SRC_JUL_2026),
  LATAM: fig([0.074, 0.0113, 0.0113], SRC_JUL_2026),
};

/** From 2026-10-01: Mexico marketing 0.0397, Peru utility/auth 0.0300; the rest unchanged. */
const FROM_2026_10: Readonly<Record<string, Figures>> = {
  ...Object.fromEntries(
    Object.entries(FROM_2026_07).map(([key, f]) => [
      key,
      f.source === SRC_JUL_2026 ? fig(f.rates, SRC_OCT_2026) : f,
    ]),
  ),
  MX: fig([0.0397, 0.0085, 0.0085], SRC_OCT_2026),
  PE: fig([0.0703, 0.03, 0.03], SRC_OCT_2026),
};

function ratesOf(
  table: Readonly<Record<string, Figures>>,
  serviceAtUtility: boolean,
): Record<string, MarketRates> {
  const out: Record<string, MarketRates> = {};
  for (const [key, f] of Object.entries(table)) {
    const rates = marketRates(
      f.rates,
      serviceAtUtility ? f.rates[1] : 0,
      key === 'US' || key === 'CA' ? NA_NOTE : undefined,
    );
    rates.source = f.source;
    if (f.reported) rates.reported = true;
    out[key] = rates;
  }
  return out;
}

export const LATAM_REGION = 'LATAM';

/** The reported "1,000 free service messages per business number per month" (off by default). */
export const REPORTED_SERVICE_ALLOWANCE = 1000;

/**
 * Meta's rates in four dated versions (docs §3 and §5.4; rates change only on 1 Jan / Apr /
 * Jul / Oct). Rows dated before 2024-11-01 fall outside the card (service conversations were
 * still charged then and no rates are on record), so they are reported, not priced.
 */
export const DEFAULT_RATE_CARD: RateCard = deepFreeze({
  version: 1,
  name: 'Meta WhatsApp Business Platform (docs §3.2)',
  currency: 'USD',
  asOf: '2026-10-09',
  applyRegionFallback: true,
  regions: {
    [LATAM_REGION]: {
      name: 'Rest of Latin America',
      // Meta's "Rest of Latin America" as listed in issue 14; Chile belongs to it until
      // 2026-06-30 and has rates of its own from 2026-07-01 (own rates win over the region's).
      members: [
        'BO',
        'CL',
        'CR',
        'DO',
        'EC',
        'SV',
        'GT',
        'HT',
        'HN',
        'JM',
        'NI',
        'PA',
        'PY',
        'PR',
        'UY',
        'VE',
      ],
    },
  },
  periods: [
    {
      id: 'pcp-2024-11',
      label: 'Per-conversation (24 h windows), service free',
      from: '2024-11-01',
      to: '2025-06-30',
      model: 'per-conversation',
      utilityFreeInServiceWindow: false,
      serviceFreePerConnectorMonth: null,
      status: 'uncertain',
      asOf: '2026-09-29',
      sources: [
        'https://developers.facebook.com/docs/whatsapp/pricing/conversation-based-pricing',
        'https://docs.aws.amazon.com/social-messaging/latest/userguide/charged-per-conversation.html',
        SRC_APR_2026,
      ],
      notes:
        'Per-conversation rates assumed equal to the 2026 per-message figures (docs: "broadly the same numbers" [uncertain]). Service conversations free and unlimited from 2024-11-01.',
      rates: ratesOf(BEFORE_2026_07, false),
    },
    {
      id: 'pmp-2025-07',
      label: 'Per delivered template message',
      from: '2025-07-01',
      to: '2026-06-30',
      model: 'per-message',
      utilityFreeInServiceWindow: true,
      serviceFreePerConnectorMonth: null,
      status: 'confirmed',
      asOf: '2026-04-01',
      sources: [
        META_PRICING,
        'https://developers.facebook.com/documentation/business-messaging/whatsapp/pricing',
        'https://docs.ycloud.com/zh/api-reference/getting-started/changelog/whatsapp-pricing-2025.md',
        SRC_APR_2026,
      ],
      notes:
        'Marketing and authentication billed per delivered template; utility only outside the customer-service window; free-form service messages free. Volume tiers and authentication-international rates are not modelled.',
      rates: ratesOf(BEFORE_2026_07, false),
    },
    {
      id: 'pmp-2026-07',
      label: 'Per message; Chile its own market, Spain marketing up',
      from: '2026-07-01',
      to: '2026-09-30',
      model: 'per-message',
      utilityFreeInServiceWindow: true,
      serviceFreePerConnectorMonth: null,
      status: 'confirmed',
      asOf: '2026-07-01',
      sources: [META_PRICING, SRC_JUL_2026],
      notes:
        'Chile priced as its own market (before: Rest of Latin America); Spain marketing 0.0707. Utility free inside the service window, service messages free; the 72 h window after a click-to-WhatsApp ad is free (not visible in report 10).',
      rates: ratesOf(FROM_2026_07, false),
    },
    {
      id: 'pmp-2026-10',
      label: 'Per message; service replies charged at the utility rate',
      from: '2026-10-01',
      to: null,
      model: 'per-message',
      utilityFreeInServiceWindow: false,
      utilityInWindowSwitch: true,
      serviceFreePerConnectorMonth: 0,
      status: 'confirmed',
      asOf: '2026-10-09',
      sources: [
        META_PRICING,
        SRC_OCT_2026,
        'https://huggingface.co/datasets/WhaTools/whatsapp-open-data',
      ],
      notes:
        "Service replies billed per message at the market's utility rate, no volume tiers (Meta's page, 2026-07-01). Utility templates inside the service window: billed per Meta's page, free per a rate file of 2026-10-09: an assumption the user switches. The reported 1,000 free service messages per number per month: an assumption, off by default. Mexico marketing 0.0397, Peru utility/auth 0.0300. The 72 h window after a click-to-WhatsApp ad stays free (not visible in report 10).",
      rates: ratesOf(FROM_2026_10, true),
    },
  ],
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
