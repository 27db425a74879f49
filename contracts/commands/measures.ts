// Commands: measure contract, periodic reviews, renewals, monthly progress notes.
import { z } from 'zod';
import { entityId, isoDate, isoMonth, LIMITS, shortName, noteText, reasonText } from '../fields.js';
import { reviewConclusionSchema, reviewKindSchema } from '../enums/household.js';

export const signMeasureContractCommand = z.strictObject({
  contractId: entityId.optional(),
  signedOn: isoDate,
  measureStartDate: isoDate,
  durationMonths: z.number().int().min(1).max(60),
  sentToFunderOn: isoDate.optional(),
  objectives: noteText.optional(),
});

export const recordPeriodicReviewCommand = z
  .strictObject({
    reviewId: entityId.optional(),
    reviewDate: isoDate,
    kind: reviewKindSchema,
    monthMark: z.number().int().min(1).max(60).optional(),
    signedByHousehold: z.boolean(),
    conclusion: reviewConclusionSchema.optional(),
    summary: noteText.optional(),
  })
  .refine((r) => r.kind === 'final' || r.monthMark !== undefined, {
    message: 'an intermediate review names its month mark',
    path: ['monthMark'],
  });

export const renewMeasureCommand = z.strictObject({
  renewedOn: isoDate,
  additionalMonths: z.number().int().min(1).max(24),
  exceptional: z.boolean().default(false),
  reason: reasonText,
  approvedBy: shortName.optional(),
});

export const signMonthlyProgressNoteCommand = z.strictObject({
  noteId: entityId.optional(),
  month: isoMonth,
  signedOn: isoDate,
  homeVisitDates: z.array(isoDate).max(31).describe('Recorded once each and in date order'),
  workedOn: noteText.optional(),
  pendingPoints: noteText.optional(),
  orientationIds: z.array(entityId).max(LIMITS.listMedium).default([]).describe('Recorded once each: an orientation named twice is kept once'),
});
