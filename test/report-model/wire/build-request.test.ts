import { findReport } from '../../../src/report-model/catalog';
import { dayRange } from '../../../src/report-model/time-range';
import { buildReportUrl } from '../../../src/report-model/wire/build-request';
import { formatWireDate, parseWireDate } from '../../../src/report-model/wire/wire-date';

describe('buildReportUrl', () => {
  it('builds the reports_manager.php call with 14-digit inclusive dates', () => {
    const url = new URL(
      buildReportUrl(
        'http://localhost/wolkvox/',
        findReport(10)!,
        dayRange('2026-11-01', '2026-11-07')!,
      ),
    );
    expect(url.pathname).toBe('/wolkvox/api/v2/reports_manager.php');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      api: 'chat_10',
      date_ini: '20261101000000',
      date_end: '20261107235959',
    });
  });

  it('round-trips wire dates and refuses impossible ones', () => {
    expect(parseWireDate(formatWireDate(Date.UTC(2024, 1, 29, 23, 59, 59)))).toBe(
      Date.UTC(2024, 1, 29, 23, 59, 59),
    );
    expect(parseWireDate('20250229000000')).toBeUndefined();
    expect(parseWireDate('2025022900000')).toBeUndefined();
  });
});
