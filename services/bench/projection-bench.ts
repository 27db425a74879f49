// npm run bench:projections -- [--json] [--pathways N] [--history E] [--only NAME]
// How fast the read models absorb events: each projection rebuilt alone from the store (what
// `parcours projections rebuild` does), then all of them caught up together by the projection
// runtime (what the projection worker does after a burst of commands). The store is seeded
// through the pathway service, so the events are the service's own: referral, diagnostic
// visit, orientation, then support contacts interleaved across households as a day's work is.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathwayCommandSchemas, type CommandType, type PathwayCommand } from '../../contracts/commands/index.js';
import type { Actor } from '../../domain/access/policy.js';
import { SqliteEventStore } from '../../infra/eventstore/sqlite/sqlite-event-store.js';
import { openReadModelDb } from '../../infra/projections/read-model-db.js';
import { rebuildProjection } from '../../infra/projections/rebuild.js';
import { ProjectionRuntime } from '../../infra/projections/runtime.js';
import { allProjections } from '../../projections/index.js';
import { PathwayService } from '../pathways/pathway-service.js';
import { diagnostic, orientation, referral, supportContact } from './household-bodies.js';
import { numberOption, reporter } from './report.js';

const argv = process.argv.slice(2);
const report = reporter(argv);
const pathwayCount = numberOption(argv, 'pathways', 5000);
/** Events per pathway: the three seeding events, then support contacts up to this. */
const historyLength = Math.max(3, numberOption(argv, 'history', 25));
/** --only NAME rebuilds that projection alone and skips the catch-up of all (for profiling). */
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
const dir = mkdtempSync(join(tmpdir(), 'parcours-projection-bench-'));
const actor: Actor = { id: 'bench', role: 'coordinator', organisationId: 'org-bench', territories: ['calaisis'] };

function command<T extends Exclude<CommandType, 'ReferHousehold'>>(type: T, data: unknown): PathwayCommand {
  return { type, data: pathwayCommandSchemas[type].parse(data) } as PathwayCommand;
}

async function seed(store: SqliteEventStore): Promise<number> {
  const service = new PathwayService(store);
  const run = (pathwayId: string | undefined, cmd: PathwayCommand) => service.execute({ ...(pathwayId ? { pathwayId } : {}), command: cmd, actor, correlationId: 'bench' });
  const ids: string[] = [];
  for (let i = 0; i < pathwayCount; i += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, pathwayCount - i) }, async () => {
        const { pathwayId } = await run(undefined, { type: 'ReferHousehold', data: pathwayCommandSchemas.ReferHousehold.parse(referral()) } as PathwayCommand);
        await run(pathwayId, command('CompleteDiagnosticVisit', diagnostic()));
        await run(pathwayId, command('ProposeOrientation', orientation));
        return pathwayId;
      }),
    );
    ids.push(...batch);
  }
  // Contacts go round the households, so each batch of events touches many pathways.
  const contact = command('RecordSupportContact', supportContact);
  for (let round = 3; round < historyLength; round++) {
    for (let i = 0; i < ids.length; i += 100) await Promise.all(ids.slice(i, i + 100).map((id) => run(id, contact)));
  }
  return store.headPosition();
}

async function main(): Promise<void> {
  const store = new SqliteEventStore(join(dir, 'events.sqlite'), { writer: 'inline', pollIntervalMs: 10 });
  process.stderr.write(`seeding ${pathwayCount} pathways of ${historyLength} events...\n`);
  const events = await seed(store);
  for (const p of allProjections().filter((x) => only === undefined || x.name === only)) {
    const db = openReadModelDb(join(dir, `rebuild-${p.name}.sqlite`));
    const started = performance.now();
    await rebuildProjection(store, db, p);
    const seconds = (performance.now() - started) / 1000;
    db.close();
    report({ name: `projection_rebuild_${p.name}`, value: events / seconds, unit: 'events/s', events, pathways: pathwayCount, seconds: Math.round(seconds * 100) / 100 });
  }
  if (only !== undefined) return store.close();
  // All projections from zero through the runtime, as the worker catches up after a burst.
  const db = openReadModelDb(join(dir, 'catch-up.sqlite'));
  const runtime = new ProjectionRuntime(store, db, allProjections());
  const cpu = process.cpuUsage();
  const started = performance.now();
  runtime.start();
  if (!(await runtime.waitFor(events, 600_000))) throw new Error(`projections did not catch up: ${JSON.stringify(runtime.status())}`);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  await runtime.stop();
  db.close();
  report({
    name: 'projection_catch_up_all',
    value: events / seconds,
    unit: 'events/s',
    events,
    pathways: pathwayCount,
    seconds: Math.round(seconds * 100) / 100,
    cpu_us_per_event: Math.round((used.user + used.system) / events),
    note: 'every projection from zero through the projection runtime, in this process (the worker runs the same, at a lower priority)',
  });
  await store.close();
}

try {
  await main();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
