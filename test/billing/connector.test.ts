import { connectorName, parseSessionId, UNKNOWN_CONNECTOR } from '../../src/billing/connector';
import { aggregateUsage } from '../../src/billing/usage-aggregates';
import { row } from './fixtures';

describe('parseSessionId', () => {
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
