import { Validator } from '@seriousme/openapi-schema-validator';
import t from 'tap';
import { COMMAND_TYPES, commandRoutes } from '../../contracts/commands/index.js';
import { testService } from '../support/service.js';

t.test('/docs/json is valid OpenAPI 3.1 and documents every route with request, response and error schemas', async (t) => {
  const svc = await testService(t);
  const spec = (await svc.app.inject({ method: 'GET', url: '/docs/json' })).json();
  const result = await new Validator().validate(spec);
  t.ok(result.valid, `valid OpenAPI: ${JSON.stringify(result.errors ?? []).slice(0, 2000)}`);
  t.equal(spec.openapi, '3.1.0');

  for (const type of COMMAND_TYPES) {
    const path = type === 'ReferHousehold' ? '/v1/pathways' : `/v1/pathways/{pathwayId}/${commandRoutes[type].segment}`;
    const op = spec.paths[path]?.post;
    t.ok(op, `${type} is documented at POST ${path}`);
    if (!op) continue;
    t.ok(op.requestBody?.content?.['application/json']?.schema, `${type}: request schema`);
    const ok = op.responses[type === 'ReferHousehold' ? '201' : '200'];
    t.ok(ok?.content?.['application/json']?.schema, `${type}: success schema`);
    for (const status of ['400', '401', '403', '422']) t.ok(op.responses[status], `${type}: ${status} documented`);
    t.match(op.responses['503']?.description, /store\.busy.*idempotency\.busy.*Retry-After/, `${type}: 503 says which locks and when to retry`);
  }
  t.match(spec.paths['/v1/phase-policies'].post.responses['503']?.description, /idempotency\.busy/, 'so does the policy POST');

  t.ok(spec.paths['/health/ready'].get.responses['503'].content['application/json'], 'a route answering an error status with its own body keeps its media type');

  // The bodies partner systems read are published in full, not as open objects.
  const schemas = spec.components.schemas as Record<string, Record<string, any>>;
  const viewRefs = JSON.stringify(schemas.Pathway?.properties?.pathway);
  t.match(viewRefs, /PathwayFullView/, 'GET /v1/pathways/{id}: the full view is published');
  t.match(viewRefs, /PathwayOutcomeView/, 'and the outcome view');
  t.equal(schemas.PathwayOutcomeView?.additionalProperties, false, 'the outcome view lists every field it has');
  const eventKinds = Object.keys(schemas).filter((name) => /^[A-Za-z]+V\d+Event$/.test(name));
  t.ok(eventKinds.includes('SupportContactRecordedV1Event') && eventKinds.includes('HouseholdReferredV1Event'), 'each stored event type and version has its schema');
  t.match(JSON.stringify(schemas.PathwayEventPage), /SupportContactRecordedV1Event/, 'the raw history refers to them');

  // Every operation of the API documents at least one error response.
  for (const [path, item] of Object.entries<Record<string, { responses: Record<string, unknown> }>>(spec.paths)) {
    if (!path.startsWith('/v1')) continue;
    for (const [method, op] of Object.entries(item)) {
      const statuses = Object.keys(op.responses ?? {});
      t.ok(statuses.some((s) => s.startsWith('2')), `${method.toUpperCase()} ${path}: success response`);
      t.ok(statuses.some((s) => s.startsWith('4')), `${method.toUpperCase()} ${path}: error responses`);
      for (const status of statuses.filter((s) => Number(s) >= 400)) {
        const content = (op.responses[status] as { content?: Record<string, { schema?: unknown }> }).content ?? {};
        t.same(Object.keys(content), ['application/problem+json'], `${method.toUpperCase()} ${path} ${status}: documented as problem+json, as sent`);
        t.ok(content['application/problem+json']?.schema, `${method.toUpperCase()} ${path} ${status}: with its schema`);
      }
      // Every route can be sent a bad input: at the least a query parameter it does not take.
      t.ok(op.responses['400'], `${method.toUpperCase()} ${path}: 400 documented`);
      const headersOf = (status: string) => Object.keys((op.responses[status] as { headers?: object } | undefined)?.headers ?? {});
      for (const status of statuses) t.ok(headersOf(status).includes('X-Request-Id'), `${method.toUpperCase()} ${path} ${status}: X-Request-Id`);
      if (op.responses['401']) t.ok(headersOf('401').includes('WWW-Authenticate'), `${method.toUpperCase()} ${path}: WWW-Authenticate on 401`);
      if (op.responses['503']) t.ok(headersOf('503').includes('Retry-After'), `${method.toUpperCase()} ${path}: Retry-After on 503`);
      if (path.includes('{')) t.ok(op.responses['414'], `${method.toUpperCase()} ${path}: 414 for an over-long path`);
    }
  }
  const pathwayHeaders = (op: { responses: Record<string, { headers?: object }> }, status: string) => Object.keys(op.responses[status]?.headers ?? {});
  t.match(pathwayHeaders(spec.paths['/v1/pathways'].post, '201'), ['X-Request-Id', 'Idempotent-Replayed', 'ETag', 'Location'], 'a referral: its ETag and Location');
  t.match(pathwayHeaders(spec.paths['/v1/pathways/{pathwayId}/support-contacts'].post, '200'), ['X-Request-Id', 'Idempotent-Replayed', 'ETag'], 'a command: the new ETag');
  const read = spec.paths['/v1/pathways/{pathwayId}'].get;
  t.match(pathwayHeaders(read, '200'), ['X-Request-Id', 'ETag', 'Cache-Control', 'Vary'], 'a read: ETag and caching');
  t.ok(read.parameters.some((p: { in: string; name: string }) => p.in === 'header' && p.name === 'if-none-match'), 'If-None-Match is a documented parameter');
});
