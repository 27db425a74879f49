/**
 * For a long loop on the thread that answers requests (a whole-store verification, a
 * programme-wide comparison): their reads are synchronous underneath, so without a pause the
 * loop would run to its end in one turn of the event loop, and no other request would be
 * answered meanwhile. `due()` says when the loop has run for its slice; `pause()` then lets
 * timers and I/O run before it goes on.
 */
export class TimeSlice {
  private startedAt = performance.now();

  constructor(private readonly sliceMs = 10) {}

  due(): boolean {
    return performance.now() - this.startedAt >= this.sliceMs;
  }

  async pause(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.startedAt = performance.now();
  }
}
