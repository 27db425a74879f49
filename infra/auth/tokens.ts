import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import type { Config } from '../config/config.js';
import { tokenClaimsSchema, type ApiRole, type AuthenticatedPrincipal } from './principal.js';
import { resolveSigningSecret } from './signing-key.js';

const VERIFIED_CACHE_SIZE = 10_000;
/** How far ahead of ours an issuer's clock may be. */
const CLOCK_SKEW_MS = 60_000;

export type TokenFailure = { ok: false; reason: 'expired' | 'invalid' | 'claims'; detail: string };
export type TokenResult = { ok: true; principal: AuthenticatedPrincipal } | TokenFailure;

export interface TokenVerifier {
  verify(token: string): Promise<TokenResult>;
  /** The principal of a token verified before and not yet expired, without waiting; else undefined. */
  remembered(token: string): AuthenticatedPrincipal | undefined;
}

/** HS256 with a shared secret, or a JWKS URL (asymmetric keys of an identity provider). */
export function createTokenVerifier(config: Config): TokenVerifier {
  const key: Uint8Array | JWTVerifyGetKey = config.PARCOURS_JWKS_URL
    ? createRemoteJWKSet(new URL(config.PARCOURS_JWKS_URL))
    : resolveSigningSecret(config.dataDir, config.PARCOURS_JWT_SECRET);
  const options = {
    ...(config.PARCOURS_JWKS_URL ? {} : { algorithms: ['HS256'] }),
    ...(config.PARCOURS_JWT_ISSUER ? { issuer: config.PARCOURS_JWT_ISSUER } : {}),
    ...(config.PARCOURS_JWT_AUDIENCE ? { audience: config.PARCOURS_JWT_AUDIENCE } : {}),
    requiredClaims: ['sub', 'exp'],
  };
  // Verified tokens are remembered until they expire: verifying a signature on every request
  // costs more than the rest of a typical read.
  const verified = new Map<string, { principal: AuthenticatedPrincipal; expiresAt: number }>();
  const remembered = (token: string): AuthenticatedPrincipal | undefined => {
    const hit = verified.get(token);
    if (!hit) return undefined;
    if (hit.expiresAt > Date.now()) return hit.principal;
    verified.delete(token);
    return undefined;
  };
  return {
    remembered,
    async verify(token) {
      const known = remembered(token);
      if (known) return { ok: true, principal: known };
      try {
        const { payload } = await jwtVerify(token, key as Uint8Array, options);
        // jose checks iat only with a maximum age; a token issued in the future was not issued by a sane clock
        if (typeof payload.iat === 'number' && payload.iat * 1000 > Date.now() + CLOCK_SKEW_MS) {
          return { ok: false, reason: 'invalid', detail: 'the token was issued in the future' };
        }
        const claims = tokenClaimsSchema.safeParse(payload);
        if (!claims.success) {
          return { ok: false, reason: 'claims', detail: `token claims are invalid: ${claims.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}` };
        }
        const { sub, role, org, territories } = claims.data;
        const principal = { id: sub, role, organisationId: org, territories };
        if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value!);
        verified.set(token, { principal, expiresAt: (payload.exp ?? 0) * 1000 });
        return { ok: true, principal };
      } catch (error) {
        if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired', detail: 'the token has expired' };
        return { ok: false, reason: 'invalid', detail: 'the token could not be verified' };
      }
    },
  };
}

export interface TokenRequest {
  subject: string;
  role: ApiRole;
  organisationId: string;
  territories: string[];
  ttlSeconds: number;
  issuer?: string;
  audience?: string;
}

/** Signs an HS256 token with the service's secret (what `parcours token` prints). */
export async function signToken(secret: Uint8Array, req: TokenRequest): Promise<string> {
  let jwt = new SignJWT({ role: req.role, org: req.organisationId, territories: req.territories })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(req.subject)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + req.ttlSeconds);
  if (req.issuer) jwt = jwt.setIssuer(req.issuer);
  if (req.audience) jwt = jwt.setAudience(req.audience);
  return jwt.sign(secret);
}
