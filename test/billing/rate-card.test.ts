import {
  cloneRateCard,
  DEFAULT_RATE_CARD,
  findPeriod,
  lookupRates,
  parseRateCardJson,
  serializeRateCard,
  validateRateCard,
  type RateCardIssue,
} from '../../src/billing/model/rate-card';
import { describeRateCardIssue } from '../../src/billing/ui/rate-card-issue-text';
import { translator } from '../../src/shared/i18n/i18n';

const paths = (issues: { path: string }[]) => issues.map((issue) => issue.path);
/** The issues as the English UI words them (the model returns codes and values). */
const described = (issues: RateCardIssue[]) =>
  issues.map((issue) => ({ path: issue.path, message: describeRateCardIssue(issue, english) }));
const english = translator('en');

function importOf(mutate: (card: Record<string, unknown>) => void) {
  const raw = JSON.parse(serializeRateCard(DEFAULT_RATE_CARD)) as Record<string, unknown>;
  mutate(raw);
  const result = parseRateCardJson(JSON.stringify(raw));
  if (result.ok) throw new Error('expected the import to fail');
  return described(result.issues);
}

type RawPeriod = { rates: Record<string, Record<string, unknown>>; [key: string]: unknown };
const period = (card: Record<string, unknown>, index: number) =>
  (card.periods as RawPeriod[])[index] as RawPeriod;

describe('DEFAULT_RATE_CARD', () => {
  it('round-trips through export and import unchanged', () => {
    const result = parseRateCardJson(serializeRateCard(DEFAULT_RATE_CARD));
    expect(result).toEqual({ ok: true, card: DEFAULT_RATE_CARD });
  });

  it('switches model on 2025-07-01, Chile on 2026-07-01 and the service rule on 2026-10-01', () => {
    expect(findPeriod(DEFAULT_RATE_CARD, '2024-10-31')).toBeUndefined();
    expect(findPeriod(DEFAULT_RATE_CARD, '2025-06-30')?.model).toBe('per-conversation');
    expect(findPeriod(DEFAULT_RATE_CARD, '2025-07-01')?.model).toBe('per-message');
    const june = findPeriod(DEFAULT_RATE_CARD, '2026-06-30');
    const july = findPeriod(DEFAULT_RATE_CARD, '2026-07-01');
    expect(june?.id).toBe('pmp-2025-07');
    expect(june?.rates.CL).toBeUndefined();
    expect(june && lookupRates(DEFAULT_RATE_CARD, june, 'CL')).toMatchObject({
      viaRegion: 'LATAM',
    });
    expect(july?.rates.CL).toMatchObject({ marketing: 0.0889, utility: 0.02 });
    expect(june?.rates.ES).toMatchObject({ marketing: 0.0615, reported: true });
    expect(july?.rates.ES).toMatchObject({ marketing: 0.0707 });
    expect(july?.rates.ES?.reported).toBeUndefined();
    expect(july?.rates.CO?.source).toMatch(/2026-07-01/);
    const sept = findPeriod(DEFAULT_RATE_CARD, '2026-09-30');
    const oct = findPeriod(DEFAULT_RATE_CARD, '2026-10-01');
    expect(sept?.serviceFreePerConnectorMonth).toBeNull();
    expect(oct).toMatchObject({ serviceFreePerConnectorMonth: 0, utilityInWindowSwitch: true });
    expect(oct?.tiers).toBeUndefined();
    expect(sept?.rates.MX?.marketing).toBe(0.0305);
    expect(oct?.rates.MX?.marketing).toBe(0.0397);
    expect(sept?.rates.PE?.utility).toBe(0.02);
    expect(oct?.rates.PE).toMatchObject({ utility: 0.03, authentication: 0.03, service: 0.03 });
  });

  it('prices Rest-of-Latin-America members only through the enabled fallback', () => {
    const pmp = findPeriod(DEFAULT_RATE_CARD, '2025-08-01');
    if (!pmp) throw new Error('no period');
    expect(lookupRates(DEFAULT_RATE_CARD, pmp, 'GT')).toMatchObject({
      viaRegion: 'LATAM',
      rates: { marketing: 0.074 },
    });
    expect(lookupRates(DEFAULT_RATE_CARD, pmp, 'DE')).toBeUndefined();
    const off = cloneRateCard(DEFAULT_RATE_CARD);
    off.applyRegionFallback = false;
    expect(lookupRates(off, pmp, 'GT')).toBeUndefined();
    expect(lookupRates(off, pmp, 'CO')?.rates.marketing).toBe(0.0125);
  });

  it('is frozen; clones are editable', () => {
    expect(Object.isFrozen(DEFAULT_RATE_CARD.periods[0]?.rates.CO)).toBe(true);
    const copy = cloneRateCard(DEFAULT_RATE_CARD);
    const co = copy.periods[0]?.rates.CO;
    if (co) co.marketing = 1;
    expect(DEFAULT_RATE_CARD.periods[0]?.rates.CO?.marketing).toBe(0.0125);
  });
});

