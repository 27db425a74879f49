import { createHash } from 'node:crypto';

/** The content an event's hash covers: everything that identifies the fact, not where the store put it globally. */
export interface HashedContent {
  id: string;
  streamId: string;
  revision: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: unknown;
  recordedAt: string;
}

/** Deterministic JSON: object keys sorted, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

export function hashedContentOf(e: HashedContent): HashedContent {
  return {
    id: e.id,
    streamId: e.streamId,
    revision: e.revision,
    type: e.type,
    schemaVersion: e.schemaVersion,
    data: e.data,
    metadata: e.metadata,
    recordedAt: e.recordedAt,
  };
}

/** sha256 over the previous hash (empty for the first event) and the canonical content. */
export function chainHash(previousHash: string | null, content: HashedContent): string {
  return createHash('sha256')
    .update(previousHash ?? '')
    .update('\n')
    .update(canonicalJson(content))
    .digest('hex');
}

export interface ChainLink extends HashedContent {
  hash: string;
  previousHash: string | null;
}

export interface BrokenLink {
  streamId: string;
  revision: number;
  eventId: string;
  reason: 'content_altered' | 'previous_hash_mismatch' | 'revision_gap';
}

/** Walks a stream in revision order; returns the first broken link, or null when the chain holds. */
export async function verifyChain(links: AsyncIterable<ChainLink> | Iterable<ChainLink>): Promise<{ checked: number; broken: BrokenLink | null }> {
  let previous: string | null = null;
  let expectedRevision = 0;
  let checked = 0;
  for await (const link of links) {
    const at = { streamId: link.streamId, revision: link.revision, eventId: link.id };
    if (link.revision !== expectedRevision) return { checked, broken: { ...at, reason: 'revision_gap' } };
    if (link.previousHash !== previous) return { checked, broken: { ...at, reason: 'previous_hash_mismatch' } };
    if (chainHash(link.previousHash, hashedContentOf(link)) !== link.hash) return { checked, broken: { ...at, reason: 'content_altered' } };
    previous = link.hash;
    expectedRevision++;
    checked++;
  }
  return { checked, broken: null };
}
