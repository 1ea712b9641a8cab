// @vitest-environment node
import { checkForward } from '../../server/forward-guard';

const get = (url: string, headers: Record<string, string> = {}) =>
  checkForward({ method: 'GET', url, headers: { host: 'reports.example', ...headers } });
const verdict = (url: string) => {
  const decision = get(url);
  return decision.ok ? decision.upstreamPath : decision.status;
};
const REPORT = '/wolkvox/api/v2/reports_manager.php';
const INFO = '/wolkvox/api/v2/information.php';
const DATES = 'date_ini=20261101000000&date_end=20261130235959';

describe('the forwarding guard (server and dev proxy alike)', () => {
  it('forwards the app’s report calls for chat_1 … chat_16, rebuilt', () => {
    expect(verdict(`${REPORT}?api=chat_10&${DATES}`)).toBe(
      `/api/v2/reports_manager.php?api=chat_10&${DATES}`,
    );
    // Parameter order is free; what goes upstream is the checked, canonical form.
    expect(verdict(`${REPORT}?date_end=20261130235959&api=chat_1&date_ini=20261101000000`)).toBe(
      `/api/v2/reports_manager.php?api=chat_1&${DATES}`,
    );
    expect(verdict(`${REPORT}?api=chat_16&${DATES}`)).toMatch(/chat_16/);
  });

  it('forwards exactly api=connectors and api=token_info on information.php', () => {
    expect(verdict(`${INFO}?api=connectors`)).toBe('/api/v2/information.php?api=connectors');
    expect(verdict(`${INFO}?api=token_info`)).toBe('/api/v2/information.php?api=token_info');
  });

  it.each([
    [`${REPORT}?api=cdr_1&${DATES}`, 'another report group'],
    [`${REPORT}?api=chat_17&${DATES}`, 'a report that does not exist'],
    [`${REPORT}?api=chat_0&${DATES}`, 'chat_0'],
    [`${REPORT}?api=chat_01&${DATES}`, 'chat_01'],
    [`${REPORT}?api=chat_1&${DATES}&skill_id=3`, 'an extra parameter'],
    [`${REPORT}?api=chat_1&api=cdr_1&${DATES}`, 'a repeated api (PHP reads the last)'],
    [`${REPORT}?api=chat_1&${DATES}&date_ini=20250101000000`, 'a repeated date'],
    [`${REPORT}?api%5B%5D=chat_1&${DATES}`, 'a PHP array parameter'],
    [`${REPORT}?api=chat_1&%61pi=cdr&${DATES}`, 'a repeated name, percent-encoded'],
    [`${REPORT}?api=chat_1&date_ini=2026110100000&date_end=20261130235959`, 'a 13-digit date'],
    [`${REPORT}?api=chat_1&date_ini=20261301000000&date_end=20261130235959`, 'month 13'],
    [`${REPORT}?api=chat_1&date_ini=20261101000000&date_end=2026-11-30`, 'a dashed date'],
    [`${REPORT}?api=chat_1&date_ini=20261101000000`, 'a missing date'],
    [`${REPORT}?api=chat_1&date_ini=%E0%A4%A&date_end=20261130235959`, 'broken percent-encoding'],
    [`${INFO}?api=connectors&api=token_info`, 'information.php with a repeated api'],
    [`${INFO}?api=connectors&x=1`, 'information.php with an extra parameter'],
    [`${INFO}?api=get_ip`, 'the IP allow-list'],
    [`${INFO}`, 'information.php without api'],
    ['/wolkvox/api/v2/configuration.php?api=add_ip', 'configuration.php'],
    ['/wolkvox/api/v2/billing.php?api=interactions', 'billing.php'],
    ['/wolkvox/api/v2/../v2/reports_manager.php?api=chat_1&' + DATES, 'a dot-dot path'],
    ['/wolkvox/api/v2/reports_manager.php/x?api=chat_1&' + DATES, 'a longer path'],
    ['/wolkvox/api/v2/Reports_Manager.php?api=chat_1&' + DATES, 'another spelling'],
  ])('refuses %s (%s) with 404', (url) => {
    expect(verdict(url)).toBe(404);
  });

  it('refuses other methods and other sites', () => {
    const url = `${REPORT}?api=chat_1&${DATES}`;
    expect(checkForward({ method: 'POST', url, headers: {} })).toMatchObject({ status: 405 });
    expect(get(url, { 'sec-fetch-site': 'cross-site' })).toMatchObject({ status: 403 });
    expect(get(url, { origin: 'https://evil.example' })).toMatchObject({ status: 403 });
    expect(get(url, { origin: 'https://reports.example' }).ok).toBe(true);
  });
});
