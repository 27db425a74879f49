import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { errorResponses } from '../problem.js';
import { isUnder } from '../route-prefix.js';

const noParameters = z.strictObject({});

/**
 * A /v1 route that declares no query parameters takes none: `?dryRun=true` on a command would
 * otherwise be ignored silently (and the command recorded), where the routes that declare some
 * already refuse unknown ones. Health and docs are left as they are.
 */
async function strictQuery(app: FastifyInstance, opts: { prefix: string }): Promise<void> {
  app.addHook('onRoute', (route) => {
    if (!isUnder(route.url, opts.prefix)) return;
    if (route.schema?.querystring !== undefined) return;
    // ...and says so: a parameter sent anyway is a 400, which the description then lists
    const response = (route.schema?.response ?? {}) as Record<string, unknown>;
    route.schema = { ...route.schema, querystring: noParameters, response: '400' in response || 400 in response ? response : { ...response, ...errorResponses(400) } };
  });
}

export default fp(strictQuery, { name: 'strict-query' });
