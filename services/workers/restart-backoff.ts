/** How a worker that died is started again: after a delay that doubles while it keeps dying. */
export interface RestartPolicy {
  /** Wait before the first restart (ms). */
  initialDelayMs: number;
  /** Longest wait between restarts (ms). */
  maxDelayMs: number;
  /** A worker that ran this long before dying is restarted after initialDelayMs again (ms). */
  stableAfterMs: number;
}

export const DEFAULT_RESTART: RestartPolicy = { initialDelayMs: 1000, maxDelayMs: 30_000, stableAfterMs: 60_000 };

/** The waits between restarts of one worker: a crash loop backs off, a worker that ran well starts over. */
export class RestartBackoff {
  private nextDelayMs: number;

  constructor(private readonly policy: RestartPolicy = DEFAULT_RESTART) {
    this.nextDelayMs = policy.initialDelayMs;
  }

  /** The wait before starting the worker again, given how long it ran before it died (ms). */
  delayAfter(ranMs: number): number {
    if (ranMs >= this.policy.stableAfterMs) this.nextDelayMs = this.policy.initialDelayMs;
    const delay = this.nextDelayMs;
    this.nextDelayMs = Math.min(this.nextDelayMs * 2, this.policy.maxDelayMs);
    return delay;
  }
}
