// npm run bench:api -- [--json] [--seconds S] [--pathways N]
// Parcours over HTTP (embedded store, 64 connections) against a bare Fastify hello-world
// measured in the same run. Each server runs in its own process; autocannon runs here.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { resolveSigningSecret } from '../../infra/auth/signing-key.js';
import { signToken } from '../../infra/auth/tokens.js';
import { numberOption, reporter } from './report.js';

const argv = process.argv.slice(2);
const report = reporter(argv);
const seconds = numberOption(argv, 'seconds', 10);
// Enough households that the command load leaves each with a history of realistic length (a
// year of reinforced support is a few dozen contacts), which is what the GET then reads.
const pathwayCount = numberOption(argv, 'pathways', 5000);
/** --only command|get runs one of the two loads (for profiling). */
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
const CONNECTIONS = 64;
const root = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'parcours-api-bench-'));

interface Run {
  rps: number;
  p99: number;
  non2xx: number;
  errors: number;
  total: number;
  /** CPU the server spent per request (µs): its main thread, and all its threads; Linux only. */
  cpu?: { mainUs: number; processUs: number };
  /** CPU this process (autocannon) spent per request (µs): it shares the machine with the server. */
  generatorUs?: number;
}

/** Clock ticks per second of /proc's CPU times (asked once). */
let ticksPerSecond: number | undefined;

/** CPU seconds used so far by a process and by its main thread, from /proc (Linux), else null. */
function cpuSeconds(pid: number): { main: number; process: number } | null {
  try {
    const ticks = (stat: string) => {
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(f[11]) + Number(f[12]); // utime + stime
    };
    const hz = (ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100);
    return { process: ticks(readFileSync(`/proc/${pid}/stat`, 'utf8')) / hz, main: ticks(readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8')) / hz };
  } catch {
    return null;
  }
}

/** Runs a load and adds what it cost the server in CPU per request. */
async function measured(pid: number, opts: autocannon.Options): Promise<Run> {
  const before = cpuSeconds(pid);
  const run = await load(opts);
  const after = cpuSeconds(pid);
  if (before && after && run.total > 0) {
    run.cpu = { mainUs: ((after.main - before.main) / run.total) * 1e6, processUs: ((after.process - before.process) / run.total) * 1e6 };
  }
  return run;
}

/** Runs a load; with what this process (the load generator) spent per request. */
async function load(opts: autocannon.Options): Promise<Run> {
  const generatorBefore = process.cpuUsage();
  const result = await autocannon({ connections: CONNECTIONS, duration: seconds, ...opts });
  const generator = process.cpuUsage(generatorBefore);
  const total = result.requests.total;
  return {
    rps: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors, total,
    ...(total > 0 ? { generatorUs: (generator.user + generator.system) / total } : {}),
  };
}

async function waitFor(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not come up`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * The hello-world; with `bodyBytes`, the same server answering a fixed body of that size; with
 * `command`, the command's requests (same paths, headers and body) answered by a bare route.
 */
async function baseline(bodyBytes = 0, command?: { responseBytes: number; request: (base: string) => autocannon.Request }): Promise<Run> {
  const port = 3901;
  const args = [String(port), String(bodyBytes), String(command?.responseBytes ?? 0)];
  const child = fork(join(root, 'services/bench/hello-server.ts'), args, { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/`);
  const run = await measured(child.pid!, command ? { url, requests: [command.request(url)] } : { url: `${url}/` });
  await stop(child);
  return run;
}

async function seed(base: string, token: string): Promise<string[]> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const post = async (url: string, body: unknown) => {
    const res = await fetch(`${base}${url}`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ pathwayId: string }>;
  };
  const ids: string[] = [];
  for (let i = 0; i < pathwayCount; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, pathwayCount - i) }, async () => {
        const { pathwayId } = await post('/v1/pathways', referral());
        await post(`/v1/pathways/${pathwayId}/diagnostic-visits`, diagnostic());
        await post(`/v1/pathways/${pathwayId}/orientations`, { proposedOn: '2026-06-25', category: 'financial_aid_fsl', relayActor: { name: 'FSL', kind: 'fsl' } });
        return pathwayId;
      }),
    );
    ids.push(...batch);
  }
  return ids;
}

