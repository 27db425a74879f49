// "Classify pathway P under policy V as of T": the application service behind the
// classification, comparison and replay endpoints and the `parcours audit` commands.
// Every read that is not the live read model is computed by the same engine call over the
// same facts (pathway-facts.ts), so a replay and the read model cannot disagree.
import type Database from 'better-sqlite3';
import { classifyPathway, type PathwayClassification, type PhasePolicy, type PolicyCatalogue } from '../../domain/phases/index.js';
import { calendarDateIn } from '../../domain/shared/dates.js';
import type { EventStore } from '../../infra/eventstore/port.js';
import { readClassification } from '../../projections/classification/classification-queries.js';
import { ProblemError } from '../http/problem.js';
import { pathwayStreamId } from '../pathways/load-pathway.js';
import { readPathwayFacts, revisionAsOf } from './pathway-facts.js';
import type { PolicyCatalogueStore } from './policy-catalogue-store.js';

export interface ClassificationRead {
  pathwayId: string;
  revision: number;
  source: 'read_model' | 'replay';
  policy: PhasePolicy;
  classification: PathwayClassification;
}

export interface ReadOptions {
  policyId?: string;
  asOf?: string;
}

export class PhaseReads {
  constructor(
    readonly store: EventStore,
    readonly policies: PolicyCatalogueStore,
    /** The read-model database; absent for the CLI, which always replays. */
    private readonly readDb?: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * The version asked for (any version known now, so history can be replayed under a newer
   * one), else the one in force on the asOf date among the versions known at asOf (today's
   * catalogue without one). The query parameter's name goes into the problem's field path.
   */
  async resolvePolicy(policyId: string | undefined, asOf?: string, param = 'policy'): Promise<PhasePolicy> {
    if (policyId !== undefined) return policyById((await this.policies.current()).catalogue, policyId, param);
    // As of an instant, the version in force is chosen among those known then: a read as of a
    // given moment gives the same answer whatever versions were added since.
    const catalogue = asOf === undefined ? (await this.policies.current()).catalogue : await this.policies.asOf(new Date(asOf));
    const day = calendarDateIn(asOf === undefined ? this.now() : new Date(asOf));
    const inForce = catalogue.effectiveAt(day);
    if (!inForce) throw new ProblemError(422, 'policy.none_in_force', `No policy version is in force on ${day}; name one with ?${param}=.`);
    return inForce;
  }

  /** The live read model when nothing is asked for and it is up to date, else a replay. */
  async classification(pathwayId: string, opts: ReadOptions = {}): Promise<ClassificationRead | null> {
    if (opts.policyId === undefined && opts.asOf === undefined && this.readDb) {
      const policy = await this.resolvePolicy(undefined);
      const row = readClassification(this.readDb, pathwayId);
      // Behind the stream (the projection has not caught up with a write yet) or under another
      // version than the one in force: the stored row is not the answer, so compute it.
      if (row && row.policyId === policy.id && row.revision === (await this.store.streamRevision(pathwayStreamId(pathwayId)))) {
        return { pathwayId, revision: row.revision, source: 'read_model', policy, classification: row.classification };
      }
    }
    return this.replay(pathwayId, opts);
  }

  /** Rebuilt from the stream, as of `asOf`, under the resolved version. Null if nothing was recorded by then. */
  async replay(pathwayId: string, opts: ReadOptions = {}): Promise<ClassificationRead | null> {
    const read = await readPathwayFacts(this.store, pathwayId);
    if (!read) return null;
    const revision = revisionAsOf(read.facts, opts.asOf);
    if (revision === null) return null;
    const policy = await this.resolvePolicy(opts.policyId, opts.asOf);
    const classification = classifyPathway(read.facts, policy, opts.asOf === undefined ? {} : { asOf: opts.asOf });
    return { pathwayId, revision, source: 'replay', policy, classification };
  }
}

export function policyById(catalogue: PolicyCatalogue, policyId: string, param: string): PhasePolicy {
  const policy = catalogue.get(policyId);
  if (policy) return policy;
  const known = catalogue.list().map((p) => p.id).join(', ');
  throw new ProblemError(400, 'policy.unknown', `No policy version ${policyId}; known versions: ${known}.`, {
    errors: [{ in: 'querystring', path: `/${param}`, code: 'unknown_policy', message: `unknown policy version ${policyId}` }],
  });
}
