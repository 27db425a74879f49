import { isPathwayEventType, upcastPathwayEvent } from '../../contracts/events/index.js';
import type { Projection } from '../../infra/projections/projection.js';
import { describeStep } from './describe.js';
import { prepared } from '../../infra/projections/statement-cache.js';

/** A household's story as ordered, readable steps: who, when, what. */
export const timelineProjection: Projection = {
  name: 'timeline',
  version: 1,
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS timeline_steps (
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
      text_fr TEXT NOT NULL,
      PRIMARY KEY (pathway_id, revision)
    ) WITHOUT ROWID`);
  },
  reset(db) {
    db.exec('DROP TABLE IF EXISTS timeline_steps');
  },
  apply(db, e) {
    if (!e.streamId.startsWith('pathway-') || !isPathwayEventType(e.type)) return;
    const text = describeStep(upcastPathwayEvent(e.type, e.schemaVersion, e.data));
    const p = e.metadata.principal;
    prepared(db, 
      `INSERT INTO timeline_steps (pathway_id, revision, event_id, type, occurred_at, recorded_at, actor_id, actor_role, actor_org, text_en, text_fr)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(e.streamId.slice('pathway-'.length), e.revision, e.id, e.type, e.metadata.occurredAt, e.recordedAt, p.id, p.role, p.organisationId ?? null, text.en, text.fr);
  },
};

export interface TimelineStep {
  revision: number;
  eventId: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: { id: string; role: string; organisationId: string | null };
  text: { en: string; fr: string };
}

export function readTimeline(db: import('better-sqlite3').Database, pathwayId: string): TimelineStep[] {
  const rows = db
    .prepare('SELECT * FROM timeline_steps WHERE pathway_id = ? ORDER BY occurred_at, revision')
    .all(pathwayId) as Array<Record<string, string | number | null>>;
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
