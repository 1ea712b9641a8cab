// @vitest-environment node
import { LoginThrottle, MAX_ENTRIES } from '../../server/login-throttle';

describe('the sign-in slowdown under a flood of names', () => {
  it('stays bounded without lifting the wait of a name under attack', () => {
    const clock = { now: 1_000_000 };
    const throttle = new LoginThrottle(() => clock.now);
    for (let attempt = 0; attempt < 5; attempt++) throttle.fail(['user:alice', 'ip:203.0.113.9']);
    const wait = throttle.waitMs(['user:alice']);
    expect(wait).toBeGreaterThan(0);

    for (let name = 0; name <= MAX_ENTRIES; name++) throttle.fail([`user:flood-${name}`]);
    expect(throttle.size).toBeLessThanOrEqual(MAX_ENTRIES);
    expect(throttle.waitMs(['user:alice'])).toBe(wait);
    expect(throttle.waitMs(['ip:203.0.113.9'])).toBe(wait);
  });
});
