import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { readCheckpoint } from '../../infra/projections/checkpoints.js';
import type { Projection } from '../../infra/projections/projection.js';
import type { ProjectionStatus, ProjectionStatusSource } from '../../infra/projections/runtime.js';
import { LOW_NICE, startBackgroundNode, type BackgroundPriority } from './background-process.js';
import type { ProjectionWorkerData, ProjectionWorkerMessage } from './projection-worker.js';

/**
 * Runs the projections in a child process and answers for them in the service: states come
 * from the worker's messages, checkpoints from the read-model file both processes open.
 */
export class ProjectionWorkerHost implements ProjectionStatusSource {
  private readonly worker: ChildProcess;
  private states = new Map<string, Pick<ProjectionStatus, 'state' | 'error'>>();
  private exited: Promise<void>;
  private stopping = false;

  constructor(
    data: Omit<ProjectionWorkerData, 'nice'>,
    private readonly db: Database.Database,
    private readonly projections: Projection[],
    log?: Logger,
    priority: BackgroundPriority = 'idle',
  ) {
    // Read models are background work: they catch up when requests leave the CPU free.
    const nice = priority === 'normal' ? 0 : LOW_NICE;
    const started = startBackgroundNode(
      fileURLToPath(new URL('./projection-worker-entry.js', import.meta.url)),
      { ...process.env, PARCOURS_PROJECTION_WORKER: JSON.stringify({ ...data, nice } satisfies ProjectionWorkerData) },
      priority,
    );
    this.worker = started.child;
    if (started.priority !== priority) log?.info({ asked: priority, applied: started.priority }, 'projection worker priority: chrt not found, niced instead');
    this.worker.on('message', (m: ProjectionWorkerMessage) => {
      if (m.kind === 'status') this.states = new Map(m.status.map((s) => [s.name, { state: s.state, ...(s.error ? { error: s.error } : {}) }]));
    });
    this.worker.on('error', (error) => {
      log?.error({ err: error }, 'projection worker crashed');
      for (const p of this.projections) this.states.set(p.name, { state: 'failed', error: error.message });
    });
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.once('exit', (code) => {
      if (this.stopping) return;
      log?.error({ code }, 'projection worker exited');
      for (const p of this.projections) this.states.set(p.name, { state: 'failed', error: `worker exited with ${code}` });
    });
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

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.worker.exitCode === null && this.worker.connected) this.worker.send({ kind: 'stop' });
    const timer = setTimeout(() => this.worker.kill('SIGKILL'), 5000);
    await this.exited;
    clearTimeout(timer);
  }
}
