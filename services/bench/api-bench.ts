// npm run bench:api -- [--json] [--seconds S] [--bursts B] [--pathways N] [--history E] [--only command|get]
// Parcours over HTTP (embedded store, 64 connections) against a bare Fastify hello-world
// measured in the same run. Each server runs in its own process; autocannon runs here.
// Each load is cut into bursts, alternating with the same number of bursts on its baselines,
// so that a machine whose speed drifts over minutes moves both sides of a ratio alike.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { resolveSigningSecret } from '../../infra/auth/signing-key.js';
import { signToken } from '../../infra/auth/tokens.js';
import { diagnostic, orientation, referral, supportContact } from './household-bodies.js';
import { machineTicks, treeCpuSeconds } from './proc-cpu.js';
import { numberOption, reporter } from './report.js';

const argv = process.argv.slice(2);
const report = reporter(argv);
/** Seconds of load on each server, per load (commands, GETs), cut into `bursts` bursts. */
const seconds = numberOption(argv, 'seconds', 12);
// A multiple of the three targets of a load, so each goes first, second and third equally often.
const bursts = Math.max(1, Math.floor(numberOption(argv, 'bursts', 6)));
// Enough households that the command load leaves each with a history of realistic length (a
// year of reinforced support is a few dozen contacts), which is what the GET then reads.
const pathwayCount = numberOption(argv, 'pathways', 5000);
/** Mean events per pathway the GET load reads: histories are topped up to it after the commands. */
const historyLength = numberOption(argv, 'history', 25);
/** --only command|get runs one of the two loads (for profiling). */
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
const CONNECTIONS = 64;
const root = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'parcours-api-bench-'));

interface Run {
  rps: number;
  /** The highest p99 of the bursts (ms). */
  p99: number;
  non2xx: number;
  errors: number;
  total: number;
  /** Requests per second of each burst, in order. */
  perBurst: number[];
  /**
   * CPU the server spent per request (µs): its main thread, all its threads, and its child
   * processes (the service's projection worker) during the bursts; Linux only.
   */
  cpu?: { mainUs: number; processUs: number; childrenUs: number };
  /** CPU this process (autocannon) spent per request (µs): it shares the machine with the server. */
  generatorUs?: number;
  /**
   * The whole machine during the bursts (Linux): the share of its CPU time left idle, and the
   * share the hypervisor gave to other guests (steal), which slows every process alike.
   */
  machine?: { idlePct: number; stealPct: number };
}

/** A server under load: its process, and the load it gets. */
interface Target {
  pid: number;
  opts: autocannon.Options;
  /** Runs before each burst on another target (the service lets its projections catch up). */
  settle?: () => Promise<unknown>;
}

interface Tally {
  total: number;
  seconds: number;
  p99: number;
  non2xx: number;
  errors: number;
  perBurst: number[];
  mainS: number;
  processS: number;
  childrenS: number;
  generatorUs: number;
  cpuKnown: boolean;
  machine: { total: number; idle: number; steal: number } | null;
}

/** One burst on a target, added to its tally. */
async function burst(target: Target, tally: Tally, burstSeconds: number): Promise<void> {
  const before = treeCpuSeconds(target.pid);
  const machineBefore = machineTicks();
  const generatorBefore = process.cpuUsage();
  const result = await autocannon({ connections: CONNECTIONS, duration: burstSeconds, ...target.opts });
  const generator = process.cpuUsage(generatorBefore);
  const after = treeCpuSeconds(target.pid);
  const machineAfter = machineTicks();
  const total = result.requests.total;
  tally.total += total;
  tally.seconds += burstSeconds;
  tally.p99 = Math.max(tally.p99, result.latency.p99);
  tally.non2xx += result.non2xx;
  tally.errors += result.errors;
  tally.perBurst.push(Math.round(total / burstSeconds));
  tally.generatorUs += generator.user + generator.system;
  if (before && after) {
    tally.mainS += after.main - before.main;
    tally.processS += after.process - before.process;
    // A child that restarted during the burst would count backwards: it then counts as nothing.
    tally.childrenS += Math.max(0, after.children - before.children);
  } else tally.cpuKnown = false;
  if (tally.machine && machineBefore && machineAfter) {
    tally.machine.total += machineAfter.total - machineBefore.total;
    tally.machine.idle += machineAfter.idle - machineBefore.idle;
    tally.machine.steal += machineAfter.steal - machineBefore.steal;
  } else tally.machine = null;
}

