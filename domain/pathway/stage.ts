// The readable current step of a pathway, for worklists and partner feeds. It is a plain
// summary of how far the pathway got, not the phase the phase policy derives from the facts.

import type { PathwayStage } from '../../contracts/enums/pathway.js';

export { PATHWAY_STAGES, type PathwayStage } from '../../contracts/enums/pathway.js';

/** Progress order; a later step never moves the stage back (a phone call after the diagnostic stays "diagnosed"). */
const RANK: Record<PathwayStage, number> = {
  referred: 0,
  reopened: 0,
  entry_validated: 1,
  contact: 2,
  visit_scheduled: 3,
  closed_door: 3,
  diagnosed: 4,
  orientation: 5,
  support: 6,
  measure: 6,
  follow_up: 7,
  evaluation: 8,
  exited: 9,
  entry_rejected: 9,
};

/** Moves forward to `next` unless the pathway is already at that step or further. */
export function advanceStage(current: PathwayStage, next: PathwayStage): PathwayStage {
  return RANK[next] >= RANK[current] ? next : current;
}

export const STAGE_LABELS: Record<PathwayStage, string> = {
  referred: 'Repéré',
  reopened: 'Parcours rouvert',
  entry_validated: 'Entrée validée',
  contact: 'Prise de contact',
  visit_scheduled: 'Visite programmée',
  closed_door: 'Porte close',
  diagnosed: 'Diagnostic réalisé',
  orientation: 'Orienté',
  support: 'Accompagnement en cours',
  measure: 'Mesure en cours',
  follow_up: 'Suivi à N+1',
  evaluation: 'Évalué',
  exited: 'Sorti',
  entry_rejected: 'Entrée refusée',
};
