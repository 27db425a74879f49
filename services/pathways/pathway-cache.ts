import type { LoadedPathway } from './load-pathway.js';

/**
 * The latest folded state of recently used pathways, so a read or a command folds only the
 * events appended since (states are immutable values: evolve returns new objects).
 * Bounded; the least recently used pathway is forgotten first.
 */
export class PathwayCache {
  private readonly entries = new Map<string, LoadedPathway>();

  constructor(private readonly maxEntries = 10_000) {}

  get(pathwayId: string): LoadedPathway | undefined {
    const hit = this.entries.get(pathwayId);
    if (hit) {
      this.entries.delete(pathwayId);
      this.entries.set(pathwayId, hit);
    }
    return hit;
  }

  set(pathwayId: string, loaded: LoadedPathway): void {
    const current = this.entries.get(pathwayId);
    // Never move a cached state backwards (a slow reader finishing after a writer).
    if (current && current.revision > loaded.revision) return;
    this.entries.delete(pathwayId);
    this.entries.set(pathwayId, loaded);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
