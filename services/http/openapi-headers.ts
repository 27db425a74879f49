// The response headers the API sends, added to the generated description (the route schemas
// describe bodies only): ETag, Location, Idempotent-Replayed, Cache-Control and Vary where the
// routes set them, WWW-Authenticate on 401, Retry-After on 503, X-Request-Id on every answer;
// the 414 the router answers for an over-long path; and If-None-Match, which the pathway read
// handles itself (a header schema would cost its validation on the hottest read).
type Header = { description: string; schema: { type: string } };
type Response = { description?: string; headers?: Record<string, Header>; content?: Record<string, unknown> };
type Parameter = { in: string; name?: string; required?: boolean; description?: string; schema?: { type: string } };
type Operation = { responses?: Record<string, Response>; parameters?: Parameter[] };
type OpenApiDocument = { paths?: Record<string, Record<string, Operation>> };

const header = (description: string): Header => ({ description, schema: { type: 'string' } });

const REQUEST_ID = header('The request id (also the problem body’s requestId and the events’ correlation id)');
const ETAG = header('The pathway’s stream revision, quoted ("3"): send it back as If-Match');
const LOCATION = header('Where the created resource is read');
const REPLAYED = header('"true" when the answer is the one first given to this Idempotency-Key');
const WWW_AUTHENTICATE = header('Bearer realm="parcours", with error="invalid_token" for a token that failed verification');
const RETRY_AFTER = header('Seconds to wait before retrying (store.busy, idempotency.busy)');
const CACHE_CONTROL = header('no-store for the full view (personal data), private, no-cache for the outcome view');
const VARY = header('Authorization: the view depends on the caller');
const NO_STORE = header('no-store: the facts hold personal data');
const PRIVATE = header('private, no-cache');

const PATHWAY = '/v1/pathways/{pathwayId}';
const PROBLEM = { $ref: '#/components/schemas/Problem' };

export function withResponseHeaders<T>(doc: T): T {
  for (const [path, item] of Object.entries((doc as OpenApiDocument).paths ?? {})) {
    if (!path.startsWith('/v1')) continue;
    for (const [method, op] of Object.entries(item)) {
      const responses = (op.responses ??= {});
      if (method === 'get' && path === PATHWAY && !op.parameters?.some((p) => p.name === 'if-none-match')) {
        (op.parameters ??= []).push({ in: 'header', name: 'if-none-match', required: false, description: 'ETags you hold (weak comparison, or *): 304 with no body while one is current', schema: { type: 'string' } });
      }
      if (op.parameters?.some((p) => p.in === 'path') && !responses['414']) {
        responses['414'] = { description: 'URI Too Long: a path segment is longer than any id (request.uri_too_long)', content: { 'application/problem+json': { schema: PROBLEM } } };
      }
      for (const [status, response] of Object.entries(responses)) {
        const headers: Record<string, Header> = { 'X-Request-Id': REQUEST_ID };
        const code = Number(status);
        if (code === 401) headers['WWW-Authenticate'] = WWW_AUTHENTICATE;
        if (code === 503) headers['Retry-After'] = RETRY_AFTER;
        // Every answer to an authenticated request but a 412 or a 5xx is kept for its
        // Idempotency-Key, and replayed with this header (a 401 comes before any key is read).
        if (method === 'post' && code < 500 && code !== 412 && code !== 401) headers['Idempotent-Replayed'] = REPLAYED;
        if (method === 'post' && code < 300) {
          if (path.startsWith('/v1/pathways')) headers.ETag = ETAG;
          if (code === 201) headers.Location = LOCATION;
        }
        if (method === 'get' && path === PATHWAY && (code === 200 || code === 304)) {
          Object.assign(headers, { ETag: ETAG, 'Cache-Control': CACHE_CONTROL, Vary: VARY });
        }
        if (method === 'get' && (path === `${PATHWAY}/events` || path === `${PATHWAY}/timeline`) && code === 200) {
          Object.assign(headers, { 'Cache-Control': path.endsWith('events') ? NO_STORE : PRIVATE, Vary: VARY });
        }
        response.headers = { ...response.headers, ...headers };
      }
    }
  }
  return doc;
}
