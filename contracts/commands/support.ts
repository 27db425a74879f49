// Commands: support contacts, pauses, evaluations.
import { z } from 'zod';
import { entityId, euros, isoDate, LIMITS, shortName, noteText, quantity, reasonText } from '../fields.js';
import { declaredPhaseSchema, supportChannelSchema } from '../enums.js';
import { problemCategorySchema } from '../enums/orientation.js';
import { billsSchema, compositionSchema } from '../parts/diagnostic.js';

export const recordSupportContactCommand = z.strictObject({
  contactId: entityId.optional(),
  contactDate: isoDate,
  channel: supportChannelSchema,
  participants: z.array(shortName).min(1).max(LIMITS.listSmall),
  orientationIds: z.array(entityId).max(LIMITS.listMedium).default([]).describe('Recorded once each: an orientation named twice is kept once'),
  declaredPhase: declaredPhaseSchema.optional(),
  evaluationOnly: z.boolean().default(false),
  newProblemCategory: problemCategorySchema.optional(),
  note: noteText.optional(),
});

export const declarePauseCommand = z.strictObject({
  startDate: isoDate,
  reason: reasonText,
});

export const endPauseCommand = z.strictObject({
  endDate: isoDate,
  reason: reasonText.optional(),
});

export const recordEvaluationCommand = z.strictObject({
  evaluationId: entityId.optional(),
  evaluationDate: isoDate,
  contactId: entityId.optional(),
  comfort: z.strictObject({
    feltColdLastWinter: z.boolean().optional(),
    rating: z.number().int().min(1).max(5).optional(),
    note: noteText.optional(),
  }),
  billsAfter: billsSchema.default([]),
  satisfaction: z.strictObject({
    rating: z.number().int().min(1).max(5),
    comment: noteText.optional(),
  }),
  annualEnergySpendingAfter: euros.optional(),
  annualIncomeAfter: euros.optional(),
  compositionAfter: compositionSchema.optional(),
  energySavedKwh: quantity.optional(),
  note: noteText.optional(),
});
