import type { ColumnDef } from '../../src/report-model/catalog';
import type { CellValue, ColumnType, ReportRow } from '../../src/report-model/column-types';

/** Small seeded generator (mulberry32): the same seed gives the same data on every run. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

const col = (key: string, type: ColumnType): ColumnDef => ({
  key,
  header: key.toUpperCase(),
  type,
});

/** Every column type, two phone columns. */
export const TEST_COLUMNS: ColumnDef[] = [
  col('conn_id', 'id'),
  col('agent_id', 'id'),
  col('customer_name', 'text'),
  col('date', 'datetime'),
  col('day', 'date'),
  col('duration', 'duration'),
  col('chars', 'count'),
  col('percent_transfer', 'percent'),
  col('channel', 'enum'),
  col('customer_phone', 'phone'),
  col('other_phone', 'phone'),
  col('destiny', 'country'),
  col('customer_email', 'email'),
  col('source_url', 'url'),
  col('template', 'yesno'),
];

/** Names chosen to stress collation: accents, case, ñ, punctuation, other scripts, marks. */
export const TRICKY_TEXT = [
  'Ábaco',
  'abaco',
  'ABACO',
  'Zoë',
  'zoe',
  'Zoe',
  'Ñandú',
  'nandu',
  'Núñez',
  'Nunez',
  'Nuñez',
  'María José',
  'maria jose',
  'MARÍA JOSÉ',
  "O'Brien",
  'OBrien',
  'O-Brien',
  'Jean-Pierre',
  'jean pierre',
  'straße',
  'strasse',
  'Æther',
  'aether',
  'Ωmega',
  'омега',
  '日本',
  'a\u0301b',
  'ab',
  'ab ',
  'a b',
  '',
  '  ',
  'Émile',
  'emile',
  'Øre',
  'ore',
  'x.y',
  'x,y',
  'x_y',
  '1abc',
  '10abc',
  '9abc',
  '😀 smile',
  'smile',
  'n\u0303a',
  'Ch',
  'cz',
  'llama',
  'lz',
  'İstanbul',
  'ıspanak',
  'a\u00a0b',
  'tab\there',
];

const ALPHABET = [
  'a',
  'b',
  'n',
  'ñ',
  'Ñ',
  'o',
  'á',
  'Á',
  'A',
  'B',
  ' ',
  '-',
  "'",
  '.',
  '1',
  '9',
  '0',
  'z',
  'ü',
  'ø',
  'æ',
  'ß',
  'Ω',
  '\u0301',
  '😀',
];
const PREFIXES = [
  '',
  'abcdefgh',
  'María Fernanda ',
  'maria fernanda ',
  'Juan Sebastián ',
  'Juan Sebastian ',
];

function randomText(rng: Rng): string {
  if (rng.chance(0.5)) return rng.pick(TRICKY_TEXT);
  let s = rng.pick(PREFIXES);
  const length = rng.int(14);
  for (let i = 0; i < length; i++) s += rng.pick(ALPHABET);
  return s;
}

const PHONE_FORMATS: readonly ((national: string, country: string) => string)[] = [
  (n, c) => c + n,
  (n, c) => `+${c} ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`,
  (n) => `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`,
  (n) => n,
  (n) => `(${n.slice(0, 3)}) ${n.slice(3)}`,
  (n, c) => `00${c} ${n}`,
  (n, c) => `+${c}${n}`,
];
const NATIONALS = [
  '3001234567',
  '3109876543',
  '3001234000',
  '6012345678',
  '2125551234',
  '612345678',
  '5512345678',
];
const COUNTRIES = ['57', '1', '34', '52', '593'];

export function randomPhone(rng: Rng): CellValue {
  if (rng.chance(0.1)) return null;
  if (rng.chance(0.05)) return rng.pick(['N/A', '', 'sin número', '+']);
  if (rng.chance(0.3)) {
    let digits = '';
    const length = 4 + rng.int(10);
    for (let i = 0; i < length; i++) digits += rng.int(10);
    return digits;
  }
  return rng.pick(PHONE_FORMATS)(rng.pick(NATIONALS), rng.pick(COUNTRIES));
}

