import { z } from 'zod';
import { actorRef, entityId } from '../../contracts/fields.js';

/** The six roles the API knows; a token carries exactly one. */
export const API_ROLES = ['referrer', 'visit_officer', 'coordinator', 'auditor', 'partner_system', 'admin'] as const;
export type ApiRole = (typeof API_ROLES)[number];

/** Who is calling, as read from a verified bearer token. */
export interface AuthenticatedPrincipal {
  id: string;
  role: ApiRole;
  organisationId: string;
  /** Territories the principal acts in; `*` means all (admins, auditors, national programme staff). */
  territories: string[];
}

/**
 * Claims of a Parcours token (besides the standard iat, exp, iss, aud). The subject and the
 * organisation are written into the facts a principal records (who decided, the referring
 * organisation), so they are held to the same limits as those facts' fields: an id of at most
 * 128 characters, an organisation id as every other id (URL-safe, at most 64).
 */
export const tokenClaimsSchema = z.object({
  sub: actorRef.shape.actorId,
  role: z.enum(API_ROLES),
  org: entityId,
  territories: z.array(z.string().min(1).max(100)).max(200).default([]),
});
