import type { Actor } from '../../domain/access/policy.js';
import type { EventStore, StoredEvent } from '../../infra/eventstore/port.js';
import { pathwayStreamId } from './load-pathway.js';

/**
 * The facts a request with this Idempotency-Key from this caller already recorded on the
 * pathway, in order; empty when it recorded none. Every fact keeps its request's key
 * (`causationId`) and its recorder, so a retry is recognised from the history itself when the
 * key's record says nothing: the service stopped between the store's commit and the key's
 * completion (the key is then left reserved, and retaken a minute later), or a power cut took
 * the last key records (that file is written without an fsync per key).
 */
export async function factsCausedBy(store: EventStore, pathwayId: string, key: string, actor: Actor): Promise<StoredEvent[]> {
  const found: StoredEvent[] = [];
  for await (const e of store.readStream(pathwayStreamId(pathwayId))) {
    const { causationId, principal } = e.metadata;
    if (causationId === key && principal.id === actor.id && principal.role === actor.role && principal.organisationId === actor.organisationId) found.push(e);
  }
  return found;
}
