import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from './msw-server';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  cleanup();
  if (typeof localStorage !== 'undefined') localStorage.clear();
});
afterAll(() => server.close());

// jsdom lays nothing out, so every box measures 0×0 and a virtualized table would
// render no rows. Give table scroll containers the size of a laptop viewport.
// (Only where there is a DOM: some tests run in plain Node.)
for (const [property, size] of typeof Element === 'undefined'
  ? []
  : [['clientHeight', 600], ['clientWidth', 1200] as const]) {
  const original = Object.getOwnPropertyDescriptor(Element.prototype, property)!;
  Object.defineProperty(Element.prototype, property, {
    configurable: true,
    get(this: Element) {
      return this.classList.contains('table-scroll') ? size : original.get!.call(this);
    },
  });
}
