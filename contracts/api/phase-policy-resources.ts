// Payloads of the phase policy catalogue resource (/v1/phase-policies).
import { z } from 'zod';
import { phasePolicyDocument } from '../policies/phase-policy.js';

export const policyIdParams = z.strictObject({ policyId: z.string().min(3).max(100).describe('Policy version id, name@version') });

export const phasePolicyListSchema = z
  .object({
    items: z.array(phasePolicyDocument).describe('Every version, oldest first; the built-in default included'),
    inForce: z.string().nullable().describe('Id of the version in force today (the default for reads without ?policy)'),
    builtIn: z.string().describe('Id of the version shipped with the service (never stored as an event)'),
  })
  .meta({ id: 'PhasePolicyList' });
