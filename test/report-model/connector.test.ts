import fc from 'fast-check';
import type { CellValue } from '../../src/report-model/column-types';
import { Rng } from '../engine/random-data';
import {
  connectorName,
  parseSessionId,
  sessionConnectorId,
  UNKNOWN_CONNECTOR,
} from '../../src/report-model/connector';
import { aggregateUsage } from '../../src/billing/model/usage-aggregates';
import { row } from '../billing/fixtures';

/** The format read the obvious way (split on dots), the reference for the positional parser. */
function splitParse(value: CellValue) {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const segments = String(value)
    .trim()
    .split('.')
    .map((segment) => segment.trim());
  const connectorId = segments[segments.length - 1] ?? '';
  if (segments.length < 3 || connectorId === '') return undefined;
  return {
    connectorId,
    readable: true,
    phone: segments[0] === '' ? undefined : segments[0],
    operation: segments.slice(1, -1).join('.'),
    extraSegments: segments.length - 3,
  };
}

describe('parseSessionId', () => {
  it('reads random texts of digits, dots, letters and spaces as splitting on dots would', () => {
    const rng = new Rng(42);
    const alphabet = ['5', '7', '.', '.', ' ', '\t', 'a', '\u00a0'];
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: rng.int(12) }, () => rng.pick(alphabet)).join('');
      const expected = splitParse(text);
      const parts = parseSessionId(text);
      if (expected) expect(parts, JSON.stringify(text)).toEqual(expected);
      else
        expect(parts, JSON.stringify(text)).toMatchObject({
          readable: false,
          connectorId: UNKNOWN_CONNECTOR,
        });
    }
  });

  it('takes the third segment of phone.operation.connector', () => {
    expect(parseSessionId('573001234567.acme.9001')).toEqual({
      connectorId: '9001',
      readable: true,
      phone: '573001234567',
      operation: 'acme',
      extraSegments: 0,
    });
  });

  it('takes the last segment when there are extra dots, and says so', () => {
    const parts = parseSessionId('573001.acme.co.9001');
    expect(parts).toMatchObject({ connectorId: '9001', operation: 'acme.co', extraSegments: 1 });
  });

  it.each([
    ['too few segments', '573001.9001'],
    ['one segment', '573001'],
    ['empty', ''],
    ['blank', '   '],
    ['empty connector segment', '573001.acme.'],
    ['null', null],
    ['boolean', true],
  ])('flags %s as unreadable', (_label, value) => {
    const parts = parseSessionId(value);
    expect(parts.readable).toBe(false);
    expect(parts.connectorId).toBe(UNKNOWN_CONNECTOR);
  });

  it('keeps rows with malformed SESSION_IDs and counts them', () => {
    const rows = [
      row('573001.acme.9001', '2025-08-01T10:00', '573001', true, 'CO'),
      row('573001.9001', '2025-08-01T10:00', '573001', true, 'CO'),
      row('', '2025-08-01T11:00', '573002', false, 'CO'),
      row(null, '2025-08-01T12:00', '573003', false, 'CO'),
    ];
    const usage = aggregateUsage(rows);
    expect(usage.total).toBe(4);
    expect(usage.unreadableSessionRows).toBe(3);
    const unknown = usage.byConnector.find((c) => c.key === UNKNOWN_CONNECTOR);
    expect(unknown).toMatchObject({ readable: false, total: 3, templates: 1, nonTemplates: 2 });
  });

  it('cannot collide with a connector literally called "unknown"', () => {
    expect(parseSessionId('1.op.unknown').connectorId).not.toBe(UNKNOWN_CONNECTOR);
  });
});

describe('connectorName', () => {
  it('maps ids to names from a record or a Map, falling back to the id', () => {
    expect(connectorName('9001', { '9001': 'Ventas' })).toBe('Ventas');
    expect(connectorName('9001', new Map([['9001', 'Ventas']]))).toBe('Ventas');
    expect(connectorName('9002', { '9001': 'Ventas' })).toBe('9002');
    expect(connectorName('9001', { '9001': '  ' })).toBe('9001');
    expect(connectorName('toString', {})).toBe('toString');
  });

  it('labels the unreadable bucket', () => {
    expect(connectorName(UNKNOWN_CONNECTOR, undefined, 'SESSION_ID ilegible')).toBe(
      'SESSION_ID ilegible',
    );
  });
});

describe("sessionConnectorId (the CONNECTOR column's fast read)", () => {
  it("is parseSessionId's connector id when readable, else undefined, on any input", () => {
    const segment = fc.stringMatching(/^[ \d A-Za-z.+]{0,8}$/);
    const session = fc.oneof(
      fc.tuple(segment, segment, segment).map((parts) => parts.join('.')),
      fc.constantFrom(
        'CO.2026206508304015.demolatam.3581',
        'US.ENT.12.op.9',
        ' 57300.op.3581 ',
        '..',
        '.',
        '',
      ),
      fc.string({ maxLength: 20 }),
      fc.integer(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(session, (value) => {
        const parts = parseSessionId(value);
        expect(sessionConnectorId(value)).toBe(parts.readable ? parts.connectorId : undefined);
      }),
      { numRuns: 3000 },
    );
  });
});
