// What the outcome view (referrers, partner systems) is never told. An orientation towards
// health services says the household has a health problem (special-category data): it is left
// out of the orientations they see, and does not move the stage they see either, so that "at
// the orientation stage with no orientation listed" cannot tell it.
import type { OrientationCategory } from '../../contracts/enums.js';

const WITHHELD_CATEGORIES: ReadonlySet<OrientationCategory> = new Set<OrientationCategory>(['health']);

export function withheldFromOutcome(category: OrientationCategory): boolean {
  return WITHHELD_CATEGORIES.has(category);
}
