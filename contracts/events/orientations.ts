// Orientations: each one sends the household to a relay actor and lives on its own.
import { z } from 'zod';
import { entityId, isoDate, shortName, noteText } from '../fields.js';
import { orientationCategorySchema, orientationTargetStatusSchema, relayActorKindSchema } from '../enums/orientation.js';
import { defineEvent } from './define.js';

export const relayActorSchema = z.strictObject({
  name: shortName,
  kind: relayActorKindSchema.optional(),
});
export type RelayActor = z.infer<typeof relayActorSchema>;

export const orientationProposedV1 = defineEvent(
  'OrientationProposed',
  1,
  z.strictObject({
    orientationId: entityId,
    proposedOn: isoDate,
    category: orientationCategorySchema,
    relayActor: relayActorSchema,
    note: noteText.optional(),
  }),
);
export type OrientationProposedData = z.infer<typeof orientationProposedV1.schema>;

export const orientationStatusChangedV1 = defineEvent(
  'OrientationStatusChanged',
  1,
  z.strictObject({
    orientationId: entityId,
    status: orientationTargetStatusSchema,
    changedOn: isoDate,
    note: noteText.optional(),
  }),
);
export type OrientationStatusChangedData = z.infer<typeof orientationStatusChangedV1.schema>;

export const orientationEvents = [orientationProposedV1, orientationStatusChangedV1] as const;
