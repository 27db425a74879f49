import type { Projection } from '../infra/projections/projection.js';
import { classificationProjection } from './classification/classification-projection.js';
import { pathwayListProjection } from './pathway-list.js';
import { timelineProjection } from './timeline/timeline-projection.js';

/** Every projection the service runs; `parcours projections rebuild [name]` picks from these. */
export function allProjections(): Projection[] {
  return [pathwayListProjection, timelineProjection, classificationProjection];
}
