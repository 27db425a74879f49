import { z } from 'zod';

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

/** Claims of a Parcours token (besides the standard sub, iat, exp, iss, aud). */
export const tokenClaimsSchema = z.object({
  sub: z.string().min(1).max(200),
  role: z.enum(API_ROLES),
  org: z.string().min(1).max(200),
  territories: z.array(z.string().min(1).max(100)).max(200).default([]),
});
