import { IdempotencyMismatchError, InvalidAppendError, WrongExpectedRevisionError } from '../errors.js';
import { canonicalJson, chainHashOfTexts } from '../hash-chain.js';
import { streamCategory, type AppendResult, type ExpectedRevision, type NewEvent } from '../port.js';
import { UUID_PATTERN, uuidv7 } from '../uuidv7.js';
import type { Statements } from './statements.js';

/** The last revision and hash of each stream this connection wrote, valid while no other connection writes. */
export type StreamHeads = Map<string, { revision: number; hash: string }>;

export interface AppendRequest {
  streamId: string;
  events: NewEvent[];
  expected: ExpectedRevision;
}

/**
 * Writes one append call inside the caller's transaction (a savepoint of the group commit).
 * Order of checks matters: a retried batch whose ids are all stored returns its original
 * outcome before the revision check, so a partner system's retry is never a conflict.
 */
export function appendOne(st: Statements, heads: StreamHeads, req: AppendRequest, recordedAt: string): AppendResult {
  const replay = originalOutcome(st, req);
  if (replay) return replay;

  const head = heads.get(req.streamId) ?? st.streamHead.get(req.streamId);
  const actual = head ? head.revision : null;
  checkExpected(req, actual);

  const category = streamCategory(req.streamId);
  let revision = actual ?? -1;
  let previousHash: string | null = head ? head.hash : null;
  let position = 0;
  for (const e of req.events) {
    revision++;
    const id = e.id ?? uuidv7();
    // Stored in canonical form (sorted keys): the text the hash covers is the text kept.
    const dataText = canonicalJson(e.data);
    const metadataText = canonicalJson(e.metadata);
    const hash = chainHashOfTexts(previousHash, { id, streamId: req.streamId, revision, type: e.type, schemaVersion: e.schemaVersion, recordedAt }, dataText, metadataText);
    const info = st.insertEvent.run(id, req.streamId, category, revision, e.type, e.schemaVersion, dataText, metadataText, recordedAt, hash, previousHash);
    position = Number(info.lastInsertRowid);
    previousHash = hash;
  }
  heads.set(req.streamId, { revision, hash: previousHash! });
  return { nextExpectedRevision: revision, globalPosition: position };
}

function checkExpected(req: AppendRequest, actual: number | null): void {
  const { expected, streamId } = req;
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && actual === null) ||
    (expected === 'stream_exists' && actual !== null) ||
    (typeof expected === 'number' && actual === expected);
  if (!ok) throw new WrongExpectedRevisionError(streamId, expected, actual);
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
  return { nextExpectedRevision: last.revision, globalPosition: last.position };
}

export function validateRequest(req: AppendRequest): void {
  if (!req.streamId || req.streamId.length > 200) throw new InvalidAppendError('streamId must be 1 to 200 characters');
  if (req.events.length === 0) throw new InvalidAppendError('an append needs at least one event');
  const ids = new Set<string>();
  for (const e of req.events) {
    if (!e.type) throw new InvalidAppendError('every event needs a type');
    if (!Number.isInteger(e.schemaVersion) || e.schemaVersion < 1) throw new InvalidAppendError('schemaVersion must be a positive integer');
    if (e.id !== undefined) {
      if (!UUID_PATTERN.test(e.id)) throw new InvalidAppendError(`event id ${e.id} is not a UUID`);
      if (ids.has(e.id)) throw new InvalidAppendError(`event id ${e.id} appears twice in one append`);
      ids.add(e.id);
    }
  }
  const e = req.expected;
  if (typeof e === 'number' && (!Number.isInteger(e) || e < -1)) throw new InvalidAppendError('expected revision must be an integer >= 0');
}
