import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { API_ROLES, type ApiRole } from '../../infra/auth/principal.js';
import { resolveSigningSecret } from '../../infra/auth/signing-key.js';
import { signToken } from '../../infra/auth/tokens.js';

export { API_ROLES };

/** A token as `parcours token` would print it, signed with the data folder's secret. */
export async function tokenFor(dataDir: string, role: ApiRole, org = 'org-a', territories: string[] = ['T1'], ttlSeconds = 3600, subject?: string): Promise<string> {
  return signToken(resolveSigningSecret(dataDir), { subject: subject ?? `${role}-${org}`, role, organisationId: org, territories, ttlSeconds });
}

export interface Caller {
  post(url: string, body: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export function caller(app: FastifyInstance, token: string): Caller {
  const auth = { authorization: `Bearer ${token}` };
  return {
    post: (url, body, headers = {}) => app.inject({ method: 'POST', url, payload: body as object, headers: { ...auth, ...headers } }),
    get: (url, headers = {}) => app.inject({ method: 'GET', url, headers: { ...auth, ...headers } }),
  };
}
