import type Database from 'better-sqlite3';
import { isPathwayEventType, upcastPathwayEvent } from '../contracts/events/index.js';
import { jsonWithoutPersonalData } from '../contracts/index.js';
import { referringOrganisation } from '../domain/access/policy.js';
import { evolvePathway, type ReferredPathway } from '../domain/pathway/index.js';
import { BatchRows } from '../infra/projections/batch-rows.js';
import { RowCache } from '../infra/projections/row-cache.js';
import type { Projection } from '../infra/projections/projection.js';
import { prepared } from '../infra/projections/statement-cache.js';

/**
 * One row per pathway with what worklists filter on. What the fold needs of the state is kept
 * beside the row (a memo), so each event is applied to it without reading the stream again.
 */
export const pathwayListProjection: Projection = {
  name: 'pathway_list',
  // 2: the stored memo lost its write-only parts and every personal-data key (memoOf, upsert).
  // 3: a rowid table. A WITHOUT ROWID table sends a row over about 1,000 bytes (the memo of a
  // household with a few orientations or a measure) to an overflow page, two pages rewritten
  // per event; a rowid table keeps rows of up to about 4 KB in their page.
  // 4: the referring organisation is the one the referral names when staff record it
  // (domain/access/policy.ts: referringOrganisation), not always the recorder's.
  // 5: `outcome_stage`, the stage referrers and partner systems are shown (an orientation
  // withheld from them does not move it); the memo drops the reasons of pause ends and
  // reopenings, the referrer's organisation name and the partner's external reference.
  version: 5,
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS pathway_list (
      pathway_id TEXT PRIMARY KEY,
      programme TEXT NOT NULL,
      territory TEXT NOT NULL,
      referrer_org TEXT NOT NULL,
      status TEXT NOT NULL,
      stage TEXT NOT NULL,
      outcome_stage TEXT NOT NULL,
      assigned_officer_id TEXT,
      referred_on TEXT NOT NULL,
      last_activity_on TEXT NOT NULL,
      revision INTEGER NOT NULL,
      state TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS pathway_list_territory ON pathway_list (territory, pathway_id);
    CREATE INDEX IF NOT EXISTS pathway_list_referrer ON pathway_list (referrer_org, pathway_id);`);
  },
  reset(db) {
    db.exec('DROP TABLE IF EXISTS pathway_list');
    folded.clear(db);
  },
  apply(db, e) {
    if (!e.streamId.startsWith('pathway-') || !isPathwayEventType(e.type)) return;
    const pathwayId = e.streamId.slice('pathway-'.length);
    const rows = pending.rows(db);
    const current = rows.get(pathwayId) ?? folded.before(db, pathwayId, e.revision) ?? read(db, pathwayId);
    const after = evolvePathway(current ? asState(current.state) : null, upcastPathwayEvent(e.type, e.schemaVersion, e.data));
    if (!after) return;
    rows.set(pathwayId, { state: after, referrerOrg: current?.referrerOrg ?? referringOrganisation(e.metadata.principal, after.referrer), revision: e.revision });
  },
  // Each pathway's row is written once per batch, however many of its events the batch held.
  flush(db) {
    for (const [pathwayId, row] of pending.take(db)) {
      const memo = memoOf(row.state);
      upsert(db, pathwayId, memo, row.referrerOrg, row.revision);
      folded.set(db, pathwayId, { ...row, state: memo });
    }
  },
  discard(db) {
    pending.take(db);
  },
};

/**
 * What a row keeps of the folded state, so the next events are folded without reading the
 * stream: the state with the parts the fold only appends to (diagnostics, contacts,
 * evaluations) emptied, and without any personal-data key at any depth (the household, names,
 * contact details, consent, income, bills, notes, reasons: contracts/personal-data.ts). The fold
 * reads none of them and no column needs them, so the list read model holds no personal data,
 * and a row no longer grows with each support contact. The type only says the top-level keys
 * are gone: never read a memo's personal fields. tests/projections/pathway-list.test.ts holds
 * the columns to a fold of the full history and looks for personal-data keys in the stored memo.
 */
type FoldMemo = Omit<ReferredPathway, 'household' | 'consent'>;

/**
 * The memo: the state without the household and consent, and without the parts the fold only
 * appends to. Its JSON is written with every personal-data key dropped, at any depth (upsert);
 * the copy kept in memory (folded) still has the nested ones (names, notes, reasons), which the
 * fold never reads, so a memo from memory and one read back fold alike. The rest object is
 * this function's own, so emptying its lists in place changes no state.
 */
function memoOf(s: FoldMemo): FoldMemo {
  const { household: _household, consent: _consent, ...memo } = s as ReferredPathway;
  memo.diagnostics = [];
  memo.contacts = [];
  memo.evaluations = [];
  // where the current stay's diagnostics begin, in a list now empty (the decider's, unread here)
  memo.stayBegins = { ...memo.stayBegins, diagnostics: 0 };
  return memo;
}

/** The single cast: evolvePathway never reads what a memo lacks (the test above checks the columns). */
const asState = (memo: FoldMemo): ReferredPathway => memo as ReferredPathway;

interface Row {
  /** The full state while the batch folds; a memo once flushed (memoOf) or read back from the row. */
  state: FoldMemo;
  referrerOrg: string;
  revision: number;
}

const pending = new BatchRows<Row>();
/**
 * Each pathway's memo after the last batch, for its next event (a household's next contact
 * rarely waits for many others). A memo grows with the pathway's orientations, measure and
 * pauses: measured with its map entry, about 2.3 KB for a household just oriented and 3.4 KB
 * for one into a measure with reviews, so 10,000 pathways take some 20 to 35 MB of the
 * worker's memory (more for the longest histories).
 */
const folded = new RowCache<Row>(10_000);

function read(db: Database.Database, pathwayId: string): Row | undefined {
  const row = prepared(db, 'SELECT state, referrer_org, revision FROM pathway_list WHERE pathway_id = ?').get(pathwayId) as
    | { state: string; referrer_org: string; revision: number }
    | undefined;
  return row ? { state: JSON.parse(row.state) as FoldMemo, referrerOrg: row.referrer_org, revision: row.revision } : undefined;
}

/** Programme and territory are set by the referral only: left out of the update, their index is not rewritten. */
function upsert(db: Database.Database, pathwayId: string, s: FoldMemo, referrerOrg: string, revision: number): void {
  prepared(db, 
    `INSERT INTO pathway_list (pathway_id, programme, territory, referrer_org, status, stage, outcome_stage, assigned_officer_id, referred_on, last_activity_on, revision, state)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (pathway_id) DO UPDATE SET status = excluded.status,
       stage = excluded.stage, outcome_stage = excluded.outcome_stage, assigned_officer_id = excluded.assigned_officer_id, referred_on = excluded.referred_on,
       last_activity_on = excluded.last_activity_on, revision = excluded.revision, state = excluded.state`,
  ).run(pathwayId, s.programme, s.territory.code, referrerOrg, s.status, s.stage, s.outcomeStage, s.assignedOfficerId, s.referredOn, s.lastActivityOn, revision, jsonWithoutPersonalData(s));
}
