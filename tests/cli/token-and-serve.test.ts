import type { Test } from 'tap';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { tempDir } from '../support/temp-dir.js';

/** Starts `parcours serve` on a free port and resolves with its base URL once it listens. */
function serve(t: Test, dataDir: string): Promise<string> {
  const child = spawn(process.execPath, ['bin/parcours.js', 'serve'], { env: { ...process.env, PARCOURS_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' } });
  t.teardown(() => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')))));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const match = /"msg":"Server listening at (http:\/\/127\.0\.0\.1:\d+)"/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}

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

  const base = await serve(t, dataDir);
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
});
