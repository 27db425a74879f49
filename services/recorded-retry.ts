import { IdempotencyMismatchError } from '../infra/eventstore/errors.js';
import type { EventStore, StoredEvent } from '../infra/eventstore/port.js';
import { uuidv7 } from '../infra/eventstore/uuidv7.js';
import { KEY_RETENTION_DAYS } from '../infra/idempotency/idempotency-store.js';
import { nameBasedUuid } from './pathways/name-based-uuid.js';

/**
 * A keyed command's facts get ids derived from its request digest (the caller's rights, its
 * Idempotency-Key and its request: see the idempotency plugin), so a retry that the key file
 * cannot recognise finds by id what its first attempt recorded: the service stopped between
 * the store's commit and the key's completion, or a power cut took the key's last records
 * (that file is written without an fsync per key). Only that very request matches: another
 * caller, the same caller with other rights, or another body reusing the key derive other ids.
 *
 * Keys are kept for a limited time, after which the same key and request are a new request: a
 * fact older than that does not answer, and the next generation of ids is used instead.
 */
export function retryEventId(requestDigest: string, generation: number, index: number): string {
  return nameBasedUuid(`parcours-retry\u0000${requestDigest}\u0000${generation}\u0000${index}`);
}

/**
 * How long facts answer their request's retries: a little less than the keys are kept, because
 * a key's time runs from its reservation and a fact's from its commit, a moment later. So once
 * the key file says a key is free again, the store does not answer for it either.
 */
export const RETRY_WINDOW_MS = KEY_RETENTION_DAYS * 86_400_000 - 60 * 60_000;

/**
 * A second attempt of a request found its facts already recorded (by another attempt that ran
 * at the same time): the caller looks them up again and answers with them.
 */
export class RecordedByAnotherAttempt extends Error {
  constructor() {
    super('the request was recorded by another attempt');
    this.name = 'RecordedByAnotherAttempt';
  }
}

/** The id of a request's index-th fact. */
export type EventIds = (index: number) => string;

/** An unkeyed request's facts get new ids (the index is no timestamp for uuidv7). */
const NEW_IDS: EventIds = () => uuidv7();

/**
 * Records a request's facts once: `record` appends them with the ids it is given (and throws
 * RecordedByAnotherAttempt when the store says it already held them); a keyed request whose
 * facts are already stored, or are stored meanwhile by another attempt, gets `answer(facts)`
 * instead. An unkeyed request (no digest) just records, with new ids.
 */
export async function recordOnce<T>(
  store: EventStore,
  requestDigest: string | undefined,
  windowMs: number,
  now: () => number,
  record: (eventId: EventIds) => Promise<T>,
  answer: (recorded: StoredEvent[]) => T,
): Promise<T> {
  if (requestDigest === undefined) return record(NEW_IDS);
  const lookup = () => findRecordedRetry(store, requestDigest, windowMs, now());
  const { generation, recorded } = await lookup();
  if (recorded) return answer(recorded);
  try {
    return await record((index) => retryEventId(requestDigest, generation, index));
  } catch (error) {
    // Another attempt of this very request (another process, or a retaken key) got there first.
    if (!(error instanceof RecordedByAnotherAttempt || error instanceof IdempotencyMismatchError)) throw error;
    const found = await lookup();
    if (!found.recorded) throw error;
    return answer(found.recorded);
  }
}

export interface RecordedRetry {
  /** The generation of ids a new attempt takes. */
  generation: number;
  /** What the first attempt recorded, in stream order; null when the request is new. */
  recorded: StoredEvent[] | null;
}

/** Looks for the facts this request recorded within `windowMs` (one lookup by id for a new request). */
export async function findRecordedRetry(store: EventStore, requestDigest: string, windowMs: number, now: number): Promise<RecordedRetry> {
  for (let generation = 0; ; generation++) {
    const first = await store.eventById(retryEventId(requestDigest, generation, 0));
    if (!first) return { generation, recorded: null };
    if (Date.parse(first.recordedAt) < now - windowMs) continue;
    const recorded = [first];
    // The rest of the command's facts were appended with it (an append is atomic), by the next ids.
    for (let next = await store.eventById(retryEventId(requestDigest, generation, 1)); next; next = await store.eventById(retryEventId(requestDigest, generation, recorded.length))) {
      recorded.push(next);
    }
    return { generation, recorded };
  }
}
