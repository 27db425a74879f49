// Shared steps for the HTTP invariant and journey tests: who acts, how a command is sent to its
// route, and a `Pathway` helper that keeps its own count of the events a story has recorded, so
// that every check of a revision or an ETag compares the service with the test's own tally.
import type { Test } from 'tap';
import type { LightMyRequestResponse } from 'fastify';
import { eventPageSchema, pathwayResourceSchema } from '../../../contracts/api/pathway-resources.js';
import { fullViewSchema, outcomeViewSchema } from '../../../contracts/api/pathway-views.js';
import { commandRoutes } from '../../../contracts/commands/index.js';
import type { ExitType, OrientationCategory, ProgrammeId, RelayActorKind, Tenure } from '../../../contracts/enums.js';
import { addDays, calendarDateIn } from '../../../domain/shared/dates.js';
import type { ApiRole } from '../../../infra/auth/principal.js';
import { caller, tokenFor, type Caller } from '../../support/api.js';
import { commands } from '../../support/journey.js';
import { holdsToPublished } from '../../support/published.js';
import { testService } from '../../support/service.js';
import type { CommandInput } from '../../domain/pathway/given.js';

export { commands, type CommandInput };

export type Service = Awaited<ReturnType<typeof testService>>;

export const TERRITORY = 'calaisis';
/** The organisation that refers households (the fixtures' referrer) and reads their outcome. */
export const REFERRING_ORG = 'org-mds-calais';
/** The operator running the programme: its coordinator and visit officer. */
export const OPERATOR_ORG = 'org-operator';

/** Who acts, with the principal each token carries (id = token subject). */
export const PRINCIPALS = {
  partner: { id: 'si-mds-calais', role: 'partner_system', organisationId: REFERRING_ORG },
  referrer: { id: 'sophie-leroy', role: 'referrer', organisationId: REFERRING_ORG },
  coordinator: { id: 'coord-anne', role: 'coordinator', organisationId: OPERATOR_ORG },
  officer: { id: 'officer-julie', role: 'visit_officer', organisationId: OPERATOR_ORG },
  admin: { id: 'admin-dept', role: 'admin', organisationId: 'org-dept' },
  auditor: { id: 'auditor-cler', role: 'auditor', organisationId: 'org-cler' },
} as const satisfies Record<string, { id: string; role: ApiRole; organisationId: string }>;

export type Actors = Record<keyof typeof PRINCIPALS, Caller>;

const TERRITORIES: Record<keyof typeof PRINCIPALS, string[]> = {
  partner: [], referrer: [], coordinator: [TERRITORY], officer: [TERRITORY], admin: ['*'], auditor: ['*'],
};

/** The real service on a fresh data folder, and a caller for every actor. */
export async function setUp(t: Test): Promise<{ svc: Service; as: Actors }> {
  const svc = await testService(t);
  const entries = await Promise.all(
    (Object.keys(PRINCIPALS) as Array<keyof typeof PRINCIPALS>).map(async (k) => {
      const p = PRINCIPALS[k];
      return [k, caller(svc.app, await tokenFor(svc.dataDir, p.role, p.organisationId, TERRITORIES[k], 3600, p.id))] as const;
    }),
  );
  return { svc, as: Object.fromEntries(entries) as Actors };
}

/** A date `days` after today in the service's time zone (two days keeps clear of midnight). */
export function daysFromToday(days: number): string {
  return addDays(calendarDateIn(new Date()), days);
}

export function urlOf(pathwayId: string, type: CommandInput['type']): string {
  return type === 'ReferHousehold' ? '/v1/pathways' : `/v1/pathways/${pathwayId}/${commandRoutes[type].segment}`;
}

export interface Expected {
  status: number;
  code: string;
  /** The offending field, dotted ('orientationIds.0'); checked against the problem's first error. */
  field?: string;
}

export const isProblem = /^application\/problem\+json/;

/**
 * One household's pathway driven over HTTP. `revision` is the test's own count of recorded
 * events: each accepted command adds what the test says it adds (one event by default).
 */
export class Pathway {
  revision = 0;
  /** Send If-Match with the ETag the previous response gave (journeys do). */
  ifMatch = false;
  private etag = '"0"';

  private constructor(readonly t: Test, readonly svc: Service, readonly as: Actors, readonly id: string) {}

  /** Refers a household (by the partner system unless said otherwise) and checks the 201. */
  static async refer(
    t: Test, svc: Service, as: Actors,
    o: { programme?: ProgrammeId; referredOn?: string; tenure?: Tenure; pathwayId?: string } = {},
    by: Caller = as.partner,
  ): Promise<Pathway> {
    const res = await by.post('/v1/pathways', commands.refer(o).data);
    t.equal(res.statusCode, 201, `the household is referred${res.statusCode === 201 ? '' : `: ${res.body}`}`);
    t.equal(res.headers.etag, '"0"', 'a new pathway is at revision 0');
    const p = new Pathway(t, svc, as, res.json().pathwayId as string);
    p.etag = res.headers.etag as string;
    return p;
  }

