import { TimeSlice } from '../runtime/time-slice.js';
import type { AllFilter, StoredEvent, Subscription } from './port.js';

export interface Page {
  events: StoredEvent[];
  /** The highest global position the page query looked at (>= the last event's position when a filter skipped rows). */
  scannedTo: number;
  /** The page stops early, before an event that cannot be read: the next read meets it (and throws). */
  truncated?: boolean;
}

export interface PollingSource {
  readPage(after: number, limit: number, filter: AllFilter | undefined): Promise<Page> | Page;
  /** Resolves when new events may have been committed (a local notification or a poll tick), or when aborted. */
  waitForChange(after: number, signal: AbortSignal): Promise<void>;
  /** True once the store is closed: the subscription then ends instead of polling a closed source. */
  isClosed(): boolean;
}

/**
 * Catch-up then live, shared by the adapters whose backend has no push of its own.
 * Correct only when a global position becomes visible after every smaller one (true for
 * SQLite's single writer; the PostgreSQL adapter ensures it with its commit-order rule).
 */
export function pollingSubscription(source: PollingSource, after: number, filter: AllFilter | undefined, pageSize = 1000): Subscription {
  const abort = new AbortController();
  let checkpoint = after;

  async function* run(): AsyncGenerator<StoredEvent> {
    // Catching up reads full pages back to back, synchronously underneath: between them the
    // event loop gets a turn every slice, so projections run in the service (inline) leave it
    // answering requests while they catch up.
    const slice = new TimeSlice();
    while (!abort.signal.aborted && !source.isClosed()) {
      const page = await source.readPage(checkpoint, pageSize, filter);
      for (const event of page.events) {
        if (abort.signal.aborted) return;
        checkpoint = event.globalPosition;
        yield event;
      }
      checkpoint = Math.max(checkpoint, page.scannedTo);
      if (page.events.length < pageSize && !page.truncated) await source.waitForChange(checkpoint, abort.signal);
      else if (slice.due()) await slice.pause();
    }
  }

  const iterator = run();
  return {
    [Symbol.asyncIterator]: () => iterator,
    async close() {
      abort.abort();
      await iterator.return(undefined);
    },
  };
}
