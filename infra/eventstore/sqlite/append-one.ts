import { IdempotencyMismatchError, InvalidAppendError, WrongExpectedRevisionError } from '../errors.js';
import { canonicalJson, chainHashOfTexts } from '../hash-chain.js';
import { streamCategory, type AppendResult, type ExpectedRevision, type NewEvent } from '../port.js';
import { UUID_PATTERN, uuidv7 } from '../uuidv7.js';
import type { StreamHeadCache } from './stream-heads.js';
import type { Statements } from './statements.js';

/** An append call failed after some of its events were written: the transaction must be rolled back. */
export class WriteFailedError extends Error {
  constructor(readonly reason: unknown) {
    super(reason instanceof Error ? reason.message : String(reason));
    this.name = 'WriteFailedError';
  }
}

export interface AppendRequest {
  streamId: string;
  events: NewEvent[];
  expected: ExpectedRevision;
}

/** Checks an append call in the caller's thread: a call that cannot be stored is refused before it joins a batch. */
export function validateRequest(req: AppendRequest): void {
  const { streamId, events, expected } = req;
  if (!streamId || streamId.length > 200) throw new InvalidAppendError('streamId must be 1 to 200 characters');
  if (events.length === 0) throw new InvalidAppendError('an append needs at least one event');
  if (typeof expected === 'number' && (!Number.isInteger(expected) || expected < -1)) throw new InvalidAppendError('expected revision must be an integer >= 0');
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (!e.type) throw new InvalidAppendError('every event needs a type');
    if (!Number.isInteger(e.schemaVersion) || e.schemaVersion < 1) throw new InvalidAppendError('schemaVersion must be a positive integer');
    if (e.id !== undefined) {
      if (!UUID_PATTERN.test(e.id)) throw new InvalidAppendError(`event id ${e.id} is not a UUID`);
      for (let j = 0; j < i; j++) if (events[j]!.id === e.id) throw new InvalidAppendError(`event id ${e.id} appears twice in one append`);
    }
  }
}

/**
 * Writes one append call inside the caller's transaction (the group commit's).
 * A retried batch whose ids are all stored returns its original outcome, never a conflict.
 * With an exact expectation (a revision, or no stream) that holds, the call cannot be a retry
 * (a stored original would have moved the stream past it), so the id lookup is skipped; ids
 * stored elsewhere are still caught, by the unique index, when the event is inserted.
 */
export function appendOne(st: Statements, heads: StreamHeadCache, req: AppendRequest, recordedAt: string): AppendResult {
  const head = heads.get(st, req.streamId);
  const actual = head ? head.revision : null;
  const exact = typeof req.expected === 'number' || req.expected === 'no_stream';
  if (!exact || !meetsExpected(req.expected, actual)) {
    const replay = originalOutcome(st, req);
    if (replay) return replay;
    if (!meetsExpected(req.expected, actual)) throw new WrongExpectedRevisionError(req.streamId, req.expected, actual);
  }

  const category = streamCategory(req.streamId);
  let revision = actual ?? -1;
  let previousHash: string | null = head ? head.hash : null;
  let position = 0;
  for (const e of req.events) {
    revision++;
    const id = e.id ?? uuidv7();
    let info;
    try {
      // Stored in canonical form (sorted keys): the text the hash covers is the text kept.
      const dataText = canonicalJson(e.data);
      const metadataText = canonicalJson(e.metadata);
      const hash = chainHashOfTexts(previousHash, { id, streamId: req.streamId, revision, type: e.type, schemaVersion: e.schemaVersion, recordedAt }, dataText, metadataText);
      info = st.insertEvent.run(id, req.streamId, category, revision, e.type, e.schemaVersion, dataText, metadataText, recordedAt, hash, previousHash);
      previousHash = hash;
    } catch (error) {
      const taken = e.id !== undefined && error instanceof Error && /UNIQUE/.test(error.message) && st.eventById.get(e.id) ? new IdempotencyMismatchError(req.streamId, e.id) : null;
      // Nothing of this call written yet: a plain refusal. Otherwise the transaction must be undone.
      if (taken && revision === (actual ?? -1) + 1) throw taken;
      throw new WriteFailedError(taken ?? error);
    }
    position = Number(info.lastInsertRowid);
  }
  heads.set(req.streamId, { revision, hash: previousHash! });
  return { nextExpectedRevision: revision, globalPosition: position };
}

function meetsExpected(expected: ExpectedRevision, actual: number | null): boolean {
  return (
    expected === 'any' ||
    (expected === 'no_stream' && actual === null) ||
    (expected === 'stream_exists' && actual !== null) ||
    (typeof expected === 'number' && actual === expected)
  );
}

/** When every id of the batch is already stored, consecutively in this stream, the call is a retry. */
function originalOutcome(st: Statements, req: AppendRequest): AppendResult | null {
  const first = req.events[0]?.id;
  if (!first) return null;
  const found = st.eventById.get(first);
  if (!found) return null;
  let last = found;
  for (let i = 0; i < req.events.length; i++) {
    const id = req.events[i]!.id;
    const row = id === undefined ? undefined : i === 0 ? found : st.eventById.get(id);
    if (!row || row.stream_id !== req.streamId || row.revision !== found.revision + i) {
      throw new IdempotencyMismatchError(req.streamId, id ?? first);
    }
    last = row;
  }
  return { nextExpectedRevision: last.revision, globalPosition: last.position, alreadyStored: true };
}
