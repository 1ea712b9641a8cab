import { estimateCost, type ConnectorCost } from '../../src/billing/model/estimate-cost';
import { cloneRateCard, DEFAULT_RATE_CARD, type RateCard } from '../../src/billing/model/rate-card';
import { row } from './fixtures';

/*
 * The rules of 2026 (issue 14), each on a hand-computed fixture. Rates in USD per delivered
 * message; 1 cent = 10,000 µUSD. Every customer has its own phone unless said otherwise.
 */

const byId = (list: ConnectorCost[], id: string): ConnectorCost => {
  const found = list.find((c) => c.connectorId === id);
  if (!found) throw new Error(`no connector ${id}`);
  return found;
};

const times = <T>(n: number, make: (i: number) => T): T[] =>
  Array.from({ length: n }, (_, i) => make(i));

const UTILITY_ONLY = { marketing: 0, utility: 100, authentication: 0 };

describe('the 2026-10 service charge', () => {
  // Peru: 5 service rows on 2026-09-30 (free then), 7 on 2026-10-05: 7 × 0.0300 = 0.21 USD.
  const rows = [
    ...times(5, (i) => row(`51${i}.op.P`, '2026-09-30T10:00', `51${i}`, false, 'Perú')),
    ...times(7, (i) => row(`52${i}.op.P`, '2026-10-05T10:00', `52${i}`, false, 'Perú')),
  ];

  it('charges every service reply from 2026-10-01 at the utility rate', () => {
    const estimate = estimateCost(rows, { card: DEFAULT_RATE_CARD });
    expect(estimate.totals.billableServiceRows).toBe(7);
    expect(estimate.totals.cost).toEqual({ low: 21, expected: 21, high: 21 });
    expect(estimate.usesReportedRules).toBe(false);
  });

  it('frees the reported 1,000 per number per month only when switched on', () => {
    const estimate = estimateCost(rows, {
      card: DEFAULT_RATE_CARD,
      assumptions: { serviceAllowance: true },
    });
    expect(estimate.totals.billableServiceRows).toBe(0);
    expect(estimate.totals.cost).toEqual({ low: 0, expected: 0, high: 0 });
    expect(estimate.assumptions).toEqual({ utilityInWindowBilled: true, serviceAllowance: true });
  });

  it('applies no volume tier to service replies', () => {
    const card = cloneRateCard(DEFAULT_RATE_CARD);
    card.periods[3]!.tiers = { PE: { utility: [{ above: 0, rate: 0.001 }] } };
    expect(estimateCost(rows, { card }).totals.cost.expected).toBe(21);
  });

  it('adds the markup once: 21 cents × 1.15 = 24.15 → 24', () => {
    const estimate = estimateCost(rows, { card: DEFAULT_RATE_CARD, markupPercent: 15 });
    expect(estimate.totals.cost.expected).toBe(24);
  });
});

describe('utility templates inside the service window', () => {
  // 20 Mexican customers each write at 09:00 and get a template at 10:00; mix all utility.
  const pairs = (day: string, connector: string) =>
    times(20, (i) => [
      row(`5255${i}.op.${connector}`, `${day}T09:00`, `5255${i}`, false, 'México'),
      row(`5255${i}.op.${connector}`, `${day}T10:00`, `5255${i}`, true, 'México'),
    ]).flat();

  it('are billed from 2026-10-01 by default (Meta’s page): 20 service + 20 templates × 0.0085', () => {
    // 40 × 0.0085 = 0.34 USD.
    const estimate = estimateCost(pairs('2026-10-05', 'O'), {
      card: DEFAULT_RATE_CARD,
      mix: UTILITY_ONLY,
    });
    expect(estimate.totals.templatesInServiceWindow).toBe(20);
    expect(estimate.totals.cost.expected).toBe(34);
  });

  it('are free with the switch off (the 2026-10-09 rate file): only the 20 service replies', () => {
    // 20 × 0.0085 = 0.17 USD.
    const estimate = estimateCost(pairs('2026-10-05', 'O'), {
      card: DEFAULT_RATE_CARD,
      mix: UTILITY_ONLY,
      assumptions: { utilityInWindowBilled: false },
    });
    expect(estimate.totals.cost.expected).toBe(17);
  });

  it('stay free in September 2026 whatever the switch says (and service is free then)', () => {
    for (const utilityInWindowBilled of [true, false]) {
      const estimate = estimateCost(pairs('2026-09-15', 'S'), {
        card: DEFAULT_RATE_CARD,
        mix: UTILITY_ONLY,
        assumptions: { utilityInWindowBilled },
      });
      // The high bound (all marketing, 20 × 0.0305) is untouched by the window.
      expect(estimate.totals.cost).toEqual({ low: 0, expected: 0, high: 61 });
    }
  });
});

