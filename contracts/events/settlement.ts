// A coordinator's settlement of how some stored events are classified into a phase, for the
// cases the phase policy cannot settle or where a worker's declared phase contradicts it.
import { z } from 'zod';
import { actorRef, entityId, isoDate, LIMITS, reasonText } from '../fields.js';
import { settledPhaseSchema } from '../enums.js';
import { defineEvent } from './define.js';

export const phaseSettledV1 = defineEvent(
  'PhaseSettled',
  1,
  z.strictObject({
    settlementId: entityId,
    /** Ids of the stored events (store-assigned) the settlement covers. */
    eventIds: z
      .array(z.string().min(1).max(128))
      .min(1)
      .max(LIMITS.listLarge)
      .refine((ids) => new Set(ids).size === ids.length, 'eventIds are listed once each'),
    phase: settledPhaseSchema,
    reason: reasonText,
    settledOn: isoDate,
    settledBy: actorRef.optional(),
  }),
);
export type PhaseSettledData = z.infer<typeof phaseSettledV1.schema>;

export const settlementEvents = [phaseSettledV1] as const;
