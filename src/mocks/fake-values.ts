import type { Random } from './random';
import { FIRST_NAMES, LAST_NAMES, MARKETS } from './vocabulary';

export type Market = (typeof MARKETS)[number];

const TOTAL_WEIGHT = MARKETS.reduce((sum, market) => sum + market.weight, 0);

export function pickMarket(random: Random): Market {
  let ticket = random.next() * TOTAL_WEIGHT;
  for (const market of MARKETS) {
    ticket -= market.weight;
    if (ticket < 0) return market;
  }
  return MARKETS[0];
}

/** International number without "+", as wolkvox stores it: 573001234567. */
export function phoneIn(random: Random, market: Market): string {
  return market.code + market.prefix + random.digits(market.length - market.prefix.length);
}

export function personName(random: Random): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
}

export function emailFor(name: string, random: Random): string {
  const local = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f']/g, '')
    .toLowerCase()
    .replace(/\s+/g, '.');
  return `${local}${random.int(1, 99)}@${random.pick(['gmail.com', 'hotmail.com', 'outlook.es', 'yahoo.com.mx'])}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-08-12 10:31:05": how the API writes date-times (operation local time). */
export function wireDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** "HH:MM:SS", hours may pass 24. */
export function hms(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
}

/** Seconds into the day, weighted to business hours like a real contact center. */
export function secondOfDay(random: Random): number {
  const hour = random.chance(0.88) ? random.int(7, 20) : random.int(0, 23);
  return hour * 3600 + random.int(0, 3599);
}
