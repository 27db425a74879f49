import { upcastPathwayEvent } from '../../contracts/events/index.js';
import { referringOrganisation, type PathwayScope } from '../../domain/access/policy.js';
import { evolvePathway, initialPathwayState, type PathwayState } from '../../domain/pathway/index.js';
import type { EventStore, StoredEvent } from '../../infra/eventstore/port.js';
import type { PathwayCache } from './pathway-cache.js';

export const PATHWAY_CATEGORY = 'pathway';

export function pathwayStreamId(pathwayId: string): string {
  return `${PATHWAY_CATEGORY}-${pathwayId}`;
}

export function pathwayIdOf(streamId: string): string {
  return streamId.slice(PATHWAY_CATEGORY.length + 1);
}

export interface LoadedPathway {
  state: NonNullable<PathwayState>;
  /** Revision of the last event folded (the ETag). */
  revision: number;
  scope: PathwayScope;
}

/** The pathway's territory and referring organisation (domain/access/policy.ts: referringOrganisation). */
export function scopeOf(state: NonNullable<PathwayState>, firstEvent: StoredEvent): PathwayScope {
  return { territory: state.territory.code, referrerOrganisationId: referringOrganisation(firstEvent.metadata.principal, state.referrer) };
}

/**
 * Folds a pathway's stream into its state. With `asOf`, only events the store had recorded
 * by then count: the state as the service knew it at that moment. With a cache, only the
 * events after the cached revision are read.
 */
export async function loadPathway(store: EventStore, pathwayId: string, asOf?: Date, cache?: PathwayCache): Promise<LoadedPathway | null> {
  const cached = asOf ? undefined : cache?.get(pathwayId);
  // The common case, an unchanged pathway, costs one revision check instead of a stream read.
  if (cached && (await store.streamRevision(pathwayStreamId(pathwayId))) === cached.revision) return cached;
  let state: PathwayState = cached?.state ?? initialPathwayState();
  let revision = cached?.revision ?? -1;
  let scope: PathwayScope | null = cached?.scope ?? null;
  const limit = asOf?.getTime();
  for await (const stored of store.readStream(pathwayStreamId(pathwayId), { fromRevision: revision + 1 })) {
    if (limit !== undefined && Date.parse(stored.recordedAt) > limit) break;
    state = evolvePathway(state, upcastPathwayEvent(stored.type, stored.schemaVersion, stored.data));
    revision = stored.revision;
    if (state && !scope) scope = scopeOf(state, stored);
  }
  if (state === null || scope === null) return null;
  const loaded = { state, revision, scope };
  if (!asOf) cache?.set(pathwayId, loaded);
  return loaded;
}
