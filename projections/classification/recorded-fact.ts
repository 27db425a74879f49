// Stored pathway events as the phase engine reads them. This is the one conversion shared by
// the live projection and every replay (HTTP, CLI, tests), so they cannot read an event
// differently. It lives with the projection because projections may not import services.
import { PATHWAY_EVENT_TYPES, isPathwayEventType, stripPersonalData, upcastPathwayEvent } from '../../contracts/index.js';
import { classifyPathway, DEFAULT_PHASE_POLICY, type RecordedFact } from '../../domain/phases/index.js';
import type { StoredEvent } from '../../infra/eventstore/port.js';

/** A stored event, upcast to the current shape, with the principal who recorded it. */
export function recordedFactOf(e: StoredEvent): RecordedFact {
  const data = isPathwayEventType(e.type) ? upcastPathwayEvent(e.type, e.schemaVersion, e.data).data : e.data;
  return { eventId: e.id, type: e.type, revision: e.revision, recordedAt: e.recordedAt, data, actor: e.metadata.principal.id };
}

/**
 * Types the engine takes into account. Asked of the engine itself (a type it ignores is not
 * counted in factsConsidered, whatever its data), so this list cannot drift from it.
 */
const PHASE_FACT_TYPES: ReadonlySet<string> = new Set(
  PATHWAY_EVENT_TYPES.filter(
    (type) =>
      classifyPathway([{ eventId: 'probe', type, revision: 0, recordedAt: '2000-01-01T00:00:00Z', data: {} }], DEFAULT_PHASE_POLICY)
        .factsConsidered === 1,
  ),
);

export function isPhaseFactType(type: string): boolean {
  return PHASE_FACT_TYPES.has(type);
}

/**
 * What the read model keeps of a fact: personal data (income, debts, people's names, free
 * text) is dropped, since the engine never reads it (domain/phases/input.ts). A settlement's
 * reason is the exception: the read model shows it beside the decision.
 */
export function slimFact(f: RecordedFact): RecordedFact {
  if (f.type === 'PhaseSettled') return f;
  return { ...f, data: stripPersonalData(f.data) };
}
