/** How long a store stays "active" after the last write it saw: its pollers keep their short delay. */
export const ACTIVE_FOR_MS = 1000;

/**
 * How stale a busy service's stream revisions may be after another process's commit: the writer
 * thread looks this often, and the service's inline writer at most this often.
 */
export const FOREIGN_WRITES_CHECK_MS = 2;

/**
 * The wait before a poller's next look: short within a second of the last write seen, longer
 * once the store is idle (each wake-up costs more than the look, and an idle service should not
 * spend a few percent of a CPU on them).
 */
export function pollDelay(lastActivityAt: number, activeMs: number, idleMs: number): number {
  return Date.now() - lastActivityAt < ACTIVE_FOR_MS ? activeMs : idleMs;
}