  /** Sends a command that must be recorded; checks the 200 and that the ETag moved by `events`. */
  async do(command: CommandInput, by: Caller = this.as.coordinator, events = 1): Promise<LightMyRequestResponse> {
    const res = await by.post(urlOf(this.id, command.type), command.data, this.ifMatch ? { 'if-match': this.etag } : {});
    const ok = res.statusCode === 200;
    this.t.equal(res.statusCode, 200, `${command.type} is recorded${ok ? '' : `: ${res.body}`}`);
    if (ok) {
      this.revision += events;
      this.t.equal(res.headers.etag, `"${this.revision}"`, `${command.type} leaves the pathway at revision ${this.revision}`);
      this.etag = res.headers.etag as string;
      await this.holdsToContracts(`after ${command.type}`);
    }
    return res;
  }

  /**
   * What the service answers for the pathway is what /docs/json publishes: the full view (as an
   * administrator reads it), the outcome view (as the referring partner does) and the raw
   * history, each parsed with its strict schema from contracts/api.
   */
  async holdsToContracts(when: string): Promise<void> {
    const full = (await this.as.admin.get(`/v1/pathways/${this.id}`)).json();
    const outcome = (await this.as.partner.get(`/v1/pathways/${this.id}`)).json();
    const history = (await this.as.admin.get(`/v1/pathways/${this.id}/events?limit=500`)).json();
    for (const [what, schema, body] of [
      ['the full view', fullViewSchema, full.pathway],
      ['the outcome view', outcomeViewSchema, outcome.pathway],
      ['the resource', pathwayResourceSchema, full],
      ['the raw history', eventPageSchema, history],
    ] as const) holdsToPublished(this.t, schema, body, `${what} ${when}`);
    this.t.equal(outcome.view, 'outcome', `the partner reads the outcome view ${when}`);
  }

  /** Sends a command that must be refused: status, problem+json, code, field, and nothing written. */
  async rejects(command: CommandInput, expected: Expected, by: Caller = this.as.coordinator): Promise<Record<string, unknown>> {
    const res = await by.post(urlOf(this.id, command.type), command.data, this.ifMatch ? { 'if-match': this.etag } : {});
    return this.refused(res, `${command.type}`, expected);
  }

  /** Checks a refusal already received (for bodies the typed commands cannot express). */
  async refused(res: LightMyRequestResponse, what: string, expected: Expected): Promise<Record<string, unknown>> {
    const { t } = this;
    t.equal(res.statusCode, expected.status, `${what} is answered ${expected.status}`);
    t.match(res.headers['content-type'], isProblem, `${what}: the answer is problem+json`);
    const problem = res.json() as { code?: string; status?: number; errors?: Array<{ path: string; code: string }> };
    t.equal(problem.code, expected.code, `${what} is refused with ${expected.code}`);
    t.equal(problem.status, expected.status, 'the problem repeats the status');
    if (expected.field !== undefined) {
      t.equal(problem.errors?.[0]?.path, `/${expected.field.split('.').join('/')}`, `the problem points at ${expected.field}`);
    }
    await this.unchanged(`after the refused ${what}`);
    return problem as Record<string, unknown>;
  }

  /** The pathway is still at the revision the test counted: in the resource, its ETag and the store. */
  async unchanged(when: string): Promise<void> {
    const read = await this.as.admin.get(`/v1/pathways/${this.id}`);
    this.t.equal(read.json().revision, this.revision, `revision still ${this.revision} ${when}`);
    this.t.equal(read.headers.etag, `"${this.revision}"`, `ETag still "${this.revision}" ${when}`);
    this.t.equal(await this.svc.store.streamRevision(`pathway-${this.id}`), this.revision, `nothing appended to the stream ${when}`);
  }

  /** The full view of the pathway (as an administrator reads it). */
  async state(): Promise<Record<string, any>> {
    const read = await this.as.admin.get(`/v1/pathways/${this.id}`);
    this.t.equal(read.statusCode, 200);
    return read.json().pathway;
  }
}

// Commands the shared fixtures do not build.

