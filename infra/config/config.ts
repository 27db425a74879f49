import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

/** Every environment variable the service reads, with its default (documented in the README). */
export const configSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PARCOURS_DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PARCOURS_STORE: z.enum(['sqlite']).default('sqlite'),
  PARCOURS_STORE_WRITER: z.enum(['inline', 'thread']).default('inline'),
  PARCOURS_STORE_BUSY_TIMEOUT_MS: positiveInt.default(5000),
  PARCOURS_PROJECTIONS: z.enum(['worker', 'inline']).default('worker'),
  PARCOURS_PROJECTION_PRIORITY: z.enum(['idle', 'low', 'normal']).default('idle'),
  PARCOURS_BODY_LIMIT_BYTES: positiveInt.default(1_048_576),
  PARCOURS_READY_MAX_LAG: z.coerce.number().int().min(0).default(10_000),
  PARCOURS_SHUTDOWN_TIMEOUT_MS: positiveInt.default(10_000),
  PARCOURS_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  PARCOURS_JWKS_URL: z.url().optional(),
  PARCOURS_JWT_ISSUER: z.string().min(1).optional(),
  PARCOURS_JWT_AUDIENCE: z.string().min(1).optional(),
});

export type Config = z.infer<typeof configSchema> & { dataDir: string };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment; a bad value stops start-up with a message naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked = Object.fromEntries(Object.keys(configSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const parsed = configSchema.safeParse(picked);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}=${shown(String(i.path[0]), picked[String(i.path[0])])}: ${i.message}`));
  }
  if (parsed.data.PARCOURS_JWT_SECRET && parsed.data.PARCOURS_JWKS_URL) {
    throw new ConfigError(['PARCOURS_JWT_SECRET and PARCOURS_JWKS_URL: set one of them, not both']);
  }
  const dir = parsed.data.PARCOURS_DATA_DIR;
  return { ...parsed.data, dataDir: isAbsolute(dir) ? dir : resolve(process.cwd(), dir) };
}

/** A rejected value, quoted so the operator sees what was read, except a secret's: only its length. */
function shown(name: string, value: string | undefined): string {
  if (value !== undefined && /SECRET|PASSWORD|TOKEN|KEY/.test(name)) return `<${value.length} characters, not shown>`;
  return JSON.stringify(value);
}
