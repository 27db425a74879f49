import t from 'tap';
import { uuidv7, UUID_PATTERN } from '../../infra/eventstore/uuidv7.js';

t.test('a UUIDv7 carries its millisecond timestamp, version 7 and the RFC variant', async (t) => {
  const ms = Date.UTC(2031, 4, 17, 9, 30, 12, 345);
  const id = uuidv7(ms);
  t.match(id, UUID_PATTERN);
  t.equal(id.replace(/-/g, '').slice(0, 12), ms.toString(16).padStart(12, '0'), 'the first 48 bits are the timestamp');
  t.equal(id[14], '7', 'version');
  t.ok('89ab'.includes(id[19]!), 'variant');
});

t.test('ids sort in creation order, within one millisecond too (counter overflow included)', async (t) => {
  const ms = Date.UTC(2032, 0, 1);
  let previous = '';
  let sorted = true;
  for (let i = 0; i < 5000; i++) {
    const id = uuidv7(ms);
    if (id <= previous) sorted = false;
    previous = id;
  }
  t.ok(sorted, 'strictly increasing, past the 4096 ids a millisecond holds');
  t.equal(new Set(Array.from({ length: 2000 }, () => uuidv7())).size, 2000, 'no repeats');
});
