// Field names whose values are personal data (identity, contact, income, debts, bills, health,
// family situation) or free text that may contain some. The logger redacts them, the outcome
// view strips them, erasure on request targets them. Matching is by key name at any depth, so a
// new schema field with one of these names is covered without touching this list.

export const PERSONAL_DATA_KEYS = [
  // identity and contact of the household
  'household', 'identity', 'lastName', 'firstName', 'birthYear', 'contact', 'phone', 'email',
  'address', 'line1', 'line2', 'postalCode', 'inseeCode', 'landlord',
  // the partner's own file number for the household, and the referring organisation's name
  // (which may be a private person's: a neighbour, a landlord)
  'externalReference', 'organisationName',
  // people named in the record (referrer's person, visitors, landlords, participants, officers, deciders)
  'name', 'personName', 'personRole', 'visitors', 'participants', 'officerName', 'deciderName', 'approvedBy', 'validatedBy',
  // consent record
  'consent',
  // budget: income, debts, bills, spending
  'income', 'annualDisposableIncome', 'monthlyNetIncome', 'sources', 'debts', 'repaymentPlan', 'bills', 'billsAfter',
  'annualEnergySpending', 'annualEnergySpendingAfter', 'annualIncomeAfter', 'meterReading', 'monthlyInstalmentEuros',
  // household situation, dwelling and habits as observed at home
  'composition', 'compositionAfter', 'familySituation', 'findings', 'comfort', 'satisfaction',
  // free text: may name people or describe health and family matters
  'note', 'notes', 'reason', 'endReason', 'reopenReason', 'difficultyNote', 'problemNote', 'summary', 'comment', 'objectives', 'workedOn', 'pendingPoints',
] as const;

export type PersonalDataKey = (typeof PERSONAL_DATA_KEYS)[number];

const personalKeys: ReadonlySet<string> = new Set(PERSONAL_DATA_KEYS);

export function isPersonalDataKey(key: string): boolean {
  return personalKeys.has(key);
}

/** A deep copy of a JSON-like value without any personal-data key, at any depth. */
export function stripPersonalData<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => stripPersonalData(item)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (personalKeys.has(key)) continue;
      // An own "__proto__" key (JSON.parse makes them) stays a key, not the copy's prototype.
      if (key === '__proto__') Object.defineProperty(out, key, { value: stripPersonalData(inner), enumerable: true, writable: true, configurable: true });
      else out[key] = stripPersonalData(inner);
    }
    return out as T;
  }
  return value;
}

/**
 * `JSON.stringify(stripPersonalData(value))` for a JSON-like value, written in one pass: the
 * keys are dropped as the text is written, without the stripped copy.
 */
export function jsonWithoutPersonalData(value: unknown): string {
  return JSON.stringify(value, dropPersonalData);
}

const dropPersonalData = (key: string, inner: unknown): unknown => (personalKeys.has(key) ? undefined : inner);

/** Paths for pino's `redact` option: each key at the top level and at any depth below. */
export const PERSONAL_DATA_REDACT_PATHS: readonly string[] = PERSONAL_DATA_KEYS.flatMap((key) => [key, `*.${key}`]);
