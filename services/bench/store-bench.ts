// npm run bench:store -- [--json] [--events N] [--seconds S]
// Appends are measured with the service's default writer (inline) and with the writer thread.
// Measures the embedded store against raw better-sqlite3 with the same durability, in one run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { NewEvent } from '../../infra/eventstore/port.js';
import { SqliteEventStore } from '../../infra/eventstore/sqlite/sqlite-event-store.js';
import { numberOption, percentile, reporter } from './report.js';

const argv = process.argv.slice(2);
const report = reporter(argv);
const readAllEvents = numberOption(argv, 'events', 1_000_000);
const seconds = numberOption(argv, 'seconds', 5);
const WRITERS = 32;
const dir = mkdtempSync(join(tmpdir(), 'parcours-bench-'));

function newEvent(i: number): NewEvent {
  return {
    type: 'SupportContactRecorded',
    schemaVersion: 1,
    data: { contactDate: '2026-03-02', channel: 'phone', participants: ['officer-1'], orientationIds: [], evaluationOnly: false, note: `contact ${i}` },
    metadata: { principal: { id: 'bench', role: 'visit_officer', organisationId: 'org-1' }, correlationId: 'bench', occurredAt: '2026-03-02T10:00:00.000Z' },
  };
}

/** Raw inserts of the same rows in 100-row transactions, WAL + synchronous=FULL. */
function baselineRawInserts(count: number): number {
  const db = new Database(join(dir, 'baseline.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL, category TEXT NOT NULL,
    revision INTEGER NOT NULL, type TEXT NOT NULL, schema_version INTEGER NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL,
    recorded_at TEXT NOT NULL, hash TEXT NOT NULL, previous_hash TEXT, UNIQUE (stream_id, revision))`);
  const insert = db.prepare('INSERT INTO events (event_id, stream_id, category, revision, type, schema_version, data, metadata, recorded_at, hash, previous_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const tx = db.transaction((from: number) => {
    for (let i = from; i < from + 100; i++) {
      const e = newEvent(i);
      insert.run(`00000000-0000-7000-8000-${String(i).padStart(12, '0')}`, `pathway-${i % WRITERS}`, 'pathway', Math.floor(i / WRITERS), e.type, 1, JSON.stringify(e.data), JSON.stringify(e.metadata), new Date().toISOString(), 'h', null);
    }
  });
  const started = performance.now();
  for (let i = 0; i < count; i += 100) tx(i);
  const rate = count / ((performance.now() - started) / 1000);
  db.close();
  return rate;
}

/** 32 writers, each appending single events to its own stream with exact expected revisions. */
async function appendLoad(file: string, withSubscriber: boolean, writer: 'thread' | 'inline' = 'inline'): Promise<{ rate: number; events: number; lags: number[] }> {
  const store = new SqliteEventStore(join(dir, file), { writer });
  const lags: number[] = [];
  const sub = withSubscriber ? store.subscribe() : null;
  const consuming = (async () => {
    // Commit-to-delivery: recordedAt is stamped just before the commit, so this includes the commit itself.
    if (sub) for await (const e of sub) lags.push(Date.now() - Date.parse(e.recordedAt));
  })();
  let stop = false;
  let written = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      let revision = -1;
      while (!stop) {
        const r = await store.append(`pathway-w${w}`, [newEvent(written)], revision === -1 ? 'no_stream' : revision);
        revision = r.nextExpectedRevision;
        written++;
        if (performance.now() > deadline) stop = true;
      }
    }),
  );
  const rate = written / ((performance.now() - started) / 1000);
  if (sub) {
    while (lags.length < written) await new Promise((r) => setTimeout(r, 10));
    await sub.close();
  }
  await consuming;
  await store.close();
  return { rate, events: written, lags: lags.sort((a, b) => a - b) };
}

async function readAll(count: number): Promise<{ rate: number; peakRssMb: number; rssBeforeMb: number }> {
  const store = new SqliteEventStore(join(dir, 'read-all.sqlite'));
  const batch = 1000;
  for (let i = 0; i < count; i += batch) {
    const n = Math.min(batch, count - i);
    await store.append(`pathway-${(i / batch) % 5000}`, Array.from({ length: n }, (_, k) => newEvent(i + k)));
    if (i % 100_000 === 0) process.stderr.write(`\rseeding read_all: ${i}/${count}`);
  }
  process.stderr.write(`\rseeding read_all: ${count}/${count}\n`);
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  let seen = 0;
  const started = performance.now();
  // Warm-up pass over the first pages (JIT, page cache), then the measured full scan.
  for await (const e of store.readAll({ maxCount: 50_000 })) if (!e.id) throw new Error('no id');
  for await (const e of store.readAll()) {
    if (e.globalPosition > 0) seen++;
    if ((seen & 0x3fff) === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const rate = seen / ((performance.now() - started) / 1000);
  peak = Math.max(peak, process.memoryUsage().rss);
  await store.close();
  if (seen !== count) throw new Error(`read ${seen} events, expected ${count}`);
  return { rate, peakRssMb: peak / 2 ** 20, rssBeforeMb: rssBefore / 2 ** 20 };
}

try {
  const concurrent = await appendLoad('concurrent.sqlite', false);
  const baseline = baselineRawInserts(Math.max(20_000, Math.min(concurrent.events, 200_000)));
  report({ name: 'append_concurrent_single', value: concurrent.rate, unit: 'events/s', baseline, ratio: concurrent.rate / baseline, writers: WRITERS, events: concurrent.events, writer: 'inline', target: '>= 20000 events/s, ratio >= 0.25' });
  const thread = await appendLoad('concurrent-thread.sqlite', false, 'thread');
  report({ name: 'append_concurrent_single_thread', value: thread.rate, unit: 'events/s', baseline, ratio: thread.rate / baseline, writers: WRITERS, events: thread.events, writer: 'thread' });
  const live = await appendLoad('subscribed.sqlite', true);
  report({ name: 'subscription_lag_p99', value: percentile(live.lags, 99), unit: 'ms', p50: percentile(live.lags, 50), max: live.lags[live.lags.length - 1], events: live.events, append_rate_with_subscriber: Math.round(live.rate), target: '< 50 ms' });
  const read = await readAll(readAllEvents);
  report({ name: 'read_all', value: read.rate, unit: 'events/s', events: readAllEvents, target: '>= 250000 events/s' });
  report({ name: 'read_all_peak_rss_mb', value: read.peakRssMb, unit: 'MB', rss_before_mb: Math.round(read.rssBeforeMb), target: '< 300 MB' });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
