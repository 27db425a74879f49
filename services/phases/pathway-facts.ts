// A pathway's facts, read from its stream, as the phase engine reads them (every replay goes
// through here; the live projection uses the same conversion).
import type { RecordedFact } from '../../domain/phases/index.js';
import type { EventStore } from '../../infra/eventstore/port.js';
import { recordedFactOf } from '../../projections/classification/recorded-fact.js';
import { pathwayStreamId } from '../pathways/load-pathway.js';

export interface PathwayFacts {
  /** Every event of the stream, in revision order; the engine ignores the types it does not use. */
  facts: RecordedFact[];
}

/** Null when the stream does not exist. */
export async function readPathwayFacts(store: EventStore, pathwayId: string): Promise<PathwayFacts | null> {
  const facts: RecordedFact[] = [];
  for await (const e of store.readStream(pathwayStreamId(pathwayId))) facts.push(recordedFactOf(e));
  return facts.length ? { facts } : null;
}

/** The last revision recorded at or before `asOf` (all of them without), or null if none was. */
export function revisionAsOf(facts: readonly RecordedFact[], asOf?: string): number | null {
  const cut = asOf === undefined ? Infinity : Date.parse(asOf);
  let revision: number | null = null;
  for (const f of facts) if (Date.parse(f.recordedAt) <= cut && (revision === null || f.revision > revision)) revision = f.revision;
  return revision;
}
