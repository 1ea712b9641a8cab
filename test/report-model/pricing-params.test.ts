import { parsePricingParams, serializePricingParams } from '../../src/report-model/view-state';

describe('pricing parameters in the URL (report 10 assumptions)', () => {
  it('read back what they write, keeping the other parameters', () => {
    const pricing = {
      card: 'c-0a1b2c3d',
      mix: [50, 30, 20] as const,
      markup: 12.5,
      uiw: false,
      sa: true,
    };
    const search = serializePricingParams(pricing, '?from=2026-11-01&to=2026-11-28&phone=CO.1');
    expect(search).toBe(
      '?from=2026-11-01&to=2026-11-28&phone=CO.1&card=c-0a1b2c3d&mix=50-30-20&markup=12.5&uiw=0&sa=1',
    );
    expect(parsePricingParams(search)).toEqual({ pricing, invalid: [] });
    // And the other way round: a written query string survives parse → serialize.
    const text = '?card=default&mix=33.33-33.33-33.34&markup=0&uiw=1&sa=0';
    expect(serializePricingParams(parsePricingParams(text).pricing)).toBe(text);
  });

  it('replace their own earlier values and leave an empty set empty', () => {
    expect(serializePricingParams({ markup: 40 }, '?markup=10&mix=1-0-0&q=x')).toBe(
      '?q=x&markup=40',
    );
    expect(serializePricingParams({})).toBe('');
    expect(parsePricingParams('?from=2026-11-01')).toEqual({ pricing: {}, invalid: [] });
  });

  it('drop and name what is not valid', () => {
    const { pricing, invalid } = parsePricingParams(
      '?card=../../etc&mix=0-0-0&markup=-5&uiw=yes&sa=2',
    );
    expect(pricing).toEqual({});
    expect(invalid).toEqual(['card', 'mix', 'markup', 'uiw', 'sa']);
    expect(parsePricingParams('?mix=50-50&markup=1e3').invalid).toEqual(['mix', 'markup']);
    expect(parsePricingParams('?markup=1000.01').invalid).toEqual(['markup']);
    expect(parsePricingParams('?mix=1-2-x').invalid).toEqual(['mix']);
  });
});
