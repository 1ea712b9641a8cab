import { setupWorker } from 'msw/browser';
import { wolkvoxHandlers } from './handlers';
import { readMockConfig } from './scenarios';

/** Starts the mock wolkvox server in the page; `?mock=` picks a scenario. */
export async function startMockWorker() {
  const worker = setupWorker(...wolkvoxHandlers(readMockConfig(window.location.search)));
  await worker.start({
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).pathname.startsWith('/wolkvox/')) print.error();
    },
    quiet: true,
  });
}
