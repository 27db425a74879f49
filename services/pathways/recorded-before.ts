import type { Actor } from '../../domain/access/policy.js';
import type { EventStore, StoredEvent } from '../../infra/eventstore/port.js';
import { KEY_RETENTION_DAYS } from '../../infra/idempotency/idempotency-store.js';
import { pathwayStreamId } from './load-pathway.js';

/**
 * The facts a request with this Idempotency-Key from this caller already recorded on the
 * pathway, in order; empty when it recorded none. Every fact keeps its request's key
 * (`causationId`) and its recorder, so a retry is recognised from the history itself when the
 * key's record says nothing: the service stopped between the store's commit and the key's
 * completion (the key is then left reserved, and retaken a minute later), or a power cut took
 * the last key records (that file is written without an fsync per key). Only facts recorded
 * since `since` count (by default, as long as keys are kept): a key may be used again once
 * expired, and must then record its new fact.
 */
export async function factsCausedBy(store: EventStore, pathwayId: string, key: string, actor: Actor, since = Date.now() - KEY_RETENTION_DAYS * 86_400_000): Promise<StoredEvent[]> {
  const found: StoredEvent[] = [];
  for await (const e of store.readStream(pathwayStreamId(pathwayId))) {
    const { causationId, principal } = e.metadata;
    if (causationId === key && Date.parse(e.recordedAt) >= since && principal.id === actor.id && principal.role === actor.role && principal.organisationId === actor.organisationId) found.push(e);
  }
  return found;
}
