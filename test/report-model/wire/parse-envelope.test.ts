import { readFixture } from '../../fixtures/read-fixture';
import { parseEnvelope } from '../../../src/report-model/wire/parse-envelope';
import { WolkvoxError } from '../../../src/report-model/wire/wolkvox-error';

const fixture = readFixture;

function errorOf(run: () => unknown): WolkvoxError {
  try {
    run();
  } catch (error) {
    if (error instanceof WolkvoxError) return error;
    throw error;
  }
  throw new Error('expected a WolkvoxError');
}

describe('parseEnvelope', () => {
  it('reads data with code as a number or as a string, and error as "null"', () => {
    expect(parseEnvelope(200, fixture('chat_1-real-shape.json'))).toHaveLength(2);
    expect(parseEnvelope(200, fixture('chat_1-postman-example.json'))).toHaveLength(1);
  });

  it('wraps a single data object into a list', () => {
    expect(parseEnvelope(200, fixture('chat_13-single-object.json'))).toEqual([
      { chanel: 'whatsapp', interaction: '1520' },
    ]);
  });

  it('treats HTTP 404 "Validate dates entered" as no records, not an error', () => {
    expect(parseEnvelope(404, fixture('no-records-404.json'))).toEqual([]);
    expect(parseEnvelope(200, '{"code":"404","msg":"Validate dates entered"}')).toEqual([]);
  });

  it('does not mistake a proxy 404 page for "no records"', () => {
    const error = errorOf(() => parseEnvelope(404, '<html><h1>404 Not Found</h1>nginx</html>'));
    expect(error.kind).toBe('invalid');
    expect(error.message).toContain('404 Not Found');
  });

  it.each([
    [401, 'PLEASE ENTER THE WOLKVOX-TOKEN', 'config', false],
    [403, 'PLEASE VALIDATE TOKEN', 'token', false],
    [403, 'EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN (2)', 'busy', true],
    [403, '  token limit exceeded ', 'quota', false],
    [400, 'THE API YOU WANT TO CONSULT DOES NOT EXIST', 'unknown-report', false],
    [404, 'THE API YOU WANT TO CONSULT DOES NOT EXIST', 'unknown-report', false],
    [400, 'SOME PARAMETERS ARE REQUIRED', 'invalid', false],
    [429, 'Too Many Requests', 'busy', true],
  ])('reads wolkvox’s published %i "%s" by its message', (status, msg, kind, retryable) => {
    const error = errorOf(() =>
      parseEnvelope(status, JSON.stringify({ code: status, error: 'x', msg, data: [] })),
    );
    expect(error.kind).toBe(kind);
    expect(error.message).toBe(msg);
    expect(error.retryable).toBe(retryable);
  });

  it('keeps an unknown 403 message as an error that quotes it, not as "no rows"', () => {
    const error = errorOf(() =>
      parseEnvelope(403, '{"code":403,"error":"x","msg":"SOMETHING NEW"}'),
    );
    expect(error.kind).toBe('token');
    expect(error.message).toBe('SOMETHING NEW');
  });

  it('reads the HTML "Forbidden" page of wolkvox’s maintenance window as maintenance', () => {
    const error = errorOf(() =>
      parseEnvelope(
        403,
        '<html><head><title>403 Forbidden</title></head><body>Forbidden</body></html>',
      ),
    );
    expect(error.kind).toBe('maintenance');
    expect(error.retryable).toBe(true);
    expect(error.stopsLoad).toBe(false);
  });

  it('reads an error code inside an HTTP 200 envelope', () => {
    const error = errorOf(() =>
      parseEnvelope(200, '{"code":"406","error":"x","msg":"Invalid parameters: date_ini"}'),
    );
    expect(error.kind).toBe('invalid');
    expect(error.message).toBe('Invalid parameters: date_ini');
  });

  it('marks server errors retryable', () => {
    const error = errorOf(() =>
      parseEnvelope(500, '{"code":500,"msg":"Error consulting the database"}'),
    );
    expect(error.kind).toBe('server');
    expect(error.retryable).toBe(true);
  });

  it.each([
    ['an HTML page', '<html><body>502 Bad Gateway</body></html>', /not JSON \(502 Bad Gateway\)/],
    [
      'a truncated body',
      '{"code":200,"msg":"3 records were found","data":[{"conn_id":"1"},{"co',
      /not JSON/,
    ],
    ['data that is not a list', '{"code":200,"msg":"ok","data":"none"}', /"data" is a string/],
    ['a row that is not an object', '{"code":200,"msg":"ok","data":[{"a":"1"},"x"]}', /Row 2/],
    ['no data at all', '{"code":200,"msg":"5 records were found"}', /no "data" list/],
    ['JSON that is not an envelope', '[1,2,3]', /not a wolkvox envelope/],
  ])('reports %s as malformed', (_name, body, message) => {
    const error = errorOf(() => parseEnvelope(200, body));
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(message);
  });

  it('accepts "0 records were found" without data as empty', () => {
    expect(parseEnvelope(200, '{"code":200,"msg":"0 records were found","data":null}')).toEqual([]);
  });
});
