import type { ExpectedRevision } from './port.js';

/** The stream's revision did not match the caller's expectation. */
export class WrongExpectedRevisionError extends Error {
  readonly code = 'store.wrong_expected_revision';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** Current last revision, or null when the stream does not exist. */
    readonly actual: number | null,
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${actual === null ? 'no stream' : actual}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** Some ids of the batch are already stored, but not as this exact batch (a retry must resend the same events). */
export class IdempotencyMismatchError extends Error {
  readonly code = 'store.idempotency_mismatch';
  constructor(readonly streamId: string, readonly eventId: string) {
    super(`Event ${eventId} is already stored, but the retried batch for ${streamId} differs from the original`);
    this.name = 'IdempotencyMismatchError';
  }
}

export class InvalidAppendError extends Error {
  readonly code = 'store.invalid_append';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}

export class StoreClosedError extends Error {
  readonly code = 'store.closed';
  constructor() {
    super('The event store is closed');
    this.name = 'StoreClosedError';
  }
}

/**
 * Another connection (another process) held the store's write lock for longer than the store
 * waits for it: nothing of the append was written, and it may be retried as it is.
 */
export class StoreBusyError extends Error {
  readonly code = 'store.busy';
  constructor(readonly waitedMs: number) {
    super(`The event store's write lock stayed taken by another connection for ${waitedMs} ms; nothing was written`);
    this.name = 'StoreBusyError';
  }
}

/**
 * A stored event that can no longer be decoded (its stored text was edited outside the store):
 * where it is, so that an audit can name it and a scan can go on after it. The parser's own
 * message is left out: V8 quotes the text it failed on, which may hold personal data.
 */
export class UnreadableEventError extends Error {
  readonly code = 'store.event_unreadable';
  constructor(
    readonly globalPosition: number,
    readonly streamId: string,
    readonly revision: number,
    readonly eventId: string,
  ) {
    super(`The event ${eventId} (stream ${streamId}, revision ${revision}, global position ${globalPosition}) cannot be read: its stored JSON is not valid`);
    this.name = 'UnreadableEventError';
  }
}
