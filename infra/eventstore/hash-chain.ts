import * as crypto from 'node:crypto';

const hashHex: (text: string) => string =
  typeof (crypto as { hash?: unknown }).hash === 'function'
    ? (text) => (crypto as unknown as { hash(alg: string, data: string, enc: 'hex'): string }).hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');

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

/**
 * Deterministic JSON: object keys sorted, so the same content always hashes the same; in all
 * else exactly what JSON.stringify writes (toJSON called once with its key, boxed primitives
 * unwrapped, keys whose value is undefined, a function or a symbol left out), so the writer
 * thread, which receives events as JSON text, stores what the inline writer stores.
 */
export function canonicalJson(value: unknown): string {
  return serialise(value, '') ?? 'null';
}

function serialise(input: unknown, key: string): string | undefined {
  let value = input;
  if (value !== null && (typeof value === 'object' || typeof value === 'bigint') && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON(key: string): unknown }).toJSON(key);
  }
  if (value === null) return 'null';
  if (typeof value === 'object') {
    if (value instanceof Number) value = Number(value);
    else if (value instanceof String) value = String(value);
    else if (value instanceof Boolean) value = value.valueOf();
    else if (value instanceof BigInt) throw new TypeError('Do not know how to serialize a BigInt');
  }
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint': // throws, as JSON.stringify does
      return JSON.stringify(value);
    case 'object':
      break;
    default: // undefined, function, symbol
      return undefined;
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += `${i > 0 ? ',' : ''}${serialise(value[i], String(i)) ?? 'null'}`;
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const k of Object.keys(record).sort()) {
    const text = serialise(record[k], k);
    if (text === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(k)}:${text}`;
    first = false;
  }
  return `${out}}`;
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
  return chainHashOfTexts(previousHash, content, canonicalJson(content.data), canonicalJson(content.metadata));
}

/**
 * The same hash when the canonical texts of data and metadata are already at hand (an adapter
 * that stores them): the canonical content is assembled around them, keys in sorted order.
 */
export function chainHashOfTexts(previousHash: string | null, c: Omit<HashedContent, 'data' | 'metadata'>, dataText: string, metadataText: string): string {
  const content =
    `{"data":${dataText},"id":${JSON.stringify(c.id)},"metadata":${metadataText},"recordedAt":${JSON.stringify(c.recordedAt)},` +
    `"revision":${c.revision},"schemaVersion":${c.schemaVersion},"streamId":${JSON.stringify(c.streamId)},"type":${JSON.stringify(c.type)}}`;
  // One-shot hashing (crypto.hash, Node >= 20.12) of the same bytes the incremental form hashed.
  return hashHex(`${previousHash ?? ''}\n${content}`);
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
