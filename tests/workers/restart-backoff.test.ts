import fc from 'fast-check';
import t from 'tap';
import { DEFAULT_RESTART, RestartBackoff } from '../../services/workers/restart-backoff.js';

t.test('a worker that keeps dying at once waits 1, 2, 4 ... s, capped at 30 s', async (t) => {
  const backoff = new RestartBackoff();
  const delays = Array.from({ length: 8 }, () => backoff.delayAfter(200));
  t.same(delays, [1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
});

t.test('a worker that ran for a minute before dying starts over at the first delay', async (t) => {
  const backoff = new RestartBackoff();
  backoff.delayAfter(100);
  backoff.delayAfter(100);
  t.equal(backoff.delayAfter(100), 4000, 'backing off');
  t.equal(backoff.delayAfter(DEFAULT_RESTART.stableAfterMs), 1000, 'a stable run resets the delay');
  t.equal(backoff.delayAfter(100), 2000, 'and a new crash loop backs off from there');
  t.equal(backoff.delayAfter(DEFAULT_RESTART.stableAfterMs - 1), 4000, 'just short of stable is not stable');
});

t.test('any sequence of deaths: delays stay within the policy, and double or reset from one to the next', async (t) => {
  const policy = fc.record({ initialDelayMs: fc.integer({ min: 1, max: 5000 }), maxDelayMs: fc.integer({ min: 1, max: 100_000 }), stableAfterMs: fc.integer({ min: 1, max: 120_000 }) });
  fc.assert(
    fc.property(policy, fc.array(fc.nat({ max: 200_000 }), { minLength: 1, maxLength: 40 }), (p, runs) => {
      const backoff = new RestartBackoff(p);
      let previous: number | null = null;
      for (const ranMs of runs) {
        const delay = backoff.delayAfter(ranMs);
        const stable = ranMs >= p.stableAfterMs;
        const expected: number = previous === null || stable ? p.initialDelayMs : Math.min(previous * 2, p.maxDelayMs);
        if (delay !== expected) return false;
        previous = delay;
      }
      return true;
    }),
  );
  t.pass('property held');
});
