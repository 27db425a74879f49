import type { ReadView } from '../../domain/access/policy.js';
import { toFullView, toOutcomeView } from '../../domain/pathway/index.js';
import type { LoadedPathway } from './load-pathway.js';

/**
 * The JSON body of GET /v1/pathways/{id} for a loaded state, per view, written once per
 * revision: a pathway is read far more often than it changes. Keyed by the loaded state itself
 * (a new revision is a new object), so nothing here can outlive or contradict the state cache.
 * Kept as UTF-8 bytes: a body of a few kilobytes is then neither measured nor encoded again for
 * each request (as a string it was, on every send). Each in memory of its own: a small
 * Buffer.from would be a slice of Node's shared 8 KiB pool and keep all of it alive.
 */
export class PathwayBodies {
  private readonly bodies = new WeakMap<LoadedPathway, Partial<Record<ReadView, Buffer>>>();

  body(pathwayId: string, loaded: LoadedPathway, view: ReadView, asOf?: string): Buffer {
    // A state as of a date is folded for that one read: nothing to keep.
    if (asOf !== undefined) return render(pathwayId, loaded, view, asOf);
    let forState = this.bodies.get(loaded);
    if (!forState) {
      forState = {};
      this.bodies.set(loaded, forState);
    }
    return (forState[view] ??= render(pathwayId, loaded, view));
  }
}

function render(pathwayId: string, loaded: LoadedPathway, view: ReadView, asOf?: string): Buffer {
  const bytes = new TextEncoder().encode(JSON.stringify({
    pathwayId,
    revision: loaded.revision,
    view,
    ...(asOf !== undefined ? { asOf } : {}),
    pathway: view === 'full' ? toFullView(loaded.state) : toOutcomeView(loaded.state),
  }));
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
