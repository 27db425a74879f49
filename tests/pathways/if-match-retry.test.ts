// A command whose If-Match names several revisions, overtaken by another process between its
// read and its append: retried when the stream is still at a revision the caller named.
import { join } from 'node:path';
import t from 'tap';
import { pathwayCommandSchemas, type PathwayCommand } from '../../contracts/commands/index.js';
import type { Actor } from '../../domain/access/policy.js';
import type { EventStore } from '../../infra/eventstore/port.js';
import { SqliteEventStore } from '../../infra/eventstore/sqlite/sqlite-event-store.js';
import { PathwayService } from '../../services/pathways/pathway-service.js';
import { commands } from '../support/journey.js';
import { tempDir } from '../support/temp-dir.js';

const actor: Actor = { id: 'coordinator-1', role: 'coordinator', organisationId: 'org-op', territories: ['calaisis'] };
const parsed = (input: { type: string; data: unknown }): PathwayCommand =>
  ({ type: input.type, data: pathwayCommandSchemas[input.type as PathwayCommand['type']].parse(input.data) }) as PathwayCommand;

/** The real store, with another process's command slipped in just before this service's next append. */
function overtakenOnce(store: EventStore, other: PathwayService, pathwayId: string): EventStore {
  let armed = true;
  return new Proxy(store, {
    get(target, name, receiver) {
      if (name !== 'append') return Reflect.get(target, name, receiver);
      return async (...args: Parameters<EventStore['append']>) => {
        if (armed) {
          armed = false;
          await other.execute({ pathwayId, command: parsed(commands.contact('2026-07-03')), actor, correlationId: 'other' });
        }
        return target.append(...args);
      };
    },
  });
}

t.test('an If-Match list survives a concurrent write to a revision it names, and only that', async (t) => {
  const file = join(tempDir(t), 'events.sqlite');
  const mine = new SqliteEventStore(file);
  const theirs = new SqliteEventStore(file);
  t.teardown(async () => {
    await mine.close();
    await theirs.close();
  });
  const other = new PathwayService(theirs);
  const { pathwayId } = await other.execute({ command: parsed(commands.refer()), actor, correlationId: 'c0' });
  await other.execute({ pathwayId, command: parsed(commands.diagnostic('2026-06-20')), actor, correlationId: 'c1' });

  // at revision 1; the other process writes revision 2 between this command's read and its append
  const tolerant = new PathwayService(overtakenOnce(mine, other, pathwayId));
  const done = await tolerant.execute({ pathwayId, command: parsed(commands.contact('2026-07-04')), actor, ifMatch: [1, 2], correlationId: 'c2' });
  t.equal(done.revision, 3, 'retried on revision 2, which the caller named');

  const strict = new PathwayService(overtakenOnce(mine, other, pathwayId));
  await t.rejects(
    strict.execute({ pathwayId, command: parsed(commands.contact('2026-07-05')), actor, ifMatch: [3], correlationId: 'c3' }),
    { status: 412, code: 'pathway.revision_mismatch' },
    'a write to a revision the caller did not name is a 412',
  );
  t.equal(await mine.streamRevision(`pathway-${pathwayId}`), 4, 'the other process’s contact only');
});