export const step = {
  assign: (assignedOn: string, officerId = 'officer-julie'): CommandInput => ({ type: 'AssignVisitOfficer', data: { officerId, assignedOn } }),
  attempt: (attemptedOn: string, channel: 'phone' | 'home_visit' = 'phone', outcome: 'reached' | 'no_answer' | 'refused' = 'reached', attemptId?: string): CommandInput => ({
    type: 'AttemptContact',
    data: { attemptedOn, channel, outcome, ...(attemptId ? { attemptId } : {}) },
  }),
  schedule: (scheduledOn: string, scheduledFor: string, purpose: 'diagnostic' | 'follow_up' | 'other' = 'diagnostic'): CommandInput => ({
    type: 'ScheduleVisit',
    data: { scheduledOn, scheduledFor, purpose },
  }),
  closedDoor: (recordedOn: string, attemptIds?: [string, string]): CommandInput => ({
    type: 'RecordClosedDoor',
    data: { recordedOn, ...(attemptIds ? { attemptIds } : {}) },
  }),
  issueReport: (issuedOn: string, extra: { visitId?: string; reportId?: string } = {}): CommandInput => ({
    type: 'IssueDiagnosticReport',
    data: { issuedOn, ...extra },
  }),
  sendReport: (sentOn: string, recipient: 'household' | 'referrer' | 'landlord', extra: { reportId?: string; landlordKind?: 'private' | 'social' } = {}): CommandInput => ({
    type: 'SendDiagnosticReport',
    data: { sentOn, recipient, ...extra },
  }),
  propose: (proposedOn: string, category: OrientationCategory, orientationId: string, relayActor: { name: string; kind?: RelayActorKind } = { name: 'FSL Pas-de-Calais', kind: 'fsl' }): CommandInput => ({
    type: 'ProposeOrientation',
    data: { orientationId, proposedOn, category, relayActor },
  }),
  evaluation: (evaluationDate: string, extra: Record<string, unknown> = {}): CommandInput => ({
    type: 'RecordEvaluation',
    data: { evaluationDate, comfort: { feltColdLastWinter: false, rating: 4 }, satisfaction: { rating: 5 }, ...extra },
  } as CommandInput),
  exit: (exitDate: string, exitType?: ExitType, reason?: string): CommandInput => commands.exit(exitDate, exitType, reason),
  reportExit: (reportedOn: string, recipients: Array<'coordinator' | 'referrer'>): CommandInput => ({ type: 'ReportExit', data: { reportedOn, recipients } }),
  reopen: (reopenedOn: string): CommandInput => commands.reopen(reopenedOn),
  contract: (measureStartDate: string, durationMonths: number, extra: { signedOn?: string; sentToFunderOn?: string; contractId?: string } = {}): CommandInput => ({
    type: 'SignMeasureContract',
    data: { signedOn: measureStartDate, measureStartDate, durationMonths, ...extra },
  }),
  review: (reviewDate: string, kind: 'intermediate' | 'final', monthMark?: number, signedByHousehold = true): CommandInput => ({
    type: 'RecordPeriodicReview',
    data: { reviewDate, kind, signedByHousehold, ...(monthMark === undefined ? {} : { monthMark }) },
  }),
  renew: (renewedOn: string, additionalMonths: number, exceptional = false): CommandInput => ({
    type: 'RenewMeasure',
    data: { renewedOn, additionalMonths, exceptional, reason: 'Travaux pas terminés' },
  }),
  note: (month: string, signedOn: string, homeVisitDates: string[], orientationIds: string[] = []): CommandInput => ({
    type: 'SignMonthlyProgressNote',
    data: { month, signedOn, homeVisitDates, orientationIds },
  }),
  settle: (eventIds: string[], settledOn: string, settlementId?: string): CommandInput => ({
    type: 'SettlePhase',
    data: { eventIds, phase: 'reinforced_support', reason: 'Contact dans la continuité de l’orientation', settledOn, ...(settlementId ? { settlementId } : {}) },
  }),
};

/** A diagnostic visit of the fixtures (two visitors, budget and bills) in the given season. */
export function diagnosticIn(season: 'summer' | 'winter' | 'mid_season', visitDate: string, visitId: string): CommandInput {
  const { data } = commands.diagnostic(visitDate, visitId) as Extract<CommandInput, { type: 'CompleteDiagnosticVisit' }>;
  return { type: 'CompleteDiagnosticVisit', data: { ...data, season } };
}

// Checks at the end of a journey.

/** One recorded step as the test expects it: event type, who recorded it, its business date. */
export type Entry = readonly [type: string, who: keyof typeof PRINCIPALS, on: string];

/** Personal data the fixtures' referral, diagnostic and evaluations carry. */
const PERSONAL_TEXT = ['Martin', 'Claire', 'rue des Tilleuls', '06 12 34 56 78', 'claire.martin@example.org', 'Sophie Leroy', 'MDS du Calaisis', 'M. Durand', 'Julie Caron', 'Marc Petit', 'EDF'];
const PERSONAL_AMOUNTS = [16800, 1850, 640, 17200, 1400];

