// `npm run build` gives a service that runs without tsx: the compiled CLI prints tokens and
// serves, and its projection worker and writer thread start from compiled JavaScript too.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { referral } from '../../services/bench/household-bodies.js';
import { serveCli } from '../support/cli.js';
import { tempDir } from '../support/temp-dir.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

// Inside the checkout, so the compiled files find node_modules as dist/ would.
const out = mkdtempSync(join(root, '.built-'));
t.teardown(() => rmSync(out, { recursive: true, force: true }));
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', out], { stdio: 'inherit' });
const cli = join(out, 'services/cli/main.js');

for (const writer of ['inline', 'thread']) {
  t.test(`the compiled service records a referral and projects it (${writer} writer)`, async (t) => {
    const dataDir = tempDir(t);
    const env = { PARCOURS_DATA_DIR: dataDir, PARCOURS_STORE_WRITER: writer };
    const jwt = execFileSync(process.execPath, [cli, 'token', '--role', 'coordinator', '--org', 'org-built', '--territory', 'calaisis'], { env: { ...process.env, ...env }, encoding: 'utf8' }).trim();
    // The compiled CLI, plain node: no tsx loader anywhere in the process tree.
    const base = await serveCli(t, { ...env, NODE_OPTIONS: '' }, cli);
    const headers = { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' };
    const created = await fetch(`${base}/v1/pathways`, { method: 'POST', headers, body: JSON.stringify(referral()) });
    t.equal(created.status, 201, 'the referral is recorded');
    const { pathwayId } = (await created.json()) as { pathwayId: string };

    // The list is a read model: it shows the pathway once the projection worker has run, which
    // at its background priority may wait while the other test job keeps both CPUs busy.
    let listed = false;
    for (let i = 0; i < 600 && !listed; i++) {
      const list = (await (await fetch(`${base}/v1/pathways`, { headers })).json()) as { items: Array<{ pathwayId: string }> };
      listed = list.items.some((p) => p.pathwayId === pathwayId);
      if (!listed) await new Promise((r) => setTimeout(r, 100));
    }
    t.ok(listed, 'the projection worker, started from compiled JavaScript, listed it');
    const ready = (await (await fetch(`${base}/health/ready`)).json()) as { status: string; checks: { projections: Array<{ state: string }> } };
    t.equal(ready.status, 'ready');
    t.ok(ready.checks.projections.every((p) => p.state === 'running'), 'every projection runs');
  });
}
