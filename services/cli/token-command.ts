import { loadConfig } from '../../infra/config/config.js';
import { API_ROLES, tokenClaimsSchema, type ApiRole } from '../../infra/auth/principal.js';
import { resolveSigningSecret } from '../../infra/auth/signing-key.js';
import { signToken } from '../../infra/auth/tokens.js';
import { noMoreThan, parseOptions, UsageError, type Command } from './commands.js';

const DURATION = /^(\d+)([smhd])$/;
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const;
/** A token outliving a year is a standing credential: issue such ones from an identity provider. */
const MAX_TTL_SECONDS = 366 * 86400;

export const tokenCommand: Command = {
  words: ['token'],
  usage: 'parcours token --role R --org O [--territory T[,T2]] [--sub S] [--ttl 8h]',
  help: "Prints a bearer token signed with this data folder's secret (or PARCOURS_JWT_SECRET).",
  async run(args) {
    const { positional, options } = parseOptions(args, ['role', 'org', 'territory', 'sub', 'ttl']);
    noMoreThan(positional, 0);
    const role = options.role as ApiRole | undefined;
    if (!role || !API_ROLES.includes(role)) throw new UsageError(`--role must be one of ${API_ROLES.join(', ')}`);
    if (!options.org) throw new UsageError('--org is required (the organisation the token acts for)');
    const ttl = DURATION.exec(options.ttl ?? '8h');
    const ttlSeconds = ttl ? Number(ttl[1]) * UNIT_SECONDS[ttl[2] as keyof typeof UNIT_SECONDS] : 0;
    if (!ttl || ttlSeconds < 1 || ttlSeconds > MAX_TTL_SECONDS) throw new UsageError('--ttl is a duration from 1s to 366d, such as 30m, 8h or 7d');
    const config = loadConfig();
    if (config.PARCOURS_JWKS_URL) throw new UsageError('tokens come from your identity provider when PARCOURS_JWKS_URL is set');
    const secret = resolveSigningSecret(config.dataDir, config.PARCOURS_JWT_SECRET);
    const territories = (options.territory ?? '').split(',').map((t) => t.trim()).filter(Boolean);
    const subject = options.sub ?? `${role}@${options.org}`;
    // The service would refuse a token whose claims it cannot record: say so here instead.
    const claims = tokenClaimsSchema.safeParse({ sub: subject, role, org: options.org, territories });
    if (!claims.success) {
      throw new UsageError(`the token's claims would be refused: ${claims.error.issues.map((i) => `${cliOption(i.path[0])} ${i.message}`).join('; ')}`);
    }
    const token = await signToken(secret, {
      subject,
      role,
      organisationId: options.org,
      territories,
      ttlSeconds,
      ...(config.PARCOURS_JWT_ISSUER ? { issuer: config.PARCOURS_JWT_ISSUER } : {}),
      ...(config.PARCOURS_JWT_AUDIENCE ? { audience: config.PARCOURS_JWT_AUDIENCE } : {}),
    });
    console.log(token);
  },
};

const CLAIM_OPTIONS: Record<string, string> = { sub: '--sub', org: '--org', territories: '--territory' };
const cliOption = (claim: PropertyKey | undefined): string => CLAIM_OPTIONS[String(claim)] ?? String(claim);
