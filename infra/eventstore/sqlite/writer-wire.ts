// How a batch's outcomes cross from the writer thread: errors lose their class in a
// structured clone, so the store's own errors are sent as data and rebuilt on arrival.
import { IdempotencyMismatchError, StoreBusyError, WrongExpectedRevisionError } from '../errors.js';
import type { AppendResult, ExpectedRevision } from '../port.js';
import type { Outcome } from './batch-committer.js';

export interface WriterData {
  file: string;
  busyTimeoutMs: number;
  /** Most append calls joined into one transaction. */
  maxBatch: number;
  /** Int32 counter the thread bumps when it sees another process's commit. */
  foreignWrites: SharedArrayBuffer;
}

/** `batch`: the append calls as one JSON text (AppendRequest[]). */
export type WriterRequest = { kind: 'commit'; batch: string } | { kind: 'close' };

type WireError =
  | { name: 'WrongExpectedRevisionError'; streamId: string; expected: ExpectedRevision; actual: number | null }
  | { name: 'IdempotencyMismatchError'; streamId: string; eventId: string }
  | { name: 'StoreBusyError'; waitedMs: number }
  | { name: string; message: string; code?: string };

export type WireOutcome = { ok: true; result: AppendResult } | { ok: false; error: WireError };

export function toWire(outcome: Outcome): WireOutcome {
  if (outcome.ok) return outcome;
  const e = outcome.error;
  if (e instanceof WrongExpectedRevisionError) return { ok: false, error: { name: 'WrongExpectedRevisionError', streamId: e.streamId, expected: e.expected, actual: e.actual } };
  if (e instanceof IdempotencyMismatchError) return { ok: false, error: { name: 'IdempotencyMismatchError', streamId: e.streamId, eventId: e.eventId } };
  if (e instanceof StoreBusyError) return { ok: false, error: { name: 'StoreBusyError', waitedMs: e.waitedMs } };
  const error = e instanceof Error ? e : new Error(String(e));
  const code = (error as { code?: unknown }).code;
  return { ok: false, error: { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) } };
}

export function fromWire(outcome: WireOutcome): Outcome {
  if (outcome.ok) return outcome;
  const w = outcome.error;
  if (w.name === 'WrongExpectedRevisionError' && 'expected' in w) return { ok: false, error: new WrongExpectedRevisionError(w.streamId, w.expected, w.actual) };
  if (w.name === 'IdempotencyMismatchError' && 'eventId' in w) return { ok: false, error: new IdempotencyMismatchError(w.streamId, w.eventId) };
  if (w.name === 'StoreBusyError' && 'waitedMs' in w) return { ok: false, error: new StoreBusyError(w.waitedMs) };
  const m = w as { name: string; message: string; code?: string };
  const error = Object.assign(new Error(m.message), { name: m.name, ...(m.code ? { code: m.code } : {}) });
  return { ok: false, error };
}
