import type { EventMetadata, Principal } from '../infra/eventstore/port.js';

/** The acting principal as every event records it: who, in which role, for which organisation (not their territories). */
export function recordedPrincipal<R extends string>(actor: { id: string; role: R; organisationId: string }): { id: string; role: R; organisationId: string } {
  return { id: actor.id, role: actor.role, organisationId: actor.organisationId };
}

/** An event's metadata; `causationId` (the request's Idempotency-Key) only when there is one. */
export function eventMetadata(principal: Principal, correlationId: string, causationId: string | undefined, occurredAt: string): EventMetadata {
  return causationId ? { principal, correlationId, causationId, occurredAt } : { principal, correlationId, occurredAt };
}
