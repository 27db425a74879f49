import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type Database from 'better-sqlite3';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Config } from '../../infra/config/config.js';
import type { EventStore } from '../../infra/eventstore/port.js';
import { uuidv7 } from '../../infra/eventstore/uuidv7.js';
import type { ProjectionStatusSource } from '../../infra/projections/runtime.js';
import type { TokenVerifier } from '../../infra/auth/tokens.js';
import strictQuery from './plugins/strict-query.js';
import authentication from './plugins/authentication.js';
import problemDetails, { frameworkError } from './plugins/problem-details.js';
import health from './routes/health.js';
import problemTypes from './routes/problems.js';
import pathwayCommands from './routes/pathways/commands.js';
import pathwayReads from './routes/pathways/reads.js';
import timelineRoute from './routes/pathways/timeline.js';
import idempotency from './plugins/idempotency.js';
import { lazyChildLogger } from './request-logger.js';
import { IdempotencyStore } from '../../infra/idempotency/idempotency-store.js';
import { PathwayService } from '../pathways/pathway-service.js';
import { withProblemMediaType } from './problem.js';
import { withResponseHeaders } from './openapi-headers.js';
import { PhaseReads } from '../phases/phase-reads.js';
import { PolicyCatalogueStore } from '../phases/policy-catalogue-store.js';
import classificationRoute from './routes/phases/classification.js';
import comparisonRoutes from './routes/phases/comparisons.js';
import policyRoutes from './routes/phases/policies.js';
import replayRoute from './routes/audit/replay.js';
import verificationRoutes from './routes/audit/verification.js';

export interface AppContext {
  config: Config;
  store: EventStore;
  readDb: Database.Database;
  idempotency: IdempotencyStore;
  projections: ProjectionStatusSource;
  logger: Logger;
  verifier: TokenVerifier;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Builds the HTTP application; the caller owns the store and runtime lifecycles. */
export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    bodyLimit: ctx.config.PARCOURS_BODY_LIMIT_BYTES,
    // Accept a caller's request id (so partner systems can correlate), else mint one.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : uuidv7();
    },
    requestIdHeader: false,
    childLoggerFactory: lazyChildLogger,
    frameworkErrors: frameworkError,
    ajv: { customOptions: { removeAdditional: false } },
  });
  // Every body is JSON: Fastify's built-in text/plain parser would pass a string on to the
  // schema (a 400 at "/"), where the client's mistake is the media type (415).
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Set on arrival, so every answer carries it, errors included, without an onSend hook.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });

  await app.register(problemDetails);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Parcours API',
        version: '1.0.0',
        description:
          'Household pathways in energy-poverty support programmes (SLIME / Slime+, Pas-de-Calais measures). Every error is RFC 9457 application/problem+json with a stable `code`.',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (input) => withResponseHeaders(withProblemMediaType(jsonSchemaTransformObject(input))),
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(authentication, { verifier: ctx.verifier, prefix: '/v1' });
  await app.register(strictQuery, { prefix: '/v1' });
  await app.register(idempotency, { store: ctx.idempotency });
  await app.register(problemTypes);
  await app.register(health, { store: ctx.store, projections: ctx.projections, maxLag: ctx.config.PARCOURS_READY_MAX_LAG });
  const pathways = new PathwayService(ctx.store);
  await app.register(pathwayCommands, { pathways });
  await app.register(pathwayReads, { store: ctx.store, pathways, readDb: ctx.readDb });
  await app.register(timelineRoute, { pathways, readDb: ctx.readDb });
  const policies = new PolicyCatalogueStore(ctx.store);
  const phaseReads = new PhaseReads(ctx.store, policies, ctx.readDb);
  await app.register(policyRoutes, { policies });
  await app.register(classificationRoute, { pathways, reads: phaseReads });
  await app.register(comparisonRoutes, { pathways, reads: phaseReads, readDb: ctx.readDb });
  await app.register(replayRoute, { pathways, reads: phaseReads });
  await app.register(verificationRoutes, { store: ctx.store });
  return app;
}
