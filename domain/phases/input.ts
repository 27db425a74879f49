// What the phase engine reads: stored facts, whatever store they come from. The engine
// depends on this shape (and on the contracts' occurred-on fields), not on the event store,
// so it can be replayed by an auditor from an export. Field names follow contracts/events; this file is
// the one place that reads them, so a renamed field is fixed here and nowhere else. Free text
// (notes, pause and exit reasons) is not read: it may hold personal data. The one exception is
// a settlement's reason, which the read model must show; it stays in a field named `reason`,
// which the personal-data redaction of contracts/personal-data.ts covers, never inside a sentence.
import { OCCURRED_ON_FIELD } from '../../contracts/events/occurred-on.js';
import type { PathwayEventType } from '../../contracts/events/registry.js';
import { isBusinessDate } from './dates.js';
import type { DeclaredPhase, SettledPhase } from './model.js';

export interface RecordedFact {
  eventId: string;
  type: string;
  /** Position in the pathway's stream: orders facts of the same business day. */
  revision: number;
  /** ISO datetime the fact was stored; the asOf cut of a replay compares against it. */
  recordedAt: string;
  data: any;
  /** Principal that recorded the fact, when the caller knows it (fallback for settledBy). */
  actor?: string;
}

interface Base {
  eventId: string;
  type: string;
  revision: number;
  /** Business date that places the fact in the pathway's timeline. */
  date: string;
}

export type PhaseEvent = Base &
  (
    | { kind: 'referred'; programme?: string }
    | { kind: 'contact_attempted'; channel?: string; outcome?: string }
    | { kind: 'visit_scheduled' }
    | { kind: 'diagnostic'; season?: string }
    | { kind: 'orientation_proposed'; orientationId: string; category?: string; relayActor?: string }
    | { kind: 'orientation_status'; orientationId: string; status: string }
    | {
        kind: 'support_contact';
        contactId?: string;
        channel: string;
        declaredPhase?: DeclaredPhase;
        evaluationOnly: boolean;
        newProblemCategory?: string;
      }
    | { kind: 'pause_declared' }
    | { kind: 'pause_ended' }
    | { kind: 'evaluation'; contactId?: string }
    | { kind: 'exited'; exitType?: string }
    | { kind: 'reopened' }
    | { kind: 'settled'; settlementId: string; eventIds: string[]; phase: SettledPhase; reason: string; by: string }
  );

export type Normalised =
  | { status: 'ok'; event: PhaseEvent }
  | { status: 'invalid'; field: string }
  | { status: 'unknown' };

const DECLARED = new Set<string>(['reinforced_support', 'one_year_follow_up', 'evaluation', 'other']);
const SETTLED = new Set<string>(['pre_diagnostic', 'reinforced_support', 'one_year_follow_up', 'evaluation', 'other']);

/** The event types the engine understands; other types are ignored. */
const UNDERSTOOD = [
  'HouseholdReferred', 'ContactAttempted', 'VisitScheduled', 'DiagnosticVisitCompleted', 'OrientationProposed',
  'OrientationStatusChanged', 'SupportContactRecorded', 'PauseDeclared', 'PauseEnded', 'EvaluationRecorded',
  'PathwayExited', 'PathwayReopened', 'PhaseSettled',
] as const satisfies readonly PathwayEventType[];

/**
 * Business-date field(s) of each understood type, first present wins: the contract's own
 * occurred-on field. A scheduling is placed on the day it was agreed (scheduledOn), not on the
 * visit day it sets (scheduledFor, possibly in the future); scheduledFor is the fallback.
 */
const DATE_FIELD: Record<string, string | string[]> = {
  ...Object.fromEntries(UNDERSTOOD.map((type) => [type, OCCURRED_ON_FIELD[type] as string])),
  VisitScheduled: ['scheduledOn', 'scheduledFor'],
};

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/**
 * Only the relay actor's kind (a code) is read: its name may be a private landlord's, which is
 * personal data and must not end up in an explanation sentence.
 */
function relayLabel(v: unknown): string | undefined {
  if (typeof v === 'string') return str(v);
  if (v && typeof v === 'object') return str((v as Record<string, unknown>).kind);
  return undefined;
}

type WithoutBase<E> = E extends unknown ? Omit<E, keyof Base> : never;

