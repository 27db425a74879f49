// The projection worker is a child process: when it dies, readiness says so, and it is started
// again and resumes from its checkpoints.
import type { FastifyInstance } from 'fastify';
import t from 'tap';
import type { ProjectionWorkerHost } from '../../services/workers/projection-worker-host.js';
import { caller, tokenFor } from '../support/api.js';
import { referHousehold } from '../support/journey.js';
import { testService } from '../support/service.js';

interface Ready {
  statusCode: number;
  body: { status: string; checks: { projections: Array<{ name: string; state: string; lag: number; error?: string }> } };
}

async function ready(app: FastifyInstance): Promise<Ready> {
  const res = await app.inject({ method: 'GET', url: '/health/ready' });
  return { statusCode: res.statusCode, body: res.json() };
}

/** Polls readiness until `until` holds (or the time is up); returns the last answer. */
async function readyWhen(app: FastifyInstance, until: (r: Ready) => boolean, timeoutMs = 15_000): Promise<Ready> {
  const deadline = Date.now() + timeoutMs;
  let last = await ready(app);
  while (!until(last) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 25));
    last = await ready(app);
  }
  return last;
}

const caughtUp = (r: Ready) => r.statusCode === 200 && r.body.checks.projections.every((p) => p.lag === 0);

t.test('a killed projection worker makes the service not ready, is started again and catches up', async (t) => {
  const service = await testService(t, { PARCOURS_PROJECTION_PRIORITY: 'normal' });
  const host = service.projections as ProjectionWorkerHost;
  const c = caller(service.app, await tokenFor(service.dataDir, 'coordinator', 'org-a', ['calaisis']));
  await referHousehold(c);
  t.ok(caughtUp(await readyWhen(service.app, caughtUp)), 'ready and caught up');
  const first = host.pid;
  t.type(first, 'number');

  process.kill(first!, 'SIGKILL');
  const down = await readyWhen(service.app, (r) => r.statusCode === 503);
  t.equal(down.statusCode, 503, 'not ready while the worker is down');
  t.equal(down.body.status, 'not_ready');
  for (const p of down.body.checks.projections) {
    t.equal(p.state, 'failed', `${p.name} is reported failed`);
    t.match(p.error, /SIGKILL.*starting it again in \d+ ms/, 'the error says what happened and what comes next');
  }

  // Events written while it was down are projected by the new worker.
  await referHousehold(c);
  const back = await readyWhen(service.app, caughtUp);
  t.ok(caughtUp(back), 'ready again, with no lag');
  t.equal(host.restarts, 1);
  t.type(host.pid, 'number');
  t.not(host.pid, first, 'a new process');
});

t.test('a worker that died is not started again once the service stops', async (t) => {
  const service = await testService(t, { PARCOURS_PROJECTION_PRIORITY: 'normal' });
  const host = service.projections as ProjectionWorkerHost;
  await readyWhen(service.app, (r) => r.statusCode === 200);
  process.kill(host.pid!, 'SIGKILL');
  await readyWhen(service.app, (r) => r.statusCode === 503);
  await service.stop();
  // Longer than the first restart delay (1 s).
  await new Promise((r) => setTimeout(r, 1500));
  t.equal(host.restarts, 0, 'no restart after stop');
  t.equal(host.pid, undefined, 'no worker left running');
});
