import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REPORTS, type ReportDef } from '../../../src/report-model/catalog';
import { normalizeKey, normalizeRows } from '../../../src/report-model/wire/normalize-rows';
import { readEnvelope } from '../../../src/report-model/wire/parse-envelope';
import { WolkvoxError } from '../../../src/report-model/wire/wolkvox-error';

/*
 * Fuzz of the wire parser (issue 18): random keys (reserved names in any case and spacing,
 * catalog keys and their variants, any Unicode), random values (strings with bidi controls
 * and formula characters, numbers, booleans, null, nested objects and lists), random
 * envelopes (code as number or string, data as a list, one object or missing, 200 or 404,
 * with or without a BOM). Properties: it never throws anything but a WolkvoxError; every
 * answered row is accounted for; every cell is something React can render; every key the
 * API sent lands in a column of its own; no prototype is touched.
 */

const RESERVED = [
  '__proto__',
  '__PROTO__ ',
  ' __Proto__',
  'constructor',
  'Constructor ',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
];
const CATALOG_KEYS = [...new Set(REPORTS.flatMap((report) => report.columns.map((c) => c.key)))];

const key = fc.oneof(
  fc.constantFrom(...RESERVED),
  fc.constantFrom(...CATALOG_KEYS),
  fc.constantFrom(...CATALOG_KEYS).map((k) => ` ${k.toUpperCase()} `),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }),
);
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(
    '=1+1',
    ' =1+1',
    '\u00A0@SUM(1)',
    '＝1',
    '﹦1',
    'factura\u202Efdp.exe',
    '<a href="https://evil.example/x.exe">x.pdf</a>',
    '2026-08-12 10:31:05',
    '00:01:02',
    '34.64 %',
    'yes',
    '',
  ),
);
const scalar = fc.oneof(text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null));
const value = fc.oneof(
  { weight: 5, arbitrary: scalar },
  { weight: 1, arbitrary: fc.dictionary(key, scalar, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
);
const rawRow = fc.dictionary(key, value, { maxKeys: 8 });
const conversation = fc.oneof(fc.array(rawRow, { maxLength: 3 }), rawRow, fc.constant(undefined));
const report = fc.constantFrom(...REPORTS);

/** JSON text of an object whose own keys may include "__proto__" (an object literal would not). */
function json(entries: [string, unknown][]): string {
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v ?? null)}`).join(',')}}`;
}

const answer = fc.record({
  rows: fc.array(fc.tuple(rawRow, conversation), { maxLength: 6 }),
  code: fc.constantFrom<unknown>(200, '200', 404, '404', undefined),
  status: fc.constantFrom(200, 404),
  single: fc.boolean(),
  bom: fc.boolean(),
  msg: fc.constantFrom('3 records were found', 'Validate dates entered', '0 records were found'),
});

describe('wire parser, fuzzed', () => {
  it('never throws but a WolkvoxError, accounts for every row, keeps every key, renders', () => {
    fc.assert(
      fc.property(report, answer, (def: ReportDef, a) => {
        const rowTexts = a.rows.map(([row, conv]) => {
          const entries: [string, unknown][] = Object.entries(row);
          if (def.number === 2 && conv !== undefined) entries.push(['conversation', conv]);
          return json(entries);
        });
        const data = a.single && rowTexts.length === 1 ? rowTexts[0]! : `[${rowTexts.join(',')}]`;
        const code = a.code === undefined ? '' : `"code":${JSON.stringify(a.code)},`;
        const body = `${a.bom ? '\uFEFF' : ''}{${code}"error":null,"msg":${JSON.stringify(a.msg)},"data":${data}}`;

        let raw: unknown[];
        try {
          raw = readEnvelope(a.status, body).rows;
        } catch (error) {
          // A refused answer is said (an error naming itself), never a crash.
          expect(error).toBeInstanceOf(WolkvoxError);
          return;
        }
        const parsed = normalizeRows(def, raw);

        // Every answered row is accounted for: one table row per row, report 2 one per message.
        const expected =
          def.number === 2
            ? raw.reduce<number>((sum, chat) => {
                const conv = (chat as Record<string, unknown>).conversation;
                const n = Array.isArray(conv)
                  ? conv.length
                  : conv && typeof conv === 'object'
                    ? 1
                    : 0;
                return sum + Math.max(1, n);
              }, 0)
            : raw.length;
        expect(parsed.rows).toHaveLength(expected);

        // Column keys are unique and never a prototype's name.
        const keys = parsed.columns.map((column) => column.key);
        expect(new Set(keys).size).toBe(keys.length);
        for (const k of keys) expect(['__proto__', 'constructor', 'prototype']).not.toContain(k);

        for (const row of parsed.rows) {
          expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
          for (const k of keys) expect(Object.prototype.hasOwnProperty.call(row, k)).toBe(true);
          for (const cell of Object.values(row))
            expect(cell === null || ['string', 'number', 'boolean'].includes(typeof cell)).toBe(
              true,
            );
        }

        // Every key the API sent has a column (by its normalised name, or renamed from it).
        const named = new Set(
          parsed.columns.flatMap((c) => [
            c.key,
            c.renamedFrom ?? '',
            ...(c.aliases ?? []).map(normalizeKey),
          ]),
        );
        for (const chat of raw) {
          for (const k of Object.keys(chat as object)) {
            if (def.number === 2 && k === 'conversation') continue;
            expect(named.has(normalizeKey(k)), k).toBe(true);
          }
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
      { numRuns: 400, seed: 18 },
    );
  });
});