/** Polls /health/ready until every projection has no lag; returns how long that took (ms). */
async function waitForProjections(base: string, timeoutMs = 300_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const body = (await (await fetch(`${base}/health/ready`)).json()) as { checks: { projections: Array<{ lag: number }> } };
    if (body.checks.projections.every((p) => p.lag === 0)) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error('projections did not catch up');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What the GET load reads: mean events per pathway and mean body size, over a sample. */
async function readShape(base: string, token: string, ids: string[]): Promise<{ meanEvents: number; meanBytes: number }> {
  const sample = ids.filter((_, k) => k % Math.max(1, Math.floor(ids.length / 50)) === 0);
  let events = 0;
  let bytes = 0;
  for (const id of sample) {
    const body = await (await fetch(`${base}/v1/pathways/${id}`, { headers: { authorization: `Bearer ${token}` } })).text();
    events += (JSON.parse(body) as { revision: number }).revision + 1;
    bytes += Buffer.byteLength(body);
  }
  return { meanEvents: events / sample.length, meanBytes: bytes / sample.length };
}

interface Shapes {
  meanEvents: number;
  meanBytes: number;
  /** Size of a command's answer, and the command load's request, for the same-shape baseline. */
  command: { responseBytes: number; request: (base: string) => autocannon.Request };
}

async function parcours(): Promise<{ command?: Run; get?: Run; caughtUpMs: number; shape: Shapes }> {
  const port = 3902;
  // BENCH_SERVER_NODE_ARGS lets a profiling run pass e.g. --cpu-prof to the server process.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'bin/parcours.js'), 'serve'], {
    env: { ...process.env, PORT: String(port), PARCOURS_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/health/live`);
  const token = await signToken(resolveSigningSecret(dataDir), { subject: 'bench', role: 'coordinator', organisationId: 'org-bench', territories: ['calaisis'], ttlSeconds: 3600 });
  process.stderr.write(`seeding ${pathwayCount} pathways...\n`);
  const ids = await seed(base, token);
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  let i = 0;
  // The load generator shares the machine: what it need not redo per request, it does once.
  const contactBody = JSON.stringify({ contactDate: '2026-07-02', channel: 'phone', participants: ['Julie Caron'] });
  const commandRequest = (): autocannon.Request => ({
    method: 'POST',
    headers: auth,
    setupRequest: (req) => ({ ...req, path: `/v1/pathways/${ids[i++ % ids.length]}/support-contacts`, body: contactBody }),
  });
  // One command's answer, for the size of the same-shape baseline's fixed answer.
  let responseBytes = 0;
  if (only !== 'get') {
    const sample = await fetch(`${base}/v1/pathways/${ids[0]}/support-contacts`, { method: 'POST', headers: auth, body: contactBody });
    if (!sample.ok) throw new Error(`sample command: ${sample.status} ${await sample.text()}`);
    responseBytes = Buffer.byteLength(await sample.text());
  }
  const command = only === 'get' ? undefined : await measured(child.pid!, { url: base, requests: [commandRequest()] });
  // Reads are measured once the projection worker has caught up with the writes above.
  const caughtUp = await waitForProjections(base);
  const shape = await readShape(base, token, ids);
  const get = only === 'command' ? undefined : await measured(child.pid!, {
    url: base,
    requests: [{ method: 'GET', headers: auth, setupRequest: (req) => ({ ...req, path: `/v1/pathways/${ids[i++ % ids.length]}` }) }],
  });
  await stop(child);
  return { command, get, caughtUpMs: caughtUp, shape: { ...shape, command: { responseBytes, request: commandRequest } } };
}

function referral() {
  return {
    programme: 'slime-plus',
    referredOn: '2026-06-02',
    channel: 'referral_form',
    referrer: { organisationName: 'MDS du Calaisis', organisationKind: 'department_service', personName: 'Sophie Leroy' },
    household: {
      identity: { lastName: 'Martin' },
      contact: { phone: '0612345678' },
      address: { line1: '12 rue des Tilleuls', postalCode: '62100', city: 'Calais' },
      tenure: 'owner_occupier',
      difficulties: ['cold_home'],
    },
    territory: { code: 'calaisis' },
    consent: { given: true, givenOn: '2026-06-02', givenBy: 'household', method: 'written' },
  };
}

function diagnostic() {
  return {
    visitDate: '2026-06-20',
    season: 'summer',
    visitors: [{ name: 'Julie Caron', role: 'social_worker' }],
    findings: { dwelling: {}, equipment: {}, habits: {} },
    composition: { personsAged14OrMore: 1, childrenUnder14: 0 },
    income: { annualDisposableIncome: 12000 },
    bills: [],
    debts: [],
    equipmentInstalled: [],
  };
}

try {
  const hello = await baseline();
  const { command, get, caughtUpMs, shape } = await parcours();
  // What a bare route sending a body of the GET's mean size reaches here: the part of the GET
  // ratio that the body's size, not the service, costs.
  const sameBody = get ? await baseline(Math.round(shape.meanBytes)) : undefined;
  // What a bare route reaches with the command's own requests (paths, token, JSON body parsed)
  // and an answer of the same size: the part of the command ratio that HTTP alone costs here.
  const sameShape = command ? await baseline(0, shape.command) : undefined;
  const line = (name: string, run: Run, target: string, extra: Record<string, unknown> = {}) =>
    report({
      name, value: run.rps, unit: 'req/s', p99_ms: run.p99, baseline: hello.rps, baseline_p99_ms: hello.p99, ratio: run.rps / hello.rps,
      baseline_server_main_thread_cpu_us_per_request: Math.round(hello.cpu?.mainUs ?? 0), baseline_load_generator_cpu_us_per_request: Math.round(hello.generatorUs ?? 0),
      requests: run.total, non2xx: run.non2xx, errors: run.errors, connections: CONNECTIONS, pathways: pathwayCount, log_level: 'warn', target,
      ...(run.cpu ? { server_main_thread_cpu_us_per_request: Math.round(run.cpu.mainUs), server_cpu_us_per_request: Math.round(run.cpu.processUs) } : {}),
      ...(run.generatorUs !== undefined ? { load_generator_cpu_us_per_request: Math.round(run.generatorUs) } : {}),
      ...extra,
    });
  if (command) {
    line('command_throughput', command, 'ratio >= 0.25 (support contact recorded)', {
      response_bytes: shape.command.responseBytes,
      same_shape_baseline: sameShape!.rps,
      same_shape_non2xx: sameShape!.non2xx,
      same_shape_server_main_thread_cpu_us_per_request: Math.round(sameShape!.cpu?.mainUs ?? 0),
      same_shape_load_generator_cpu_us_per_request: Math.round(sameShape!.generatorUs ?? 0),
      ratio_to_same_shape: command.rps / sameShape!.rps,
    });
  }
  if (command) report({ name: 'projection_catch_up', value: caughtUpMs, unit: 'ms', note: 'time for the projection worker to absorb the command load after it stopped' });
  if (get) {
    line('get_pathway_throughput', get, 'ratio >= 0.40', {
      mean_events_per_pathway: Math.round(shape.meanEvents),
      mean_body_bytes: Math.round(shape.meanBytes),
      same_body_baseline: sameBody!.rps,
      same_body_server_main_thread_cpu_us_per_request: Math.round(sameBody!.cpu?.mainUs ?? 0),
      ratio_to_same_body: get.rps / sameBody!.rps,
    });
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
