// Tamper evidence for auditors (GitHub issue 4, item 6): walks the hash chain of one stream or
// of every stream and reports the first broken link of each. The chain itself is written by
// the store (infra/eventstore/hash-chain.ts); this only reads it back.
import { verifyChain, type BrokenLink, type ChainLink } from '../../infra/eventstore/hash-chain.js';
import type { EventStore, StoredEvent } from '../../infra/eventstore/port.js';
import { TimeSlice } from '../../infra/runtime/time-slice.js';

/** A stored event that no longer parses (its JSON was edited by hand) is a break too. */
export type BreakReason = BrokenLink['reason'] | 'unreadable';
export interface Break {
  streamId: string;
  revision: number;
  eventId: string;
  reason: BreakReason;
}

export interface StreamVerification {
  streamId: string;
  /** Events whose link held, from revision 0. */
  checked: number;
  intact: boolean;
  broken: Break | null;
}

export interface StoreVerification {
  streams: number;
  checked: number;
  intact: boolean;
  /** The first broken link of each broken stream, in the order the streams were created. */
  brokenStreams: Break[];
  firstBroken: Break | null;
}

/** The scan of the whole log stopped on an event it could not read. */
export class StoreScanError extends Error {
  constructor(readonly afterPosition: number, cause: unknown) {
    super(`the event after global position ${afterPosition} cannot be read: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'StoreScanError';
  }
}

export async function verifyStream(store: EventStore, streamId: string, slice = new TimeSlice()): Promise<StreamVerification> {
  let last = -1;
  async function* links(): AsyncGenerator<ChainLink> {
    for await (const e of store.readStream(streamId)) {
      last = e.revision;
      yield e;
      if (slice.due()) await slice.pause();
    }
  }
  try {
    const { checked, broken } = await verifyChain(links());
    return { streamId, checked, intact: broken === null, broken };
  } catch {
    return { streamId, checked: last + 1, intact: false, broken: { streamId, revision: last + 1, eventId: '', reason: 'unreadable' } };
  }
}

export interface VerifyStoreOptions {
  /** Which streams to verify, decided on each stream's first event (scoping by territory). */
  include?: (streamId: string, first: StoredEvent) => boolean;
  onStream?: (result: StreamVerification, done: number, total: number) => void;
}

/**
 * Every stream: one pass over the log to find them (in creation order), then each chain is
 * verified from its own stream read, so a break is located by stream and revision.
 */
export async function verifyStore(store: EventStore, opts: VerifyStoreOptions = {}): Promise<StoreVerification> {
  const streams: string[] = [];
  const seen = new Set<string>();
  // Other requests are answered between slices of the scan (time-slice.ts).
  const slice = new TimeSlice();
  let position = 0;
  try {
    for await (const e of store.readAll()) {
      if (slice.due()) await slice.pause();
      position = e.globalPosition;
      if (seen.has(e.streamId)) continue;
      seen.add(e.streamId);
      if (!opts.include || opts.include(e.streamId, e)) streams.push(e.streamId);
    }
  } catch (error) {
    throw new StoreScanError(position, error);
  }
  const brokenStreams: Break[] = [];
  let checked = 0;
  for (const [i, streamId] of streams.entries()) {
    if (slice.due()) await slice.pause();
    const result = await verifyStream(store, streamId, slice);
    checked += result.checked;
    if (result.broken) brokenStreams.push(result.broken);
    opts.onStream?.(result, i + 1, streams.length);
  }
  return { streams: streams.length, checked, intact: brokenStreams.length === 0, brokenStreams, firstBroken: brokenStreams[0] ?? null };
}
