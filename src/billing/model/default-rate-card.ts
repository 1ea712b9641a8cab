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
const ES_PRE_2026_10_NOTE =
  'Spain marketing before Oct 2026 not confirmed (≈0.0615 from memory) [uncertain].';

/** "Apr 2026" USD card as transcribed in docs §3.2 (also used, unverified, before Jul 2025). */
const BASE: Readonly<Record<string, TemplateRates>> = {
  CO: [0.0125, 0.0008, 0.0008],
  MX: [0.0305, 0.0085, 0.0085],
  BR: [0.0625, 0.0068, 0.0068],
  PE: [0.0703, 0.02, 0.02],
  CL: [0.0889, 0.02, 0.02],
  AR: [0.0618, 0.026, 0.026],
  US: [0.025, 0.0034, 0.0034],
  CA: [0.025, 0.0034, 0.0034],
  ES: [0.0615, 0.02, 0.02],
  LATAM: [0.074, 0.0113, 0.0113],
};

/** docs §3.1: Mexico marketing 0.0397, Peru utility/auth 0.0300; Spain 0.0707 is the Oct-2026 card. */
const OCT_2026: Readonly<Record<string, TemplateRates>> = {
  ...BASE,
  MX: [0.0397, 0.0085, 0.0085],
  PE: [0.0703, 0.03, 0.03],
  ES: [0.0707, 0.02, 0.02],
};

function noteFor(key: string, periodId: string): string | undefined {
  if (key === 'US' || key === 'CA') return NA_NOTE;
  if (key === 'ES' && periodId !== 'pmp-2026-10') return ES_PRE_2026_10_NOTE;
  return undefined;
}

function ratesOf(
  table: Readonly<Record<string, TemplateRates>>,
  periodId: string,
  serviceAtUtility: boolean,
): Record<string, MarketRates> {
  const out: Record<string, MarketRates> = {};
  for (const [key, triple] of Object.entries(table)) {
    out[key] = marketRates(triple, serviceAtUtility ? triple[1] : 0, noteFor(key, periodId));
  }
  return out;
}

const META_PRICING = 'https://developers.facebook.com/docs/whatsapp/pricing';
const RATE_SOURCES = [
  META_PRICING,
  'Public GitHub rate-card constants ("Apr 2026" USD card; "effective 2026-10-01" card reviewed 2026-09-29 on Meta\'s page), as transcribed in shared/docs/wolkvox-reports.md §3.2',
  'https://huggingface.co/datasets/tobachat/whatsapp-api-rates (AED cross-check)',
];

export const LATAM_REGION = 'LATAM';

/**
 * The rates of docs §3.2 in three periods. Rows dated before 2024-11-01 fall
 * outside the card (service conversations were still charged then; no rates
 * are on record), so they are reported, not priced.
 */
export const DEFAULT_RATE_CARD: RateCard = deepFreeze({
  version: 1,
  name: 'Meta WhatsApp Business Platform (docs §3.2)',
  currency: 'USD',
  asOf: '2026-09-29',
  applyRegionFallback: true,
  regions: {
    [LATAM_REGION]: {
      name: 'Rest of Latin America',
      // EC, PA, CR, GT, DO are named by the docs; the others follow Meta's
      // "Rest of Latin America" list as remembered [uncertain]. Edit via JSON.
      members: ['EC', 'PA', 'CR', 'GT', 'DO', 'BO', 'SV', 'HN', 'NI', 'PY', 'UY', 'VE'],
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
        ...RATE_SOURCES,
      ],
      notes:
        'Per-conversation rates assumed equal to the 2026 per-message figures (docs: "broadly the same numbers" [uncertain]). Service conversations free and unlimited from 2024-11-01.',
      rates: ratesOf(BASE, 'pcp-2024-11', false),
    },
    {
      id: 'pmp-2025-07',
      label: 'Per delivered template message',
      from: '2025-07-01',
      to: '2026-09-30',
      model: 'per-message',
      utilityFreeInServiceWindow: true,
      serviceFreePerConnectorMonth: null,
      status: 'confirmed',
      asOf: '2026-04-01',
      sources: [
        META_PRICING,
        'https://developers.facebook.com/documentation/business-messaging/whatsapp/pricing',
        'https://docs.ycloud.com/zh/api-reference/getting-started/changelog/whatsapp-pricing-2025.md',
        ...RATE_SOURCES.slice(1),
      ],
      notes:
        'Marketing and authentication billed per delivered template; utility only outside the customer-service window; free-form service messages free. Volume tiers and authentication-international rates are not modelled.',
      rates: ratesOf(BASE, 'pmp-2025-07', false),
    },
    {
      id: 'pmp-2026-10',
      label: 'Per message, service beyond 1,000/month charged (reported)',
      from: '2026-10-01',
      to: null,
      model: 'per-message',
      utilityFreeInServiceWindow: false,
      serviceFreePerConnectorMonth: 1000,
      status: 'reported',
      asOf: '2026-09-29',
      sources: ['https://huggingface.co/datasets/WhaTools/whatsapp-open-data', ...RATE_SOURCES],
      notes:
        "Reported, verify on Meta's page: service messages at the utility rate beyond 1,000 free per business phone number (connector) per month; utility templates inside the service window no longer free; Mexico marketing 0.0397, Peru utility/auth 0.0300.",
      rates: ratesOf(OCT_2026, 'pmp-2026-10', true),
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
