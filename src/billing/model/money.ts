/**
 * Money helpers. Amounts travel as integer USD cents; rates are held as integer
 * micro-dollars (1 µUSD = 0.0001 cent) so sums are exact.
 */

export const MICROS_PER_USD = 1_000_000;

/** USD → integer micro-dollars (rates have at most 6 decimals that matter). */
export function usdToMicros(usd: number): number {
  return Math.round(usd * MICROS_PER_USD);
}

/** n / d rounded half up, for non-negative n and positive d. */
export function divRoundHalfUp(n: bigint, d: bigint): bigint {
  return (n * 2n + d) / (d * 2n);
}

const formatters = new Map<string, Intl.NumberFormat>();

/** "US$1,234.56" / "US$ 1.234,56" per locale, from integer cents. */
export function formatUsdCents(cents: number, locale = 'en'): string {
  let format = formatters.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' });
    formatters.set(locale, format);
  }
  return format.format(cents / 100);
}