describe('Chile before and after 2026-07-01', () => {
  // 10 marketing templates on 2026-06-30 (connector J) and 10 on 2026-07-01 (connector K).
  const rows = [
    ...times(10, (i) => row(`56${i}.op.J`, '2026-06-30T10:00', `56${i}`, true, 'Chile')),
    ...times(10, (i) => row(`57${i}.op.K`, '2026-07-01T10:00', `57${i}`, true, 'CL')),
  ];

  it('prices June as Rest of Latin America (0.0740) and July as Chile (0.0889)', () => {
    const estimate = estimateCost(rows, { card: DEFAULT_RATE_CARD });
    // J: 10 × 0.0740 = 0.74 USD; K: 10 × 0.0889 = 0.889 USD → 88.9 → 89 cents.
    expect(byId(estimate.connectors, 'J').cost.expected).toBe(74);
    expect(byId(estimate.connectors, 'J').byCountry[0]).toMatchObject({ viaRegion: 'LATAM' });
    expect(byId(estimate.connectors, 'K').cost.expected).toBe(89);
    expect(byId(estimate.connectors, 'K').byCountry[0]?.viaRegion).toBeUndefined();
    // Total from the exact sum: 1.629 USD → 162.9 → 163.
    expect(estimate.totals.cost.expected).toBe(163);
  });

  it('leaves June unpriced without the region fallback, July priced', () => {
    const card: RateCard = { ...cloneRateCard(DEFAULT_RATE_CARD), applyRegionFallback: false };
    const estimate = estimateCost(rows, { card });
    expect(byId(estimate.connectors, 'J')).toMatchObject({ noRateRows: 10 });
    expect(byId(estimate.connectors, 'J').cost.expected).toBe(0);
    expect(estimate.totals.cost.expected).toBe(89);
  });
});

describe('Mexico and Peru in October 2026', () => {
  it('raises Mexico marketing from 0.0305 to 0.0397', () => {
    const rows = [
      ...times(100, (i) => row(`52${i}.op.S`, '2026-09-30T23:00', `52${i}`, true, 'México')),
      ...times(100, (i) => row(`53${i}.op.O`, '2026-10-01T00:30', `53${i}`, true, 'México')),
    ];
    const estimate = estimateCost(rows, { card: DEFAULT_RATE_CARD });
    expect(byId(estimate.connectors, 'S').cost.expected).toBe(305);
    expect(byId(estimate.connectors, 'O').cost.expected).toBe(397);
  });

  it('raises Peru utility/authentication from 0.0200 to 0.0300', () => {
    const rows = [
      ...times(100, (i) => row(`51${i}.op.S`, '2026-09-30T12:00', `51${i}`, true, 'Peru')),
      ...times(100, (i) => row(`54${i}.op.O`, '2026-10-01T12:00', `54${i}`, true, 'Peru')),
    ];
    const utility = estimateCost(rows, { card: DEFAULT_RATE_CARD, mix: UTILITY_ONLY });
    expect(byId(utility.connectors, 'S').cost.expected).toBe(200);
    expect(byId(utility.connectors, 'O').cost.expected).toBe(300);
    const auth = estimateCost(rows, {
      card: DEFAULT_RATE_CARD,
      mix: { marketing: 0, utility: 0, authentication: 1 },
    });
    expect(auth.totals.cost.expected).toBe(500);
    // Marketing unchanged: 200 × 0.0703 = 14.06 USD.
    expect(estimateCost(rows, { card: DEFAULT_RATE_CARD }).totals.cost.expected).toBe(1406);
  });
});

describe('volume tiers (utility/authentication, per market, per calendar month)', () => {
  // Mexico utility 0.0085; from the 101st utility message of a month: 0.0050 (saves 0.0035).
  const tiered = (): RateCard => {
    const card = cloneRateCard(DEFAULT_RATE_CARD);
    card.periods[3]!.tiers = { MX: { utility: [{ above: 100, rate: 0.005 }] } };
    return card;
  };
  const mx = (n: number, day: string, connector: string, from = 0) =>
    times(n, (i) =>
      row(`52${from + i}.op.${connector}`, `${day}T10:00`, `52${from + i}`, true, 'MX'),
    );

  it('counts the month over every connector: 150 + 150 in October', () => {
    // 300 × 0.0085 = 2.55 USD; 200 beyond the threshold save 200 × 0.0035 = 0.70 → 1.85 USD.
    const rows = [...mx(150, '2026-10-05', 'A'), ...mx(150, '2026-10-06', 'B', 150)];
    const estimate = estimateCost(rows, { card: tiered(), mix: UTILITY_ONLY });
    expect(estimate.totals.cost.expected).toBe(185);
    expect(estimate.totals.tierDiscount).toBe(70);
    // The lines stay undiscounted: the portfolio's volume belongs to no connector.
    expect(byId(estimate.connectors, 'A').cost.expected).toBe(128); // 1.275 → 127.5 → 128
  });

  it('starts afresh each calendar month: 150 in October, 150 in November', () => {
    // Each month 50 beyond: 2 × 50 × 0.0035 = 0.35 → 2.55 − 0.35 = 2.20 USD.
    const rows = [...mx(150, '2026-10-05', 'A'), ...mx(150, '2026-11-05', 'A', 150)];
    const estimate = estimateCost(rows, { card: tiered(), mix: UTILITY_ONLY });
    expect(estimate.totals.cost.expected).toBe(220);
    expect(estimate.totals.tierDiscount).toBe(35);
  });

  it('counts the utility share of the mix as volume: 50 % of 300 templates', () => {
    // Expected per template 0.5 × 0.0397 + 0.5 × 0.0085 = 0.0241 → 300 × = 7.23 USD.
    // Utility volume 150 messages: 50 beyond → 50 × 0.0035 = 0.175 → 7.055 USD → 705.5 → 706.
    const estimate = estimateCost(mx(300, '2026-10-05', 'A'), {
      card: tiered(),
      mix: { marketing: 50, utility: 50, authentication: 0 },
    });
    expect(estimate.totals.cost.expected).toBe(706);
    expect(estimate.totals.tierDiscount).toBe(17);
  });

  it('is empty on the shipped card', () => {
    const estimate = estimateCost(mx(300, '2026-10-05', 'A'), {
      card: DEFAULT_RATE_CARD,
      mix: UTILITY_ONLY,
    });
    expect(estimate.totals.cost.expected).toBe(255);
    expect(estimate.totals.tierDiscount).toBe(0);
  });
});
