import { Writable } from 'node:stream';
import { pino } from 'pino';
import t from 'tap';
import { loadConfig } from '../../infra/config/config.js';
import { loggerOptions } from '../../infra/logging/logger.js';
import { lazyChildLogger } from '../../services/http/request-logger.js';
import { startService } from '../../services/server.js';
import { caller, tokenFor } from '../support/api.js';
import { referHousehold } from '../support/journey.js';
import { tempDir } from '../support/temp-dir.js';

function sinkLogger(level: string) {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { log: pino(loggerOptions(level), sink), lines };
}

t.test('a request logger writes what a pino child would, and only at enabled levels', async (t) => {
  const { log, lines } = sinkLogger('warn');
  let children = 0;
  const child = log.child;
  log.child = function (this: typeof log, ...args: Parameters<typeof log.child>) {
    children++;
    return child.apply(this, args);
  } as typeof log.child;
  const request = lazyChildLogger(log, { reqId: 'r-1' }, {});
  request.info('not at warn');
  request.debug({ x: 1 }, 'nor this');
  t.equal(lines.length, 0, 'disabled levels write nothing');
  t.equal(children, 0, 'and no pino child was built for them');
  t.equal(request.level, 'warn', 'the level is the parent’s');

  request.warn({ pathwayId: 'p-1', income: 1234 }, 'slow append');
  t.equal(lines.length, 1);
  t.match(lines[0], { reqId: 'r-1', pathwayId: 'p-1', msg: 'slow append', level: 40 });
  t.equal(lines[0]!.income, '[redacted]', 'the parent’s redaction still applies');
  t.equal(children, 1, 'the child is built once, on the first line written');

  request.child({ step: 'decide' }).error('refused');
  t.match(lines[1], { reqId: 'r-1', step: 'decide', msg: 'refused' }, 'a child of it keeps the request id');

  request.level = 'debug';
  request.debug('now enabled');
  t.match(lines[2], { reqId: 'r-1', msg: 'now enabled' }, 'a level set on the request applies to it');
  t.equal(log.level, 'warn', '... and not to the parent');
});

t.test('a route with its own log level gets a real child at once', async (t) => {
  const { log, lines } = sinkLogger('warn');
  const request = lazyChildLogger(log, { reqId: 'r-2' }, { level: 'info' });
  request.info('route says info');
  t.match(lines[0], { reqId: 'r-2', msg: 'route says info' });
});

t.test('over HTTP at level info, request lines carry the request id of the response', async (t) => {
  const { log, lines } = sinkLogger('info');
  const dataDir = tempDir(t);
  const service = await startService(loadConfig({ PARCOURS_DATA_DIR: dataDir, LOG_LEVEL: 'info' }), log);
  t.teardown(() => service.stop());
  await service.app.ready();
  const admin = caller(service.app, await tokenFor(dataDir, 'admin', 'org-dept', ['*']));
  const id = await referHousehold(admin, {});
  lines.length = 0;
  const res = await admin.get(`/v1/pathways/${id}`);
  const reqId = res.headers['x-request-id'];
  const mine = lines.filter((l) => l.reqId === reqId).map((l) => l.msg);
  t.same(mine, ['incoming request', 'request completed']);
});
