import fc from 'fast-check';
import t from 'tap';
import { canonicalJson, chainHash } from '../../infra/eventstore/hash-chain.js';

t.test('canonical JSON is valid JSON of the same value, whatever the key order', async (t) => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      const text = canonicalJson(value);
      const parsed = JSON.parse(text);
      return JSON.stringify(parsed) === JSON.stringify(JSON.parse(JSON.stringify(value))) || canonicalJson(parsed) === text;
    }),
    { numRuns: 2000 },
  );
  t.equal(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: null }], c: 'é' } }), '{"a":{"c":"é","d":[1,{"y":null,"z":0}]},"b":1}');
  t.equal(canonicalJson({ a: undefined, b: [undefined] }), '{"b":[null]}', 'undefined as JSON.stringify treats it');
  const odd = { f: () => 1, s: Symbol('s'), d: new Date('2026-07-02T00:00:00.000Z'), n: Number.NaN, list: [() => 1, Symbol('t'), Infinity] };
  t.equal(canonicalJson(odd), JSON.stringify(JSON.parse(JSON.stringify(odd)), Object.keys(JSON.parse(JSON.stringify(odd))).sort()), 'functions, symbols, dates and non-finite numbers as JSON.stringify writes them');
  t.equal(canonicalJson(odd), '{"d":"2026-07-02T00:00:00.000Z","list":[null,null,null],"n":null}');
});

t.test('canonical JSON of any value is that of its JSON text: what the writer thread receives stores as the inline writer would', async (t) => {
  fc.assert(
    fc.property(
      fc.anything({ withBoxedValues: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withObjectString: true }),
      (value) => {
        const text = JSON.stringify(value);
        if (text === undefined) return canonicalJson(value) === 'null';
        return canonicalJson(value) === canonicalJson(JSON.parse(text));
      },
    ),
    { numRuns: 3000 },
  );
  const cases: Array<[unknown, string]> = [
    [{ a: new Number(1), b: new String('ab'), c: new Boolean(false) }, '{"a":1,"b":"ab","c":false}'],
    [{ a: { toJSON: () => undefined }, b: { toJSON: () => () => 1 } }, '{}'],
    [{ a: { toJSON: () => ({ toJSON: () => 1 }) } }, '{"a":{}}'],
    [{ a: { toJSON: () => new Date('2026-07-02T00:00:00.000Z') } }, '{"a":{}}'],
    [{ k: { toJSON: (key: string) => `key ${key}` }, list: [{ toJSON: (key: string) => key }] }, '{"k":"key k","list":["0"]}'],
  ];
  for (const [value, expected] of cases) {
    t.equal(canonicalJson(value), expected);
    t.equal(canonicalJson(value), canonicalJson(JSON.parse(JSON.stringify(value))), 'the same as through its JSON text');
  }
  t.throws(() => canonicalJson({ n: 1n }), TypeError);
  t.throws(() => canonicalJson({ n: Object(1n) }), TypeError);
});

t.test('the chain hash does not depend on key order but on every value', async (t) => {
  const base = { id: 'e1', streamId: 's', revision: 0, type: 'T', schemaVersion: 1, recordedAt: '2026-01-01T00:00:00.000Z' };
  const h1 = chainHash(null, { ...base, data: { a: 1, b: 2 }, metadata: { x: 1 } });
  const h2 = chainHash(null, { ...base, data: { b: 2, a: 1 }, metadata: { x: 1 } });
  const h3 = chainHash(null, { ...base, data: { a: 1, b: 3 }, metadata: { x: 1 } });
  const h4 = chainHash('prev', { ...base, data: { a: 1, b: 2 }, metadata: { x: 1 } });
  t.equal(h1, h2);
  t.not(h1, h3);
  t.not(h1, h4, 'the previous hash is part of it');
});

t.test('the chain hash of a known content is pinned: stored chains stay verifiable across versions', async (t) => {
  const content = {
    id: '0190d5f0-0000-7000-8000-000000000001',
    streamId: 'pathway-x',
    revision: 3,
    type: 'SupportContactRecorded',
    schemaVersion: 1,
    recordedAt: '2026-07-02T09:00:00.000Z',
    data: { b: 'é', a: [1, null] },
    metadata: { principal: { id: 'u', role: 'coordinator' }, correlationId: 'c', occurredAt: '2026-07-02T00:00:00.000Z' },
  };
  // sha256 of "prev-hash\n" + the canonical content, as the first release computed it.
  t.equal(chainHash('prev-hash', content), '0bda07287a94b391d12aa72257fee37a56ee4bc8f618530ae79867adf7ed4a71');
});
