import { billingFactsOf } from '../../src/billing/model/billing-facts';
import { countryOfCustomerId } from '../../src/billing/model/country';
import { estimateCost } from '../../src/billing/model/estimate-cost';
import { DEFAULT_RATE_CARD } from '../../src/billing/model/rate-card';
import { parsePhoneQuery, phoneCellMatches, PhoneIndex } from '../../src/engine/phone';
import { parseBsuid } from '../../src/report-model/bsuid';
import { parseSessionId } from '../../src/report-model/connector';
import { row } from './fixtures';

/* Business-scoped user ids (docs §5.3): `CC.<id>`, enterprise parents `US.ENT.<id>`. */

describe('BSUIDs', () => {
  it('are recognised, kept as written, and name their country', () => {
    expect(parseBsuid('CO.2026206508304015')).toEqual({
      country: 'CO',
      key: 'CO.2026206508304015',
    });
    expect(parseBsuid(' us.ENT.8812a ')).toEqual({ country: 'US', key: 'US.ENT.8812A' });
    expect(parseBsuid('+57 300 123 4567')).toBeUndefined();
    expect(parseBsuid('573001234567')).toBeUndefined();
    expect(countryOfCustomerId('PE.777')).toBe('PE');
    expect(countryOfCustomerId('XX.777')).toBeUndefined(); // not a country code
    expect(countryOfCustomerId('573001234567')).toBeUndefined();
  });

  it('are read whole as SESSION_ID’s first segment', () => {
    expect(parseSessionId('CO.2026206508304015.acme.111')).toMatchObject({
      phone: 'CO.2026206508304015',
      operation: 'acme',
      connectorId: '111',
      extraSegments: 0,
    });
    expect(parseSessionId('US.ENT.88123.acme.7')).toMatchObject({
      phone: 'US.ENT.88123',
      operation: 'acme',
      connectorId: '7',
    });
    // Phone numbers read as before.
    expect(parseSessionId('573001.acme.111')).toMatchObject({
      phone: '573001',
      connectorId: '111',
    });
  });

  it('are found by the phone filter, which still finds phone numbers however written', () => {
    const cells = ['CO.2026206508304015', '+57 300 123 4567', '2026206508304015', 'US.ENT.88123'];
    const index = PhoneIndex.build([cells], cells.length);
    const rowsFound = (input: string): number[] => {
      const query = parsePhoneQuery(input);
      if (!query) return [];
      const mask = new Uint8Array(cells.length);
      index.match(query, mask);
      const found = [...mask.keys()].filter((r) => mask[r] === 1);
      // The index agrees with the plain rule.
      expect(found).toEqual(cells.flatMap((c, r) => (phoneCellMatches(c, query) ? [r] : [])));
      return found;
    };
    expect(rowsFound('CO.2026206508304015')).toEqual([0]);
    expect(rowsFound('co.20262065')).toEqual([0]);
    expect(rowsFound('us.ent.88123')).toEqual([3]);
    expect(rowsFound('2026206508')).toEqual([0, 2]); // digits find the BSUID's digits too
    expect(rowsFound('300-123-4567')).toEqual([1]);
    expect(rowsFound('0057 300 123 4567')).toEqual([1]);
  });

  it('price by their prefix when DESTINY names no country, and count as customers', () => {
    // 100 templates to CO.<id> with an empty DESTINY: 100 × 0.0125 (CO marketing) = 1.25 USD.
    const rows = Array.from({ length: 100 }, (_, i) =>
      row(`CO.20262065083${i}.acme.9`, '2026-10-05T10:00', `CO.20262065083${i}`, true, ''),
    );
    const estimate = estimateCost(rows, { card: DEFAULT_RATE_CARD });
    expect(estimate.totals.noRateRows).toBe(0);
    expect(estimate.totals.cost.expected).toBe(125);
    expect(estimate.totals.byCountry.map((c) => c.market)).toEqual(['CO']);
    // DESTINY wins when it names a market: Peru marketing 0.0703.
    const peru = [row('CO.1.acme.9', '2026-10-05T10:00', 'CO.1', true, 'Perú')];
    expect(estimateCost(peru, { card: DEFAULT_RATE_CARD }).totals.cost.expected).toBe(7);
  });

  it('are customers of their own: a BSUID and the same digits as a phone are two', () => {
    // The BSUID writes at 09:00 and gets a template at 10:00 (inside its window); the phone
    // with the same digits gets one at 10:00 too, outside any window of its own.
    const rows = [
      row('CO.2026206508304015.acme.9', '2026-09-05T09:00', 'CO.2026206508304015', false, ''),
      row('CO.2026206508304015.acme.9', '2026-09-05T10:00', 'co.2026206508304015', true, ''),
      row('2026206508304015.acme.9', '2026-09-05T10:00', '2026206508304015', true, 'CO'),
    ];
    expect(billingFactsOf(rows).customerCount).toBe(2);
    const estimate = estimateCost(rows, {
      card: DEFAULT_RATE_CARD,
      mix: { marketing: 0, utility: 1, authentication: 0 },
    });
    expect(estimate.totals.templatesInServiceWindow).toBe(1);
  });
});
