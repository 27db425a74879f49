// Contact attempts, scheduled visits and closed doors (porte close), before or during support.
import { z } from 'zod';
import { entityId, isoDate, noteText } from '../fields.js';
import { contactChannelSchema, contactOutcomeSchema } from '../enums.js';
import { visitorsSchema } from '../parts/diagnostic.js';
import { defineEvent } from './define.js';

export const contactAttemptedV1 = defineEvent(
  'ContactAttempted',
  1,
  z.strictObject({
    attemptId: entityId,
    attemptedOn: isoDate,
    channel: contactChannelSchema,
    outcome: contactOutcomeSchema,
    note: noteText.optional(),
  }),
);
export type ContactAttemptedData = z.infer<typeof contactAttemptedV1.schema>;

export const VISIT_PURPOSES = ['diagnostic', 'follow_up', 'other'] as const;

/** A visit date agreed with the household; scheduledFor is the only business date allowed in the future. */
export const visitScheduledV1 = defineEvent(
  'VisitScheduled',
  1,
  z.strictObject({
    visitId: entityId,
    scheduledOn: isoDate,
    scheduledFor: isoDate,
    purpose: z.enum(VISIT_PURPOSES),
    visitors: visitorsSchema.optional(),
    /** Fiche de note: the problem as understood on the phone. */
    problemNote: noteText.optional(),
  }),
);
export type VisitScheduledData = z.infer<typeof visitScheduledV1.schema>;

/** Two failed home visits, named by the contact attempts that recorded them. */
export const closedDoorRecordedV1 = defineEvent(
  'ClosedDoorRecorded',
  1,
  z.strictObject({
    closedDoorId: entityId,
    recordedOn: isoDate,
    attemptIds: z.tuple([entityId, entityId]),
    note: noteText.optional(),
  }),
);
export type ClosedDoorRecordedData = z.infer<typeof closedDoorRecordedV1.schema>;

export const contactsAndVisitsEvents = [contactAttemptedV1, visitScheduledV1, closedDoorRecordedV1] as const;