/** No string holds a name, address or contact of the household, and no number is one of its amounts. */
export function noPersonalData(t: Test, value: unknown, where: string): void {
  const found: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') found.push(...PERSONAL_TEXT.filter((p) => v.includes(p)).map((p) => JSON.stringify(p)));
    else if (typeof v === 'number') { if (PERSONAL_AMOUNTS.includes(v)) found.push(String(v)); }
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  t.same(found, [], `no personal data in ${where}`);
}

/** The raw history: every event in recording order, with its principal and business date. */
export async function checkHistory(t: Test, p: Pathway, expected: readonly Entry[]): Promise<Array<Record<string, any>>> {
  const res = await p.as.coordinator.get(`/v1/pathways/${p.id}/events`);
  t.equal(res.statusCode, 200);
  const items = res.json().items as Array<Record<string, any>>;
  t.same(items.map((e) => e.type), expected.map((e) => e[0]), 'the events, in the order they were recorded');
  t.same(items.map((e) => e.revision), expected.map((_, i) => i), 'revisions 0..n without gaps');
  t.same(items.map((e) => e.principal), expected.map((e) => PRINCIPALS[e[1]]), 'each event names who recorded it');
  businessDates(t, items.map((e) => [e.type, String(e.occurredAt)]), expected.map((e) => [e[0], e[2]]), 'each event');
  return items;
}

/** Each event's occurredAt is its business date (an exit report on the day it was reported, not the exit's). */
function businessDates(t: Test, found: Array<[string, string]>, wanted: Array<[string, string]>, what: string): void {
  const day = (pairs: Array<[string, string]>) => pairs.map(([type, at]) => [type, at.slice(0, 10)]);
  t.same(day(found), day(wanted), `${what} occurred on its business date`);
}

/** The timeline: one readable step per event, in business-date order, by the right actor, no personal data. */
export async function checkTimeline(t: Test, p: Pathway, expected: readonly Entry[], texts: ReadonlyArray<readonly [revision: number, en: RegExp]>): Promise<void> {
  await p.svc.projections.waitFor(await p.svc.store.headPosition());
  const res = await p.as.officer.get(`/v1/pathways/${p.id}/timeline`);
  t.equal(res.statusCode, 200);
  const steps = res.json().steps as Array<{ revision: number; type: string; occurredAt: string; actor: unknown; text: { en: string; fr: string } }>;
  const order = expected.map((e, i) => ({ i, on: e[2] })).sort((a, b) => (a.on === b.on ? a.i - b.i : a.on < b.on ? -1 : 1)).map((x) => x.i);
  t.same(steps.map((s) => s.revision), order, 'the story is told in the order things happened');
  t.same(steps.map((s) => [s.type, s.actor]), order.map((i) => [expected[i]![0], PRINCIPALS[expected[i]![1]]]), 'each step names its actor');
  businessDates(t, steps.map((s) => [s.type, s.occurredAt]), order.map((i) => [expected[i]![0], expected[i]![2]]), 'each step');
  for (const [revision, en] of texts) t.match(steps.find((s) => s.revision === revision)?.text.en, en, `step ${revision} reads ${en}`);
  t.ok(steps.every((s) => s.text.en.length > 0 && s.text.fr.length > 0), 'every step reads in English and French');
  noPersonalData(t, steps, 'the timeline');
}

export const OUTCOME_KEYS = [
  'diagnosticVisitDates', 'entry', 'exit', 'exits', 'lastActivityOn', 'measure', 'orientations', 'pathwayId', 'programme',
  'referredOn', 'referringOrganisation', 'reopenCount', 'stage', 'status', 'territory',
].sort();

/** What the referrer sees: the outcome view only, no raw history, no timeline, no personal data. */
export async function checkReferrerView(t: Test, p: Pathway, expected: Record<string, unknown>): Promise<void> {
  const res = await p.as.referrer.get(`/v1/pathways/${p.id}`);
  t.equal(res.statusCode, 200, 'the referrer reads what became of its referral');
  const body = res.json();
  t.equal(body.view, 'outcome');
  t.same(Object.keys(body.pathway).sort(), OUTCOME_KEYS, 'outcome fields only');
  t.match(body.pathway, expected);
  for (const [key, value] of Object.entries(expected)) {
    if (Array.isArray(value)) t.equal(body.pathway[key]?.length, value.length, `${key}: ${value.length} in all`);
  }
  t.same(body.pathway.referringOrganisation, { id: REFERRING_ORG, kind: 'department_service' }, 'the referring organisation by id and kind only');
  noPersonalData(t, body, 'the referrer’s view');
  for (const what of ['events', 'timeline']) {
    const denied = await p.as.referrer.get(`/v1/pathways/${p.id}/${what}`);
    t.equal(denied.statusCode, 403, `no ${what} for the referrer`);
    t.equal(denied.json().code, 'auth.outcome_only');
  }
}
