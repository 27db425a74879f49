// A keyed request's facts answer its retries for as long as keys are kept; after that the same
// key and request are a new request, recorded with ids of the next generation.
import { join } from 'node:path';
import t from 'tap';
import { pathwayCommandSchemas, type PathwayCommand } from '../../contracts/commands/index.js';
import type { Actor } from '../../domain/access/policy.js';
import { SqliteEventStore } from '../../infra/eventstore/sqlite/sqlite-event-store.js';
import { PathwayService, type CommandRequest } from '../../services/pathways/pathway-service.js';
import { retryEventId } from '../../services/recorded-retry.js';
import { commands } from '../support/journey.js';
import { tempDir } from '../support/temp-dir.js';

const WINDOW_MS = 1000;
const actor: Actor = { id: 'coordinator-1', role: 'coordinator', organisationId: 'org-op', territories: ['calaisis'] };

function parsed(input: { type: string; data: unknown }): PathwayCommand {
  return { type: input.type, data: pathwayCommandSchemas[input.type as PathwayCommand['type']].parse(input.data) } as PathwayCommand;
}

t.test('a retry within the window is answered from the store; past it, the same request records anew', async (t) => {
  const store = new SqliteEventStore(join(tempDir(t), 'events.sqlite'));
  t.teardown(() => store.close());
  // The window is the store's clock against the request's: a second here stands for the 7 days.
  const service = new PathwayService(store, WINDOW_MS);
  const { pathwayId } = await service.execute({ command: parsed(commands.refer()), actor, correlationId: 'c0' });
  await service.execute({ pathwayId, command: parsed(commands.diagnostic('2026-06-20')), actor, correlationId: 'c1' });

  const contact = (): CommandRequest => ({
    pathwayId,
    command: parsed(commands.contact('2026-07-02')),
    actor,
    correlationId: 'c2',
    causationId: 'key-1',
    requestDigest: 'digest-of-the-request',
  });

  const first = await service.execute(contact());
  t.equal(first.replayed, false);
  t.equal(first.events[0]!.id, retryEventId('digest-of-the-request', 0, 0), 'the fact takes the first generation’s id');
  const retried = await service.execute(contact());
  t.equal(retried.replayed, true, 'within the window, the retry is recognised');
  t.same(retried.events, first.events);
  t.equal(retried.revision, first.revision);

  await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 200));
  const late = await service.execute(contact());
  t.equal(late.replayed, false, 'past the window it is a new request');
  t.equal(late.revision, first.revision + 1);
  t.equal(late.events[0]!.id, retryEventId('digest-of-the-request', 1, 0), 'recorded with the next generation’s ids');
  const lateRetry = await service.execute(contact());
  t.equal(lateRetry.replayed, true, 'and its own retry finds it, past the expired first one');
  t.same(lateRetry.events, late.events);
  t.equal(await store.streamRevision(`pathway-${pathwayId}`), late.revision, 'two contacts in all');
});

t.test('two attempts of one request at once record it once: on one service (a referral it names), and on two sharing the store', async (t) => {
  const file = join(tempDir(t), 'events.sqlite');
  const storeA = new SqliteEventStore(file);
  const storeB = new SqliteEventStore(file);
  t.teardown(async () => {
    await storeA.close();
    await storeB.close();
  });
  const a = new PathwayService(storeA);
  const b = new PathwayService(storeB);

  const referral: CommandRequest = { command: parsed(commands.refer()), actor, correlationId: 'r', causationId: 'ref-1', requestDigest: 'referral-digest' };
  const referrals = await Promise.all([a.execute(referral), a.execute(referral)]);
  t.same(referrals.map((r) => r.replayed).sort(), [false, true], 'one recorded it, the other was answered with it');
  t.equal(referrals[0]!.pathwayId, referrals[1]!.pathwayId, 'one pathway');
  const pathwayId = referrals[0]!.pathwayId;
  await a.execute({ pathwayId, command: parsed(commands.diagnostic('2026-06-20')), actor, correlationId: 'd' });

  // Both services have the pathway cached at the same revision, then run the same keyed contact.
  await b.load(pathwayId);
  const contact: CommandRequest = { pathwayId, command: parsed(commands.contact('2026-07-02')), actor, correlationId: 'c', causationId: 'k', requestDigest: 'contact-digest' };
  const contacts = await Promise.all([a.execute(contact), b.execute(contact)]);
  t.same(contacts.map((c) => c.replayed).sort(), [false, true]);
  t.same(contacts[0]!.events, contacts[1]!.events, 'both answer with the stored fact and its ids');
  t.equal(await storeA.streamRevision(`pathway-${pathwayId}`), 2, 'recorded once');

  // The service that lost the race goes on from what the store holds, not from what it had decided.
  const next = await b.execute({ pathwayId, command: parsed(commands.contact('2026-07-03')), actor, correlationId: 'n' });
  t.equal(next.revision, 3);
  const loaded = await b.load(pathwayId);
  const stored = await storeA.eventById(contacts[0]!.events[0]!.id);
  t.ok(stored, 'the answered fact is the stored one');
  t.equal(loaded!.revision, 3);
});
