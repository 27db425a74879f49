// Exit or rupture (sortie / rupture), its report to the coordinator and referrer, and re-entry.
import { z } from 'zod';
import { isoDate, noteText, reasonText } from '../fields.js';
import { exitReportRecipientSchema, exitTypeSchema } from '../enums.js';
import { sendingChannelSchema } from '../enums/household.js';
import { defineEvent } from './define.js';

export const pathwayExitedV1 = defineEvent(
  'PathwayExited',
  1,
  z.strictObject({
    exitDate: isoDate,
    exitType: exitTypeSchema,
    /** Required for every rupture ("explicitée"); optional for a completed pathway. */
    reason: reasonText.optional(),
  }),
);
export type PathwayExitedData = z.infer<typeof pathwayExitedV1.schema>;

export const exitReportedV1 = defineEvent(
  'ExitReported',
  1,
  z.strictObject({
    /** The exit being reported (a pathway that re-entered may have several). */
    exitDate: isoDate,
    reportedOn: isoDate,
    recipients: z.array(exitReportRecipientSchema).min(1).max(2),
    channel: sendingChannelSchema.optional(),
    note: noteText.optional(),
  }),
);
export type ExitReportedData = z.infer<typeof exitReportedV1.schema>;

/** Droit au recommencement: the household comes back after an exit (or a rejected entry). */
export const pathwayReopenedV1 = defineEvent(
  'PathwayReopened',
  1,
  z.strictObject({
    reopenedOn: isoDate,
    reason: reasonText,
  }),
);
export type PathwayReopenedData = z.infer<typeof pathwayReopenedV1.schema>;

export const exitEvents = [pathwayExitedV1, exitReportedV1, pathwayReopenedV1] as const;
