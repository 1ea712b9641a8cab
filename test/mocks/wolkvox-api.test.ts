import {
  givenMaintenance,
  givenQuotaIsUsedUp,
  givenTokenIsRejected,
  givenWolkvoxIsBusy,
} from '../msw-server';
import { createTimeline } from '../../src/mocks/timeline';
import {
  createWolkvoxApi,
  DAILY_QUOTA,
  noRows,
  timelineRows,
  type WolkvoxApiOptions,
} from '../../src/mocks/wolkvox-api';

/** wolkvox's published error table (wolkvox-reports.md §5.1), answered by the one fake. */

const REPORTS = 'http://wv/api/v2/reports_manager.php';
const INFO = 'http://wv/api/v2/information.php';
const DAY = '?api=chat_10&date_ini=20260310000000&date_end=20260310235959';

function fake(options: WolkvoxApiOptions = {}) {
  const timeline = createTimeline({ times: [Date.UTC(2026, 2, 10, 9, 30)] });
  const wolkvox = createWolkvoxApi({ rows: timelineRows(timeline), ...options });
  const ask = (url: string, token: string | null = wolkvox.token, method = 'GET') => {
    const answer = wolkvox.answer({ url, token, method });
    let json: { code?: unknown; msg?: string; data?: Record<string, string>[] } | undefined;
    try {
      json = JSON.parse(answer.body) as typeof json;
    } catch {
      json = undefined;
    }
    return { ...answer, json };
  };
  return { wolkvox, ask };
}

describe('the one fake wolkvox: its error table', () => {
  it('answers rows in the envelope, 404 "Validate dates entered" when there are none', () => {
    const { ask } = fake();
    const ok = ask(`${REPORTS}${DAY}`);
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ msg: '1 records were found' });
    expect(ok.json!.data![0]).toMatchObject({ conn_id: 'C0000000', date: '2026-03-10 09:30:00' });
    const none = ask(`${REPORTS}?api=chat_10&date_ini=20260311000000&date_end=20260311235959`);
    expect([none.status, none.json?.msg, String(none.json?.code)]).toEqual([
      404,
      'Validate dates entered',
      '404',
    ]);
  });

  it.each([
    ['no token', null, 401, 'PLEASE ENTER THE WOLKVOX-TOKEN'],
    ['a wrong token', 'nope', 403, 'PLEASE VALIDATE TOKEN'],
  ])('refuses %s', (_, token, status, msg) => {
    const { ask, wolkvox } = fake();
    const answer = ask(`${REPORTS}${DAY}`, token);
    expect([answer.status, answer.json?.msg]).toEqual([status, msg]);
    // A refused call costs nothing.
    expect(wolkvox.state.usedToday).toBe(0);
  });

  it('refuses unknown reports and missing parameters with 400', () => {
    const { ask } = fake();
    for (const url of [
      `${REPORTS}?api=chat_99&date_ini=20260310000000&date_end=20260310235959`,
      `${INFO}?api=nothing`,
    ]) {
      const answer = ask(url);
      expect([answer.status, answer.json?.msg]).toEqual([
        400,
        'THE API YOU WANT TO CONSULT DOES NOT EXIST',
      ]);
    }
    for (const url of [`${REPORTS}?api=chat_10&date_ini=20260310000000`, `${REPORTS}?date_ini=1`]) {
      const answer = ask(url);
      expect([answer.status, answer.json?.msg]).toEqual([400, 'SOME PARAMETERS ARE REQUIRED']);
    }
  });

  it('admits 2 simultaneous report calls and refuses a third until one ends', () => {
    const { wolkvox, ask } = fake();
    const first = wolkvox.admit({ url: `${REPORTS}${DAY}`, token: wolkvox.token });
    const second = wolkvox.admit({ url: `${REPORTS}${DAY}`, token: wolkvox.token });
    expect([first.admitted, second.admitted]).toEqual([true, true]);
    const third = ask(`${REPORTS}${DAY}`);
    expect([third.status, third.json?.msg]).toEqual([
      403,
      'EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN (2)',
    ]);
    // information.php does not take a slot.
    expect(ask(`${INFO}?api=connectors`).status).toBe(200);
    if (first.admitted) first.call.release();
    expect(ask(`${REPORTS}${DAY}`).status).toBe(200);
    expect(wolkvox.state).toMatchObject({ maxActive: 2, refusedBusy: 1, active: 1 });
  });

  it('counts the quota and says TOKEN LIMIT EXCEEDED once it is used up; token_info costs one call', () => {
    let now = Date.UTC(2026, 10, 29, 20, 0); // 15:00 at the operation (GMT-5)
    const { ask, wolkvox } = fake({ dailyQuota: 3, now: () => now });
    const info = () => ask(`${INFO}?api=token_info`).json!.data![0]!;
    expect(info()).toMatchObject({
      token_limit: '3',
      token_use_today: '1',
      available_consumption_options: '2',
      hours_to_restart_count: '9',
    });
    expect(Object.keys(info()).sort()).toEqual([
      'all_token_today',
      'available_consumption_options',
      'description',
      'hours_to_restart_count',
      'token_limit',
      'token_use_today',
    ]);
    expect(ask(`${REPORTS}${DAY}`).status).toBe(200);
    const over = ask(`${REPORTS}${DAY}`);
    expect([over.status, over.json?.msg]).toEqual([403, 'TOKEN LIMIT EXCEEDED']);
    expect(info()).toMatchObject({ token_use_today: '3', available_consumption_options: '0' });
    // The next day at the operation's midnight (05:00 UTC) the count starts again.
    now = Date.UTC(2026, 10, 30, 5, 0);
    expect(ask(`${REPORTS}${DAY}`).status).toBe(200);
    expect(wolkvox.state.usedToday).toBe(1);
  });

  it('answers an HTML "Forbidden" page (not JSON) to everything during maintenance', () => {
    const { ask } = fake({ maintenance: true });
    for (const url of [`${REPORTS}${DAY}`, `${INFO}?api=token_info`]) {
      const answer = ask(url);
      expect(answer.status).toBe(403);
      expect(answer.json).toBeUndefined();
      expect(answer.headers['content-type']).toMatch(/^text\/html/);
      expect(answer.body).toContain('<h1>Forbidden</h1>');
    }
  });

  it('answers 406 beyond 31 days or for dates that are not dates', () => {
    const { ask } = fake({ rows: noRows });
    const over = ask(`${REPORTS}?api=chat_10&date_ini=20260101000000&date_end=20260201000000`);
    expect([over.status, over.json?.msg]).toEqual([406, 'The maximum range to consult is 31 days']);
    expect(
      ask(`${REPORTS}?api=chat_10&date_ini=20260230000000&date_end=20260301000000`).status,
    ).toBe(406);
    expect(ask(`${REPORTS}${DAY}`, undefined, 'POST').status).toBe(405);
  });
});

