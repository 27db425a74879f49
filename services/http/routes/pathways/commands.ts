import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { commandAcceptedSchema, pathwayIdParams } from '../../../../contracts/api/pathway-resources.js';
import { COMMAND_TYPES, commandRoutes, pathwayCommandSchemas, type CommandType, type PathwayCommand } from '../../../../contracts/commands/index.js';
import { roleMaySend } from '../../../../domain/access/policy.js';
import type { PathwayService } from '../../../pathways/pathway-service.js';
import { etagOf, parseIfMatch } from '../../etag.js';
import { principalOf } from '../../plugins/authentication.js';
import { plainJsonSerializer } from '../../plain-json.js';
import { refuseUnless } from '../../read-access.js';
import { errorResponses } from '../../problem.js';

const idempotencyKey = z.string().optional().describe('Retry key (1 to 200 of A-Z a-z 0-9 . _ : -): the same key and body get the same response for 7 days');
const commandHeaders = z.object({
  'if-match': z.string().optional().describe('The ETag of the pathway you read ("3"), a list of them, or *; 412 if the pathway is at none of them (a weak tag matches none)'),
  'idempotency-key': idempotencyKey,
});
const referralHeaders = z.object({
  'if-match': z.string().optional().describe('Only *: a referral creates its pathway, so any entity tag answers 412'),
  'idempotency-key': idempotencyKey,
});

// 503: the store's or the key file's write lock stayed taken by another process (store.busy,
// idempotency.busy); nothing was written.
const ERRORS = errorResponses(400, 401, 403, 404, 409, 412, 413, 415, 422, 503);

/** One POST per pathway command, each with the command's own schema; the referral creates the pathway. */
const pathwayCommands: FastifyPluginAsyncZod<{ pathways: PathwayService }> = async (app, { pathways }) => {
  app.post(
    '/v1/pathways',
    {
      onRequest: refuseUnless((actor) => roleMaySend(actor, 'ReferHousehold')),
      serializerCompiler: plainJsonSerializer,
      schema: {
        tags: ['pathways'],
        operationId: 'ReferHousehold',
        summary: commandRoutes.ReferHousehold.summary,
        headers: referralHeaders,
        body: pathwayCommandSchemas.ReferHousehold,
        response: { 201: commandAcceptedSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      const ifMatch = parseIfMatch(request.headers['if-match']);
      const outcome = await pathways.execute({
        command: { type: 'ReferHousehold', data: request.body },
        actor: principalOf(request),
        ...(ifMatch !== undefined ? { ifMatch } : {}),
        correlationId: request.id,
        ...keyed(request),
      });
      if (outcome.replayed) reply.header('idempotent-replayed', 'true');
      reply.code(201).header('location', `/v1/pathways/${outcome.pathwayId}`).header('etag', etagOf(outcome.revision));
      return { pathwayId: outcome.pathwayId, revision: outcome.revision, events: outcome.events };
    },
  );

  for (const type of COMMAND_TYPES.filter((t) => t !== 'ReferHousehold')) registerCommand(type);

  function registerCommand(type: Exclude<CommandType, 'ReferHousehold'>): void {
    const { segment, summary } = commandRoutes[type];
    app.post(
      `/v1/pathways/:pathwayId/${segment}`,
      {
        onRequest: refuseUnless((actor) => roleMaySend(actor, type)),
        serializerCompiler: plainJsonSerializer,
        schema: {
          tags: ['pathways'],
          operationId: type,
          summary,
          params: pathwayIdParams,
          headers: commandHeaders,
          body: pathwayCommandSchemas[type] as z.ZodType<Record<string, unknown>>,
          response: { 200: commandAcceptedSchema, ...ERRORS },
        },
      },
      async (request, reply) => {
        const ifMatch = parseIfMatch(request.headers['if-match']);
        const outcome = await pathways.execute({
          pathwayId: request.params.pathwayId,
          command: { type, data: request.body } as PathwayCommand,
          actor: principalOf(request),
          ...(ifMatch !== undefined ? { ifMatch } : {}),
          correlationId: request.id,
          ...keyed(request),
        });
        if (outcome.replayed) reply.header('idempotent-replayed', 'true');
        reply.header('etag', etagOf(outcome.revision));
        return { pathwayId: outcome.pathwayId, revision: outcome.revision, events: outcome.events };
      },
    );
  }
};

/** A keyed request's facts keep its key (as causation) and take ids from its digest. */
function keyed(request: FastifyRequest): { causationId?: string; requestDigest?: string } {
  const keyed = request.idempotency;
  return keyed ? { causationId: keyed.key, requestDigest: keyed.digest } : {};
}

export default pathwayCommands;
