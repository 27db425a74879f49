import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Test } from 'tap';
import fc from 'fast-check';
import { IdempotencyMismatchError, WrongExpectedRevisionError } from '../../infra/eventstore/errors.js';
import type { EventStore, StoredEvent } from '../../infra/eventstore/port.js';
import { verifyChain } from '../../infra/eventstore/hash-chain.js';
import { uuidv7 } from '../../infra/eventstore/uuidv7.js';
import { collect, event, take, type StoreUnderTest } from './harness.js';

/** The behaviour every event store adapter must show; run it with the adapter's StoreUnderTest. */
export function eventStoreContract(t: Test, sut: StoreUnderTest): void {
  let store: EventStore;
  t.beforeEach(async () => {
    store = await sut.open();
  });
  t.afterEach(async () => {
    await store.close();
    await sut.cleanup();
  });

  t.test('expected revision: no_stream, stream_exists, exact, any', async (t) => {
    const r0 = await store.append('pathway-a', [event('A')], 'no_stream');
    t.same(r0.nextExpectedRevision, 0);
    const err = await store.append('pathway-a', [event('B')], 'no_stream').catch((e) => e);
    t.ok(err instanceof WrongExpectedRevisionError, 'no_stream on an existing stream conflicts');
    t.equal(err.expected, 'no_stream');
    t.equal(err.actual, 0);
    const missing = await store.append('pathway-b', [event('B')], 'stream_exists').catch((e) => e);
    t.ok(missing instanceof WrongExpectedRevisionError, 'stream_exists on a missing stream conflicts');
    t.equal(missing.actual, null);
    t.same((await store.append('pathway-a', [event('C')], 'stream_exists')).nextExpectedRevision, 1);
    t.same((await store.append('pathway-a', [event('D'), event('E')], 1)).nextExpectedRevision, 3);
    const stale = await store.append('pathway-a', [event('F')], 1).catch((e) => e);
    t.ok(stale instanceof WrongExpectedRevisionError);
    t.equal(stale.expected, 1);
    t.equal(stale.actual, 3);
    t.same((await store.append('pathway-a', [event('G')], 'any')).nextExpectedRevision, 4);
    t.same((await store.append('pathway-new', [event('G')], 'any')).nextExpectedRevision, 0);
    t.equal(await store.streamRevision('pathway-a'), 4);
    t.equal(await store.streamRevision('pathway-none'), null);
    const types = (await collect(store.readStream('pathway-a'))).map((e) => e.type);
    t.same(types, ['A', 'C', 'D', 'E', 'G'], 'failed appends wrote nothing');
  });

  t.test('an append is atomic: a conflicting batch writes none of its events', async (t) => {
    await store.append('pathway-a', [event('A')]);
    await store.append('pathway-a', [event('B'), event('C'), event('D')], 5).catch(() => undefined);
    t.equal((await collect(store.readStream('pathway-a'))).length, 1);
    t.equal(await store.headPosition(), 1);
  });

  t.test('an append that fails while writing fails alone: concurrent appends commit, it leaves nothing', async (t) => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const results = await Promise.allSettled([
      store.append('pathway-ok1', [event('A')]),
      store.append('pathway-bad', [event('Fine'), event('Unserialisable', circular)]),
      store.append('pathway-ok2', [event('B')]),
    ]);
    t.equal(results[0]!.status, 'fulfilled');
    t.equal(results[1]!.status, 'rejected');
    t.equal(results[2]!.status, 'fulfilled');
    t.same(await collect(store.readStream('pathway-bad')), [], 'not even the first event of the failed call');
    t.equal(await store.streamRevision('pathway-bad'), null);
    t.same((await collect(store.readAll())).map((e) => e.streamId), ['pathway-ok1', 'pathway-ok2']);
  });

  t.test('event data is stored as its JSON: values JSON drops are dropped, whatever the writer', async (t) => {
    const results = await Promise.allSettled([
      store.append('pathway-fn', [event('WithFunction', { keep: 1, drop: () => 1, gone: Symbol('s'), list: [() => 2, 'x'], on: new Date('2026-07-02T00:00:00.000Z') })]),
      store.append('pathway-ok3', [event('Plain', { n: 3 })]),
    ]);
    t.same(results.map((r) => r.status), ['fulfilled', 'fulfilled']);
    const [stored] = await collect(store.readStream('pathway-fn'));
    t.same(stored!.data, { keep: 1, list: [null, 'x'], on: '2026-07-02T00:00:00.000Z' }, 'as JSON.stringify would have written it');
  });

  t.test('a live subscription ends when its store closes', async (t) => {
    await store.append('pathway-s', [event('E')]);
    const sub = store.subscribe();
    const seen: string[] = [];
    const done = (async () => {
      for await (const e of sub) seen.push(e.type);
    })();
    await new Promise((r) => setTimeout(r, 50));
    await store.close();
    const ended = await Promise.race([done.then(() => true), new Promise((r) => setTimeout(() => r(false), 2000))]);
    t.ok(ended, 'the iteration finished instead of spinning');
    t.same(seen, ['E']);
    await sub.close();
    store = await sut.reopen();
  });

  t.test('close lets queued appends finish', async (t) => {
    const pending = Array.from({ length: 50 }, (_, i) => store.append(`pathway-q${i % 3}`, [event('Q', { i })]));
    await store.close();
    const results = await Promise.allSettled(pending);
    t.ok(results.every((r) => r.status === 'fulfilled'), 'every acknowledged append committed');
    store = await sut.reopen();
    t.equal((await collect(store.readAll())).length, 50);
  });

  t.test('stored events carry id, type, version, data, metadata, revision, position, timestamps', async (t) => {
    const id = uuidv7();
    const before = Date.now();
    const r = await store.append('pathway-x', [event('HouseholdReferred', { name: 'Zoé Lefèvre', n: 1 }, id)]);
    const [e] = await collect(store.readStream('pathway-x'));
    t.ok(e);
    t.equal(e!.id, id);
    t.equal(e!.type, 'HouseholdReferred');
    t.equal(e!.schemaVersion, 1);
    t.same(e!.data, { name: 'Zoé Lefèvre', n: 1 });
    t.same(e!.metadata.principal, { id: 'tester', role: 'admin', organisationId: 'org-test' });
    t.equal(e!.metadata.correlationId, 'corr-test');
    t.equal(e!.metadata.occurredAt, '2026-01-15T10:00:00.000Z', 'occurredAt is kept as given');
    t.ok(Date.parse(e!.recordedAt) >= before - 5, 'recordedAt is the commit time');
    t.equal(e!.revision, 0);
    t.equal(e!.globalPosition, r.globalPosition);
    const generated = await store.append('pathway-x', [event('Other')]);
    const [, second] = await collect(store.readStream('pathway-x'));
    t.match(second!.id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'generated ids are UUIDv7');
    t.ok(generated.globalPosition > r.globalPosition);
  });

  t.test('re-appending stored ids is a no-op returning the original outcome', async (t) => {
    const ids = [uuidv7(), uuidv7()];
    const first = await store.append('pathway-r', [event('A', {}, ids[0]), event('B', {}, ids[1])], 'no_stream');
    await store.append('pathway-r', [event('C')]);
    const retry = await store.append('pathway-r', [event('A', {}, ids[0]), event('B', {}, ids[1])], 'no_stream');
    t.same(retry, { ...first, alreadyStored: true }, 'same outcome, even though the expectation no longer holds, and said to be a retry');
    t.notOk('alreadyStored' in first, 'a first append is not flagged');
    t.equal((await collect(store.readStream('pathway-r'))).length, 3, 'nothing written twice');
    const partial = await store.append('pathway-r', [event('A', {}, ids[0]), event('Z', {}, uuidv7())]).catch((e) => e);
    t.ok(partial instanceof IdempotencyMismatchError, 'a batch that only partly matches is refused');
    const elsewhere = await store.append('pathway-other', [event('A', {}, ids[0])]).catch((e) => e);
    t.ok(elsewhere instanceof IdempotencyMismatchError, 'a stored id cannot be reused on another stream');
    const elsewhereExact = await store.append('pathway-other', [event('A', {}, ids[1])], 'no_stream').catch((e) => e);
    t.ok(elsewhereExact instanceof IdempotencyMismatchError, 'nor with an expectation that holds');
    // The stored id comes second: the first event is written before the clash is found, and must be undone.
    const results = await Promise.allSettled([
      store.append('pathway-late', [event('New', {}, uuidv7()), event('Clash', {}, ids[0])], 'no_stream'),
      store.append('pathway-beside', [event('Fine')], 'no_stream'),
    ]);
    t.ok(results[0]!.status === 'rejected' && results[0]!.reason instanceof IdempotencyMismatchError, 'a later stored id is refused too');
    t.same(await collect(store.readStream('pathway-late')), [], 'and nothing of that call is kept');
    t.equal(results[1]!.status, 'fulfilled', 'an append committed with it is not affected');
    t.equal(await store.streamRevision('pathway-beside'), 0);
  });

  t.test('eventById finds a stored event by the id it was appended with', async (t) => {
    const id = uuidv7();
    await store.append('pathway-byid', [event('Before'), event('Chosen', { n: 7 }, id)], 'no_stream');
    const found = await store.eventById(id);
    const [, stored] = await collect(store.readStream('pathway-byid'));
    t.same(found, stored, 'the event as the stream returns it');
    t.equal(found!.revision, 1);
    t.equal(await store.eventById(uuidv7()), null, 'an unknown id is null');
  });

  t.test('readStream forwards, backwards, from a revision, bounded', async (t) => {
    for (let i = 0; i < 25; i++) await store.append('pathway-s', [event('E', { i })]);
    await store.append('pathway-other', [event('X')]);
    const all = await collect(store.readStream('pathway-s'));
    t.same(all.map((e) => e.revision), [...Array(25).keys()]);
    const back = await collect(store.readStream('pathway-s', { direction: 'backwards', maxCount: 3 }));
    t.same(back.map((e) => e.revision), [24, 23, 22]);
    const mid = await collect(store.readStream('pathway-s', { fromRevision: 10, maxCount: 5 }));
    t.same(mid.map((e) => (e.data as { i: number }).i), [10, 11, 12, 13, 14]);
    const backFrom = await collect(store.readStream('pathway-s', { direction: 'backwards', fromRevision: 2 }));
    t.same(backFrom.map((e) => e.revision), [2, 1, 0]);
    t.same(await collect(store.readStream('pathway-missing')), []);
  });

  t.test('readAll: one total order, from a position, filtered by type prefix or category', async (t) => {
    await store.append('pathway-1', [event('Household.Referred'), event('Entry.Accepted')]);
    await store.append('policy-1', [event('PolicyVersionAdded')]);
    await store.append('pathway-2', [event('Household.Referred')]);
    const all = await collect(store.readAll());
    t.same(all.map((e) => e.type), ['Household.Referred', 'Entry.Accepted', 'PolicyVersionAdded', 'Household.Referred']);
    for (let i = 1; i < all.length; i++) t.ok(all[i]!.globalPosition > all[i - 1]!.globalPosition, 'strictly increasing');
    const after = await collect(store.readAll({ after: all[1]!.globalPosition }));
    t.same(after.map((e) => e.streamId), ['policy-1', 'pathway-2']);
    const byType = await collect(store.readAll({ filter: { eventTypePrefixes: ['Household.'] } }));
    t.same(byType.map((e) => e.streamId), ['pathway-1', 'pathway-2']);
    const byCategory = await collect(store.readAll({ filter: { streamCategories: ['policy'] } }));
    t.same(byCategory.map((e) => e.type), ['PolicyVersionAdded']);
    t.equal((await collect(store.readAll({ maxCount: 2 }))).length, 2);
  });

  t.test('concurrent writers on one stream: exactly one winner per revision, no gaps', async (t) => {
    await store.append('pathway-hot', [event('Start')], 'no_stream');
    const writers = 16;
    const rounds = 10;
    let wins = 0;
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let r = 0; r < rounds; r++) {
          const rev = (await store.streamRevision('pathway-hot'))!;
          try {
            await store.append('pathway-hot', [event('Write', { w, r })], rev);
            wins++;
          } catch (e) {
            if (!(e instanceof WrongExpectedRevisionError)) throw e;
          }
        }
      }),
    );
    const events = await collect(store.readStream('pathway-hot'));
    t.equal(events.length, wins + 1, 'every success is stored once, no failure is');
    t.same(events.map((e) => e.revision), [...Array(events.length).keys()], 'revisions have no gap');
    t.ok(wins >= rounds, 'writers made progress');
  });

  t.test('many concurrent writers with a live subscriber: each event once, in order', async (t) => {
    const streams = 20;
    const perStream = 25;
    const total = streams * perStream;
    const received = take(store, total);
    await Promise.all(
      Array.from({ length: streams }, async (_, s) => {
        for (let i = 0; i < perStream; i++) await store.append(`pathway-${s}`, [event('E', { s, i })], i === 0 ? 'no_stream' : i - 1);
      }),
    );
    const got = await received;
    t.equal(got.length, total, 'every event delivered');
    t.equal(new Set(got.map((e) => e.id)).size, total, 'no duplicates');
    for (let i = 1; i < got.length; i++) {
      if (got[i]!.globalPosition <= got[i - 1]!.globalPosition) t.fail('global positions strictly increasing');
    }
    const lastRev = new Map<string, number>();
    for (const e of got) {
      if (e.revision !== (lastRev.get(e.streamId) ?? -1) + 1) t.fail(`per-stream order kept for ${e.streamId}`);
      lastRev.set(e.streamId, e.revision);
    }
    t.pass('orders checked');
  });

  t.test('several live subscribers at one position, two filtered, while writers commit: each gets its events once, in order', async (t) => {
    // They ask for the same pages at the same moments: a store that shares a read between them must still give each the whole story.
    const streams = 12;
    const perStream = 20;
    const total = streams * perStream;
    const from = await store.headPosition();
    const odds = { streamCategories: ['odd'] };
    const readers = [take(store, total, from), take(store, total, from), take(store, total / 2, from, 20_000, odds), take(store, total / 2, from, 20_000, odds)];
    await Promise.all(
      Array.from({ length: streams }, async (_, s) => {
        const stream = `${s % 2 ? 'odd' : 'even'}-${s}`;
        for (let i = 0; i < perStream; i++) await store.append(stream, [event('E', { s, i })], i === 0 ? 'no_stream' : i - 1);
      }),
    );
    const [first, second, odd, odd2] = await Promise.all(readers);
    for (const [name, got, expected] of [['first', first!, total], ['second', second!, total], ['filtered', odd!, total / 2], ['second filtered', odd2!, total / 2]] as const) {
      t.equal(got.length, expected, `${name}: every event`);
      t.equal(new Set(got.map((e) => e.id)).size, expected, `${name}: no duplicates`);
      t.ok(got.every((e, i) => i === 0 || e.globalPosition > got[i - 1]!.globalPosition), `${name}: in global order`);
    }
    t.ok(odd!.every((e) => e.streamId.startsWith('odd-')), 'the filtered ones only their category');
    t.same(odd2!.map((e) => e.id), odd!.map((e) => e.id), 'the same filtered story');
    t.same(second!.map((e) => e.id), first!.map((e) => e.id), 'the unfiltered ones the same story');
  });

  t.test('a subscription restarts from its checkpoint', async (t) => {
    for (let i = 0; i < 10; i++) await store.append('pathway-c', [event('E', { i })]);
    const firstFour = await take(store, 4);
    const checkpoint = firstFour[3]!.globalPosition;
    await store.close();
    store = await sut.reopen();
    const rest = await take(store, 6, checkpoint);
    t.same(rest.map((e) => (e.data as { i: number }).i), [4, 5, 6, 7, 8, 9]);
    const live = take(store, 1, rest[5]!.globalPosition);
    await store.append('pathway-c', [event('Later', { i: 10 })]);
    t.same((await live).map((e) => e.type), ['Later'], 'then goes live');
  });

  t.test('large payloads and non-ASCII text round-trip exactly', async (t) => {
    const big = { text: 'x'.repeat(2_000_000), list: Array.from({ length: 5000 }, (_, i) => ({ i, label: `élément ${i}` })) };
    const unicode = { name: 'Œdipe Müller-Ñúñez 🏠 «logement» 日本', note: 'ligne 1\nligne 2\t\u0000fin' };
    await store.append('pathway-big', [event('Big', big), event('Unicode', unicode)]);
    const [b, u] = await collect(store.readStream('pathway-big'));
    t.same(b!.data, big);
    t.same(u!.data, unicode);
  });

  t.test('each stream carries a verifiable hash chain', async (t) => {
    for (let i = 0; i < 5; i++) await store.append('pathway-h', [event('E', { i })]);
    const result = await verifyChain(store.readStream('pathway-h'));
    t.equal(result.checked, 5);
    t.equal(result.broken, null);
    const events = await collect(store.readStream('pathway-h'));
    const tampered = events.map((e, i) => (i === 2 ? { ...e, data: { i: 99 } } : e));
    const broken = await verifyChain(tampered);
    t.same(broken.broken, { streamId: 'pathway-h', revision: 2, eventId: events[2]!.id, reason: 'content_altered' });
  });

  t.test('property: any interleaving of appends keeps per-stream revisions dense and positions unique', async (t) => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 30 }), async (ops) => {
        const base = await store.headPosition();
        const tag = uuidv7().slice(-8);
        await Promise.all(ops.map(([s, n]) => store.append(`prop${tag}-${s}`, Array.from({ length: n }, () => event('P')))));
        const written: StoredEvent[] = await collect(store.readAll({ after: base }));
        const expected = ops.reduce((sum, [, n]) => sum + n, 0);
        if (written.length !== expected) return false;
        const revs = new Map<string, number[]>();
        for (const e of written) revs.set(e.streamId, [...(revs.get(e.streamId) ?? []), e.revision]);
        return [...revs.values()].every((r) => r.every((v, i) => v === i));
      }),
      { numRuns: 40 },
    );
    t.pass('property held');
  });

  t.test("another handle's appends: read at once, and seen by streamRevision within moments", async (t) => {
    const other = await sut.reopen();
    await store.append('pathway-shared', [event('Mine')], 'no_stream');
    t.equal(await other.streamRevision('pathway-shared'), 0, "the other handle sees this one's write");
    await other.append('pathway-shared', [event('Theirs')], 0);
    t.same((await collect(store.readStream('pathway-shared'))).map((e) => e.type), ['Mine', 'Theirs'], 'reads see it at once');
    const deadline = Date.now() + 1000;
    while ((await store.streamRevision('pathway-shared')) !== 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1));
    t.equal(await store.streamRevision('pathway-shared'), 1, 'the revision follows');
    const conflict = await store.append('pathway-shared', [event('Stale')], 0).catch((e) => e);
    t.ok(conflict instanceof WrongExpectedRevisionError, 'an append on the old revision is refused');
    await other.close();
  });

  t.test('two OS processes on one store: no event lost to either subscriber', async (t) => {
    const perChild = 200;
    const mine = 200;
    const expected = perChild * 2 + mine;
    const other = await sut.reopen();
    const seenHere = take(store, expected, 0, 60_000);
    const seenThere = take(other, expected, 0, 60_000);
    const children = [runWriter(sut.childProcessConfig(), 'pathway-childA', perChild), runWriter(sut.childProcessConfig(), 'pathway-childB', perChild)];
    for (let i = 0; i < mine; i++) await store.append(`pathway-parent-${i % 4}`, [event('ParentWrote', { i })]);
    await Promise.all(children);
    const [here, there] = await Promise.all([seenHere, seenThere]);
    await other.close();
    for (const got of [here, there]) {
      t.equal(got.length, expected, 'every event of both processes delivered');
      t.equal(new Set(got.map((e) => e.id)).size, expected, 'exactly once');
      t.ok(got.every((e, i) => i === 0 || e.globalPosition > got[i - 1]!.globalPosition), 'in global order');
    }
    const stored = await collect(store.readAll());
    t.equal(stored.length, expected);
  });
}

function runWriter(config: unknown, prefix: string, count: number): Promise<void> {
  const script = fileURLToPath(new URL('./writer-process.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(config), prefix, String(count)], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer process exited with ${code}`))));
  });
}
