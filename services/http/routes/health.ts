import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EventStore } from '../../../infra/eventstore/port.js';
import type { ProjectionStatusSource } from '../../../infra/projections/runtime.js';

export interface HealthOptions {
  store: EventStore;
  projections: ProjectionStatusSource;
  maxLag: number;
}

const readySchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({
    store: z.object({ status: z.enum(['up', 'down']), backend: z.string(), headPosition: z.number().optional(), error: z.string().optional() }),
    projections: z.array(
      z.object({ name: z.string(), version: z.number(), state: z.string(), checkpoint: z.number(), lag: z.number(), error: z.string().optional() }),
    ),
  }),
  maxLag: z.number(),
});

/** Liveness says the process answers; readiness says the store answers and projections keep up. */
const health: FastifyPluginAsyncZod<HealthOptions> = async (app, { store, projections, maxLag }) => {
  app.get('/health/live', { schema: { tags: ['health'], summary: 'The process is alive', security: [], response: { 200: z.object({ status: z.literal('live') }) } } }, async () => ({
    status: 'live' as const,
  }));

  app.get(
    '/health/ready',
    { schema: { tags: ['health'], summary: 'The store answers and projection lag is within bounds', security: [], response: { 200: readySchema, 503: readySchema } } },
    async (_request, reply) => {
      let head = 0;
      let storeCheck: z.infer<typeof readySchema>['checks']['store'];
      try {
        await store.ping();
        head = await store.headPosition();
        storeCheck = { status: 'up', backend: store.backend, headPosition: head };
      } catch (error) {
        storeCheck = { status: 'down', backend: store.backend, error: error instanceof Error ? error.message : 'unreachable' };
      }
      const projectionChecks = projections.status().map((s) => ({
        name: s.name,
        version: s.version,
        state: s.state,
        checkpoint: s.checkpoint,
        lag: Math.max(head - s.checkpoint, 0),
        ...(s.error ? { error: s.error } : {}),
      }));
      const ready = storeCheck.status === 'up' && projectionChecks.every((p) => p.state === 'running' && p.lag <= maxLag);
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks: { store: storeCheck, projections: projectionChecks }, maxLag });
    },
  );
};

export default health;
