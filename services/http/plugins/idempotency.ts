import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, onSendHookHandler, preValidationHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { canonicalJson } from '../../../infra/eventstore/hash-chain.js';
import { IdempotencyBusyError, type IdempotencyStore } from '../../../infra/idempotency/idempotency-store.js';
import { ProblemError } from '../problem.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's Idempotency-Key, reserved for it; null without a key (or on a replay). */
    idempotency: KeyedRequest | null;
  }
}

export interface KeyedRequest {
  key: string;
  /**
   * Names this request across its retries: the caller's key scope, its Idempotency-Key and its
   * request (method, URL, body). Facts take ids derived from it, so a retry is recognised in
   * the store even when the key's record was lost.
   */
  digest: string;
  /** Names the reservation: only this request completes or releases it. */
  reservedAt: string;
}

const KEY = /^[A-Za-z0-9._:-]{1,200}$/;
/** How long a keyed request waits for another process's lock on the key file before 503 idempotency.busy. */
const KEYS_WAIT_MS = 1000;
const REPLAYED_HEADERS = ['content-type', 'etag', 'location'];

/**
 * Every POST accepts an Idempotency-Key: the same key with the same request gets the first
 * response again (with `Idempotent-Replayed: true`); the same key with another request is 422.
 * Server errors release the key, so the caller may retry.
 */
async function idempotency(app: FastifyInstance, opts: { store: IdempotencyStore }): Promise<void> {
  app.decorateRequest('idempotency', null);

  // Only POST routes get the hooks, so reads pay nothing for them; a POST without a key returns
  // at once, without a promise. As route hooks they run after every instance-level hook of the
  // same kind (there are none today): the payload completeHook stores is the one sent.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.includes('POST')) return;
    route.preValidation = [reserveHook, ...hooksOf(route.preValidation)];
    route.onSend = [completeHook, ...hooksOf(route.onSend)];
  });

  const reserveHook: preValidationHookHandler = (request, reply, done) => {
    // A route may take other methods too (app.route with a list): only its POSTs use keys.
    if (request.method !== 'POST' || request.headers['idempotency-key'] === undefined) return done();
    reserveOrWait(request, reply, done, performance.now() + KEYS_WAIT_MS, 1);
  };

  /** While another process holds the key file's lock, tries again in growing steps, the thread free meanwhile. */
  function reserveOrWait(request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void, deadline: number, pause: number): void {
    let next: 'continue' | 'answered';
    try {
      next = reserve(request, reply);
    } catch (error) {
      if (error instanceof IdempotencyBusyError && performance.now() + pause < deadline) {
        setTimeout(() => reserveOrWait(request, reply, done, deadline, Math.min(pause * 2, 20)), pause);
        return;
      }
      return done(error as Error);
    }
    // A replayed response is sent from here, and the request goes no further (no done()).
    if (next === 'continue') done();
  }

  /** Reserves the key, or answers the request (a replay); throws the problem when the key cannot be used. */
  function reserve(request: FastifyRequest, reply: FastifyReply): 'continue' | 'answered' {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw new ProblemError(400, 'idempotency.key_invalid', 'Idempotency-Key must be 1 to 200 characters among letters, digits and . _ : -');
    }
    const principalId = keyScope(request);
    const fingerprint = createHash('sha256').update(`${request.method} ${request.url}\n${canonicalBody(request.body)}`).digest('hex');
    const reservation = opts.store.reserve(principalId, key, fingerprint);
    switch (reservation.kind) {
      case 'new':
        request.idempotency = {
          key,
          digest: createHash('sha256').update(`${principalId}\u0000${key}\u0000${fingerprint}`).digest('hex'),
          reservedAt: reservation.reservedAt,
        };
        return 'continue';
      case 'mismatch':
        throw new ProblemError(422, 'idempotency.key_reused', 'This Idempotency-Key was already used with a different request.');
      case 'in_progress':
        throw new ProblemError(409, 'idempotency.in_progress', 'A request with this Idempotency-Key is still being processed; retry shortly.');
      case 'replay': {
        const { statusCode, headers, body } = reservation.response;
        reply.code(statusCode).headers(headers).header('idempotent-replayed', 'true').send(body);
        return 'answered';
      }
    }
  }

  /**
   * The body as canonical JSON, before any validation: a body nested thousands of levels deep
   * (which the JSON parser takes) would overflow the recursive serialiser; it is bad input.
   */
  function canonicalBody(body: unknown): string {
    try {
      return canonicalJson(body ?? null);
    } catch (error) {
      if (error instanceof RangeError) throw new ProblemError(400, 'request.too_deep', 'The body nests arrays or objects too deeply.');
      throw error;
    }
  }

  const completeHook: onSendHookHandler = (request, reply, payload, done) => {
    const keyed = request.idempotency;
    if (!keyed) return done(null, payload);
    const principalId = keyScope(request);
    try {
      // A 412 did nothing, and is followed by a read and the same request with a fresh If-Match
      // (which the fingerprint leaves out): replaying the 412 to it for a week would help nobody.
      if (reply.statusCode >= 500 || reply.statusCode === 412) {
        opts.store.release(principalId, keyed.key, keyed.reservedAt);
      } else {
        const headers: Record<string, string> = {};
        for (const name of REPLAYED_HEADERS) {
          const value = reply.getHeader(name);
          if (value !== undefined) headers[name] = String(value);
        }
        opts.store.complete(principalId, keyed.key, keyed.reservedAt, { statusCode: reply.statusCode, headers, body: bodyText(payload) });
      }
    } catch (error) {
      // Not a busy lock (that is tried again in the background) but the file itself failing.
      // The answer stands all the same: what was recorded is recorded, and once the key is
      // retaken (after a minute) a retry finds its facts in the store by their ids.
      request.log.error({ err: error }, 'idempotency key file failed; the key stays reserved for a minute');
    }
    done(null, payload);
  };
}

/**
 * Whose keys these are: the caller with its rights. A replay skips the route's access checks,
 * so a token of the same subject with another role, organisation or territories gets a key
 * space of its own, where its request runs (and is refused if it must be) instead of being
 * answered what the other token was.
 */
function keyScope(request: FastifyRequest): string {
  const p = request.principal;
  // As JSON, so no territory's characters can make two sets of rights read alike.
  return p ? JSON.stringify([p.id, p.role, p.organisationId, [...p.territories].sort()]) : 'anonymous';
}

/** The answer as text: Buffers (a pre-encoded body) are decoded, not printed as `[object ...]`. */
function bodyText(payload: unknown): string {
  if (typeof payload === 'string') return payload;
  if (Buffer.isBuffer(payload)) return payload.toString('utf8');
  return String(payload ?? '');
}

function hooksOf<T>(hooks: T | T[] | undefined): T[] {
  return hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks];
}

export default fp(idempotency, { name: 'idempotency', dependencies: ['authentication'] });
