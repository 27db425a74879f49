import type { Statements } from './statements.js';

export interface StreamHead {
  revision: number;
  hash: string;
}

/**
 * The last revision and hash of streams, as one connection saw them. Valid while no other
 * connection writes: PRAGMA data_version changes when one does, and the cache is then dropped.
 */
export class StreamHeadCache {
  private readonly heads = new Map<string, StreamHead>();
  private dataVersion = -1;

  /** `maxStreams`: bounded, as a service reads and writes many streams; the table answers again. */
  constructor(private readonly maxStreams = 100_000) {}

  /** Drops everything when another connection has committed since the last look. */
  sync(st: Statements): void {
    const version = st.dataVersion.get()!.data_version;
    if (version !== this.dataVersion) {
      this.heads.clear();
      this.dataVersion = version;
    }
  }

  get(st: Statements, streamId: string): StreamHead | undefined {
    const cached = this.heads.get(streamId);
    if (cached) return cached;
    const head = st.streamHead.get(streamId);
    if (head) this.set(streamId, head);
    return head;
  }

  set(streamId: string, head: StreamHead): void {
    if (this.heads.size >= this.maxStreams && !this.heads.has(streamId)) this.heads.clear();
    this.heads.set(streamId, head);
  }

  get size(): number {
    return this.heads.size;
  }

  clear(): void {
    this.heads.clear();
  }
}
