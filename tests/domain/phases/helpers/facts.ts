// A small builder of pathway histories for the phase tests: each method records one fact with
// the field names of contracts/events, numbers revisions in call order and returns the builder.
import { addDays } from '../../../../domain/phases/dates.js';
import type { RecordedFact } from '../../../../domain/phases/input.js';
import type { ActivityClassification, Episode, PathwayClassification } from '../../../../domain/phases/model.js';

export { addDays };

/** Diagnostic date used by most scenarios; D(n) is n days after it. */
export const DIAG = '2024-02-01';
export const D = (n: number): string => addDays(DIAG, n);

interface Opts {
  id?: string;
  recordedAt?: string;
  actor?: string;
}

export interface ContactOpts extends Opts {
  channel?: 'phone' | 'home_visit' | 'email' | 'digital' | 'office' | 'mediation';
  declaredPhase?: 'reinforced_support' | 'one_year_follow_up' | 'evaluation' | 'other';
  evaluationOnly?: boolean;
  newProblem?: string;
  contactId?: string;
}

export class History {
  readonly facts: RecordedFact[] = [];
  #rev = 0;

  add(type: string, data: Record<string, unknown>, o: Opts = {}): this {
    const revision = ++this.#rev;
    const fact: RecordedFact = {
      eventId: o.id ?? `ev-${String(revision).padStart(3, '0')}`,
      type,
      revision,
      // By default a fact is stored on its business day, so asOf cuts follow the story.
      recordedAt: o.recordedAt ?? `${firstDate(data)}T12:00:00.000Z`,
      data,
    };
    if (o.actor) fact.actor = o.actor;
    this.facts.push(fact);
    return this;
  }

  /** Id of the last recorded fact. */
  get last(): string {
    return this.facts[this.facts.length - 1]!.eventId;
  }

  referred(date: string, o: Opts = {}): this {
    return this.add('HouseholdReferred', { referredOn: date, programme: 'slime-plus' }, o);
  }
  attempt(date: string, o: Opts = {}): this {
    return this.add('ContactAttempted', { attemptId: `a-${this.#rev + 1}`, attemptedOn: date, channel: 'phone', outcome: 'reached' }, o);
  }
  scheduled(date: string, visitOn: string, o: Opts = {}): this {
    return this.add('VisitScheduled', { visitId: `v-${this.#rev + 1}`, scheduledOn: date, scheduledFor: visitOn, purpose: 'diagnostic' }, o);
  }
  diagnostic(date: string, season: 'summer' | 'winter' | 'mid_season' = 'winter', o: Opts = {}): this {
    return this.add('DiagnosticVisitCompleted', { visitId: `dst-${this.#rev + 1}`, visitDate: date, season }, o);
  }
  orientation(date: string, o: Opts & { orientationId?: string; category?: string } = {}): this {
    const data = {
      orientationId: o.orientationId ?? `or-${this.#rev + 1}`,
      proposedOn: date,
      category: o.category ?? 'landlord_mediation',
      relayActor: { name: 'Bailleur', kind: 'private_landlord' },
    };
    return this.add('OrientationProposed', data, o);
  }
  orientationStatus(orientationId: string, status: string, date: string, o: Opts = {}): this {
    return this.add('OrientationStatusChanged', { orientationId, status, changedOn: date }, o);
  }
  contact(date: string, o: ContactOpts = {}): this {
    const data: Record<string, unknown> = {
      contactId: o.contactId ?? `c-${this.#rev + 1}`,
      contactDate: date,
      channel: o.channel ?? 'phone',
      participants: ['Chargé de visite'],
      orientationIds: [],
      evaluationOnly: o.evaluationOnly ?? false,
    };
    if (o.declaredPhase) data.declaredPhase = o.declaredPhase;
    if (o.newProblem) data.newProblemCategory = o.newProblem;
    return this.add('SupportContactRecorded', data, o);
  }
  pauseDeclared(date: string, o: Opts = {}): this {
    return this.add('PauseDeclared', { startDate: date, reason: 'ménage indisponible' }, o);
  }
  pauseEnded(date: string, o: Opts = {}): this {
    return this.add('PauseEnded', { endDate: date }, o);
  }
  evaluation(date: string, o: Opts & { contactId?: string } = {}): this {
    const data: Record<string, unknown> = { evaluationId: `eval-${this.#rev + 1}`, evaluationDate: date, comfort: {}, billsAfter: [], satisfaction: { rating: 4 } };
    if (o.contactId) data.contactId = o.contactId;
    return this.add('EvaluationRecorded', data, o);
  }
  exited(date: string, o: Opts = {}): this {
    return this.add('PathwayExited', { exitDate: date, exitType: 'contact_lost' }, o);
  }
  reopened(date: string, o: Opts = {}): this {
    return this.add('PathwayReopened', { reopenedOn: date, reason: 'nouvelle demande' }, o);
  }
  settled(eventIds: string[], phase: string, date: string, o: Opts & { settlementId?: string; by?: string; reason?: string } = {}): this {
    const data: Record<string, unknown> = {
      settlementId: o.settlementId ?? `set-${this.#rev + 1}`,
      eventIds,
      phase,
      reason: o.reason ?? 'décision de coordination',
      settledOn: date,
    };
    if (o.by) data.settledBy = { actorId: o.by, role: 'coordinator', organisationId: 'cd62' };
    return this.add('PhaseSettled', data, o);
  }
}

export const history = (): History => new History();

/** Referral, diagnostic on DIAG and one orientation proposed the same day. */
export function started(): History {
  return history().referred('2024-01-05', { id: 'ref' }).diagnostic(DIAG, 'winter', { id: 'dst' }).orientation(DIAG, { id: 'or1', orientationId: 'o1' });
}

function firstDate(data: Record<string, unknown>): string {
  for (const k of ['referredOn', 'attemptedOn', 'scheduledOn', 'visitDate', 'proposedOn', 'changedOn', 'contactDate', 'startDate', 'endDate', 'evaluationDate', 'exitDate', 'reopenedOn', 'settledOn']) {
    if (typeof data[k] === 'string') return data[k] as string;
  }
  return '2024-01-01';
}

export function activity(c: PathwayClassification, eventId: string): ActivityClassification {
  const a = c.activities.find((x) => x.eventId === eventId);
  if (!a) throw new Error(`no activity ${eventId}`);
  return a;
}

export function episodes(c: PathwayClassification, kind: Episode['kind']): Episode[] {
  return c.episodes.filter((e) => e.kind === kind);
}