const IDS = [
  '7',
  '07',
  '007',
  '0',
  '00',
  '10',
  '9',
  '100',
  '12345678901234567890',
  '012345678901234567890',
  '99999999999999999',
  '9999999999999999',
  '-',
  'abc-1',
  'ABC-1',
  '',
  'a',
  '1a',
  '1',
  '18446744073709551616',
];

function randomId(rng: Rng): CellValue {
  if (rng.chance(0.08)) return null;
  if (rng.chance(0.5)) return rng.pick(IDS);
  let s = '';
  const length = 1 + rng.int(20);
  for (let i = 0; i < length; i++) s += rng.int(10);
  if (rng.chance(0.1)) s += rng.pick(['.', '-x', 'é']);
  return s;
}

const UNPARSED = ['N/A', 'n/a', 'ERR', '12:99', '—', '1,2,3', 'abc', 'ABC', '', 'n/a '];

function randomNumber(rng: Rng, pool: readonly number[]): CellValue {
  if (rng.chance(0.1)) return null;
  if (rng.chance(0.07)) return rng.pick(UNPARSED);
  if (rng.chance(0.01)) return NaN;
  if (rng.chance(0.01)) return rng.pick([true, -0]);
  if (rng.chance(0.5)) return rng.pick(pool);
  return Math.round((rng.next() * 2 - 0.5) * 1e6) / 100;
}

const BASE = Date.UTC(2026, 7, 1);
const DATE_POOL = [
  BASE,
  BASE + 1000,
  BASE + 86_400_000,
  BASE - 1,
  Date.UTC(1999, 11, 31, 23, 59, 59),
];
const NUMBER_POOL = [0, -0, 1, 1.5, -3, 100, 2e9, Infinity, -Infinity, 59];

function randomDate(rng: Rng): CellValue {
  if (rng.chance(0.1)) return null;
  if (rng.chance(0.05)) return rng.pick(UNPARSED);
  if (rng.chance(0.4)) return rng.pick(DATE_POOL);
  return BASE + rng.int(60 * 24 * 40) * 60_000 + rng.int(3) * 500;
}

export function randomRow(rng: Rng): ReportRow {
  return {
    conn_id: randomId(rng),
    agent_id: rng.chance(0.1) ? null : String(rng.pick([1, 2, 9, 10, 11, 100, 205, 1001])),
    customer_name: rng.chance(0.1) ? null : randomText(rng),
    date: randomDate(rng),
    day: rng.chance(0.1) ? null : BASE + rng.int(30) * 86_400_000,
    duration: randomNumber(rng, NUMBER_POOL),
    chars: randomNumber(rng, NUMBER_POOL),
    percent_transfer: randomNumber(rng, [0, 50, 100, 33.3]),
    channel: rng.chance(0.1)
      ? null
      : rng.pick(['whatsapp', 'web', 'Web', 'WEB', 'facebook', 'instagram']),
    customer_phone: randomPhone(rng),
    other_phone: rng.chance(0.6) ? null : randomPhone(rng),
    destiny: rng.chance(0.1)
      ? null
      : rng.pick(['Colombia', 'colombia', 'México', 'Mexico', 'Perú', 'Peru', 'España', 'Espana']),
    customer_email: rng.chance(0.1) ? null : `${randomText(rng).replace(/\s/g, '.')}@Example.com`,
    source_url: rng.chance(0.1) ? null : `https://example.com/${randomText(rng)}`,
    template: rng.chance(0.1)
      ? null
      : rng.chance(0.06)
        ? rng.pick(['maybe', 'YES?', ''])
        : rng.chance(0.5),
  };
}

export function randomRows(seed: number, n: number): ReportRow[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => randomRow(rng));
}
