// Turns raw facts into the ordered timeline the classifier walks, and gathers the facts that
// other facts are judged against (orientations, declared pauses, settlements, reopenings).
import type { DeclaredPhase } from './model.js';
import { normaliseFact, type PhaseEvent, type RecordedFact } from './input.js';

export type SettlementEvent = Extract<PhaseEvent, { kind: 'settled' }>;

export interface DeclaredPauseSpan {
  eventId: string;
  start: string;
  end?: string;
  endEventId?: string;
}

export interface Timeline {
  events: PhaseEvent[];
  invalid: { eventId: string; type: string; revision: number; field: string }[];
  factsConsidered: number;
  /** Latest settlement per settled event id (later decisions replace earlier ones). */
  settlementByEvent: Map<string, SettlementEvent>;
  settlements: SettlementEvent[];
  declaredPauses: DeclaredPauseSpan[];
  unmatchedPauseEnds: PhaseEvent[];
  /** Proposal dates of every orientation, earliest first. */
  orientationDates: string[];
  /** Reopenings followed by a diagnostic before any later exit: they start a new cycle. */
  newCycleReopenings: Set<string>;
  declaredPhaseOf: Map<string, DeclaredPhase>;
}

/** Total order of the timeline: business date, then stream revision, then id (stable). */
export function compareEvents(a: PhaseEvent, b: PhaseEvent): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.revision !== b.revision) return a.revision - b.revision;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

export function buildTimeline(facts: readonly RecordedFact[], asOf?: string): Timeline {
  const cut = asOf === undefined ? undefined : Date.parse(asOf);
  if (cut !== undefined && Number.isNaN(cut)) throw new RangeError(`asOf is not an ISO datetime: ${asOf}`);

  const events: PhaseEvent[] = [];
  const invalid: Timeline['invalid'] = [];
  let factsConsidered = 0;
  const seen = new Set<string>();
  for (const fact of facts) {
    if (cut !== undefined && !(Date.parse(fact.recordedAt) <= cut)) continue;
    // A fact delivered twice (at-least-once projections) must not count twice.
    if (seen.has(fact.eventId)) continue;
    seen.add(fact.eventId);
    const n = normaliseFact(fact);
    if (n.status === 'unknown') continue;
    factsConsidered++;
    if (n.status === 'invalid') invalid.push({ eventId: fact.eventId, type: fact.type, revision: fact.revision, field: n.field });
    else events.push(n.event);
  }
  events.sort(compareEvents);
  invalid.sort((a, b) => a.revision - b.revision || (a.eventId < b.eventId ? -1 : 1));

  // Settlements apply in stream order: a later decision on the same event replaces an earlier one.
  const settlements = events
    .filter((e): e is SettlementEvent => e.kind === 'settled')
    .sort((a, b) => a.revision - b.revision || (a.eventId < b.eventId ? -1 : 1));
  const settlementByEvent = new Map<string, SettlementEvent>();
  for (const s of settlements) for (const id of s.eventIds) settlementByEvent.set(id, s);

  const declaredPauses: DeclaredPauseSpan[] = [];
  const unmatchedPauseEnds: PhaseEvent[] = [];
  const orientationDates: string[] = [];
  const declaredPhaseOf = new Map<string, DeclaredPhase>();
  for (const e of events) {
    if (e.kind === 'pause_declared') {
      declaredPauses.push({ eventId: e.eventId, start: e.date });
    } else if (e.kind === 'pause_ended') {
      // An end closes the latest pause still open; an end with none open is flagged, not guessed.
      const open = [...declaredPauses].reverse().find((p) => p.end === undefined);
      if (open && open.start <= e.date) {
        open.end = e.date;
        open.endEventId = e.eventId;
      } else unmatchedPauseEnds.push(e);
    } else if (e.kind === 'orientation_proposed') {
      orientationDates.push(e.date);
    } else if (e.kind === 'support_contact' && e.declaredPhase) {
      declaredPhaseOf.set(e.eventId, e.declaredPhase);
    }
  }

  const newCycleReopenings = new Set<string>();
  events.forEach((e, i) => {
    if (e.kind !== 'reopened') return;
    for (const next of events.slice(i + 1)) {
      if (next.kind === 'exited') return;
      if (next.kind === 'diagnostic') {
        newCycleReopenings.add(e.eventId);
        return;
      }
    }
  });

  return {
    events,
    invalid,
    factsConsidered,
    settlementByEvent,
    settlements,
    declaredPauses,
    unmatchedPauseEnds,
    orientationDates,
    newCycleReopenings,
    declaredPhaseOf,
  };
}

/** First orientation proposed on or before `date` (orientations proposed the same day count). */
export function orientationBy(t: Timeline, date: string): string | undefined {
  return t.orientationDates.find((d) => d <= date);
}

/** A declared pause counts for a gap when it starts on or after its start and before its end. */
export function declaredPauseWithin(t: Timeline, from: string, to: string): DeclaredPauseSpan | undefined {
  return t.declaredPauses.find((p) => p.start >= from && p.start < to);
}
