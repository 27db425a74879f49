// The callers of the phase and audit stories, each with the token `parcours token` would print.
import type { FastifyInstance } from 'fastify';
import { caller, tokenFor, type Caller } from '../../support/api.js';

export interface Actors {
  admin: Caller;
  auditor: Caller;
  coordinator: Caller;
  /** A coordinator of another territory. */
  elsewhere: Caller;
  officer: Caller;
  referrer: Caller;
}

export async function actors(svc: { app: FastifyInstance; dataDir: string }): Promise<Actors> {
  const as = async (...args: Parameters<typeof tokenFor> extends [string, ...infer R] ? R : never) => caller(svc.app, await tokenFor(svc.dataDir, ...args));
  return {
    admin: await as('admin', 'org-dept', ['*']),
    auditor: await as('auditor', 'org-audit', ['*']),
    coordinator: await as('coordinator', 'org-op', ['calaisis'], 3600, 'coord-calaisis'),
    elsewhere: await as('coordinator', 'org-op', ['arrageois'], 3600, 'coord-arrageois'),
    officer: await as('visit_officer', 'org-op', ['calaisis']),
    // Of the organisation the stories' referrals name (tests/domain/pathway/fixtures.ts).
    referrer: await as('referrer', 'org-mds-calais', []),
  };
}
