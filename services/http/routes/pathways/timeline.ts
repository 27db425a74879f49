import type Database from 'better-sqlite3';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pathwayIdParams } from '../../../../contracts/api/pathway-resources.js';
import type { PathwayService } from '../../../pathways/pathway-service.js';
import { readTimeline, type TimelineStep } from '../../../../projections/timeline/timeline-projection.js';
import type { ProjectionStatusSource } from '../../../../infra/projections/runtime.js';
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
const timelineRoute: FastifyPluginAsyncZod<{ pathways: PathwayService; readDb: Database.Database; projections: ProjectionStatusSource }> = async (app, { pathways, readDb, projections }) => {
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
      let steps = readTimeline(readDb, pathwayId);
      // Read your own writes: a step just recorded is usually projected within milliseconds (the
      // wait is for the store's head, which includes this pathway's last fact).
      if (!includesRevision(steps, loaded.revision) && (await projections.waitFor(await pathways.store.headPosition(), CATCH_UP_WAIT_MS))) {
        steps = readTimeline(readDb, pathwayId);
      }
      reply.header('cache-control', 'private, no-cache').header('vary', 'Authorization');
      return { pathwayId, pathwayRevision: loaded.revision, upToDate: includesRevision(steps, loaded.revision), steps };
    },
  );
};

/** How long a read waits for the projection to absorb the pathway's last fact before answering without it. */
const CATCH_UP_WAIT_MS = 500;

function includesRevision(steps: readonly TimelineStep[], revision: number): boolean {
  return steps.some((s) => s.revision === revision);
}

export default timelineRoute;
