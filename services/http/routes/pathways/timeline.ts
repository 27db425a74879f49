import type Database from 'better-sqlite3';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pathwayIdParams } from '../../../../contracts/api/pathway-resources.js';
import type { PathwayService } from '../../../pathways/pathway-service.js';
import { readTimeline } from '../../../../projections/timeline/timeline-projection.js';
import { includesRevision, readCaughtUp } from '../../../../projections/timeline/caught-up.js';
import { requireFullView } from '../../read-access.js';
import { principalOf } from '../../plugins/authentication.js';
import { errorResponses, ProblemError } from '../../problem.js';

const timelineSchema = z
  .object({
    pathwayId: z.string(),
    pathwayRevision: z.number().int().describe('The pathway’s revision (its ETag) when this was read'),
    upToDate: z.boolean().describe('Whether the steps include every fact up to that revision: the timeline is a projection, which may lag a moment behind'),
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
        summary: "The household's story as readable steps (who, when, what), in business-date order, facts of the same day in the order they were recorded",
        params: pathwayIdParams,
        response: { 200: timelineSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const { pathwayId } = request.params;
      const loaded = await pathways.load(pathwayId);
      if (!loaded) throw new ProblemError(404, 'pathway.not_found', `No pathway ${pathwayId}.`);
      requireFullView(actor, loaded.scope, 'its step-by-step story');
      // Read your own writes: a step just recorded is usually projected within milliseconds.
      const steps = await readCaughtUp(() => readTimeline(readDb, pathwayId), loaded.revision, CATCH_UP_WAIT_MS);
      reply.header('cache-control', 'private, no-cache').header('vary', 'Authorization');
      return { pathwayId, pathwayRevision: loaded.revision, upToDate: includesRevision(steps, loaded.revision), steps };
    },
  );
};

/** How long a read waits for the projection to absorb the pathway's last fact before answering without it. */
const CATCH_UP_WAIT_MS = 500;

export default timelineRoute;
