import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { EventStore, StoredEvent, Subscription } from '../eventstore/port.js';
import { applyBatch, CheckpointMovedError, prepareProjection, readCheckpoint } from './checkpoints.js';
import type { Projection } from './projection.js';

export interface ProjectionStatus {
  name: string;
  version: number;
  checkpoint: number;
  state: 'starting' | 'running' | 'failed' | 'stopped';
  error?: string;
}

// Large enough that a projection catching up after a burst writes each row once for many events.
const MAX_BATCH = 2000;

/** What the service needs of running projections, wherever they run (this thread or a worker). */
export interface ProjectionStatusSource {
  status(): ProjectionStatus[];
  /** Resolves true once every projection has processed `position`, false on timeout or failure. */
  waitFor(position: number, timeoutMs?: number): Promise<boolean>;
  /** Called when shutdown begins, before requests drain and stop() is called: start nothing new. */
  shuttingDown?(): void;
  stop(): Promise<void>;
}

/** Feeds each projection from its checkpoint: catch-up then live, in micro-batches. */
export class ProjectionRuntime implements ProjectionStatusSource {
  private readonly runners = new Map<string, Runner>();
  private readonly stateListeners: Array<() => void> = [];

  constructor(
    private readonly store: EventStore,
    private readonly db: Database.Database,
    readonly projections: Projection[],
    private readonly log?: Logger,
  ) {}

  start(): void {
    for (const p of this.projections) {
      const runner = new Runner(this.store, this.db, p, () => this.stateListeners.forEach((l) => l()), this.log);
      this.runners.set(p.name, runner);
      runner.start();
    }
  }

  status(): ProjectionStatus[] {
    return [...this.runners.values()].map((r) => r.status());
  }

  /** Called whenever a projection starts running or fails; a stop and a moving checkpoint are not announced. */
  onStateChange(listener: () => void): void {
    this.stateListeners.push(listener);
  }

  /** Lowest checkpoint among the projections (what "caught up" is measured against). */
  minCheckpoint(): number {
    const all = this.status().map((s) => s.checkpoint);
    return all.length ? Math.min(...all) : 0;
  }

  /** Resolves once every projection has processed `position` (read-your-writes for callers that need it). */
  async waitFor(position: number, timeoutMs = 30_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.minCheckpoint() < position) {
      if (Date.now() > deadline || this.status().some((s) => s.state === 'failed')) return false;
      await new Promise((r) => setTimeout(r, 5));
    }
    return true;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.runners.values()].map((r) => r.stop()));
  }
}

class Runner {
  private checkpoint = 0;
  private state: ProjectionStatus['state'] = 'starting';
  private error?: string;
  private sub?: Subscription;
  private loop?: Promise<void>;
  private stopping = false;

  constructor(
    private readonly store: EventStore,
    private readonly db: Database.Database,
    private readonly p: Projection,
    private readonly stateChanged: () => void,
    private readonly log?: Logger,
  ) {}

  start(): void {
    this.loop = this.run();
  }

  private setState(state: ProjectionStatus['state']): void {
    if (state === this.state) return;
    this.state = state;
    this.stateChanged();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        this.checkpoint = prepareProjection(this.db, this.p);
        this.setState('running');
        await this.consume();
      } catch (error) {
        if (error instanceof CheckpointMovedError) {
          this.log?.info({ projection: this.p.name }, 'projection checkpoint moved elsewhere; resuming from it');
          continue;
        }
        if (this.stopping) return;
        this.error = error instanceof Error ? error.message : String(error);
        this.setState('failed');
        this.log?.error({ projection: this.p.name, err: error }, 'projection failed; it stays at its checkpoint');
        return;
      }
    }
  }

  /** Buffers what the subscription hands over in one turn and commits it as one transaction. */
  private async consume(): Promise<void> {
    const sub = this.store.subscribe({ after: this.checkpoint });
    this.sub = sub;
    let buffer: StoredEvent[] = [];
    let failure: unknown = null;
    let scheduled = false;
    const flush = () => {
      scheduled = false;
      if (failure || buffer.length === 0) return;
      const batch = buffer;
      buffer = [];
      try {
        this.checkpoint = applyBatch(this.db, this.p, this.checkpoint, batch);
      } catch (error) {
        failure = error;
        void sub.close();
      }
    };
    try {
      for await (const event of sub) {
        buffer.push(event);
        if (buffer.length >= (this.p.maxBatch ?? MAX_BATCH)) flush();
        else if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
        if (failure) break;
      }
    } finally {
      await sub.close();
    }
    flush();
    if (failure) throw failure;
  }

  status(): ProjectionStatus {
    return {
      name: this.p.name,
      version: this.p.version,
      checkpoint: this.checkpoint,
      state: this.stopping ? 'stopped' : this.state,
      ...(this.error ? { error: this.error } : {}),
    };
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.sub?.close();
    await this.loop;
    // The stored checkpoint is the truth after a stop.
    this.checkpoint = readCheckpoint(this.db, this.p.name)?.position ?? this.checkpoint;
  }
}
