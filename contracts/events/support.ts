// Support after the diagnostic: contacts (soutien renforcé, suivi N+1...), pauses, evaluations.
// These are facts; which phase a contact belongs to is derived later by the phase policy.
import { z } from 'zod';
import { entityId, euros, isoDate, LIMITS, shortName, noteText, quantity, reasonText } from '../fields.js';
import { declaredPhaseSchema, supportChannelSchema } from '../enums.js';
import { problemCategorySchema } from '../enums/orientation.js';
import { billsSchema, compositionSchema } from '../parts/diagnostic.js';
import { defineEvent } from './define.js';

export const supportContactRecordedV1 = defineEvent(
  'SupportContactRecorded',
  1,
  z.strictObject({
    contactId: entityId,
    contactDate: isoDate,
    channel: supportChannelSchema,
    participants: z.array(shortName).min(1).max(LIMITS.listSmall),
    orientationIds: z.array(entityId).max(LIMITS.listMedium),
    /** The phase the worker believes this contact belongs to: a fact, not the derived phase. */
    declaredPhase: declaredPhaseSchema.optional(),
    /** The contact only served to administer the evaluation questionnaire (no support purpose). */
    evaluationOnly: z.boolean().default(false),
    /** A problem that appeared during support (may open a second support). */
    newProblemCategory: problemCategorySchema.optional(),
    note: noteText.optional(),
  }),
);
export type SupportContactRecordedData = z.infer<typeof supportContactRecordedV1.schema>;

/** Pause / coupure: decides whether a later contact is reinforced support or a one-year follow-up. */
export const pauseDeclaredV1 = defineEvent(
  'PauseDeclared',
  1,
  z.strictObject({
    startDate: isoDate,
    reason: reasonText,
  }),
);
export type PauseDeclaredData = z.infer<typeof pauseDeclaredV1.schema>;

export const pauseEndedV1 = defineEvent(
  'PauseEnded',
  1,
  z.strictObject({
    endDate: isoDate,
    reason: reasonText.optional(),
  }),
);
export type PauseEndedData = z.infer<typeof pauseEndedV1.schema>;

export const evaluationRecordedV1 = defineEvent(
  'EvaluationRecorded',
  1,
  z.strictObject({
    evaluationId: entityId,
    evaluationDate: isoDate,
    /** The support contact that hosted the questionnaire, if any (an N+1 may host an evaluation). */
    contactId: entityId.optional(),
    comfort: z.strictObject({
      /** Felt cold last winter for energy-poverty reasons (input of the ONPE FR_3D indicator). */
      feltColdLastWinter: z.boolean().optional(),
      rating: z.number().int().min(1).max(5).optional(),
      note: noteText.optional(),
    }),
    billsAfter: billsSchema,
    satisfaction: z.strictObject({
      rating: z.number().int().min(1).max(5),
      comment: noteText.optional(),
    }),
    /** Inputs of the energy effort rate after support (taux d'effort énergétique). */
    annualEnergySpendingAfter: euros.optional(),
    annualIncomeAfter: euros.optional(),
    compositionAfter: compositionSchema.optional(),
    energySavedKwh: quantity.optional(),
    note: noteText.optional(),
  }),
);
export type EvaluationRecordedData = z.infer<typeof evaluationRecordedV1.schema>;

export const supportEvents = [supportContactRecordedV1, pauseDeclaredV1, pauseEndedV1, evaluationRecordedV1] as const;
