import type { AllFilter, EventStore, NewEvent, StoredEvent } from '../../infra/eventstore/port.js';

/** What an adapter provides to run the backend-agnostic contract suite. */
export interface StoreUnderTest {
  name: string;
  /** A fresh, empty store. */
  open(): Promise<EventStore>;
  /** Another handle on the same data (a restart, or a second connection). */
  reopen(): Promise<EventStore>;
  /** Arguments for tests/contract/writer-process.ts, so a second OS process writes to the same store. */
  childProcessConfig(): unknown;
  cleanup(): Promise<void>;
}

export function event(type: string, data: unknown = {}, id?: string): NewEvent {
  return {
    ...(id ? { id } : {}),
    type,
    schemaVersion: 1,
    data,
    metadata: {
      principal: { id: 'tester', role: 'admin', organisationId: 'org-test' },
      correlationId: 'corr-test',
      occurredAt: '2026-01-15T10:00:00.000Z',
    },
  };
}

export async function collect<T>(it: AsyncIterable<T>, max = Number.MAX_SAFE_INTEGER): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) {
    out.push(x);
    if (out.length >= max) break;
  }
  return out;
}

/** Reads a subscription until `count` events arrived or the deadline passed. */
export async function take(store: EventStore, count: number, after = 0, timeoutMs = 20_000, filter?: AllFilter): Promise<StoredEvent[]> {
  const sub = store.subscribe({ after, ...(filter ? { filter } : {}) });
  const got: StoredEvent[] = [];
  const timer = setTimeout(() => void sub.close(), timeoutMs);
  try {
    for await (const e of sub) {
      got.push(e);
      if (got.length >= count) break;
    }
  } finally {
    clearTimeout(timer);
    await sub.close();
  }
  return got;
}
