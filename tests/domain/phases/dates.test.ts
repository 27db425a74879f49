// The phase engine's calendar arithmetic is integer arithmetic on day counts: it must agree with
// Date's UTC calendar on every date, including leap days and century years.
import fc from 'fast-check';
import t from 'tap';
import { addDays, daysBetween, isBusinessDate } from '../../../domain/phases/dates.js';

const MS_PER_DAY = 86_400_000;
const dateAt = (epochDay: number) => new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
const epochDayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
/** Days since 1970 of 0100-01-01 and of 9999-12-31: the years a business date can have. */
const FIRST = epochDayOf('0100-01-01');
const LAST = epochDayOf('9999-12-31');
const epochDay = fc.integer({ min: FIRST, max: LAST });

t.test('daysBetween and addDays agree with the UTC calendar', async (t) => {
  fc.assert(
    fc.property(epochDay, epochDay, (a, b) => daysBetween(dateAt(a), dateAt(b)) === b - a),
    { numRuns: 20_000 },
  );
  fc.assert(
    fc.property(epochDay, fc.integer({ min: -2000, max: 2000 }), (a, n) => a + n < FIRST || a + n > LAST || addDays(dateAt(a), n) === dateAt(a + n)),
    { numRuns: 20_000 },
  );
  t.equal(addDays('2024-02-28', 1), '2024-02-29', 'a leap day');
  t.equal(addDays('1900-02-28', 1), '1900-03-01', 'no leap day in 1900');
  t.equal(addDays('2000-02-28', 1), '2000-02-29', 'a leap day in 2000');
  t.equal(addDays('1969-12-31', 366), '1971-01-01', 'across 1970');
  t.equal(daysBetween('2025-03-01', '2024-03-01'), -365, 'negative when the second date is earlier');
});

t.test('isBusinessDate accepts exactly the real calendar dates written YYYY-MM-DD', async (t) => {
  /** What Date says (the engine's earlier check): the date reads back as written (2025-02-30 does not). */
  const byDate = (s: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) return false;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const u = new Date(Date.UTC(y, mo - 1, d));
    return u.getUTCFullYear() === y && u.getUTCMonth() === mo - 1 && u.getUTCDate() === d;
  };
  const written = fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  fc.assert(fc.property(written, (s) => isBusinessDate(s) === byDate(s)), { numRuns: 50_000 });
  for (const bad of ['2025-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '25-01-01', '2025-1-01', '2025-01-01T00:00', ' 2025-01-01', '2025/01/01', '0099-01-01', '２０２５-01-01', '1900-02-29', '2100-02-29', '0100-02-29']) {
    t.notOk(isBusinessDate(bad), `${bad} is refused`);
  }
  for (const good of ['2024-02-29', '2000-02-29', '0400-02-29', '1600-02-29', '2025-12-31', '0100-01-01', '9999-12-31']) t.ok(isBusinessDate(good), `${good} is accepted`);
  t.notOk(isBusinessDate(20250101), 'a number is refused');
  t.notOk(isBusinessDate(undefined), 'undefined is refused');
});
