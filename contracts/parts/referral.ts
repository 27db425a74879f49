// Parts of a referral: the referrer, the household's identity, contact, address, territory,
// tenure, the difficulties spotted and the consent. Shared by the command and the event.
import { z } from 'zod';
import { emailAddress, entityId, isoDate, labelText, LIMITS, shortName, noteText, phoneNumber } from '../fields.js';
import { difficultyCodeSchema } from '../enums/orientation.js';
import { landlordKindSchema, tenureSchema } from '../enums/household.js';
import { referrerKindSchema } from '../enums.js';

/** The referrer (donneur d'alerte): an organisation and the person who filled the form. */
export const referrerSchema = z.strictObject({
  organisationId: entityId.optional(),
  organisationName: shortName,
  organisationKind: referrerKindSchema,
  personName: shortName,
  personRole: labelText.optional(),
  phone: phoneNumber.optional(),
  email: emailAddress.optional(),
});
export type Referrer = z.infer<typeof referrerSchema>;

/** Territorial unit (unité territoriale / MDS / lot) the household belongs to. */
export const territorySchema = z.strictObject({
  code: z.string().trim().min(1).max(32),
  label: labelText.optional(),
});
export type Territory = z.infer<typeof territorySchema>;

export const addressSchema = z.strictObject({
  line1: labelText,
  line2: labelText.optional(),
  postalCode: z.string().regex(/^\d{5}$/, 'a French postal code has five digits'),
  city: shortName,
  inseeCode: z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'an INSEE commune code').optional(),
});
export type Address = z.infer<typeof addressSchema>;

export const householdIdentitySchema = z.strictObject({
  lastName: shortName,
  firstName: shortName.optional(),
  birthYear: z.number().int().min(1900).max(2100).optional(),
});

export const householdContactSchema = z
  .strictObject({
    phone: phoneNumber.optional(),
    email: emailAddress.optional(),
    preferredChannel: z.enum(['phone', 'email', 'post', 'through_referrer']).optional(),
  });

export const landlordSchema = z.strictObject({
  name: shortName,
  kind: landlordKindSchema,
});

export const householdSchema = z.strictObject({
  identity: householdIdentitySchema,
  contact: householdContactSchema,
  address: addressSchema,
  tenure: tenureSchema,
  landlord: landlordSchema.optional(),
  difficulties: z.array(difficultyCodeSchema).min(1).max(LIMITS.listSmall * 2),
  difficultyNote: noteText.optional(),
});
export type Household = z.infer<typeof householdSchema>;

/** Consent to be contacted and to have the data processed, as collected by the referrer. */
export const consentSchema = z.strictObject({
  given: z.boolean(),
  givenOn: isoDate,
  givenBy: z.enum(['household', 'legal_representative']),
  method: z.enum(['written', 'oral', 'digital']),
});
export type Consent = z.infer<typeof consentSchema>;

/** The reference a partner system gives the referral (the same referral may arrive twice). */
export const externalReferenceSchema = z.strictObject({
  system: z.string().trim().min(1).max(64),
  id: z.string().trim().min(1).max(128),
});
export type ExternalReference = z.infer<typeof externalReferenceSchema>;
