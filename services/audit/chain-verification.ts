// Tamper evidence for auditors (GitHub issue 4, item 6): walks the hash chain of one stream or
// of every stream and reports the first broken link of each. The chain itself is written by
// the store (infra/eventstore/hash-chain.ts); this only reads it back.
import { verifyChain, type BrokenLink, type ChainLink } from '../../infra/eventstore/hash-chain.js';
import { UnreadableEventError } from '../../infra/eventstore/errors.js';
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
  } catch (error) {
    const at = error instanceof UnreadableEventError ? { revision: error.revision, eventId: error.eventId } : { revision: last + 1, eventId: '' };
    return { streamId, checked: last + 1, intact: false, broken: { streamId, ...at, reason: 'unreadable' } };
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
  const found = (streamId: string, first: StoredEvent | null) => {
    if (seen.has(streamId)) return;
    seen.add(streamId);
    // A stream whose first event no longer reads cannot be scoped: only an unscoped audit lists it.
    if (first ? !opts.include || opts.include(streamId, first) : !opts.include) streams.push(streamId);
  };
  // An event that no longer reads is a break of its stream, not the end of the audit: the scan
  // notes its stream and goes on after it.
  for (;;) {
    try {
      for await (const e of store.readAll({ after: position })) {
        if (slice.due()) await slice.pause();
        position = e.globalPosition;
        found(e.streamId, e);
      }
      break;
    } catch (error) {
      if (!(error instanceof UnreadableEventError) || error.globalPosition <= position) throw new StoreScanError(position, error);
      found(error.streamId, null);
      position = error.globalPosition;
    }
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
