import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { readCheckpoint } from '../../infra/projections/checkpoints.js';
import type { Projection } from '../../infra/projections/projection.js';
import type { ProjectionStatus, ProjectionStatusSource } from '../../infra/projections/runtime.js';
import { entryScript } from '../../infra/runtime/entry-script.js';
import { LOW_NICE, startBackgroundNode, type BackgroundPriority } from './background-process.js';
import type { ProjectionWorkerData, ProjectionWorkerMessage } from './projection-worker.js';
import { DEFAULT_RESTART, RestartBackoff, type RestartPolicy } from './restart-backoff.js';

/**
 * Runs the projections in a child process and answers for them in the service: states come
 * from the worker's messages, checkpoints from the read-model file both processes open.
 * A worker that exits unasked for (a crash, the OOM killer) is started again with a growing
 * delay; it resumes from the checkpoints, which commit with the read models they describe.
 * Until it runs again, its projections report `failed`, so readiness says the service is not ready.
 */
export class ProjectionWorkerHost implements ProjectionStatusSource {
  private worker!: ChildProcess;
  private states = new Map<string, Pick<ProjectionStatus, 'state' | 'error'>>();
  /** Resolves when the current worker has exited. */
  private exited!: Promise<void>;
  private stopping = false;
  private restartTimer: NodeJS.Timeout | null = null;
  private readonly backoff: RestartBackoff;
  private startedAt = 0;
  /** How many times the worker was started again after dying. */
  restarts = 0;

  constructor(
    private readonly data: Omit<ProjectionWorkerData, 'nice'>,
    private readonly db: Database.Database,
    private readonly projections: Projection[],
    private readonly log?: Logger,
    private readonly priority: BackgroundPriority = 'idle',
    restart: RestartPolicy = DEFAULT_RESTART,
  ) {
    this.backoff = new RestartBackoff(restart);
    this.spawn();
  }

  /** The worker's process id (undefined while it is down). */
  get pid(): number | undefined {
    return this.worker.exitCode === null && this.worker.signalCode === null ? this.worker.pid : undefined;
  }

  private spawn(): void {
    // Read models are background work: they catch up when requests leave the CPU free.
    const nice = this.priority === 'normal' ? 0 : LOW_NICE;
    const started = startBackgroundNode(
      fileURLToPath(entryScript('projection-worker', import.meta.url)),
      { ...process.env, PARCOURS_PROJECTION_WORKER: JSON.stringify({ ...this.data, nice } satisfies ProjectionWorkerData) },
      this.priority,
    );
    const worker = started.child;
    this.worker = worker;
    this.startedAt = Date.now();
    this.states = new Map();
    if (started.priority !== this.priority) this.log?.info({ asked: this.priority, applied: started.priority }, 'projection worker priority: chrt not found, niced instead');
    let gone = false;
    worker.on('message', (m: ProjectionWorkerMessage) => {
      // A dead worker's last words do not undo its `failed`.
      if (m.kind === 'status' && !gone) this.states = new Map(m.status.map((s) => [s.name, { state: s.state, ...(s.error ? { error: s.error } : {}) }]));
    });
    let resolveExited: () => void = () => undefined;
    this.exited = new Promise((resolve) => (resolveExited = resolve));
    const died = (why: string) => {
      if (gone) return;
      gone = true;
      resolveExited();
      if (this.stopping) return;
      this.scheduleRestart(why);
    };
    worker.on('error', (error) => {
      this.log?.error({ err: error }, 'projection worker failed');
      // A process that could not be started emits no exit.
      if (worker.pid === undefined) died(error.message);
    });
    worker.once('exit', (code, signal) => died(signal ? `worker killed by ${signal}` : `worker exited with code ${code}`));
  }

  private scheduleRestart(why: string): void {
    const ranMs = Date.now() - this.startedAt;
    const delay = this.backoff.delayAfter(ranMs);
    const error = `${why}; starting it again in ${delay} ms`;
    this.log?.error({ ranMs, delayMs: delay, restarts: this.restarts }, `projection worker died: ${error}`);
    for (const p of this.projections) this.states.set(p.name, { state: 'failed', error });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.stopping) return;
      this.restarts++;
      this.spawn();
    }, delay);
    // A pending restart does not keep a stopping process alive.
    this.restartTimer.unref();
  }

  status(): ProjectionStatus[] {
    return this.projections.map((p) => {
      const cp = readCheckpoint(this.db, p.name);
      const known = this.states.get(p.name) ?? { state: 'starting' as const };
      return { name: p.name, version: p.version, checkpoint: cp && cp.version === p.version ? cp.position : 0, ...known };
    });
  }

  async waitFor(position: number, timeoutMs = 30_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = this.status();
      if (status.every((s) => s.checkpoint >= position)) return true;
      if (Date.now() > deadline || status.some((s) => s.state === 'failed')) return false;
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** No restart from now on (the service is shutting down; stop() follows once requests drain). */
  shuttingDown(): void {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
  }

  async stop(): Promise<void> {
    this.shuttingDown();
    const worker = this.worker;
    if (worker.exitCode === null && worker.signalCode === null && worker.connected) worker.send({ kind: 'stop' });
    const timer = setTimeout(() => worker.kill('SIGKILL'), 5000);
    await this.exited;
    clearTimeout(timer);
  }
}
