// jsonWithoutPersonalData drops personal-data keys while JSON.stringify writes the text (a
// replacer): for JSON data it must give the text of the stripped copy, `__proto__` keys included.
import fc from 'fast-check';
import t from 'tap';
import { jsonWithoutPersonalData, PERSONAL_DATA_KEYS, stripPersonalData } from '../../../contracts/personal-data.js';

// Keys are often personal ones, so that dropping is exercised at every depth.
const key = fc.oneof(fc.constantFrom(...PERSONAL_DATA_KEYS), fc.string(), fc.constantFrom('0', '10', '__proto__', 'toJSON', 'é"\\\n'));

t.test('JSON data: the text of JSON.stringify(stripPersonalData(value))', async (t) => {
  fc.assert(
    fc.property(fc.anything({ key, maxDepth: 4, withNullPrototype: true }), (value) => {
      const data = JSON.parse(JSON.stringify(value) ?? 'null') as unknown;
      return jsonWithoutPersonalData(data) === JSON.stringify(stripPersonalData(data));
    }),
    { numRuns: 3000 },
  );
  const odd = { n: -0, x: NaN, y: -Infinity, big: 1e21, u: undefined, name: 'Martin', l: [undefined, () => 1], s: 'é"\n' };
  t.equal(jsonWithoutPersonalData(odd), JSON.stringify(stripPersonalData(odd)), 'numbers, holes and strings alike');
  t.equal(jsonWithoutPersonalData(odd), '{"n":0,"x":null,"y":null,"big":1e+21,"l":[null,null],"s":"é\\"\\n"}');
  t.same(Object.keys(stripPersonalData(JSON.parse('{"__proto__":{"a":1}}') as object)), ['__proto__'], 'an own __proto__ key stays a key of the copy');
});
