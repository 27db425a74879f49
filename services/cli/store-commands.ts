import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadConfig } from '../../infra/config/config.js';
import { SqliteEventStore } from '../../infra/eventstore/sqlite/sqlite-event-store.js';
import { defaultReadModelFile, openReadModelDb } from '../../infra/projections/read-model-db.js';
import { rebuildProjection } from '../../infra/projections/rebuild.js';
import { allProjections } from '../../projections/index.js';
import { serve } from '../server.js';
import { existingStore, noMoreThan, UsageError, type Command } from './commands.js';

export const serveCommand: Command = {
  words: ['serve'],
  usage: 'parcours serve',
  help: 'Runs the HTTP service (configuration from the environment; see the README).',
  async run() {
    await serve(loadConfig());
    return new Promise<never>(() => {}) as Promise<void>;
  },
};

export const backupCommand: Command = {
  words: ['backup'],
  usage: 'parcours backup <file>',
  help: 'Writes a consistent copy of the event store to <file>, online (the service may keep running).',
  async run(args) {
    noMoreThan(args, 1);
    const [target] = args;
    if (!target) throw new UsageError('backup needs a destination file');
    const config = loadConfig();
    const source = existingStore(config.dataDir);
    const destination = resolve(target);
    if (existsSync(destination)) throw new UsageError(`${destination} exists; choose a new file`);
    if (!isDirectory(dirname(destination))) throw new UsageError(`the folder ${dirname(destination)} does not exist; create it first`);
    const store = new SqliteEventStore(source);
    try {
      let pages = 0;
      await store.backup(destination, ({ totalPages, remainingPages }) => {
        pages = totalPages;
        const pct = totalPages ? Math.round(((totalPages - remainingPages) / totalPages) * 100) : 100;
        process.stderr.write(`\rbackup: ${pct}% (${totalPages - remainingPages}/${totalPages} pages)`);
      });
      // SQLite reports before each step, and the copy is one step: the end is said here.
      process.stderr.write(`\rbackup: 100% (${pages}/${pages} pages)\n`);
      console.log(`backup written to ${destination}`);
    } finally {
      await store.close();
    }
  },
};

export const rebuildCommand: Command = {
  words: ['projections', 'rebuild'],
  usage: 'parcours projections rebuild [name]',
  help: 'Rebuilds one projection (or all) from the first event, showing progress.',
  async run(args) {
    noMoreThan(args, 1);
    const [name] = args;
    const projections = allProjections();
    const chosen = name ? projections.filter((p) => p.name === name) : projections;
    if (name && chosen.length === 0) throw new UsageError(`unknown projection ${name}; known: ${projections.map((p) => p.name).join(', ') || 'none'}`);
    const config = loadConfig();
    // A mistyped folder must not get an empty store and a "rebuilt" read model.
    const store = new SqliteEventStore(existingStore(config.dataDir));
    const db = openReadModelDb(defaultReadModelFile(config.dataDir));
    try {
      for (const p of chosen) {
        const final = await rebuildProjection(store, db, p, (pr) => {
          const pct = pr.total ? Math.round((pr.done / pr.total) * 100) : 100;
          process.stderr.write(`\rrebuild ${pr.projection}: ${pr.done}/${pr.total} events (${pct}%), ${pr.eventsPerSecond} events/s, ETA ${pr.etaSeconds ?? '?'}s   `);
        });
        process.stderr.write('\n');
        console.log(
          final.takenOverAt === undefined
            ? `${final.projection}: rebuilt from ${final.done} events`
            : `${final.projection}: reset and rebuilt up to event ${final.takenOverAt}; the running service took it over from there and rebuilds the rest (its /health/ready shows the lag)`,
        );
      }
    } finally {
      await store.close();
      db.close();
    }
  },
};

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
