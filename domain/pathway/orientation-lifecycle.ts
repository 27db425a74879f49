// The life of one orientation. Each orientation moves on its own: no rule here or in the decider
// looks at the other orientations, so closing one never blocks the rest (a complaint field
// workers have about the national tool).
import type { OrientationStatus, OrientationTargetStatus } from '../../contracts/enums.js';

/** proposed → accepted / refused → in progress → done / abandoned. Refused, done and abandoned are final. */
export const ORIENTATION_TRANSITIONS: Readonly<Record<OrientationStatus, readonly OrientationTargetStatus[]>> = {
  proposed: ['accepted', 'refused', 'abandoned'],
  accepted: ['in_progress', 'done', 'abandoned'],
  in_progress: ['done', 'abandoned'],
  refused: [],
  done: [],
  abandoned: [],
};

export function canTransition(from: OrientationStatus, to: OrientationTargetStatus): boolean {
  return ORIENTATION_TRANSITIONS[from].includes(to);
}

export function isFinalOrientationStatus(status: OrientationStatus): boolean {
  return ORIENTATION_TRANSITIONS[status].length === 0;
}
