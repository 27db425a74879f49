// A whole-store verification reads synchronously underneath: without pauses it would hold the
// event loop to its end, and nobody else would be answered meanwhile. It runs in slices.
import t from 'tap';
import { event } from '../contract/harness.js';
import { caller, tokenFor } from '../support/api.js';
import { testService } from '../support/service.js';

const STREAMS = 3000;
const EVENTS_PER_STREAM = 10;

t.test('other requests are answered while an auditor verifies the whole store', async (t) => {
  const svc = await testService(t);
  await Promise.all(
    Array.from({ length: STREAMS }, (_, i) =>
      svc.store.append(`ledger-${i}`, Array.from({ length: EVENTS_PER_STREAM }, (_, k) => event('Entry', { i, k, note: 'x'.repeat(200) })), 'no_stream'),
    ),
  );
  const auditor = caller(svc.app, await tokenFor(svc.dataDir, 'auditor', 'org-audit', ['*']));

  const started = performance.now();
  let verifiedAt = 0;
  const verification = auditor.get('/v1/audit/verification').then((res) => {
    verifiedAt = performance.now();
    return res;
  });
  const healthAt = await new Promise<number>((resolve) => {
    setTimeout(() => void svc.app.inject({ method: 'GET', url: '/health/live' }).then(() => resolve(performance.now())), 20);
  });
  const res = await verification;

  t.equal(res.statusCode, 200);
  t.match(res.json(), { streams: STREAMS, checked: STREAMS * EVENTS_PER_STREAM, intact: true });
  const took = Math.round(verifiedAt - started);
  t.ok(took > 60, `the verification takes long enough to tell (${took} ms)`);
  t.ok(healthAt < verifiedAt, `a health check sent 20 ms in is answered after ${Math.round(healthAt - started)} ms, before the verification ends (${took} ms)`);
});
