// Who may read full records, classifications, comparisons and audits, and who may ever write
// (rules in domain/access/policy.ts), turned into problem+json rejections for the routes.
import type { onRequestHookHandler } from 'fastify';
import { actsIn, canAudit, canRead, readView, type AccessDecision, type Actor, type PathwayScope } from '../../domain/access/policy.js';
import { principalOf } from './plugins/authentication.js';
import { ProblemError } from './problem.js';

/**
 * A route's onRequest hook that refuses (403) a caller `decide` says no to, before the body is
 * parsed or an idempotency key reserved: a role that may never write is told so, not that its
 * body is invalid. The authentication hook, attached to every /v1 route, runs first.
 */
export function refuseUnless(decide: (actor: Actor) => AccessDecision): onRequestHookHandler {
  return (request, _reply, done) => {
    const access = decide(principalOf(request));
    done(access.allowed ? undefined : new ProblemError(403, access.code, access.detail));
  };
}

/** The history, its story and its classification hold personal data: full-view roles only. */
export function requireFullView(actor: Actor, scope: PathwayScope, what = 'how its history is classified'): void {
  const access = canRead(actor, scope);
  if (!access.allowed) throw new ProblemError(403, access.code, access.detail);
  if (readView(actor, scope) !== 'full') {
    throw new ProblemError(403, 'auth.outcome_only', `Your role sees the outcome of a pathway, not ${what}.`);
  }
}

/** Audits and comparisons: auditors and admins everywhere, coordinators in their territories. */
export function requireAudit(actor: Actor, scope?: Pick<PathwayScope, 'territory'>): void {
  const access = canAudit(actor);
  if (!access.allowed) throw new ProblemError(403, access.code, access.detail);
  if (scope && actor.role === 'coordinator' && !actsIn(actor, scope.territory)) {
    throw new ProblemError(403, 'auth.out_of_territory', `Coordinators audit the pathways of their territories; this one belongs to territory ${scope.territory}.`);
  }
}

/** Territories a programme-wide read covers: null for all (auditors, admins, national coordinators). */
export function auditTerritories(actor: Actor): string[] | null {
  return actor.role === 'coordinator' && !actor.territories.includes('*') ? actor.territories : null;
}
