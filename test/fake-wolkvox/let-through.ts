import { http, passthrough } from 'msw';
import { server } from '../msw-server';

/**
 * The project's test setup (test/setup.ts) routes Node's fetch through MSW and
 * fails on any URL its handlers do not know. Calls to a fake wolkvox started by
 * a test are real HTTP: let them through. Call it in `beforeEach`, since the
 * setup resets MSW's handlers after every test.
 */
export function letThrough(baseUrl: string): void {
  server.use(http.all(`${baseUrl}/*`, () => passthrough()));
}
