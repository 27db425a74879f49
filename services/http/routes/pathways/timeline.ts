import type Database from 'better-sqlite3';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pathwayIdParams } from '../../../../contracts/api/pathway-resources.js';
import type { PathwayService } from '../../../pathways/pathway-service.js';
import { readTimeline } from '../../../../projections/timeline/timeline-projection.js';
import { requireFullView } from '../../read-access.js';
import { principalOf } from '../../plugins/authentication.js';
import { errorResponses, ProblemError } from '../../problem.js';

const timelineSchema = z
  .object({
    pathwayId: z.string(),
    steps: z.array(
      z.object({
        revision: z.number().int(),
        eventId: z.string(),
        type: z.string(),
        occurredAt: z.string(),
        recordedAt: z.string(),
        actor: z.object({ id: z.string(), role: z.string(), organisationId: z.string().nullable() }),
        text: z.object({ en: z.string(), fr: z.string() }),
      }),
    ),
  })
  .meta({ id: 'Timeline' });

/** The household's story, step by step (from the timeline projection; eventually consistent). */
const timelineRoute: FastifyPluginAsyncZod<{ pathways: PathwayService; readDb: Database.Database }> = async (app, { pathways, readDb }) => {
  app.get(
    '/v1/pathways/:pathwayId/timeline',
    {
      schema: {
        tags: ['pathways'],
        operationId: 'GetPathwayTimeline',
        summary: "The household's story as ordered, readable steps: who, when, what",
        params: pathwayIdParams,
        response: { 200: timelineSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = principalOf(request);
      const loaded = await pathways.load(request.params.pathwayId);
      if (!loaded) throw new ProblemError(404, 'pathway.not_found', `No pathway ${request.params.pathwayId}.`);
      requireFullView(actor, loaded.scope, 'its step-by-step story');
      return { pathwayId: request.params.pathwayId, steps: readTimeline(readDb, request.params.pathwayId) };
    },
  );
};

export default timelineRoute;