describe('rate card import validation', () => {
  it('reports JSON syntax errors', () => {
    const result = parseRateCardJson('{ "version": 1,');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(described(result.issues)[0]?.message).toMatch(/^Not valid JSON/);
  });

  it('rejects a non-object and wrong version/currency', () => {
    const list = parseRateCardJson('[1,2]');
    expect(list.ok || described(list.issues)[0]?.message).toBe(
      'Expected a rate card object, got an array.',
    );
    const issues = importOf((card) => {
      card.version = 2;
      card.currency = 'EUR';
    });
    expect(issues).toEqual([
      { path: 'version', message: 'Unsupported version 2; expected 1.' },
      { path: 'currency', message: 'Only USD cards are supported, got "EUR".' },
    ]);
  });

  it('points at bad rates with their path', () => {
    const issues = importOf((card) => {
      const rates = period(card, 1).rates;
      (rates.MX as Record<string, unknown>).marketing = -0.1;
      (rates.CO as Record<string, unknown>).utility = '0.0008';
      (rates.BR as Record<string, unknown>).marketing = 6.25e1;
    });
    expect(issues).toEqual([
      { path: 'periods[1].rates.CO.utility', message: 'Expected a number of USD, got string.' },
      { path: 'periods[1].rates.MX.marketing', message: 'A rate cannot be negative (-0.1).' },
      {
        path: 'periods[1].rates.BR.marketing',
        message: '62.5 USD looks wrong (above 10); rates are USD per message, not cents.',
      },
    ]);
  });

  it('rejects unknown markets and duplicates, and accepts country names as keys', () => {
    const issues = importOf((card) => {
      const rates = period(card, 0).rates;
      rates.Narnia = { marketing: 0.01, utility: 0.01, authentication: 0.01, service: 0 };
      rates.co = { marketing: 0.01, utility: 0.01, authentication: 0.01, service: 0 };
    });
    expect(issues).toEqual([
      {
        path: 'periods[0].rates.Narnia',
        message: '"Narnia" is neither an ISO-2 country, a country name nor a region key.',
      },
      { path: 'periods[0].rates.co', message: 'Market CO appears twice.' },
    ]);

    const raw = JSON.parse(serializeRateCard(DEFAULT_RATE_CARD)) as Record<string, unknown>;
    period(raw, 0).rates['Ecuador'] = {
      marketing: 0.05,
      utility: 0.01,
      authentication: 0.01,
    };
    const ok = validateRateCard(raw);
    expect(ok.ok && ok.card.periods[0]?.rates.EC).toEqual({
      marketing: 0.05,
      utility: 0.01,
      authentication: 0.01,
      service: 0,
    });
  });

  it('rejects overlapping periods and bad dates', () => {
    const issues = importOf((card) => {
      period(card, 1).from = '2025-06-15';
      period(card, 2).to = '2026-02-30';
    });
    expect(paths(issues)).toEqual(['periods[2].to', 'periods']);
    expect(issues[1]?.message).toBe(
      'Periods "pcp-2024-11" (2024-11-01…2025-06-30) and "pmp-2025-07" (from 2025-06-15) overlap.',
    );
  });

  it('rejects a bad model, region and empty periods', () => {
    expect(
      importOf((card) => {
        period(card, 0).model = 'per-minute';
        (card.regions as Record<string, unknown>).XX = { name: 'bad key', members: [] };
        (card.regions as Record<string, { members: unknown[] }>).LATAM?.members.push('Atlantis');
      }),
    ).toEqual([
      {
        path: 'regions.LATAM.members[16]',
        message: '"Atlantis" is not an ISO-2 country code.',
      },
      {
        path: 'regions.XX',
        message: 'A region key must be 3+ upper-case letters/digits (ISO-2 keys are countries).',
      },
      {
        path: 'periods[0].model',
        message: 'Expected one of per-conversation, per-message, got "per-minute".',
      },
    ]);
    expect(paths(importOf((card) => (card.periods = [])))).toEqual(['periods']);
  });

  it('returns codes and values, which the Spanish UI words in Spanish', () => {
    const raw = JSON.parse(serializeRateCard(DEFAULT_RATE_CARD)) as Record<string, unknown>;
    raw.currency = 'EUR';
    (period(raw, 1).rates.MX as Record<string, unknown>).marketing = 62.5;
    const result = parseRateCardJson(JSON.stringify(raw));
    if (result.ok) throw new Error('expected the import to fail');
    expect(result.issues).toEqual([
      { path: 'currency', code: 'currency', value: '"EUR"' },
      { path: 'periods[1].rates.MX.marketing', code: 'tooHigh', rate: 62.5, max: 10 },
    ]);
    const spanish = translator('es', 'es-CO');
    expect(result.issues.map((issue) => describeRateCardIssue(issue, spanish))).toEqual([
      'Solo se admiten tarifarios en USD, se encontró "EUR".',
      '62.5 USD parece un error (más de 10); las tarifas son USD por mensaje, no centavos.',
    ]);
  });
});
