import { occurredOnOf, type PathwayEvent } from '../../contracts/events/index.js';

/** The event's occurred-at for its metadata: the start of the business day the contract names for it. */
export function occurredAtOf(event: PathwayEvent): string {
  return `${occurredOnOf(event)}T00:00:00.000Z`;
}
