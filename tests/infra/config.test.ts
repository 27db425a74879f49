import { spawnSync } from 'node:child_process';
import t from 'tap';
import { ConfigError, loadConfig } from '../../infra/config/config.js';

t.test('defaults', async (t) => {
  const c = loadConfig({});
  t.equal(c.PORT, 3000);
  t.equal(c.HOST, '127.0.0.1');
  t.equal(c.PARCOURS_DATA_DIR, './data');
  t.ok(c.dataDir.endsWith('/data'));
  t.equal(c.LOG_LEVEL, 'info');
  t.equal(c.PARCOURS_PROJECTION_PRIORITY, 'idle', 'read models run only on CPU time nothing else wants');
  t.equal(c.PARCOURS_STORE_WRITER, 'inline', 'commits on the request thread, the cheapest in CPU');
  t.equal(loadConfig({ PARCOURS_STORE_WRITER: 'thread' }).PARCOURS_STORE_WRITER, 'thread');
  t.equal(c.PARCOURS_STORE_BUSY_TIMEOUT_MS, 5000, 'another process\'s write lock is waited for 5 s');
  t.equal(loadConfig({ PARCOURS_STORE_BUSY_TIMEOUT_MS: '250' }).PARCOURS_STORE_BUSY_TIMEOUT_MS, 250);
});

t.test('a bad value names the variable', async (t) => {
  t.throws(() => loadConfig({ PORT: 'eighty' }), ConfigError);
  try {
    loadConfig({ PORT: '70000', LOG_LEVEL: 'loud' });
  } catch (e) {
    t.match((e as Error).message, /PORT="70000"/);
    t.match((e as Error).message, /LOG_LEVEL="loud"/);
  }
  t.throws(() => loadConfig({ PARCOURS_JWT_SECRET: 'short' }), /PARCOURS_JWT_SECRET/);
  // a rejected secret is named and measured, never echoed (start-up errors reach logs and terminals)
  const secret = 'hunter2-my-real-secret';
  const message = (() => {
    try {
      loadConfig({ PARCOURS_JWT_SECRET: secret });
      return '';
    } catch (error) {
      return (error as Error).message;
    }
  })();
  t.match(message, /PARCOURS_JWT_SECRET=<22 characters, not shown>/);
  t.notOk(message.includes(secret), 'the secret itself is not in the message');
  t.throws(() => loadConfig({ PARCOURS_PROJECTION_PRIORITY: 'realtime' }), /PARCOURS_PROJECTION_PRIORITY/);
  t.throws(() => loadConfig({ PARCOURS_STORE_WRITER: 'process' }), /PARCOURS_STORE_WRITER="process"/);
  t.throws(() => loadConfig({ PARCOURS_STORE_BUSY_TIMEOUT_MS: '0' }), /PARCOURS_STORE_BUSY_TIMEOUT_MS="0"/);
});

t.test('the service refuses to start on a bad value, with a clear message', async (t) => {
  const res = spawnSync(process.execPath, ['bin/parcours.js', 'serve'], { env: { ...process.env, PORT: 'not-a-port' }, encoding: 'utf8', timeout: 20_000 });
  t.equal(res.status, 78);
  t.match(res.stderr, /Invalid configuration/);
  t.match(res.stderr, /PORT="not-a-port"/);
});
