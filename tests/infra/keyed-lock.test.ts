import t from 'tap';
import { KeyedLock } from '../../services/pathways/keyed-lock.js';

const tick = () => new Promise((r) => setImmediate(r));

t.test('tasks on one key run one at a time, in arrival order; other keys run alongside', async (t) => {
  const lock = new KeyedLock();
  const log: string[] = [];
  let running = 0;
  let most = 0;
  const task = (name: string) => async () => {
    running++;
    most = Math.max(most, running);
    log.push(`start ${name}`);
    await tick();
    log.push(`end ${name}`);
    running--;
    return name;
  };
  const results = await Promise.all([lock.run('a', task('a1')), lock.run('a', task('a2')), lock.run('b', task('b1')), lock.run('a', task('a3'))]);
  t.same(results, ['a1', 'a2', 'b1', 'a3']);
  const aOnly = log.filter((l) => l.endsWith('a1') || l.endsWith('a2') || l.endsWith('a3'));
  t.same(aOnly, ['start a1', 'end a1', 'start a2', 'end a2', 'start a3', 'end a3'], 'key a strictly serialised');
  t.equal(most, 2, 'key b ran while a was busy');
});

t.test('a failing task rejects its caller only; the next one still runs', async (t) => {
  const lock = new KeyedLock();
  const failing = lock.run('k', async () => {
    await tick();
    throw new Error('boom');
  });
  const after = lock.run('k', async () => 'ran');
  await t.rejects(failing, /boom/);
  t.equal(await after, 'ran');
  t.equal(await lock.run('k', async () => 'again'), 'again', 'the key is free afterwards');
});
