import { pino, type Logger, type LoggerOptions } from 'pino';

/**
 * Field names that hold personal data (income, debts, bills, health, identity, contact).
 * They are censored wherever they appear up to four levels deep in a log line.
 */
export const REDACTED_KEYS = [
  'authorization',
  'cookie',
  'password',
  'token',
  'firstName',
  'lastName',
  'fullName',
  'name',
  'birthDate',
  'email',
  'phone',
  'address',
  'household',
  'income',
  'incomes',
  'annualIncome',
  'monthlyIncome',
  'debts',
  'debt',
  'bills',
  'energyBills',
  'waterBills',
  'repaymentPlans',
  'health',
  'healthIssues',
  'composition',
  'budget',
  'charges',
];

export function redactPaths(keys: readonly string[] = REDACTED_KEYS): string[] {
  const paths: string[] = [];
  for (const k of keys) {
    paths.push(k, `*.${k}`, `*.*.${k}`, `*.*.*.${k}`);
  }
  paths.push('req.headers.authorization', 'req.headers.cookie');
  return paths;
}

export function loggerOptions(level: string, extraKeys: readonly string[] = []): LoggerOptions {
  return {
    level,
    redact: { paths: redactPaths([...REDACTED_KEYS, ...extraKeys]), censor: '[redacted]' },
  };
}

export function createLogger(level: string, extraKeys: readonly string[] = []): Logger {
  return pino(loggerOptions(level, extraKeys));
}
