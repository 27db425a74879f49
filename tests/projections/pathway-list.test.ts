// The list projection folds each event into a memo of the state that leaves out what the fold
// never reads (household, diagnostics, contacts, evaluations). These tests hold it to a fold of
// the full history: whatever the batch boundaries, every column matches after every batch.
import { join } from 'node:path';
import fc from 'fast-check';
import t, { type Test } from 'tap';
import type Database from 'better-sqlite3';
import { toStoredPathwayEvent, type PathwayEvent } from '../../contracts/events/index.js';
import { isPersonalDataKey } from '../../contracts/personal-data.js';
import { evolvePathway, type PathwayState } from '../../domain/pathway/index.js';
import { SqliteEventStore } from '../../infra/eventstore/sqlite/sqlite-event-store.js';
import type { StoredEvent } from '../../infra/eventstore/port.js';
import { applyBatch, prepareProjection } from '../../infra/projections/checkpoints.js';
import { openReadModelDb } from '../../infra/projections/read-model-db.js';
import { pathwayListProjection } from '../../projections/pathway-list.js';
import { events as ev, PATHWAY_ID } from '../domain/pathway/fixtures.js';
import { keysDeep } from '../support/json-keys.js';
import { foldInSplitBatches, splitBatchesArb, type BatchesOn } from '../support/split-batches.js';
import { tempDir } from '../support/temp-dir.js';

/** A long story touching every part of the state the fold keeps or drops. */
function story(): PathwayEvent[] {
  return [
    withExternalReference(ev.referred({ programme: 'pdc-energy-2026' })),
    ev.accepted('2026-06-05'),
    { type: 'VisitOfficerAssigned', data: { officerId: 'officer-7', assignedOn: '2026-06-06' } } as PathwayEvent,
    ev.attempt('attempt-1', '2026-06-08'),
    ev.attempt('attempt-2', '2026-06-10'),
    ev.diagnostic('visit-1', '2026-06-20'),
    ev.report('report-1', 'visit-1', '2026-06-25'),
    ev.orientation('orientation-1', '2026-06-25'),
    ev.orientation('orientation-2', '2026-06-26', 'renovation_works'),
    ev.orientation('orientation-3', '2026-06-27', 'health'),
    ev.contract('2026-07-01', 3),
    ev.contact('contact-1', '2026-07-02'),
    ev.orientationStatus('orientation-1', 'in_progress', '2026-07-03'),
    ev.contact('contact-2', '2026-07-10'),
    ev.pause('2026-07-15'),
    { type: 'PauseEnded', data: { endDate: '2026-08-01', reason: 'Retour d’hospitalisation' } } as PathwayEvent,
    ev.review('review-1', '2026-08-05', 'intermediate'),
    ev.contact('contact-3', '2026-08-06'),
    {
      type: 'EvaluationRecorded',
      data: { evaluationId: 'evaluation-1', evaluationDate: '2026-08-07', comfort: { rating: 3, note: 'Logement encore froid' }, billsAfter: [], satisfaction: { rating: 4, comment: 'Merci à Julie' }, annualIncomeAfter: 16900 },
    } as PathwayEvent,
    ev.orientationStatus('orientation-2', 'done', '2026-08-10'),
    ev.exited('2026-08-20', 'contact_lost'),
    ev.exitReported('2026-08-20', '2026-08-21', ['coordinator', 'referrer']),
    ev.reopened('2026-09-01'),
    ev.contact('contact-4', '2026-09-02'),
  ];
}

/** The partner's own file number for the household. */
function withExternalReference(e: PathwayEvent): PathwayEvent {
  return e.type === 'HouseholdReferred' ? { ...e, data: { ...e.data, externalReference: { system: 'caf-62', id: 'DOSSIER-4471' } } } : e;
}

const COLUMNS = 'programme, territory, referrer_org, status, stage, outcome_stage, assigned_officer_id, referred_on, last_activity_on, revision';

function expectedRow(state: NonNullable<PathwayState>, revision: number) {
  return {
    programme: state.programme,
    territory: state.territory.code,
    referrer_org: 'org-referrer',
    status: state.status,
    stage: state.stage,
    outcome_stage: state.outcomeStage,
    assigned_officer_id: state.assignedOfficerId,
    referred_on: state.referredOn,
    last_activity_on: state.lastActivityOn,
    revision,
  };
}