/**
 * Loads the targets in turn, `bursts` times each, the first one moving round at each pass, so
 * each gets the same time and the same share of the machine's good and bad moments.
 */
async function interleaved(targets: Target[], measuring?: () => void): Promise<Run[]> {
  const tallies: Tally[] = targets.map(() => ({ total: 0, seconds: 0, p99: 0, non2xx: 0, errors: 0, perBurst: [], mainS: 0, processS: 0, childrenS: 0, generatorUs: 0, cpuKnown: true, machine: { total: 0, idle: 0, steal: 0 } }));
  const burstSeconds = Math.max(1, Math.round(seconds / bursts));
  const settleOthers = async (target: Target) => {
    for (const other of targets) if (other !== target) await other.settle?.();
  };
  // One discarded second on each target first: connections opened, code compiled, caches filled.
  for (const target of targets) {
    await settleOthers(target);
    await autocannon({ connections: CONNECTIONS, duration: 1, ...target.opts });
  }
  measuring?.();
  for (let pass = 0; pass < bursts; pass++) {
    for (let k = 0; k < targets.length; k++) {
      const at = (pass + k) % targets.length;
      await settleOthers(targets[at]!);
      await burst(targets[at]!, tallies[at]!, burstSeconds);
    }
  }
  return tallies.map((t) => ({
    rps: t.total / t.seconds,
    p99: t.p99,
    non2xx: t.non2xx,
    errors: t.errors,
    total: t.total,
    perBurst: t.perBurst,
    ...(t.total > 0 ? { generatorUs: t.generatorUs / t.total } : {}),
    ...(t.machine && t.machine.total > 0 ? { machine: { idlePct: (100 * t.machine.idle) / t.machine.total, stealPct: (100 * t.machine.steal) / t.machine.total } } : {}),
    ...(t.cpuKnown && t.total > 0 ? { cpu: { mainUs: (t.mainS / t.total) * 1e6, processUs: (t.processS / t.total) * 1e6, childrenUs: (t.childrenS / t.total) * 1e6 } } : {}),
  }));
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
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

interface Bare {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * A bare Fastify server (hello-server.ts): the hello-world; with `bodyBytes`, answering a fixed
 * body of that size; with `postBytes`, also taking the command's POST (its JSON body parsed)
 * and answering a fixed body of that size.
 */
async function bareServer(port: number, bodyBytes = 0, postBytes = 0): Promise<Bare> {
  const child = fork(join(root, 'services/bench/hello-server.ts'), [String(port), String(bodyBytes), String(postBytes)], { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/`);
  return { url, pid: child.pid!, stop: () => stop(child) };
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
        await post(`/v1/pathways/${pathwayId}/orientations`, orientation);
        return pathwayId;
      }),
    );
    ids.push(...batch);
  }
  return ids;
}

/** Runs `each` on every item, CONNECTIONS at a time. */
async function inParallel<T>(items: T[], each: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < items.length) await each(items[next++]!);
    }),
  );
}

/** Records `perPathway` more support contacts on each pathway. */
async function topUp(base: string, headers: Record<string, string>, ids: string[], perPathway: number, body: string): Promise<void> {
  await inParallel(ids.flatMap((id) => Array.from({ length: perPathway }, () => id)), async (id) => {
    const res = await fetch(`${base}/v1/pathways/${id}/support-contacts`, { method: 'POST', headers, body });
    if (!res.ok) throw new Error(`top-up: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  });
}

/** Reads every pathway once. */
async function readEach(base: string, headers: Record<string, string>, ids: string[]): Promise<void> {
  await inParallel(ids, async (id) => {
    const res = await fetch(`${base}/v1/pathways/${id}`, { headers });
    if (!res.ok) throw new Error(`warm-up read: ${res.status}`);
    await res.arrayBuffer();
  });
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

/** How many waits for a quiet service ran out of time (reported, so a noisy gap is seen). */
let quietGaveUp = 0;

/**
 * Waits until a process and its children have used at most 3 of /proc's 10 ms ticks in half a
 * second (an idle service's own polling stays under that), so that what the service still does
 * after a burst (garbage collection, a last fsync, the projection worker) is not charged to the
 * next server's burst. Gives up after 5 s, and counts it.
 */
async function quiet(pid: number): Promise<void> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const before = treeCpuSeconds(pid);
    await new Promise((r) => setTimeout(r, 500));
    const after = treeCpuSeconds(pid);
    if (before === null || after === null || after.process + after.children - (before.process + before.children) <= 0.031) return;
  }
  quietGaveUp++;
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

interface Results {
  /** The service, the hello-world and the same-shape route, during the command load. */
  command?: { service: Run; hello: Run; sameShape: Run; responseBytes: number };
  /** Time the projection worker took to catch up with the command load, summed over its waits (ms). */
  caughtUpMs: number;
  /** CPU the projection worker spent on the command load, in its bursts and after them (s). */
  workerS?: number;
  get?: { service: Run; hello: Run; sameBody: Run; meanEvents: number; meanBytes: number };
}

async function run(hello: Bare): Promise<Results> {
  const port = 3902;
  // BENCH_SERVER_NODE_ARGS lets a profiling run pass e.g. --cpu-prof to the server process.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'bin/parcours.js'), 'serve'], {
    env: { ...process.env, PORT: String(port), PARCOURS_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const helloTarget: Target = { pid: hello.pid, opts: { url: `${hello.url}/` } };
  const results: Results = { caughtUpMs: 0 };
  try {
    await waitFor(`${base}/health/live`);
    const token = await signToken(resolveSigningSecret(dataDir), { subject: 'bench', role: 'coordinator', organisationId: 'org-bench', territories: ['calaisis'], ttlSeconds: 3600 });
    process.stderr.write(`seeding ${pathwayCount} pathways...\n`);
    const ids = await seed(base, token);
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    let i = 0;
    // The load generator shares the machine: what it need not redo per request, it does once.
    const contactBody = JSON.stringify(supportContact);
    const commandLoad = (url: string): autocannon.Options => ({
      url,
      requests: [{ method: 'POST', headers: auth, setupRequest: (req) => ({ ...req, path: `/v1/pathways/${ids[i++ % ids.length]}/support-contacts`, body: contactBody }) }],
    });
    if (only !== 'get') {
      // One command's answer, for the size of the same-shape route's fixed answer.
      const sample = await fetch(`${base}/v1/pathways/${ids[0]}/support-contacts`, { method: 'POST', headers: auth, body: contactBody });
      if (!sample.ok) throw new Error(`sample command: ${sample.status} ${await sample.text()}`);
      const responseBytes = Buffer.byteLength(await sample.text());
      const sameShape = await bareServer(3903, 0, responseBytes);
      // The bare servers' bursts start with the service's projections caught up, so its
      // background work never runs against them.
      const settle = async () => {
        results.caughtUpMs += await waitForProjections(base);
        await quiet(child.pid!);
      };
      try {
        // From the end of the warm-up (absorbed by then) to the end of the last catch-up below.
        let workerFrom: number | null = null;
        const [service, helloRun, sameShapeRun] = await interleaved(
          [{ pid: child.pid!, opts: commandLoad(base), settle }, helloTarget, { pid: sameShape.pid, opts: commandLoad(sameShape.url) }],
          () => (workerFrom = treeCpuSeconds(child.pid!)?.children ?? null),
        );
        results.command = { service: service!, hello: helloRun!, sameShape: sameShapeRun!, responseBytes };
        // Reads are measured once the projection worker has caught up with the writes above.
        results.caughtUpMs += await waitForProjections(base);
        const workerTo = treeCpuSeconds(child.pid!)?.children ?? null;
        if (workerFrom !== null && workerTo !== null) results.workerS = workerTo - workerFrom;
      } finally {
        await sameShape.stop();
      }
    }
    if (only !== 'command') {
      // Every household gets the same history length whatever the command load wrote (a slow
      // run writes fewer contacts, and shorter bodies would flatter the GET).
      const written = await readShape(base, token, ids);
      const toAdd = Math.max(0, Math.round(historyLength - written.meanEvents));
      if (toAdd > 0) {
        process.stderr.write(`topping histories up to ${historyLength} events (${toAdd} contacts per household)...\n`);
        await topUp(base, auth, ids, toAdd, contactBody);
        await waitForProjections(base);
      }
      const shape = await readShape(base, token, ids);
      // Steady state: each household read once first, so its state is folded and its body written.
      await readEach(base, auth, ids);
      const sameBody = await bareServer(3904, Math.round(shape.meanBytes));
      try {
        const [service, helloRun, sameBodyRun] = await interleaved([
          {
            pid: child.pid!,
            opts: { url: base, requests: [{ method: 'GET', headers: auth, setupRequest: (req) => ({ ...req, path: `/v1/pathways/${ids[i++ % ids.length]}` }) }] },
            settle: () => quiet(child.pid!),
          },
          helloTarget,
          { pid: sameBody.pid, opts: { url: `${sameBody.url}/` } },
        ]);
        results.get = { service: service!, hello: helloRun!, sameBody: sameBodyRun!, ...shape };
      } finally {
        await sameBody.stop();
      }
    }
  } finally {
    await stop(child);
  }
  return results;
}

const pct = (v: number) => Math.round(v * 10) / 10;

const machineFields = (prefix: string, r: Run) => ({
  [`${prefix}machine_idle_pct`]: r.machine ? pct(r.machine.idlePct) : undefined,
  [`${prefix}machine_steal_pct`]: r.machine ? pct(r.machine.stealPct) : undefined,
});

const cpuFields = (prefix: string, r: Run) => ({
  [`${prefix}server_main_thread_cpu_us_per_request`]: r.cpu ? Math.round(r.cpu.mainUs) : undefined,
  [`${prefix}load_generator_cpu_us_per_request`]: r.generatorUs !== undefined ? Math.round(r.generatorUs) : undefined,
  ...machineFields(prefix, r),
});

function line(name: string, service: Run, hello: Run, target: string, extra: Record<string, unknown>): void {
  report({
    name, value: service.rps, unit: 'req/s', p99_ms: service.p99, baseline: hello.rps, baseline_p99_ms: hello.p99, ratio: service.rps / hello.rps,
    // Insensitive to the machine's drift: the hello-world's main-thread CPU per request over the service's.
    ...(service.cpu && hello.cpu ? { main_thread_cpu_ratio: Math.round((hello.cpu.mainUs / service.cpu.mainUs) * 1000) / 1000 } : {}),
    p99_note: 'the worst burst’s p99', quiet_waits_given_up: quietGaveUp,
    bursts, burst_seconds: Math.max(1, Math.round(seconds / bursts)), per_burst: service.perBurst, baseline_per_burst: hello.perBurst,
    requests: service.total, non2xx: service.non2xx, errors: service.errors, connections: CONNECTIONS, pathways: pathwayCount, log_level: 'warn', target,
    ...(service.cpu
      ? {
          server_main_thread_cpu_us_per_request: Math.round(service.cpu.mainUs),
          server_cpu_us_per_request: Math.round(service.cpu.processUs),
          // The service's projection worker (a child process), during the bursts only.
          server_children_cpu_us_per_request: Math.round(service.cpu.childrenUs),
        }
      : {}),
    ...(service.generatorUs !== undefined ? { load_generator_cpu_us_per_request: Math.round(service.generatorUs) } : {}),
    ...machineFields('', service),
    ...cpuFields('baseline_', hello),
    ...extra,
  });
}

const hello = await bareServer(3901);
try {
  const { command, get, caughtUpMs, workerS } = await run(hello);
  if (command) {
    line('command_throughput', command.service, command.hello, 'ratio >= 0.25 (support contact recorded)', {
      response_bytes: command.responseBytes,
      // A bare route taking the command load's own requests (paths, token, JSON body parsed)
      // and answering as many bytes: the part of the ratio that HTTP alone costs here.
      same_shape_baseline: command.sameShape.rps,
      same_shape_non2xx: command.sameShape.non2xx,
      ...cpuFields('same_shape_', command.sameShape),
      ratio_to_same_shape: command.service.rps / command.sameShape.rps,
    });
    report({
      name: 'projection_catch_up', value: caughtUpMs, unit: 'ms', note: 'time the projection worker took to absorb the command load, summed over the waits after each command burst',
      // Its CPU per command, in the bursts and in the waits after them: what the load cost it in all.
      ...(workerS !== undefined && command.service.total > 0 ? { worker_cpu_us_per_command: Math.round((workerS / command.service.total) * 1e6) } : {}),
    });
  }
  if (get) {
    line('get_pathway_throughput', get.service, get.hello, 'ratio >= 0.40', {
      mean_events_per_pathway: Math.round(get.meanEvents),
      mean_body_bytes: Math.round(get.meanBytes),
      // A bare route answering a fixed body of the GET's mean size: the ceiling that size sets.
      same_body_baseline: get.sameBody.rps,
      ...cpuFields('same_body_', get.sameBody),
      ratio_to_same_body: get.service.rps / get.sameBody.rps,
    });
  }
} finally {
  await hello.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
