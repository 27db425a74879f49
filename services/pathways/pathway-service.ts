import type { PathwayCommand } from '../../contracts/commands/index.js';
import { toStoredPathwayEvent } from '../../contracts/events/index.js';
import { canCommand, canRead, canRefer, referringOrganisation, roleMayCommand, type Actor, type PathwayScope } from '../../domain/access/policy.js';
import { decidePathway, evolvePathway, initialPathwayState, type PathwayState } from '../../domain/pathway/index.js';
import { WrongExpectedRevisionError } from '../../infra/eventstore/errors.js';
import type { EventStore, NewEvent, StoredEvent } from '../../infra/eventstore/port.js';
import { uuidv7 } from '../../infra/eventstore/uuidv7.js';
import { eventMetadata, recordedPrincipal } from '../event-metadata.js';
import { ProblemError } from '../http/problem.js';
import { loadPathway, pathwayIdOf, pathwayStreamId, type LoadedPathway } from './load-pathway.js';
import { PathwayCache } from './pathway-cache.js';
import { KeyedLock } from './keyed-lock.js';
import { nameBasedUuid } from './name-based-uuid.js';
import { occurredAtOf } from './occurred-at.js';
import { RecordedByAnotherAttempt, recordOnce, RETRY_WINDOW_MS, type EventIds } from '../recorded-retry.js';

export interface CommandRequest {
  /** Absent for a referral: the pathway is created with a new id. */
  pathwayId?: string;
  command: PathwayCommand;
  actor: Actor;
  /** The revisions the caller accepts (If-Match), any of them; without it, a concurrent change is retried on fresh state. */
  ifMatch?: readonly number[];
  correlationId: string;
  causationId?: string;
  /**
   * A keyed request's digest (its caller's rights, Idempotency-Key and request): its facts' ids
   * derive from it, so a retry the key file lost finds them (recorded-retry.ts).
   */
  requestDigest?: string;
  now?: () => Date;
}

export interface CommandOutcome {
  pathwayId: string;
  revision: number;
  globalPosition: number;
  /** The facts recorded, each with the identifiers its data carries (`ids`, when it has any). */
  events: Array<{ id: string; type: string; revision: number; ids?: Record<string, string> }>;
  /** True when this request's facts were already recorded by an earlier attempt: nothing was appended now. */
  replayed: boolean;
}

/** An outcome decided now, with the state it leaves (for the cache). */
interface Applied extends CommandOutcome {
  state: NonNullable<PathwayState>;
  scope: PathwayScope;
}

const ATTEMPTS = 5;

/** Reads and writes pathways: folded states cached, commands on one pathway queued in this process. */
export class PathwayService {
  private readonly lock = new KeyedLock();
  private readonly cache = new PathwayCache();

  constructor(
    readonly store: EventStore,
    /** How long a keyed request's facts answer its retries (recorded-retry.ts). */
    private readonly retryWindowMs = RETRY_WINDOW_MS,
  ) {}

  load(pathwayId: string, asOf?: Date): Promise<LoadedPathway | null> {
    return loadPathway(this.store, pathwayId, asOf, this.cache);
  }

  /**
   * A command's first attempt trusts the cached state without asking the store for the stream's
   * revision: the append's expected revision is the check, and a pathway changed by another
   * process fails it and is retried on fresh state.
   */
  private cachedOrLoad(pathwayId: string): Promise<LoadedPathway | null> {
    const hit = this.cache.get(pathwayId);
    return hit ? Promise.resolve(hit) : this.load(pathwayId);
  }

  /** Load, check access, decide, append with the expected revision: the generic write path. */
  execute(req: CommandRequest): Promise<CommandOutcome> {
    const key = lockKey(req);
    return key === null ? this.executeOnce(req) : this.lock.run(key, () => this.executeOnce(req));
  }

  /** A keyed request already recorded gets its first outcome; otherwise it runs, its facts' ids derived from it. */
  private executeOnce(req: CommandRequest): Promise<CommandOutcome> {
    const now = () => (req.now?.() ?? new Date()).getTime();
    return recordOnce(this.store, req.requestDigest, this.retryWindowMs, now, (eventId) => this.decideAndAppend(req, eventId), replayedOutcome);
  }

  private async decideAndAppend(req: CommandRequest, eventId: EventIds): Promise<CommandOutcome> {
    const outcome = await executeWithRetries(this.store, req, eventId, (id, fresh) => (fresh ? this.load(id) : this.cachedOrLoad(id)));
    if (outcome.events.length > 0) this.cache.set(outcome.pathwayId, { state: outcome.state, revision: outcome.revision, scope: outcome.scope });
    return outcome;
  }
}

function replayedOutcome(recorded: StoredEvent[]): CommandOutcome {
  const last = recorded[recorded.length - 1]!;
  return {
    pathwayId: pathwayIdOf(last.streamId),
    revision: last.revision,
    globalPosition: last.globalPosition,
    events: recorded.map((e) => recordedEntry(e.id, e.type, e.revision, e.data)),
    replayed: true,
  };
}