function rowOf(db: Database.Database) {
  return db.prepare(`SELECT ${COLUMNS} FROM pathway_list WHERE pathway_id = ?`).get(PATHWAY_ID);
}

async function storedStory(t: Test): Promise<StoredEvent[]> {
  const store = new SqliteEventStore(join(tempDir(t), 'events.sqlite'), { writer: 'inline' });
  t.teardown(() => store.close());
  const principal = { id: 'user-1', role: 'referrer', organisationId: 'org-referrer' };
  for (const e of story()) {
    const s = toStoredPathwayEvent(e);
    await store.append(`pathway-${PATHWAY_ID}`, [{ type: s.type, schemaVersion: s.version, data: s.data, metadata: { principal, correlationId: 'c', occurredAt: '2026-09-02T10:00:00.000Z' } }]);
  }
  const stored: StoredEvent[] = [];
  for await (const e of store.readStream(`pathway-${PATHWAY_ID}`)) stored.push(e);
  return stored;
}

t.test('after every batch, whatever its boundaries and whichever connection folds it, the columns match a fold of the full history', async (t) => {
  const stored = await storedStory(t);
  const full = story();
  const folded: NonNullable<PathwayState>[] = [];
  full.reduce<PathwayState>((s, e) => {
    const next = evolvePathway(s, e)!;
    folded.push(next);
    return next;
  }, null);
  t.ok(folded.at(-1)!.contacts.length > 0 && folded.at(-1)!.diagnostics.length > 0 && folded.at(-1)!.evaluations.length > 0, 'the story exercises the parts the memo empties');
  let run = 0;
  const batchesOn: BatchesOn = { same: 0, other: 0 };
  await fc.assert(
    // Each batch is folded by one of two connections to the same file: the one that folded the
    // previous batch continues from the memo it keeps in memory, the other reads the row back.
    fc.asyncProperty(splitBatchesArb(6, 30), async (batches) =>
      foldInSplitBatches(pathwayListProjection, join(tempDir(t), `rm-${run++}.sqlite`), stored, batches, batchesOn, (db, last) =>
        JSON.stringify(rowOf(db)) === JSON.stringify(expectedRow(folded[last]!, stored[last]!.revision)),
      ),
    ),
    { numRuns: 60 },
  );
  t.ok(batchesOn.same > 0 && batchesOn.other > 0, `batches folded on the connection of the batch before (${batchesOn.same}) and on the other one (${batchesOn.other})`);
});

t.test('the list read model keeps no personal data', async (t) => {
  const stored = await storedStory(t);
  const file = join(tempDir(t), 'rm.sqlite');
  const first = openReadModelDb(file);
  const db = openReadModelDb(file);
  t.teardown(() => {
    first.close();
    db.close();
  });
  // In two batches, the second on another connection, so a memo read back from its row is
  // folded on and written again.
  const half = Math.floor(stored.length / 2);
  const checkpoint = applyBatch(first, pathwayListProjection, prepareProjection(first, pathwayListProjection), stored.slice(0, half));
  applyBatch(db, pathwayListProjection, checkpoint, stored.slice(half));
  const memo: unknown = JSON.parse((db.prepare('SELECT state FROM pathway_list').pluck().get() as string));
  const personal = [...new Set(keysDeep(memo))].filter(isPersonalDataKey);
  t.same(personal, [], 'no personal-data key at any depth of the stored memo');
  const text = JSON.stringify(db.prepare('SELECT * FROM pathway_list').all());
  const kept = ['Martin', 'Sophie Leroy', 'FSL Pas-de-Calais', 'attente des travaux', '16900', 'hospitalisation', 'Nouvelle demande', 'MDS du Calaisis', 'DOSSIER-4471'];
  for (const value of [...kept, 'claire.martin@example.org', 'Julie Caron', 'Plus de réponse']) {
    t.notOk(text.includes(value), `nor the value ${value}`);
  }
  // The story's full state holds each of those values: the checks above can fail.
  const full = JSON.stringify(story().reduce<PathwayState>(evolvePathway, null));
  t.same(kept.filter((v) => !full.includes(v)), [], 'the full state has them');
});
