// A problem's `type` leads to what it means: every code the service's sources can send is listed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { testService } from '../support/service.js';

const root = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

t.test('every problem code the HTTP layer sends has a problem type that its URI leads to', async (t) => {
  const svc = await testService(t);
  const listed = (await svc.app.inject({ method: 'GET', url: '/problems' })).json() as Array<{ code: string; type: string; status: number }>;
  const byCode = new Map(listed.map((p) => [p.code, p]));
  // The HTTP layer's codes, wherever its sources spell one; the decider's come from its own table.
  const family = /'((?:auth|request|idempotency|pathway|policy|store|audit|problem|route)\.[a-z_]+)'/g;
  const sent = new Set<string>(['internal']);
  for (const file of [...sources(join(root, 'services')), ...sources(join(root, 'domain', 'access'))]) {
    for (const match of readFileSync(file, 'utf8').matchAll(family)) sent.add(match[1]!);
  }
  t.ok(sent.size > 30, `the scan finds the codes (${sent.size})`);
  for (const code of sent) t.ok(byCode.has(code), `${code} is listed`);
  const { REJECTION_CODES } = await import('../../domain/pathway/rejections.js');
  for (const code of REJECTION_CODES) t.ok(byCode.has(code), `${code} (a refusal of the rules) is listed`);

  for (const entry of listed) {
    const res = await svc.app.inject({ method: 'GET', url: entry.type });
    t.equal(res.statusCode, 200, `${entry.type} answers`);
    t.equal(res.json().code, entry.code);
  }
  // A real problem's type, followed, says what it is and with which status it comes.
  const refused = (await svc.app.inject({ method: 'GET', url: '/v1/pathways' })).json();
  const described = (await svc.app.inject({ method: 'GET', url: refused.type })).json();
  t.match(described, { code: 'auth.token_missing', status: refused.status });
  // the router's own answers lead somewhere too: no route, and the framework's other client errors
  const noRoute = (await svc.app.inject({ method: 'GET', url: '/no/such/route' })).json();
  t.match((await svc.app.inject({ method: 'GET', url: noRoute.type })).json(), { code: 'route.not_found', status: 404 });
  t.match((await svc.app.inject({ method: 'GET', url: '/problems/http.405' })).json(), { code: 'http.405', status: 405 });
  t.equal((await svc.app.inject({ method: 'GET', url: '/problems/http.999' })).statusCode, 404);
  const unknown = await svc.app.inject({ method: 'GET', url: '/problems/no.such_code' });
  t.equal(unknown.statusCode, 404);
  t.equal(unknown.json().code, 'problem.unknown');
  t.match(unknown.headers['content-type'], /application\/problem\+json/);
});
