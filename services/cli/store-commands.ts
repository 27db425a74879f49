import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../../infra/config/config.js';
import { defaultSqliteFile } from '../../infra/eventstore/open.js';
import { SqliteEventStore } from '../../infra/eventstore/sqlite/sqlite-event-store.js';
import { defaultReadModelFile, openReadModelDb } from '../../infra/projections/read-model-db.js';
import { rebuildProjection } from '../../infra/projections/rebuild.js';
import { allProjections } from '../../projections/index.js';
import { serve } from '../server.js';
import { UsageError, type Command } from './commands.js';

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
  async run([target]) {
    if (!target) throw new UsageError('backup needs a destination file');
    const config = loadConfig();
    const source = defaultSqliteFile(config.dataDir);
    if (!existsSync(source)) throw new UsageError(`no event store at ${source} (PARCOURS_DATA_DIR=${config.dataDir})`);
    const destination = resolve(target);
    if (existsSync(destination)) throw new UsageError(`${destination} exists; choose a new file`);
    const store = new SqliteEventStore(source);
    try {
      await store.backup(destination, ({ totalPages, remainingPages }) => {
        const pct = totalPages ? Math.round(((totalPages - remainingPages) / totalPages) * 100) : 100;
        process.stderr.write(`\rbackup: ${pct}% (${totalPages - remainingPages}/${totalPages} pages)`);
      });
      process.stderr.write('\n');
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
  async run([name]) {
    const projections = allProjections();
    const chosen = name ? projections.filter((p) => p.name === name) : projections;
    if (name && chosen.length === 0) throw new UsageError(`unknown projection ${name}; known: ${projections.map((p) => p.name).join(', ') || 'none'}`);
    const config = loadConfig();
    const store = new SqliteEventStore(defaultSqliteFile(config.dataDir));
    const db = openReadModelDb(defaultReadModelFile(config.dataDir));
    try {
      for (const p of chosen) {
        const final = await rebuildProjection(store, db, p, (pr) => {
          const pct = pr.total ? Math.round((pr.done / pr.total) * 100) : 100;
          process.stderr.write(`\rrebuild ${pr.projection}: ${pr.done}/${pr.total} events (${pct}%), ${pr.eventsPerSecond} events/s, ETA ${pr.etaSeconds ?? '?'}s   `);
        });
        process.stderr.write('\n');
        console.log(`${final.projection}: rebuilt from ${final.done} events`);
      }
    } finally {
      await store.close();
      db.close();
    }
  },
};
