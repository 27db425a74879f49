// Published shape of a phase policy version (GitHub issue 4): what an admin submits, what the
// API lists and what the `PhasePolicyVersionAdded` event stores. Only the shape is checked
// here; the rules across fields (the follow-up due date inside its window, dates in order,
// id = name@version) are the domain's (domain/phases/policy.ts) and answer 422, not 400.
import { z } from 'zod';
import { isoDate } from '../fields.js';
import { defineEvent } from '../events/define.js';

const dayCount = z.int().positive().max(3650);

export const phasePolicyParamsDocument = z
  .strictObject({
    pauseDays: dayCount.describe('A gap of at least this many days between support activities is an observed pause'),
    n1MinDays: dayCount.describe('First day of the one-year follow-up window, counted from the diagnostic'),
    n1MaxDays: dayCount.describe('Last day of the one-year follow-up window'),
    n1TargetDays: dayCount.describe('Due date of the follow-up (worklists), inside the window'),
    splitEpisodeOnNewProblem: z.boolean().describe('Whether a contact declaring a new problem opens a new support episode'),
  })
  .meta({ id: 'PhasePolicyParams' });

const policyName = z.string().min(1).max(64).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase words separated by hyphens');
const policyVersion = z.string().min(1).max(32).regex(/^[0-9A-Za-z]+(?:[.-][0-9A-Za-z]+)*$/, 'e.g. 2025.1');

/** A version as an admin submits it (`id` is derived; when sent it must be name@version). */
export const phasePolicySubmission = z
  .strictObject({
    name: policyName,
    version: policyVersion,
    id: z.string().max(100).optional(),
    effectiveFrom: isoDate.describe('First business date on which this version applies by default'),
    effectiveTo: isoDate.optional().describe('Last business date (inclusive); open-ended when absent'),
    params: phasePolicyParamsDocument,
  })
  .meta({ id: 'PhasePolicySubmission' });

/** A stored version: the submission with its id. */
export const phasePolicyDocument = z
  .strictObject({
    name: policyName,
    version: policyVersion,
    id: z.string().min(3).max(100).describe('name@version: the key every read computed under this version carries'),
    effectiveFrom: isoDate,
    effectiveTo: isoDate.optional(),
    params: phasePolicyParamsDocument,
  })
  .meta({ id: 'PhasePolicy' });
export type PhasePolicyDocument = z.infer<typeof phasePolicyDocument>;

/** An admin added a policy version to the catalogue (stream `policy-catalogue`). */
export const phasePolicyVersionAddedV1 = defineEvent('PhasePolicyVersionAdded', 1, z.strictObject({ policy: phasePolicyDocument }));
export type PhasePolicyVersionAddedData = z.infer<typeof phasePolicyVersionAddedV1.schema>;
