// Commands: refer a household (creates the pathway), decide its entry, assign a visit officer.
import { z } from 'zod';
import { entityId, isoDate, shortName, reasonText } from '../fields.js';
import { programmeIdSchema, referralChannelSchema } from '../enums.js';
import { consentSchema, externalReferenceSchema, householdSchema, referrerSchema, territorySchema } from '../parts/referral.js';

export const referHouseholdCommand = z.strictObject({
  /** Optional: a partner system may choose the pathway id; otherwise the service generates it. */
  pathwayId: entityId.optional(),
  programme: programmeIdSchema,
  referredOn: isoDate,
  channel: referralChannelSchema,
  referrer: referrerSchema,
  household: householdSchema,
  territory: territorySchema,
  consent: consentSchema,
  externalReference: externalReferenceSchema.optional(),
});

/** The deciding service is the authenticated principal; deciderName names the person, if useful. */
export const acceptEntryCommand = z.strictObject({
  decidedOn: isoDate,
  deciderName: shortName.optional(),
  reason: reasonText.optional(),
});

export const rejectEntryCommand = z.strictObject({
  decidedOn: isoDate,
  deciderName: shortName.optional(),
  reason: reasonText,
});

export const assignVisitOfficerCommand = z.strictObject({
  officerId: entityId,
  officerName: shortName.optional(),
  assignedOn: isoDate,
});
