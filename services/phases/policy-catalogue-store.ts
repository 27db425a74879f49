// The phase policy catalogue, persisted as events: each version an admin adds is a
// `PhasePolicyVersionAdded` event in stream `policy-catalogue`. The built-in default
// (DEFAULT_PHASE_POLICY) is seeded in code and never written, so a fresh store has it and no
// release can fork it. The catalogue is cached and reloaded only when the stream has moved,
// which also picks up versions added by another process sharing the store.
import { phasePolicyVersionAddedV1 } from '../../contracts/policies/phase-policy.js';
import { parsePhasePolicy, PolicyCatalogue, type PhasePolicy } from '../../domain/phases/index.js';
import { WrongExpectedRevisionError } from '../../infra/eventstore/errors.js';
import type { EventStore, Principal, StoredEvent } from '../../infra/eventstore/port.js';
import { eventMetadata } from '../event-metadata.js';
import { ProblemError } from '../http/problem.js';
import { RecordedByAnotherAttempt, recordOnce, RETRY_WINDOW_MS } from '../recorded-retry.js';

export const POLICY_CATALOGUE_STREAM = 'policy-catalogue';
const ATTEMPTS = 5;

export interface LoadedCatalogue {
  catalogue: PolicyCatalogue;
  /** Revision of the catalogue stream folded in; -1 while only the built-in version exists. */
  revision: number;
}

function addedPolicy(event: StoredEvent): PhasePolicy {
  return phasePolicyVersionAddedV1.schema.parse(event.data).policy;
}

export class PolicyCatalogueStore {
  #cached: LoadedCatalogue = { catalogue: new PolicyCatalogue(), revision: -1 };

  constructor(private readonly store: EventStore) {}

  async current(): Promise<LoadedCatalogue> {
    const head = (await this.store.streamRevision(POLICY_CATALOGUE_STREAM)) ?? -1;
    const cached = this.#cached;
    if (head <= cached.revision) return cached;
    // A new catalogue object: readers holding the previous one keep a consistent view.
    const catalogue = new PolicyCatalogue(cached.catalogue.list());
    let revision = cached.revision;
    for await (const e of this.store.readStream(POLICY_CATALOGUE_STREAM, { fromRevision: cached.revision + 1 })) {
      if (e.type !== phasePolicyVersionAddedV1.type) continue;
      const parsed = phasePolicyVersionAddedV1.schema.parse(e.data);
      catalogue.add(parsed.policy);
      revision = e.revision;
    }
    const loaded = { catalogue, revision: Math.max(revision, head) };
    if (loaded.revision > this.#cached.revision) this.#cached = loaded;
    return loaded;
  }

  /**
   * The catalogue as it stood at an instant: the built-in version and those recorded by then.
   * What a read "as of" that instant resolves its default version from, so that a version
   * added later, even one whose dates cover the instant, does not change the answer.
   */
  async asOf(instant: Date): Promise<PolicyCatalogue> {
    const catalogue = new PolicyCatalogue();
    const limit = instant.getTime();
    for await (const e of this.store.readStream(POLICY_CATALOGUE_STREAM)) {
      if (Date.parse(e.recordedAt) > limit) break;
      if (e.type === phasePolicyVersionAddedV1.type) catalogue.add(phasePolicyVersionAddedV1.schema.parse(e.data).policy);
    }
    return catalogue;
  }

  /**
   * Validates and records a new version; 422 with field paths when invalid, 409 when the id
   * exists. `keyed`: the request's Idempotency-Key, recorded as on pathway events, and its
   * digest, from which the event's id derives, so a retry whose key record was lost is
   * answered with the version it added (recorded-retry.ts) instead of a 409.
   */
  async add(submission: unknown, principal: Principal, correlationId: string, keyed?: { key: string; digest: string }): Promise<{ policy: PhasePolicy; replayed: boolean }> {
    const parsed = parsePhasePolicy(submission);
    if (!parsed.ok) {
      const first = parsed.issues[0]!;
      throw new ProblemError(422, 'policy.invalid', `The policy is invalid: ${first.path} ${first.message}`, {
        errors: parsed.issues.map((i) => ({ in: 'body', path: `/${i.path.split('.').join('/')}`, code: 'invalid', message: i.message })),
      });
    }
    const policy = parsed.policy;
    return recordOnce<{ policy: PhasePolicy; replayed: boolean }>(
      this.store,
      keyed?.digest,
      RETRY_WINDOW_MS,
      Date.now,
      async (eventId) => {
        await this.append(policy, eventId(0), principal, correlationId, keyed?.key);
        return { policy, replayed: false };
      },
      (recorded) => ({ policy: addedPolicy(recorded[0]!), replayed: true }),
    );
  }

  /** Appends the version unless its id exists, reloading when another admin added one meanwhile. */
  private async append(policy: PhasePolicy, eventId: string, principal: Principal, correlationId: string, causationId: string | undefined): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const { catalogue, revision } = await this.current();
      if (catalogue.get(policy.id)) {
        throw new ProblemError(409, 'policy.duplicate', `Policy version ${policy.id} already exists; versions are never changed, add a new version instead.`, {
          policyId: policy.id,
          // The id is name@version: both fields make it.
          errors: ['name', 'version'].map((field) => ({ in: 'body', path: `/${field}`, code: 'duplicate', message: `policy version ${policy.id} already exists` })),
        });
      }
      try {
        const result = await this.store.append(
          POLICY_CATALOGUE_STREAM,
          [
            {
              id: eventId,
              type: phasePolicyVersionAddedV1.type,
              schemaVersion: phasePolicyVersionAddedV1.version,
              data: phasePolicyVersionAddedV1.schema.parse({ policy }),
              metadata: eventMetadata(principal, correlationId, causationId, new Date().toISOString()),
            },
          ],
          revision === -1 ? 'no_stream' : revision,
        );
        // The store already held this id: another attempt of this very request recorded it.
        if (result.alreadyStored) throw new RecordedByAnotherAttempt();
        return;
      } catch (error) {
        // Another admin added a version meanwhile: reload and check for a duplicate again.
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= ATTEMPTS) throw error;
      }
    }
  }
}
