import type Database from 'better-sqlite3';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  comparisonQuery, pathwayComparisonResourceSchema, programmeComparisonResourceSchema,
} from '../../../../contracts/api/classification-resources.js';
import { pathwayIdParams } from '../../../../contracts/api/pathway-resources.js';
import { programmeIdSchema } from '../../../../contracts/enums.js';
import type { PathwayService } from '../../../pathways/pathway-service.js';
import { comparePathwayVersions, compareProgrammeVersions } from '../../../phases/comparisons.js';
import type { PhaseReads } from '../../../phases/phase-reads.js';
import { auditTerritories, requireAudit } from '../../read-access.js';
import { principalOf } from '../../plugins/authentication.js';
import { errorResponses, ProblemError } from '../../problem.js';

const programmeParams = z.strictObject({ programme: programmeIdSchema.describe('Programme id') });

/** What changes between two policy versions, for one pathway and for a programme. */
const comparisonRoutes: FastifyPluginAsyncZod<{ pathways: PathwayService; reads: PhaseReads; readDb: Database.Database }> = async (
  app,
  { pathways, reads, readDb },
) => {
  app.get(
    '/v1/pathways/:pathwayId/classification-comparison',
    {
      schema: {
        tags: ['phases'],
        operationId: 'ComparePathwayClassification',
        summary: 'Episodes, activity phases, flags and quota status that change when the pathway is read under another policy version',
        description: 'Settled events keep the coordinator’s phase under any version: they are listed in `settledUnchanged`, never as changes.',
        params: pathwayIdParams,
        querystring: comparisonQuery,
        response: { 200: pathwayComparisonResourceSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { pathwayId } = request.params;
      const loaded = await pathways.load(pathwayId);
      if (!loaded) throw new ProblemError(404, 'pathway.not_found', `No pathway ${pathwayId}.`);
      requireAudit(principalOf(request), loaded.scope);
      const result = await comparePathwayVersions(reads, pathwayId, request.query.from, request.query.to);
      if (!result) throw new ProblemError(404, 'pathway.not_found', `No pathway ${pathwayId}.`);
      return { pathwayId, revision: result.revision, from: request.query.from, to: request.query.to, comparison: result.comparison };
    },
  );

  app.get(
    '/v1/programmes/:programme/classification-comparison',
    {
      schema: {
        tags: ['phases'],
        operationId: 'CompareProgrammeClassification',
        summary: 'For a programme: pathways that change between two policy versions, counts and shares for the quotas, households whose quota status changes',
        description: 'Read from the classification read model (eventually consistent). Coordinators see the pathways of their territories only.',
        params: programmeParams,
        querystring: comparisonQuery,
        response: { 200: programmeComparisonResourceSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = principalOf(request);
      requireAudit(actor);
      const territories = auditTerritories(actor);
      const { from, to } = request.query;
      const comparison = await compareProgrammeVersions(reads, readDb, request.params.programme, from, to, territories);
      return {
        programme: request.params.programme,
        from,
        to,
        scope: territories === null ? ('all' as const) : ('territories' as const),
        ...(territories === null ? {} : { territories }),
        comparison,
      };
    },
  );
};

export default comparisonRoutes;
