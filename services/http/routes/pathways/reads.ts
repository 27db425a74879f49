import type Database from 'better-sqlite3';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  eventPageQuery,
  eventPageSchema,
  pathwayIdParams,
  pathwayListQuery,
  pathwayListSchema,
  pathwayReadQuery,
  pathwayResourceSchema,
} from '../../../../contracts/api/pathway-resources.js';
import { canRead, readView, seesOutcomeOnly } from '../../../../domain/access/policy.js';
import type { EventStore } from '../../../../infra/eventstore/port.js';
import type { PathwayService } from '../../../pathways/pathway-service.js';
import { listPathways } from '../../../../projections/pathway-list-queries.js';
import { pathwayStreamId } from '../../../pathways/load-pathway.js';
import { etagOf, ifNoneMatchHolds } from '../../etag.js';
import { PathwayBodies } from '../../../pathways/pathway-bodies.js';
import { requireFullView } from '../../read-access.js';
import { principalOf } from '../../plugins/authentication.js';
import { errorResponses, ProblemError } from '../../problem.js';
import { plainJsonSerializer } from '../../plain-json.js';

/** Reading pathways: one (now or as of a date), the list, and the raw history. */
const pathwayReads: FastifyPluginAsyncZod<{ store: EventStore; pathways: PathwayService; readDb: Database.Database }> = async (app, { store, pathways, readDb }) => {
  const bodies = new PathwayBodies();
  app.get(
    '/v1/pathways/:pathwayId',
    {
      // The hottest read: its body is written once per revision (PathwayBodies) and sent as is.
      schema: {
        tags: ['pathways'],
        operationId: 'GetPathway',
        summary: 'The current state of a pathway, or its state as of a date (ETag = stream revision; If-None-Match answers 304 while it is current)',
        params: pathwayIdParams,
        querystring: pathwayReadQuery,
        response: { 200: pathwayResourceSchema, 304: z.null().describe('Not modified: the If-None-Match ETag is the current revision; no body'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const asOf = request.query.asOf ? new Date(request.query.asOf) : undefined;
      const loaded = await pathways.load(request.params.pathwayId, asOf);
      if (!loaded) {
        throw new ProblemError(404, 'pathway.not_found', asOf ? `No pathway ${request.params.pathwayId} existed at ${request.query.asOf}.` : `No pathway ${request.params.pathwayId}.`);
      }
      const access = canRead(actor, loaded.scope);
      if (!access.allowed) throw new ProblemError(403, access.code, access.detail);
      const view = readView(actor, loaded.scope)!;
      const etag = etagOf(loaded.revision);
      // The answer depends on the caller's token (its view); the full view holds personal data
      // that no cache should keep, the outcome view may be kept by the caller and revalidated.
      reply.header('etag', etag).header('vary', 'Authorization').header('cache-control', view === 'full' ? 'no-store' : 'private, no-cache');
      // No payload at all: a serialised null would go out as the 4 bytes "null" with their Content-Length.
      if (ifNoneMatchHolds(request.headers['if-none-match'], etag)) return reply.code(304).send(undefined as never);
      reply.type('application/json; charset=utf-8');
      // The JSON bytes are sent as they are: the schema documents the body, the text is already written.
      return reply.send(bodies.body(request.params.pathwayId, loaded, view, request.query.asOf) as never);
    },
  );

  app.get(
    '/v1/pathways',
    {
      schema: {
        tags: ['pathways'],
        operationId: 'ListPathways',
        summary: 'Pathways the caller may see, filtered, with cursor pagination (eventually consistent)',
        querystring: pathwayListQuery,
        response: { 200: pathwayListSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = principalOf(request);
      const { cursor, limit, ...filters } = request.query;
      if (filters.assignedOfficer !== undefined && seesOutcomeOnly(actor)) {
        throw new ProblemError(403, 'auth.outcome_only', 'Your role sees the outcome of pathways, not who is assigned to them.');
      }
      const afterId = cursor ? decodeCursor(cursor) : undefined;
      const page = listPathways(readDb, actor, { ...filters, limit, ...(afterId ? { afterId } : {}) });
      const last = page.items[page.items.length - 1];
      return { items: page.items, nextCursor: page.more && last ? encodeCursor(last.pathwayId) : null };
    },
  );

  app.get(
    '/v1/pathways/:pathwayId/events',
    {
      schema: {
        tags: ['pathways'],
        operationId: 'GetPathwayEvents',
        summary: 'The raw history of a pathway, in revision order, paginated (full-view roles only)',
        params: pathwayIdParams,
        querystring: eventPageQuery,
        response: { 200: eventPageSchema, ...errorResponses(400, 401, 403, 404) },
      },
      // Sent as stored (plain-json.ts says why).
      serializerCompiler: plainJsonSerializer,
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const loaded = await pathways.load(request.params.pathwayId);
      if (!loaded) throw new ProblemError(404, 'pathway.not_found', `No pathway ${request.params.pathwayId}.`);
      requireFullView(actor, loaded.scope, 'its raw history (it holds personal data)');
      // The facts hold personal data, as the full view does: kept by no cache.
      reply.header('cache-control', 'no-store').header('vary', 'Authorization');
      const { after, limit } = request.query;
      const items = [];
      for await (const e of store.readStream(pathwayStreamId(request.params.pathwayId), { fromRevision: after + 1, maxCount: limit + 1 })) {
        items.push({
          id: e.id,
          type: e.type,
          schemaVersion: e.schemaVersion,
          revision: e.revision,
          globalPosition: e.globalPosition,
          recordedAt: e.recordedAt,
          occurredAt: e.metadata.occurredAt,
          principal: e.metadata.principal,
          correlationId: e.metadata.correlationId,
          ...(e.metadata.causationId ? { causationId: e.metadata.causationId } : {}),
          data: e.data,
          hash: e.hash,
        });
      }
      const more = items.length > limit;
      const page = items.slice(0, limit);
      return { items: page, nextAfter: more ? page[page.length - 1]!.revision : null };
    },
  );
};

function encodeCursor(pathwayId: string): string {
  return Buffer.from(JSON.stringify({ after: pathwayId })).toString('base64url');
}

function decodeCursor(cursor: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after?: unknown };
    if (typeof parsed.after === 'string') return parsed.after;
  } catch {
    // fall through to the problem below
  }
  throw new ProblemError(400, 'request.invalid_cursor', 'The cursor is not one this API returned.', { errors: [{ in: 'querystring', path: '/cursor', code: 'invalid_cursor', message: 'unknown cursor' }] });
}

export default pathwayReads;
