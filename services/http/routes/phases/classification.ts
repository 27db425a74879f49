import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { classificationQuery, classificationResourceSchema } from '../../../../contracts/api/classification-resources.js';
import { pathwayIdParams } from '../../../../contracts/api/pathway-resources.js';
import type { PathwayService } from '../../../pathways/pathway-service.js';
import type { PhaseReads } from '../../../phases/phase-reads.js';
import { requireFullView } from '../../read-access.js';
import { principalOf } from '../../plugins/authentication.js';
import { errorResponses, ProblemError } from '../../problem.js';

/** A pathway's phases: the live read model, or computed under another version or as of an instant. */
const classificationRoute: FastifyPluginAsyncZod<{ pathways: PathwayService; reads: PhaseReads }> = async (app, { pathways, reads }) => {
  app.get(
    '/v1/pathways/:pathwayId/classification',
    {
      schema: {
        tags: ['phases'],
        operationId: 'GetPathwayClassification',
        summary: 'Episodes, flags, activity phases, settlements and quota status of a pathway, explained in French and English',
        description:
          'Without parameters: the live read model under the policy version in force today (`source: read_model`; computed when the read model lags the stream or another version is in force). With `policy` and/or `asOf`: computed from the events (`source: replay`).',
        params: pathwayIdParams,
        querystring: classificationQuery,
        response: { 200: classificationResourceSchema, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { pathwayId } = request.params;
      const { policy, asOf } = request.query;
      const loaded = await pathways.load(pathwayId);
      if (!loaded) throw new ProblemError(404, 'pathway.not_found', `No pathway ${pathwayId}.`);
      requireFullView(principalOf(request), loaded.scope);
      const read = await reads.classification(pathwayId, { ...(policy ? { policyId: policy } : {}), ...(asOf ? { asOf } : {}) });
      if (!read) throw new ProblemError(404, 'pathway.not_found', `No pathway ${pathwayId} existed at ${asOf}.`);
      return {
        pathwayId,
        revision: read.revision,
        source: read.source,
        policyId: read.policy.id,
        ...(asOf ? { asOf } : {}),
        classification: read.classification,
      };
    },
  );
};

export default classificationRoute;
