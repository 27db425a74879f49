import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { AuthenticatedPrincipal } from '../../../infra/auth/principal.js';
import type { TokenVerifier } from '../../../infra/auth/tokens.js';
import { ProblemError } from '../problem.js';
import { isUnder } from '../route-prefix.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: AuthenticatedPrincipal | null;
  }
}

/**
 * Every route under /v1 needs a valid bearer token; health and docs stay open. The hook is
 * attached to the routes themselves, chosen by their declared path: a check of the request's
 * URL would let `/%76%31/...` or an absolute-form target (`http://host/v1/...`), which the router
 * matches to the same routes, through without a token.
 */
async function authentication(app: FastifyInstance, opts: { verifier: TokenVerifier; prefix: string }): Promise<void> {
  app.decorateRequest('principal', null);
  const authenticate: onRequestHookHandler = (request, reply, done) => {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim()) : null;
    if (!match) {
      reply.header('www-authenticate', 'Bearer realm="parcours"');
      return done(new ProblemError(401, 'auth.token_missing', 'A bearer token is required (Authorization: Bearer <token>).'));
    }
    // A token seen before is answered at once; a new one waits for its signature check.
    const known = opts.verifier.remembered(match[1]!);
    if (known) {
      request.principal = known;
      return done();
    }
    opts.verifier.verify(match[1]!).then(
      (result) => {
        if (!result.ok) {
          reply.header('www-authenticate', `Bearer realm="parcours", error="invalid_token"`);
          return done(new ProblemError(401, result.reason === 'expired' ? 'auth.token_expired' : 'auth.token_invalid', result.detail));
        }
        request.principal = result.principal;
        done();
      },
      (error: Error) => done(error),
    );
  };
  // First among the route's own onRequest hooks: nothing of a route runs before its caller is known.
  app.addHook('onRoute', (route) => {
    if (!isUnder(route.url, opts.prefix)) return;
    const own = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
    route.onRequest = [authenticate, ...own];
  });
}

/** The caller, for handlers behind the authentication hook. */
export function principalOf(request: FastifyRequest): AuthenticatedPrincipal {
  if (!request.principal) throw new ProblemError(401, 'auth.token_missing', 'A bearer token is required.');
  return request.principal;
}

export default fp(authentication, { name: 'authentication' });
