import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { replayQuery, replaySchema } from '../../../../contracts/api/audit-resources.js';
import { pathwayIdParams } from '../../../../contracts/api/pathway-resources.js';
import { fullViewSchema } from '../../../../contracts/api/pathway-views.js';
import type { z } from 'zod';
import { plainJsonSerializer } from '../../plain-json.js';
import { replayPathway } from '../../../audit/pathway-replay.js';
import type { PathwayService } from '../../../pathways/pathway-service.js';
import type { PhaseReads } from '../../../phases/phase-reads.js';
import { requireAudit } from '../../read-access.js';
import { principalOf } from '../../plugins/authentication.js';
import { errorResponses, ProblemError } from '../../problem.js';

/** The auditor's replay: state and classification rebuilt from the events, reasoning step by step. */
const replayRoute: FastifyPluginAsyncZod<{ pathways: PathwayService; reads: PhaseReads }> = async (app, { pathways, reads }) => {
  app.get(
    '/v1/audit/pathways/:pathwayId/replay',
    {
      schema: {
        tags: ['audit'],
        operationId: 'ReplayPathway',
        summary: 'Rebuild a pathway from its events as recorded up to an instant, under a policy version, with the reasoning step by step',
        description: 'Without asOf and policy, the classification equals the live read model (GET /v1/pathways/{pathwayId}/classification).',
        params: pathwayIdParams,
        querystring: replayQuery,
        response: { 200: replaySchema, ...errorResponses(400, 401, 403, 404, 422) },
      },
      // Sent as built (plain-json.ts says why).
      serializerCompiler: plainJsonSerializer,
    },
    async (request) => {
      const { pathwayId } = request.params;
      const { asOf, policy, lang } = request.query;
      const current = await pathways.load(pathwayId);
      if (!current) throw new ProblemError(404, 'pathway.not_found', `No pathway ${pathwayId}.`);
      requireAudit(principalOf(request), current.scope);
      const replay = await replayPathway(reads, pathwayId, { lang, ...(asOf ? { asOf } : {}), ...(policy ? { policyId: policy } : {}) });
      if (!replay) throw new ProblemError(404, 'pathway.not_found', `No pathway ${pathwayId} existed at ${asOf}.`);
      return {
        pathwayId,
        revision: replay.revision,
        ...(asOf ? { asOf } : {}),
        policyId: replay.policy.id,
        state: replay.state as unknown as z.output<typeof fullViewSchema>,
        classification: replay.classification,
        reasoning: replay.reasoning,
      };
    },
  );
};

export default replayRoute;
