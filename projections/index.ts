import type { Projection } from '../infra/projections/projection.js';

/** Every projection the service runs; `parcours projections rebuild [name]` picks from these. */
export function allProjections(): Projection[] {
  return [];
}
