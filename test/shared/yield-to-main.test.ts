import { yieldToMain } from '../../src/shared/yield-to-main';

describe('yieldToMain', () => {
  it('gives queued tasks (a timer) a turn, which a microtask-only pause never does', async () => {
    let timerRan = false;
    setTimeout(() => {
      timerRan = true;
    }, 0);
    let yields = 0;
    // A `await Promise.resolve()` "yield" would spin here all 10,000 times
    // without the timer ever firing.
    while (!timerRan && yields < 10_000) {
      await yieldToMain();
      yields++;
    }
    expect(timerRan).toBe(true);
  });
});
