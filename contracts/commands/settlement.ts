// Command: a coordinator settles the phase of some stored events.
import { z } from 'zod';
import { entityId, isoDate, LIMITS, reasonText } from '../fields.js';
import { settledPhaseSchema } from '../enums.js';

export const settlePhaseCommand = z.strictObject({
  settlementId: entityId.optional(),
  eventIds: z
    .array(z.string().min(1).max(128))
    .min(1)
    .max(LIMITS.listLarge)
    .refine((ids) => new Set(ids).size === ids.length, 'eventIds are listed once each'),
  phase: settledPhaseSchema,
  reason: reasonText,
  settledOn: isoDate,
});
