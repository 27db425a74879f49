import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { phasePolicyListSchema, policyIdParams } from '../../../../contracts/api/phase-policy-resources.js';
import { phasePolicyDocument, phasePolicySubmission } from '../../../../contracts/policies/phase-policy.js';
import { canManagePolicies } from '../../../../domain/access/policy.js';
import { DEFAULT_PHASE_POLICY } from '../../../../domain/phases/index.js';
import { calendarDateIn } from '../../../../domain/shared/dates.js';
import type { PolicyCatalogueStore } from '../../../phases/policy-catalogue-store.js';
import { recordedPrincipal } from '../../../event-metadata.js';
import { principalOf } from '../../plugins/authentication.js';
import { errorResponses, ProblemError } from '../../problem.js';
import { refuseUnless } from '../../read-access.js';

/** The phase policy catalogue: versions are added at runtime by admins and never changed. */
const policyRoutes: FastifyPluginAsyncZod<{ policies: PolicyCatalogueStore }> = async (app, { policies }) => {
  app.get(
    '/v1/phase-policies',
    {
      schema: {
        tags: ['phases'],
        operationId: 'ListPhasePolicies',
        summary: 'Every phase policy version, oldest first, and the one in force today',
        response: { 200: phasePolicyListSchema, ...errorResponses(401) },
      },
    },
    async (request) => {
      principalOf(request);
      const { catalogue } = await policies.current();
      return { items: catalogue.list(), inForce: catalogue.effectiveAt(calendarDateIn(new Date()))?.id ?? null, builtIn: DEFAULT_PHASE_POLICY.id };
    },
  );

  app.get(
    '/v1/phase-policies/:policyId',
    {
      schema: {
        tags: ['phases'],
        operationId: 'GetPhasePolicy',
        summary: 'One phase policy version',
        params: policyIdParams,
        response: { 200: phasePolicyDocument, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      principalOf(request);
      const policy = (await policies.current()).catalogue.get(request.params.policyId);
      if (!policy) throw new ProblemError(404, 'policy.not_found', `No policy version ${request.params.policyId}.`);
      return policy;
    },
  );

  app.post(
    '/v1/phase-policies',
    {
      // only admins add versions: anyone else is told so before the body is read
      onRequest: refuseUnless(canManagePolicies),
      schema: {
        tags: ['phases'],
        operationId: 'AddPhasePolicy',
        summary: 'Add a phase policy version (admins); it applies from effectiveFrom to reads without ?policy=, and to any read naming it',
        description:
          'Shape errors answer 400 `request.invalid`; rules across fields (follow-up due date inside its window, dates in order, id = name@version) answer 422 `policy.invalid`; an existing id answers 409 `policy.duplicate`. Each error lists field paths.',
        headers: z.object({ 'idempotency-key': z.string().optional().describe('Retry key: the same key and body get the same response') }),
        body: phasePolicySubmission,
        response: { 201: phasePolicyDocument, ...errorResponses(400, 401, 403, 409, 415, 422, 503) },
      },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const keyed = request.idempotency;
      const { policy, replayed } = await policies.add(request.body, recordedPrincipal(actor), request.id, keyed ? { key: keyed.key, digest: keyed.digest } : undefined);
      if (replayed) reply.header('idempotent-replayed', 'true');
      reply.code(201).header('location', `/v1/phase-policies/${encodeURIComponent(policy.id)}`);
      return policy;
    },
  );
};

export default policyRoutes;
