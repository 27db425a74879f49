import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../infra/config/config.js';
import { createLogger } from '../infra/logging/logger.js';
import { defaultSqliteFile, openEventStore } from '../infra/eventstore/open.js';
import { FOREIGN_WRITES_CHECK_MS } from '../infra/eventstore/sqlite/poll-delay.js';
import type { EventStore } from '../infra/eventstore/port.js';
import { defaultReadModelFile, openReadModelDb } from '../infra/projections/read-model-db.js';
import { ProjectionRuntime, type ProjectionStatusSource } from '../infra/projections/runtime.js';
import { ProjectionWorkerHost } from './workers/projection-worker-host.js';
import { prepareProjection } from '../infra/projections/checkpoints.js';
import { allProjections } from '../projections/index.js';
import { createTokenVerifier } from '../infra/auth/tokens.js';
import { buildApp } from './http/app.js';
import { defaultIdempotencyFile, moveKeysFrom, openIdempotencyDb } from '../infra/idempotency/idempotency-db.js';
import { IdempotencyStore } from '../infra/idempotency/idempotency-store.js';

export interface RunningService {
  app: FastifyInstance;
  store: EventStore;
  projections: ProjectionStatusSource;
  logger: Logger;
  /** Stops accepting requests, lets in-flight ones (and their appends) finish, then closes the store. */
  stop(): Promise<void>;
}

/** Opens the store and read models, starts projections and the HTTP app (not yet listening). */
export async function startService(config: Config, logger: Logger = createLogger(config.LOG_LEVEL)): Promise<RunningService> {
  const storeFile = defaultSqliteFile(config.dataDir);
  const readModelFile = defaultReadModelFile(config.dataDir);
  // Another process's commits (a second instance on the same folder) show in reads within 2 ms,
  // as with the writer thread, instead of costing a SQLite statement on every cached read.
  const store = await openEventStore({ backend: 'sqlite', file: storeFile, writer: config.PARCOURS_STORE_WRITER, foreignWritesCheckMs: FOREIGN_WRITES_CHECK_MS, busyTimeoutMs: config.PARCOURS_STORE_BUSY_TIMEOUT_MS });
  const readDb = openReadModelDb(readModelFile);
  const idempotencyDb = openIdempotencyDb(defaultIdempotencyFile(config.dataDir));
  const idempotency = new IdempotencyStore(idempotencyDb);
  moveKeysFrom(readDb, idempotencyDb);
  idempotency.schedulePurges((error) => logger.warn({ err: error }, 'idempotency key file: a background write (purge, or a completion tried again) failed'));
  const projections = startProjections(config, { storeFile, readModelFile }, store, readDb, logger);
  const verifier = createTokenVerifier(config);
  const app = await buildApp({ config, store, readDb, idempotency, projections, logger, verifier });
  let stopped: Promise<void> | null = null;
  return {
    app,
    store,
    projections,
    logger,
    stop() {
      stopped ??= (async () => {
        projections.shuttingDown?.();
        await app.close();
        await projections.stop();
        await store.close();
        readDb.close();
        await idempotency.close();
        idempotencyDb.close();
      })();
      return stopped;
    },
  };
}

/** In a worker thread by default, so read-model work runs beside request handling; inline on request. */
function startProjections(
  config: Config,
  files: { storeFile: string; readModelFile: string },
  store: EventStore,
  readDb: ReturnType<typeof openReadModelDb>,
  logger: Logger,
): ProjectionStatusSource {
  // Tables and checkpoints exist before the first request, whichever thread then feeds them.
  for (const p of allProjections()) prepareProjection(readDb, p);
  if (config.PARCOURS_PROJECTIONS === 'worker') return new ProjectionWorkerHost(files, readDb, allProjections(), logger, config.PARCOURS_PROJECTION_PRIORITY);
  const runtime = new ProjectionRuntime(store, readDb, allProjections(), logger);
  runtime.start();
  return runtime;
}

/** `parcours serve`: listens, and shuts down gracefully on SIGTERM / SIGINT. */
export async function serve(config: Config): Promise<RunningService> {
  const service = await startService(config);
  const { app, logger } = service;
  await app.listen({ port: config.PORT, host: config.HOST });
  logger.info({ dataDir: config.dataDir, docs: `/docs` }, 'Parcours is listening');
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.PARCOURS_SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    service.stop().then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  return service;
}
