/**
 * Lets the browser paint and handle input between two slices of a long job
 * (the CSV export of 1,000,000 rows takes seconds; done in one go it freezes the
 * page, the progress bar and the Cancel button).
 *
 * Preference order:
 * - `scheduler.yield()` (Chromium 129+): resumes ahead of other queued tasks, so
 *   yielding costs almost nothing;
 * - a MessageChannel message: a new task without the >= 4 ms clamp that browsers
 *   apply to nested `setTimeout(0)`;
 * - `setTimeout(0)` where neither exists.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        // Close both ports: an open port keeps a Node/vitest process alive.
        channel.port1.close();
        channel.port2.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
