import t from 'tap';
import { readCaughtUp } from '../../projections/timeline/caught-up.js';
import type { TimelineStep } from '../../projections/timeline/timeline-projection.js';

const step = (revision: number) => ({ revision }) as TimelineStep;

t.test('a timeline read waits for the revision asked, looking again, and no longer than it may', async (t) => {
  let reads = 0;
  const slowly = () => (++reads >= 4 ? [step(0), step(1)] : [step(0)]);
  const pauses: number[] = [];
  const steps = await readCaughtUp(slowly, 1, 1000, async (ms) => void pauses.push(ms));
  t.same(steps.map((s) => s.revision), [0, 1], 'the steps once they include it');
  t.equal(reads, 4, 'read again after each pause');
  t.ok(pauses.length === 3 && pauses.every((ms) => ms > 0), 'pausing between reads');

  const started = performance.now();
  const never = await readCaughtUp(() => [step(0)], 1, 60);
  const waited = performance.now() - started;
  t.same(never.map((s) => s.revision), [0], 'as they are once the time is up');
  t.ok(waited >= 55 && waited < 1000, `gave up after about the time allowed (${Math.round(waited)} ms)`);
  t.equal((await readCaughtUp(() => [step(5)], 5, 0)).length, 1, 'no wait when it is there');
});