async function executeWithRetries(store: EventStore, req: CommandRequest, eventId: EventIds, load: Loader): Promise<Applied> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptOnce(store, req, eventId, (id, fresh) => load(id, fresh || attempt > 1));
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      // Another writer got there first: its revision may still be one the caller named.
      if (req.ifMatch !== undefined && (error.actual === null || !req.ifMatch.includes(error.actual) || attempt >= ATTEMPTS)) {
        throw new ProblemError(412, 'pathway.revision_mismatch', `The pathway changed since revision ${error.expected} (now ${error.actual}); read it again and retry.`, {
          expectedRevision: error.expected,
          actualRevision: error.actual,
        });
      }
      if (attempt >= ATTEMPTS) {
        throw new ProblemError(409, 'pathway.concurrent_change', 'The pathway kept changing while this command ran; retry.');
      }
    }
  }
}

/** `fresh`: the state checked against the store; otherwise a cached one may do. */
type Loader = (pathwayId: string, fresh: boolean) => Promise<LoadedPathway | null>;

async function attemptOnce(store: EventStore, req: CommandRequest, eventId: EventIds, load: Loader): Promise<Applied> {
  const now = req.now?.() ?? new Date();
  const creating = req.command.type === 'ReferHousehold';
  // A partner system may name the pathway itself (a safe retry key); a referral carrying the
  // partner's own reference gets an id derived from it, so the same referral arriving twice
  // meets the first one instead of opening a second pathway; otherwise the service names it.
  const pathwayId = req.command.type === 'ReferHousehold' ? (referralId(req) ?? uuidv7()) : req.pathwayId!;
  const command: PathwayCommand =
    req.command.type === 'ReferHousehold'
      ? { type: 'ReferHousehold', data: { ...req.command.data, referrer: recordedReferrer(req.actor, req.command.data.referrer), pathwayId } }
      : req.command;
  refuseBeforeLookup(req);
  let loaded = await load(pathwayId, false);
  // A cached state may be behind another process's writes: only the store's revision can say the caller's is stale.
  // A cached state may be behind: a revision the caller names beyond it may be the stream's.
  if (loaded && req.ifMatch !== undefined && req.ifMatch.some((r) => r !== loaded!.revision) ) loaded = await load(pathwayId, true);
  if (creating && loaded) {
    // Where the existing pathway is, only for a caller who may read it: to anyone else the
    // conflict says no more than that the id is taken.
    if (!canRead(req.actor, loaded.scope).allowed) {
      throw new ProblemError(409, 'pathway.already_exists', 'A pathway with this id already exists; choose another id.');
    }
    throw new ProblemError(409, 'pathway.already_exists', `Pathway ${pathwayId} already exists for this referral; a household that comes back is reopened, not referred again.`, {
      pathwayId,
      location: `/v1/pathways/${pathwayId}`,
    });
  }
  if (!creating && !loaded) throw new ProblemError(404, 'pathway.not_found', `No pathway ${pathwayId}.`);
  // The pathway a referral creates has no revision yet: no entity tag can match it (RFC 9110
  // §13.1.1). Checked after access and after the 409 of an existing one, which come first.
  if (creating && req.ifMatch !== undefined) {
    throw new ProblemError(412, 'pathway.revision_mismatch', 'A referral creates its pathway: there is no revision to match; send If-Match: * or none.');
  }
  // Access before the revision: a 412 would tell someone who may not act here how far the pathway has gone.
  if (loaded) {
    const access = canCommand(req.actor, req.command.type, loaded.scope);
    if (!access.allowed) throw new ProblemError(403, access.code, access.detail);
  }
  if (loaded && req.ifMatch !== undefined && !req.ifMatch.includes(loaded.revision)) {
    const named = req.ifMatch.length ? req.ifMatch.join(' or ') : 'one the If-Match header names (a weak or unknown tag matches none)';
    throw new ProblemError(412, 'pathway.revision_mismatch', `The pathway is at revision ${loaded.revision}, not ${named}; read it again and retry.`, {
      ...(req.ifMatch.length === 1 ? { expectedRevision: req.ifMatch[0] } : { expectedRevisions: req.ifMatch }),
      actualRevision: loaded.revision,
    });
  }

  const state = loaded?.state ?? initialPathwayState();
  const principal = recordedPrincipal(req.actor);
  const decision = decidePathway(command, state, { now, newId: uuidv7, principal });
  // Nothing to append means no expected-revision check: a refusal or a no-op decided on a cached
  // state is only an answer if that state is still the stream's (another process may have written).
  if (loaded && (!decision.ok || decision.events.length === 0)) {
    const actual = await store.streamRevision(pathwayStreamId(pathwayId));
    if (actual !== loaded.revision) throw new WrongExpectedRevisionError(pathwayStreamId(pathwayId), loaded.revision, actual);
  }
  if (!decision.ok) {
    const { code, status, detail, field } = decision.rejection;
    throw new ProblemError(status, code, detail, field ? { errors: [{ in: 'body', path: `/${field.split('.').join('/')}`, code, message: detail }] } : {});
  }
  if (decision.events.length === 0 && loaded) {
    return { pathwayId, revision: loaded.revision, globalPosition: 0, events: [], replayed: false, state: loaded.state, scope: loaded.scope };
  }

  const toAppend: NewEvent[] = decision.events.map((event, index) => {
    const stored = toStoredPathwayEvent(event);
    return {
      id: eventId(index),
      type: stored.type,
      schemaVersion: stored.version,
      data: stored.data,
      metadata: eventMetadata(principal, req.correlationId, req.causationId, occurredAtOf(event)),
    };
  });
  const expected = loaded ? loaded.revision : 'no_stream';
  const result = await store.append(pathwayStreamId(pathwayId), toAppend, expected);
  // The store already held these ids: what was decided here is not what it holds.
  if (result.alreadyStored) throw new RecordedByAnotherAttempt();
  const newState = decision.events.reduce<PathwayState>(evolvePathway, state)!;
  const firstRevision = result.nextExpectedRevision - toAppend.length + 1;
  return {
    pathwayId,
    revision: result.nextExpectedRevision,
    globalPosition: result.globalPosition,
    events: toAppend.map((e, i) => recordedEntry(e.id!, e.type, firstRevision + i, e.data)),
    replayed: false,
    state: newState,
    scope: loaded?.scope ?? { territory: newState.territory.code, referrerOrganisationId: referringOrganisation(req.actor, newState.referrer) },
  };
}

