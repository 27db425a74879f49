import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { serveCli } from '../support/cli.js';
import { tempDir } from '../support/temp-dir.js';

function token(dataDir: string, ...args: string[]) {
  return spawnSync(process.execPath, ['bin/parcours.js', 'token', ...args], { env: { ...process.env, PARCOURS_DATA_DIR: dataDir }, encoding: 'utf8' });
}

t.test('a token printed by `parcours token` is accepted by a fresh `parcours serve`', async (t) => {
  const dataDir = tempDir(t);
  const printed = token(dataDir, '--role', 'coordinator', '--org', 'org-op', '--territory', 'calaisis');
  t.equal(printed.status, 0, printed.stderr);
  const jwt = printed.stdout.trim();
  t.match(jwt, /^[\w-]+\.[\w-]+\.[\w-]+$/);
  const secret = join(dataDir, 'jwt-secret');
  t.ok(existsSync(secret), 'the secret is kept in the data folder');
  t.equal(statSync(secret).mode & 0o777, 0o600, 'readable by its owner only');

  const base = await serveCli(t, { PARCOURS_DATA_DIR: dataDir });
  const ok = await fetch(`${base}/v1/pathways`, { headers: { authorization: `Bearer ${jwt}` } });
  t.equal(ok.status, 200);
  const none = await fetch(`${base}/v1/pathways`);
  t.equal(none.status, 401);
  t.match(none.headers.get('content-type'), /application\/problem\+json/);
});

t.test('token usage errors', async (t) => {
  const dataDir = tempDir(t);
  const badRole = token(dataDir, '--role', 'emperor', '--org', 'x');
  t.equal(badRole.status, 2);
  t.match(badRole.stderr, /--role must be one of/);
  const noOrg = token(dataDir, '--role', 'auditor');
  t.equal(noOrg.status, 2);
  t.match(noOrg.stderr, /--org is required/);
  const named = token(dataDir, '--role', 'referrer', '--org', 'CCAS de Lens');
  t.equal(named.status, 2, 'an organisation is given by its id, which the service could record');
  t.match(named.stderr, /--org .*URL-safe/);
  t.equal(named.stdout, '', 'no token printed');
  const withEquals = token(dataDir, '--role=admin', '--org=a=b');
  t.equal(withEquals.status, 2, 'the value is everything after the first "=": "a=b", refused, not cut to "a"');
  t.match(withEquals.stderr, /--org /);
  for (const ttl of ['0s', '0d', '367d', '99999999999d']) {
    const res = token(dataDir, '--role', 'auditor', '--org', 'org-a', '--ttl', ttl);
    t.equal(res.status, 2, `--ttl ${ttl} is refused`);
    t.match(res.stderr, /--ttl is a duration from 1s to 366d/);
  }
  const extra = token(dataDir, '--role', 'auditor', '--org', 'org-a', 'extra');
  t.equal(extra.status, 2);
  t.match(extra.stderr, /unexpected argument: extra/);
});

t.test('an option value may hold "=": --sub=x=y signs the subject "x=y"', async (t) => {
  const dataDir = tempDir(t);
  const res = token(dataDir, '--role=auditor', '--org=org-a', '--sub=x=y');
  t.equal(res.status, 0, res.stderr);
  const payload = JSON.parse(Buffer.from(res.stdout.trim().split('.')[1]!, 'base64url').toString('utf8')) as { sub: string };
  t.equal(payload.sub, 'x=y');
});
