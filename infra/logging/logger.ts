import { pino, type Logger, type LoggerOptions } from 'pino';
import { PERSONAL_DATA_KEYS } from '../../contracts/personal-data.js';

/** Credentials, besides the personal-data fields the contracts name. */
const SECRET_KEYS = ['authorization', 'cookie', 'password', 'token', 'secret'];

export const REDACTED_KEYS: readonly string[] = [...SECRET_KEYS, ...PERSONAL_DATA_KEYS];

const CENSOR = '[redacted]';
const MAX_DEPTH = 8;

/**
 * A copy of a log object with every personal or secret field censored, at any depth. It runs
 * when a line is written (pino's log formatter), not when a request's child logger is made, so
 * the per-request cost is nil at quiet log levels. Class instances (errors, requests) are left
 * to their serializers, which emit no bodies and no credentials.
 */
export function scrub(value: unknown, keys: ReadonlySet<string>, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, keys, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = keys.has(k) ? CENSOR : scrub(v, keys, depth + 1);
  return out;
}

export function loggerOptions(level: string, extraKeys: readonly string[] = []): LoggerOptions {
  const keys = new Set([...REDACTED_KEYS, ...extraKeys]);
  return {
    level,
    formatters: { log: (object) => scrub(object, keys) as Record<string, unknown> },
  };
}

export function createLogger(level: string, extraKeys: readonly string[] = []): Logger {
  return pino(loggerOptions(level, extraKeys));
}
