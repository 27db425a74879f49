import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { StoreBusyError, UnreadableEventError } from '../../../infra/eventstore/errors.js';
import { IdempotencyBusyError } from '../../../infra/idempotency/idempotency-store.js';
import { problem, ProblemError, type FieldError } from '../problem.js';
import { RouteMethods } from '../route-methods.js';

// Fastify's own error codes, mapped to our stable codes.
const FASTIFY_CODES: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'request.malformed_json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'request.empty_body' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'request.too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'request.unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'request.invalid_content_length' },
};

function send(reply: FastifyReply, request: FastifyRequest, status: number, code: string, detail: string, extra: Record<string, unknown> = {}) {
  return reply
    .code(status)
    .type('application/problem+json')
    .send(problem(status, code, detail, { instance: request.url, requestId: request.id, ...extra }));
}

/**
 * Errors Fastify's router meets before any hook runs (Fastify's `frameworkErrors` option): a
 * path whose percent-encoding is malformed, a path parameter longer than the router takes.
 * They too leave as problem+json with the request id.
 */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  reply.header('x-request-id', request.id);
  if (error.code === 'FST_ERR_BAD_URL') return send(reply, request, 400, 'request.malformed_url', 'The request path is not valid: its percent-encoding is malformed.');
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return send(reply, request, 414, 'request.uri_too_long', 'A path segment of the request is too long.');
  request.log.error({ err: error }, 'router error');
  return send(reply, request, 500, 'internal', 'An unexpected error occurred; it has been logged with the request id.');
}

/** Every error leaves as RFC 9457 application/problem+json; nothing internal leaks. */
async function problemDetails(app: FastifyInstance): Promise<void> {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ProblemError) {
      return send(reply, request, error.status, error.code, error.detail, error.extra);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const part = error.validationContext ?? 'body';
      const errors: FieldError[] = error.validation.flatMap((v) => {
        const base = v.instancePath === '/' ? '' : v.instancePath;
        // An unknown field is reported at its own path, so the caller sees which one.
        const keys = v.keyword === 'unrecognized_keys' ? ((v.params as { keys?: string[] }).keys ?? []) : [];
        if (keys.length) return keys.map((k) => ({ in: part, path: `${base}/${k}`, code: 'unknown_field', message: `Unknown field "${k}"` }));
        return [{ in: part, path: v.instancePath || '/', code: v.keyword, message: v.message ?? 'invalid' }];
      });
      const first = errors[0]!;
      return send(reply, request, 400, 'request.invalid', `The ${part} is invalid: ${first.path} ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`, { errors });
    }
    if ((error as unknown) instanceof StoreBusyError) {
      // Another process held the store's write lock too long: nothing was written, and the same request may be sent again.
      reply.header('retry-after', '1');
      return send(reply, request, 503, 'store.busy', 'The event store is busy with another process\'s write; nothing was recorded. Send the same request again shortly.');
    }
    if ((error as unknown) instanceof IdempotencyBusyError) {
      reply.header('retry-after', '1');
      return send(reply, request, 503, 'idempotency.busy', 'The idempotency keys are busy with another process\'s write; nothing was recorded. Send the same request again shortly.');
    }
    if ((error as unknown) instanceof UnreadableEventError) {
      // A stored fact altered outside the store: say which, so an auditor can verify its chain.
      const e = error as unknown as UnreadableEventError;
      request.log.error({ streamId: e.streamId, revision: e.revision, eventId: e.eventId }, 'stored event unreadable');
      // Where it is goes to the log only: the caller may not be allowed to know the pathway's history.
      return send(reply, request, 500, 'store.event_unreadable', 'A stored event cannot be read; it has been logged with the request id. An auditor can verify the hash chains (GET /v1/audit/verification).');
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return send(reply, request, known.status, known.code, error.message);
    if (error.validation) {
      return send(reply, request, 400, 'request.invalid', error.message);
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) {
      request.log.error({ err: error }, 'unhandled error');
      return send(reply, request, 500, 'internal', 'An unexpected error occurred; it has been logged with the request id.');
    }
    return send(reply, request, status, `http.${status}`, error.message);
  });

  const routes = new RouteMethods();
  app.addHook('onRoute', (route) => routes.record(route));
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    const allowed = routes.allowedOn(path);
    if (allowed.length > 0) {
      reply.header('allow', allowed.join(', '));
      return send(reply, request, 405, 'route.method_not_allowed', `${path} does not answer ${request.method}; it answers ${allowed.join(', ')}.`);
    }
    return send(reply, request, 404, 'route.not_found', `No route ${request.method} ${path}`);
  });
}

export default fp(problemDetails, { name: 'problem-details' });
