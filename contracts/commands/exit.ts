// Commands: record an exit, report it, reopen the pathway.
import { z } from 'zod';
import { isoDate, noteText, reasonText } from '../fields.js';
import { exitReportRecipientSchema, exitTypeSchema } from '../enums.js';
import { sendingChannelSchema } from '../enums/household.js';

export const recordExitCommand = z.strictObject({
  exitDate: isoDate,
  /**
   * Required. Left optional in the schema on purpose: a missing type is answered with the
   * domain's stable code `exit.type_required` rather than a generic validation error.
   */
  exitType: exitTypeSchema.optional(),
  reason: reasonText.optional(),
});

export const reportExitCommand = z.strictObject({
  exitDate: isoDate.optional().describe('The exit reported: by default the current one; after a reopening, name an earlier exit that was not reported yet'),
  reportedOn: isoDate,
  recipients: z
    .array(exitReportRecipientSchema)
    .min(1)
    .max(2)
    .refine((r) => new Set(r).size === r.length, 'each recipient is listed once'),
  channel: sendingChannelSchema.optional(),
  note: noteText.optional(),
});

export const reopenPathwayCommand = z.strictObject({
  reopenedOn: isoDate,
  reason: reasonText,
});
