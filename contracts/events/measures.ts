// Contracted accompaniment measures (Pas-de-Calais): contract, periodic reviews (bilans),
// renewals and the monthly progress note signed by the household.
import { z } from 'zod';
import { entityId, isoDate, isoMonth, LIMITS, shortName, noteText, reasonText } from '../fields.js';
import { reviewConclusionSchema, reviewKindSchema } from '../enums/household.js';
import { defineEvent } from './define.js';

export const measureContractSignedV1 = defineEvent(
  'MeasureContractSigned',
  1,
  z.strictObject({
    contractId: entityId,
    /** Signed by the household and by the operator running the measure. */
    signedOn: isoDate,
    measureStartDate: isoDate,
    /** Length set for this measure (e.g. 3 to 6 months, set by the SLISL). */
    durationMonths: z.number().int().min(1).max(60),
    /** When the contract was sent to the funder (SPSLH, coordinator): some programmes set a deadline. */
    sentToFunderOn: isoDate.optional(),
    objectives: noteText.optional(),
  }),
);
export type MeasureContractSignedData = z.infer<typeof measureContractSignedV1.schema>;

export const periodicReviewRecordedV1 = defineEvent(
  'PeriodicReviewRecorded',
  1,
  z
    .strictObject({
      reviewId: entityId,
      reviewDate: isoDate,
      kind: reviewKindSchema,
      /** For an intermediate review: the month of the measure it stands for (3, 6, 9, 12...). */
      monthMark: z.number().int().min(1).max(60).optional(),
      signedByHousehold: z.boolean(),
      conclusion: reviewConclusionSchema.optional(),
      summary: noteText.optional(),
    })
    .refine((r) => r.kind === 'final' || r.monthMark !== undefined, {
      message: 'an intermediate review names its month mark',
      path: ['monthMark'],
    }),
);
export type PeriodicReviewRecordedData = z.infer<typeof periodicReviewRecordedV1.schema>;

export const measureRenewedV1 = defineEvent(
  'MeasureRenewed',
  1,
  z.strictObject({
    renewedOn: isoDate,
    additionalMonths: z.number().int().min(1).max(24),
    /** A renewal beyond the normal ceiling, granted by way of exception (à titre dérogatoire). */
    exceptional: z.boolean().default(false),
    reason: reasonText,
    approvedBy: shortName.optional(),
  }),
);
export type MeasureRenewedData = z.infer<typeof measureRenewedV1.schema>;

/** Point d'étape mensuel: what was worked on in the month, signed by the household. */
export const monthlyProgressNoteSignedV1 = defineEvent(
  'MonthlyProgressNoteSigned',
  1,
  z.strictObject({
    noteId: entityId,
    month: isoMonth,
    signedOn: isoDate,
    homeVisitDates: z.array(isoDate).max(31),
    workedOn: noteText.optional(),
    pendingPoints: noteText.optional(),
    orientationIds: z.array(entityId).max(LIMITS.listMedium).default([]),
  }),
);
export type MonthlyProgressNoteSignedData = z.infer<typeof monthlyProgressNoteSignedV1.schema>;

export const measureEvents = [measureContractSignedV1, periodicReviewRecordedV1, measureRenewedV1, monthlyProgressNoteSignedV1] as const;
