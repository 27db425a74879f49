// Commands: propose an orientation, change the status of one orientation.
import { z } from 'zod';
import { entityId, isoDate, noteText } from '../fields.js';
import { orientationCategorySchema, orientationTargetStatusSchema } from '../enums/orientation.js';
import { relayActorSchema } from '../events/orientations.js';

export const proposeOrientationCommand = z.strictObject({
  orientationId: entityId.optional(),
  proposedOn: isoDate,
  category: orientationCategorySchema,
  relayActor: relayActorSchema,
  note: noteText.optional(),
});

export const changeOrientationStatusCommand = z.strictObject({
  orientationId: entityId,
  status: orientationTargetStatusSchema,
  changedOn: isoDate,
  note: noteText.optional(),
});