describe('MSW scenarios (?mock=busy|quota|maintenance|token)', () => {
  const url = `http://localhost/wolkvox/api/v2/reports_manager.php${DAY}`;
  const read = async (response: Response) => ({
    status: response.status,
    type: response.headers.get('content-type'),
    text: await response.text(),
  });

  it('normal: the mock rows', async () => {
    const answer = await read(await fetch(url));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({
      msg: expect.stringMatching(/records were found$/),
    });
  });

  it('busy: a second simultaneous call is refused', async () => {
    givenWolkvoxIsBusy();
    const answers = await Promise.all([fetch(url), fetch(url)].map(async (r) => read(await r)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 403]);
    expect(answers.find((a) => a.status === 403)!.text).toContain(
      'EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN (2)',
    );
    // Alone, a call passes.
    expect((await fetch(url)).status).toBe(200);
  });

  it('quota: TOKEN LIMIT EXCEEDED, and token_info shows the quota used up', async () => {
    givenQuotaIsUsedUp();
    const answer = await read(await fetch(url));
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.text)).toMatchObject({ msg: 'TOKEN LIMIT EXCEEDED' });
    const info = await fetch('http://localhost/wolkvox/api/v2/information.php?api=token_info');
    const body = (await info.json()) as { data: Record<string, string>[] };
    expect(body.data[0]).toMatchObject({
      token_limit: String(DAILY_QUOTA),
      token_use_today: String(DAILY_QUOTA),
    });
  });

  it('maintenance: an HTML 403 page', async () => {
    givenMaintenance();
    const answer = await read(await fetch(url));
    expect([answer.status, answer.type?.startsWith('text/html')]).toEqual([403, true]);
    expect(answer.text).toContain('Forbidden');
  });

  it('token: 403 PLEASE VALIDATE TOKEN', async () => {
    givenTokenIsRejected();
    const answer = await read(await fetch(url));
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.text)).toMatchObject({ msg: 'PLEASE VALIDATE TOKEN' });
  });
});
