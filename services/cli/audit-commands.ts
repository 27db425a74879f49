// `parcours audit replay` and `parcours audit verify`: the auditor's tools on the command line,
// reading the event store of PARCOURS_DATA_DIR directly (the service may keep running).
import { z } from 'zod';
import { REASONING_LANGUAGES } from '../../contracts/api/audit-resources.js';
import { loadConfig } from '../../infra/config/config.js';
import { SqliteEventStore } from '../../infra/eventstore/sqlite/sqlite-event-store.js';
import { StoreScanError, verifyStore, verifyStream, type StreamVerification } from '../audit/chain-verification.js';
import { replayPathway } from '../audit/pathway-replay.js';
import { ProblemError } from '../http/problem.js';
import { pathwayStreamId } from '../pathways/load-pathway.js';
import { PhaseReads } from '../phases/phase-reads.js';
import { PolicyCatalogueStore } from '../phases/policy-catalogue-store.js';
import { existingStore, parseOptions, UsageError, type Command } from './commands.js';

const isoInstant = z.iso.datetime({ offset: true });

async function withStore<T>(run: (store: SqliteEventStore) => Promise<T>): Promise<T> {
  const store = new SqliteEventStore(existingStore(loadConfig().dataDir));
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

function fail(message: string): number {
  console.error(`parcours: ${message}`);
  return 1;
}

export const auditReplayCommand: Command = {
  words: ['audit', 'replay'],
  usage: 'parcours audit replay <pathway> [--as-of T] [--policy V] [--lang fr|en]',
  help: 'Rebuilds a pathway from its events as recorded up to T under policy version V and prints the reasoning step by step.',
  async run(args) {
    const { positional, options } = parseOptions(args, ['as-of', 'policy', 'lang']);
    if (positional.length !== 1) throw new UsageError('audit replay needs exactly one pathway id');
    const pathwayId = positional[0]!;
    const asOf = options['as-of'];
    if (asOf !== undefined && !isoInstant.safeParse(asOf).success) throw new UsageError(`--as-of must be an ISO 8601 instant such as 2026-03-01T12:00:00Z, not ${asOf}`);
    const lang = options.lang ?? 'fr';
    if (!(REASONING_LANGUAGES as readonly string[]).includes(lang)) throw new UsageError(`--lang must be ${REASONING_LANGUAGES.join(' or ')}`);
    return withStore(async (store) => {
      const reads = new PhaseReads(store, new PolicyCatalogueStore(store));
      try {
        const replay = await replayPathway(reads, pathwayId, {
          lang: lang as (typeof REASONING_LANGUAGES)[number],
          ...(asOf ? { asOf } : {}),
          ...(options.policy ? { policyId: options.policy } : {}),
        });
        if (!replay) return fail(asOf ? `no pathway ${pathwayId} existed at ${asOf}` : `no pathway ${pathwayId}`);
        process.stdout.write(replay.reasoning.text);
        return 0;
      } catch (error) {
        if (error instanceof ProblemError) return fail(error.detail);
        throw error;
      }
    });
  },
};

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function line(r: StreamVerification): string {
  if (!r.broken) return `ok      ${r.streamId}  ${plural(r.checked, 'event')}`;
  const b = r.broken;
  return `BROKEN  ${r.streamId}  at revision ${b.revision}${b.eventId ? ` (event ${b.eventId})` : ''}: ${b.reason}; events intact before it: ${r.checked}`;
}

export const auditVerifyCommand: Command = {
  words: ['audit', 'verify'],
  usage: 'parcours audit verify [pathway]',
  help: "Verifies the hash chain of a pathway's events, or of every stream; exits 1 when a link is broken.",
  async run(args) {
    const { positional } = parseOptions(args, []);
    if (positional.length > 1) throw new UsageError('audit verify takes at most one pathway id');
    const pathwayId = positional[0];
    return withStore(async (store) => {
      if (pathwayId !== undefined) {
        if ((await store.streamRevision(pathwayStreamId(pathwayId))) === null) return fail(`no pathway ${pathwayId}`);
        const result = await verifyStream(store, pathwayStreamId(pathwayId));
        console.log(line(result));
        return result.intact ? 0 : 1;
      }
      let shown = 0;
      try {
        const report = await verifyStore(store, {
          onStream(result, done, total) {
            console.log(line(result));
            // Progress on stderr, at most every half second, so stdout stays a clean list.
            if (Date.now() - shown > 500 || done === total) {
              shown = Date.now();
              process.stderr.write(`\rverify: ${done}/${total} streams`);
            }
          },
        });
        if (report.streams > 0) process.stderr.write('\n');
        console.log(
          `${plural(report.streams, 'stream')}, ${plural(report.checked, 'event')} checked: ${report.intact ? 'every chain holds' : `${report.brokenStreams.length} broken (first: ${report.firstBroken!.streamId} at revision ${report.firstBroken!.revision})`}`,
        );
        return report.intact ? 0 : 1;
      } catch (error) {
        if (error instanceof StoreScanError) return fail(error.message);
        throw error;
      }
    });
  },
};