/**
 * Refusals that do not depend on the pathway, made before it is looked up: a caller who may not
 * refer in the territory, or whose role may not run the command at all, learns nothing of which
 * pathways exist; and a referral may not name an id of the form the service derives.
 */
function refuseBeforeLookup(req: CommandRequest): void {
  const { actor, command } = req;
  const access = command.type === 'ReferHousehold' ? canRefer(actor, territoryOf(command)) : roleMayCommand(actor, command.type);
  if (!access.allowed) throw new ProblemError(403, access.code, access.detail);
  if (command.type === 'ReferHousehold' && command.data.pathwayId !== undefined && DERIVED_ID.test(command.data.pathwayId)) {
    throw new ProblemError(422, 'pathway.id_reserved', 'Ids of this form are derived by the service from an externalReference; send the reference, or choose another id.', {
      errors: [{ in: 'body', path: '/pathwayId', code: 'pathway.id_reserved', message: 'reserved id form (UUID version 8)' }],
    });
  }
}

/**
 * The identifiers a fact's data carries at its top level (an orientation's, a visit's, a
 * contact's...), so a caller learns the ids the service minted for a command that named none
 * without reading the pathway back. The pathway's own id is already in the answer.
 */
function recordedEntry(id: string, type: string, revision: number, data: unknown): CommandOutcome['events'][number] {
  let ids: Record<string, string> | undefined;
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (key === 'pathwayId' || !key.endsWith('Id') || typeof value !== 'string') continue;
    (ids ??= {})[key] = value;
  }
  return ids ? { id, type, revision, ids } : { id, type, revision };
}

/**
 * Commands on one pathway queue behind each other; a referral locks the id it will create, when
 * known, else a keyed referral its request (two attempts of it then run one after the other).
 */
function lockKey(req: CommandRequest): string | null {
  if (req.command.type !== 'ReferHousehold') return req.pathwayId ?? null;
  return referralId(req) ?? (req.requestDigest !== undefined ? `request:${req.requestDigest}` : null);
}

/** The id a referral names or derives from its external reference; null when the service is to choose one. */
function referralId(req: CommandRequest): string | null {
  if (req.command.type !== 'ReferHousehold') return null;
  const { pathwayId, externalReference, referrer } = req.command.data;
  return pathwayId ?? (externalReference ? idFromExternalReference(referringOrganisation(req.actor, referrer), externalReference) : null);
}

/**
 * The referrer as recorded: a referrer or partner system refers for its own organisation, so
 * that is the one its referral records, whatever the body named (the outcome view and every
 * scope then agree).
 */
function recordedReferrer<R extends { organisationId?: string | undefined }>(actor: Actor, referrer: R): R {
  if (actor.role !== 'referrer' && actor.role !== 'partner_system') return referrer;
  return referrer.organisationId === actor.organisationId ? referrer : { ...referrer, organisationId: actor.organisationId };
}

/** The form idFromExternalReference gives: a client may not choose such an id, or it could take another's reference first. */
const DERIVED_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * A UUID (RFC 9562 version 8, name-based) from the referring organisation and its own
 * reference: two organisations whose systems number their files alike get two pathways.
 */
export function idFromExternalReference(organisationId: string, ref: { system: string; id: string }): string {
  return nameBasedUuid(`${organisationId}\u0000${ref.system}\u0000${ref.id}`);
}

function territoryOf(command: PathwayCommand): string {
  return command.type === 'ReferHousehold' ? command.data.territory.code : '';
}
