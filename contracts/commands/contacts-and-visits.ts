// Commands: contact attempts, visit scheduling, closed doors.
import { z } from 'zod';
import { entityId, isoDate, noteText } from '../fields.js';
import { contactChannelSchema, contactOutcomeSchema } from '../enums.js';
import { visitorsSchema } from '../parts/diagnostic.js';
import { VISIT_PURPOSES } from '../events/contacts-and-visits.js';

export const attemptContactCommand = z.strictObject({
  attemptId: entityId.optional(),
  attemptedOn: isoDate,
  channel: contactChannelSchema,
  outcome: contactOutcomeSchema,
  note: noteText.optional(),
});

export const scheduleVisitCommand = z.strictObject({
  visitId: entityId.optional(),
  scheduledOn: isoDate,
  /** May be in the future: it is the agreed date of the visit. */
  scheduledFor: isoDate,
  purpose: z.enum(VISIT_PURPOSES).default('diagnostic'),
  visitors: visitorsSchema.optional(),
  problemNote: noteText.optional(),
});

export const recordClosedDoorCommand = z.strictObject({
  closedDoorId: entityId.optional(),
  recordedOn: isoDate,
  /** The two failed home visits; when omitted, the two latest ones not yet counted are used. */
  attemptIds: z.tuple([entityId, entityId]).optional(),
  note: noteText.optional(),
});
