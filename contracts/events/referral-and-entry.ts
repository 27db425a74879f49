// Referral (repérage) and entry validation (validation d'entrée) facts.
import { z } from 'zod';
import { actorRef, entityId, isoDate, shortName, reasonText } from '../fields.js';
import { programmeIdSchema, referralChannelSchema } from '../enums.js';
import { consentSchema, externalReferenceSchema, householdSchema, referrerSchema, territorySchema } from '../parts/referral.js';
import { defineEvent } from './define.js';

export const householdReferredV1 = defineEvent(
  'HouseholdReferred',
  1,
  z.strictObject({
    pathwayId: entityId,
    programme: programmeIdSchema,
    referredOn: isoDate,
    channel: referralChannelSchema,
    referrer: referrerSchema,
    household: householdSchema,
    territory: territorySchema,
    consent: consentSchema,
    externalReference: externalReferenceSchema.optional(),
  }),
);
export type HouseholdReferredData = z.infer<typeof householdReferredV1.schema>;

/** The programme (in Pas-de-Calais, the SLISL) accepted the household into the scheme. */
export const entryAcceptedV1 = defineEvent(
  'EntryAccepted',
  1,
  z.strictObject({
    decidedOn: isoDate,
    decidedBy: actorRef,
    reason: reasonText.optional(),
  }),
);
export type EntryAcceptedData = z.infer<typeof entryAcceptedV1.schema>;

export const entryRejectedV1 = defineEvent(
  'EntryRejected',
  1,
  z.strictObject({
    decidedOn: isoDate,
    decidedBy: actorRef,
    reason: reasonText,
  }),
);
export type EntryRejectedData = z.infer<typeof entryRejectedV1.schema>;

/** Chargé de visite assigned to the household (the N+1 should ideally be done by the same one). */
export const visitOfficerAssignedV1 = defineEvent(
  'VisitOfficerAssigned',
  1,
  z.strictObject({
    officerId: entityId,
    officerName: shortName.optional(),
    assignedOn: isoDate,
  }),
);
export type VisitOfficerAssignedData = z.infer<typeof visitOfficerAssignedV1.schema>;

export const referralAndEntryEvents = [householdReferredV1, entryAcceptedV1, entryRejectedV1, visitOfficerAssignedV1] as const;
