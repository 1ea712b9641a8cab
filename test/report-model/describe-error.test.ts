import { describeError } from '../../src/report-model/describe-error';
import { readEnvelope } from '../../src/report-model/wire/parse-envelope';
import { WolkvoxError } from '../../src/report-model/wire/wolkvox-error';
import { translator } from '../../src/shared/i18n/i18n';

const english = translator('en');
const spanish = translator('es', 'es-CO');
const failure = (status: number, body: string) => {
  try {
    readEnvelope(status, body);
  } catch (error) {
    return error;
  }
  throw new Error('expected the answer to fail');
};

describe('describeError', () => {
  it('words our own account of a failure in the user’s language, quoting the server’s page', () => {
    const error = failure(500, '<html><body>Error consulting the database</body></html>');
    expect(describeError(error, english)).toEqual({
      summary: 'The wolkvox server failed.',
      detail: 'The server answered HTTP 500 (Error consulting the database)',
    });
    expect(describeError(error, spanish)).toEqual({
      summary: 'El servidor de wolkvox falló.',
      detail: 'El servidor respondió HTTP 500 (Error consulting the database)',
    });
    // The error's message stays English, for logs.
    expect((error as Error).message).toBe(
      'The server answered HTTP 500 (Error consulting the database)',
    );
  });

  it('says what was wrong with an answer that is not a report, in Spanish', () => {
    expect(describeError(failure(200, '{"code":200,"data":[1]}'), spanish).detail).toBe(
      'La fila 1 de "data" no es un objeto',
    );
    expect(describeError(failure(200, '<html>oops</html>'), spanish).detail).toBe(
      'La respuesta no es JSON (oops)',
    );
  });

  it('quotes wolkvox’s own message as wolkvox’s', () => {
    const error = failure(400, '{"code":400,"msg":"Invalid date_ini"}');
    expect(describeError(error, spanish)).toEqual({
      summary: 'wolkvox rechazó los parámetros de la consulta.',
      detail: 'wolkvox dijo: «Invalid date_ini»',
    });
    expect(
      describeError(new WolkvoxError('network', 'x', undefined, { code: 'unreachable' }), spanish),
    ).toEqual({
      summary: 'No se pudo contactar el servidor de wolkvox.',
      detail: 'No se pudo contactar el servidor de wolkvox',
    });
  });
});