/**
 * The fact's event: its kind's fields added to the base. Not `{ ...base, kind }`: in Node 20's V8, a
 * spread followed by properties the spread object lacks costs about a microsecond (measured),
 * and the engine reads every fact of a pathway each time it classifies it.
 */
function ok(base: Base, fields: WithoutBase<PhaseEvent>): Normalised {
  return { status: 'ok', event: Object.assign(base, fields) as PhaseEvent };
}

/** Reads one fact; never throws, whatever `data` holds. */
export function normaliseFact(fact: RecordedFact): Normalised {
  const fields = DATE_FIELD[fact.type];
  if (fields === undefined) return { status: 'unknown' };
  const d: Record<string, unknown> = fact.data && typeof fact.data === 'object' ? fact.data : {};
  const names = typeof fields === 'string' ? [fields] : fields;
  const field = names.find((f) => d[f] !== undefined) ?? names[0]!;
  const rawDate = d[field];
  if (!isBusinessDate(rawDate)) return { status: 'invalid', field };
  const base: Base = { eventId: fact.eventId, type: fact.type, revision: fact.revision, date: rawDate };

  switch (fact.type) {
    case 'HouseholdReferred':
      return ok(base, { kind: 'referred', programme: str(d.programme) });
    case 'ContactAttempted':
      return ok(base, { kind: 'contact_attempted', channel: str(d.channel), outcome: str(d.outcome) });
    case 'VisitScheduled':
      return ok(base, { kind: 'visit_scheduled' });
    case 'DiagnosticVisitCompleted':
      return ok(base, { kind: 'diagnostic', season: str(d.season) });
    case 'OrientationProposed':
    case 'OrientationStatusChanged': {
      const orientationId = str(d.orientationId);
      if (!orientationId) return { status: 'invalid', field: 'orientationId' };
      if (fact.type === 'OrientationProposed') {
        return ok(base, { kind: 'orientation_proposed', orientationId, category: str(d.category), relayActor: relayLabel(d.relayActor) });
      }
      return ok(base, { kind: 'orientation_status', orientationId, status: str(d.status) ?? 'unknown' });
    }
    case 'SupportContactRecorded': {
      const declared = str(d.declaredPhase);
      return ok(base, {
        kind: 'support_contact',
        contactId: str(d.contactId),
        channel: str(d.channel) ?? 'unknown',
        declaredPhase: declared && DECLARED.has(declared) ? (declared as DeclaredPhase) : undefined,
        evaluationOnly: d.evaluationOnly === true,
        newProblemCategory: str(d.newProblemCategory),
      });
    }
    case 'PauseDeclared':
      return ok(base, { kind: 'pause_declared' });
    case 'PauseEnded':
      return ok(base, { kind: 'pause_ended' });
    case 'EvaluationRecorded':
      return ok(base, { kind: 'evaluation', contactId: str(d.contactId) });
    case 'PathwayExited':
      return ok(base, { kind: 'exited', exitType: str(d.exitType) });
    case 'PathwayReopened':
      return ok(base, { kind: 'reopened' });
    case 'PhaseSettled': {
      const phase = str(d.phase);
      const eventIds = Array.isArray(d.eventIds) ? d.eventIds.filter((x): x is string => typeof x === 'string') : [];
      if (!phase || !SETTLED.has(phase)) return { status: 'invalid', field: 'phase' };
      if (eventIds.length === 0) return { status: 'invalid', field: 'eventIds' };
      return ok(base, {
        kind: 'settled',
        settlementId: str(d.settlementId) ?? fact.eventId,
        eventIds: [...new Set(eventIds)],
        phase: phase as SettledPhase,
        reason: str(d.reason) ?? '',
        by: settlerOf(d.settledBy) ?? str(fact.actor) ?? 'unknown',
      });
    }
    default:
      return { status: 'unknown' };
  }
}

/**
 * settledBy is an actor reference (contracts' actorRef) or a plain id. The actor id is kept, not
 * the person's name: explanations are free text that log redaction cannot reach.
 */
function settlerOf(v: unknown): string | undefined {
  if (typeof v === 'string') return str(v);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return str(o.actorId) ?? str(o.name);
  }
  return undefined;
}
