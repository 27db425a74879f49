// Where a pathway stands, as the API publishes it (the domain's stage and status take these values).

export const PATHWAY_STATUSES = ['awaiting_validation', 'active', 'paused', 'rejected', 'exited'] as const;
export type PathwayStatus = (typeof PATHWAY_STATUSES)[number];

/** The readable current step, in rough progress order (domain/pathway/stage.ts ranks them). */
export const PATHWAY_STAGES = [
  'referred', 'reopened', 'entry_validated', 'contact', 'visit_scheduled', 'closed_door', 'diagnosed',
  'orientation', 'support', 'measure', 'follow_up', 'evaluation', 'exited', 'entry_rejected',
] as const;
export type PathwayStage = (typeof PATHWAY_STAGES)[number];
