import type { TimelineStep } from './timeline-projection.js';

/** How often a read that waits for the timeline looks again (ms). */
const LOOK_EVERY_MS = 10;

export function includesRevision(steps: readonly TimelineStep[], revision: number): boolean {
  return steps.some((s) => s.revision === revision);
}

/**
 * The steps once they include `revision`, or as they are after `timeoutMs`: read your own
 * writes, by the timeline's own progress (a lagging or failed other projection does not hold it).
 */
export async function readCaughtUp(
  read: () => TimelineStep[],
  revision: number,
  timeoutMs: number,
  pause: (ms: number) => Promise<unknown> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<TimelineStep[]> {
  const deadline = performance.now() + timeoutMs;
  let steps = read();
  while (!includesRevision(steps, revision) && performance.now() < deadline) {
    await pause(LOOK_EVERY_MS);
    steps = read();
  }
  return steps;
}
