import fc from 'fast-check';
import t from 'tap';
import type { LoadedPathway } from '../../services/pathways/load-pathway.js';
import { PathwayCache } from '../../services/pathways/pathway-cache.js';

const at = (revision: number) => ({ revision, state: {}, scope: { territory: 'T1', referrerOrganisationId: 'org-a' } }) as unknown as LoadedPathway;

t.test('a cached state never moves backwards', async (t) => {
  const cache = new PathwayCache(4);
  cache.set('p1', at(3));
  cache.set('p1', at(2));
  t.equal(cache.get('p1')?.revision, 3);
  cache.set('p1', at(4));
  t.equal(cache.get('p1')?.revision, 4);
});

t.test('any sequence of uses: never a stale state, and the most recently used pathways are the ones kept', async (t) => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 40 })), { maxLength: 300 }), (max, ops) => {
      const cache = new PathwayCache(max);
      // Pathways in use order, most recent last: a set or a hit counts as a use.
      const used: string[] = [];
      const revisions = new Map<string, number>();
      for (const [isSet, n] of ops) {
        const id = `p${n}`;
        if (isSet) {
          const revision = (revisions.get(id) ?? -1) + 1;
          revisions.set(id, revision);
          cache.set(id, at(revision));
        } else {
          const hit = cache.get(id);
          if (hit && hit.revision !== revisions.get(id)) return false;
          if (!hit) continue;
        }
        const k = used.indexOf(id);
        if (k >= 0) used.splice(k, 1);
        used.push(id);
      }
      const kept = used.slice(-max);
      const forgotten = used.slice(0, -max);
      // Checked from the least recent, so that each hit's own move to the front evicts nothing checked later.
      return kept.every((id) => cache.get(id)?.revision === revisions.get(id)) && forgotten.every((id) => cache.get(id) === undefined);
    }),
  );
  t.pass('property held');
});
