import { DEFAULT_RATE_CARD } from '../../src/billing/model/rate-card';
import { quarterRates, quarterStarts } from '../../src/billing/model/quarter-rates';

describe('this quarter’s and next quarter’s rates', () => {
  it('finds the quarter starts (Meta’s only change dates)', () => {
    expect(quarterStarts('2026-11-29')).toEqual({ current: '2026-10-01', next: '2027-01-01' });
    expect(quarterStarts('2026-08-15')).toEqual({ current: '2026-07-01', next: '2026-10-01' });
    expect(quarterStarts('2026-01-01')).toEqual({ current: '2026-01-01', next: '2026-04-01' });
  });

  it('shows the October 2026 changes from the summer', () => {
    const q = quarterRates(DEFAULT_RATE_CARD, '2026-08-15');
    expect(q.current.period?.id).toBe('pmp-2026-07');
    expect(q.next.period?.id).toBe('pmp-2026-10');
    const mx = q.markets.find((m) => m.key === 'MX')!;
    expect([mx.current?.marketing, mx.next?.marketing, mx.changed]).toEqual([0.0305, 0.0397, true]);
    // Service: free in the summer, at the utility rate from October.
    expect([mx.current?.service, mx.next?.service]).toEqual([0, 0.0085]);
    const pe = q.markets.find((m) => m.key === 'PE')!;
    expect([pe.current?.utility, pe.next?.utility]).toEqual([0.02, 0.03]);
    const ec = q.markets.find((m) => m.key === 'EC')!;
    expect(ec).toMatchObject({ currentVia: 'LATAM', nextVia: 'LATAM' });
  });

  it('shows Chile leaving Rest of Latin America on 2026-07-01', () => {
    const cl = quarterRates(DEFAULT_RATE_CARD, '2026-05-10').markets.find((m) => m.key === 'CL')!;
    expect(cl).toMatchObject({ currentVia: 'LATAM', changed: true });
    expect([cl.current?.marketing, cl.next?.marketing]).toEqual([0.074, 0.0889]);
    expect(cl.nextVia).toBeUndefined();
  });

  it('says nothing changes in November 2026 (no newer version known)', () => {
    const q = quarterRates(DEFAULT_RATE_CARD, '2026-11-29');
    expect(q.current.period?.id).toBe('pmp-2026-10');
    expect(q.next.period?.id).toBe('pmp-2026-10');
    expect(q.markets.some((m) => m.changed)).toBe(false);
  });
});
