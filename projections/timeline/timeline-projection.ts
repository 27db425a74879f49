import type Database from 'better-sqlite3';
import type { OrientationCategory } from '../../contracts/enums/orientation.js';
import { isPathwayEventType, upcastPathwayEvent } from '../../contracts/events/index.js';
import { BatchRows } from '../../infra/projections/batch-rows.js';
import type { Projection } from '../../infra/projections/projection.js';
import { prepared } from '../../infra/projections/statement-cache.js';
import { describeStep } from './describe.js';
import { extendedList, listedPositions } from '../positions.js';

/**
 * A household's story as ordered, readable steps: who, when, what.
 *
 * Version 2 keys the steps by the event's global position, so each step is appended at the end
 * of its table instead of in its pathway's place (a random page rewritten per event, which in
 * live-sized batches made this projection cost 23 µs an event against 9), and keeps per pathway
 * the list of its steps' positions, extended once per batch, through which its steps are read.
 * Version 3 writes the French sentences from the published labels, names an orientation by its
 * category when its status changes (kept per orientation in timeline_orientations), and says
 * more of who took part (the visitors' roles, a contact's participants, the deciding service).
 */
export const timelineProjection: Projection = {
  name: 'timeline',
  version: 3,
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS timeline_steps (
      position INTEGER PRIMARY KEY,
      pathway_id TEXT NOT NULL,
      revision INTEGER NOT NULL,
      event_id TEXT NOT NULL,
      type TEXT NOT NULL,
      occurred_at TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      actor_id TEXT NOT NULL,
      actor_role TEXT NOT NULL,
      actor_org TEXT,
      text_en TEXT NOT NULL,
      text_fr TEXT NOT NULL
    );
    -- A rowid table, as the classification's: its rows grow with the list of positions.
    CREATE TABLE IF NOT EXISTS timeline_pathways (
      pathway_id TEXT PRIMARY KEY,
      positions TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS timeline_orientations (
      pathway_id TEXT NOT NULL,
      orientation_id TEXT NOT NULL,
      category TEXT NOT NULL,
      PRIMARY KEY (pathway_id, orientation_id)
    ) WITHOUT ROWID;`);
  },
  reset(db) {
    db.exec('DROP TABLE IF EXISTS timeline_steps; DROP TABLE IF EXISTS timeline_pathways; DROP TABLE IF EXISTS timeline_orientations;');
  },
  apply(db, e) {
    if (!e.streamId.startsWith('pathway-') || !isPathwayEventType(e.type)) return;
    const pathwayId = e.streamId.slice('pathway-'.length);
    const event = upcastPathwayEvent(e.type, e.schemaVersion, e.data);
    if (event.type === 'OrientationProposed') prepared(db, INSERT_ORIENTATION).run(pathwayId, event.data.orientationId, event.data.category);
    const text = describeStep(event, {
      orientationCategory: (id) => (prepared(db, READ_ORIENTATION).get(pathwayId, id) as { category: OrientationCategory } | undefined)?.category,
    });
    const p = e.metadata.principal;
    prepared(db, INSERT_STEP).run(e.globalPosition, pathwayId, e.revision, e.id, e.type, e.metadata.occurredAt, e.recordedAt, p.id, p.role, p.organisationId ?? null, text.en, text.fr);
    const rows = pending.rows(db);
    const positions = rows.get(pathwayId);
    if (positions) positions.push(e.globalPosition);
    else rows.set(pathwayId, [e.globalPosition]);
  },
  // Each pathway's list of positions is extended once per batch.
  flush(db) {
    for (const [pathwayId, positions] of pending.take(db)) prepared(db, EXTEND_POSITIONS).run(pathwayId, positions.join(','));
  },
  discard(db) {
    pending.take(db);
  },
};

/** The positions of each pathway's steps added during the current batch. */
const pending = new BatchRows<number[]>();

// The statements' texts are built once: `prepared` finds a statement by its text, per event.
const INSERT_STEP = `INSERT INTO timeline_steps (position, pathway_id, revision, event_id, type, occurred_at, recorded_at, actor_id, actor_role, actor_org, text_en, text_fr)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const EXTEND_POSITIONS = `INSERT INTO timeline_pathways (pathway_id, positions) VALUES (?, ?)
  ON CONFLICT (pathway_id) DO UPDATE SET positions = ${extendedList('positions')}`;
const INSERT_ORIENTATION = 'INSERT OR IGNORE INTO timeline_orientations (pathway_id, orientation_id, category) VALUES (?, ?, ?)';
const READ_ORIENTATION = 'SELECT category FROM timeline_orientations WHERE pathway_id = ? AND orientation_id = ?';
const READ_STEPS = `SELECT * FROM timeline_steps WHERE position IN ${listedPositions('timeline_pathways', 'positions')} ORDER BY occurred_at, revision`;

export interface TimelineStep {
  revision: number;
  eventId: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: { id: string; role: string; organisationId: string | null };
  text: { en: string; fr: string };
}

export function readTimeline(db: Database.Database, pathwayId: string): TimelineStep[] {
  const rows = prepared(db, READ_STEPS).all(pathwayId) as Array<Record<string, string | number | null>>;
  return rows.map((r) => ({
    revision: r.revision as number,
    eventId: r.event_id as string,
    type: r.type as string,
    occurredAt: r.occurred_at as string,
    recordedAt: r.recorded_at as string,
    actor: { id: r.actor_id as string, role: r.actor_role as string, organisationId: r.actor_org as string | null },
    text: { en: r.text_en as string, fr: r.text_fr as string },
  }));
}
