// Phase policies: the explicit, versioned rules that turn recorded facts into phases
// (domain README §4). A policy is data, so a history can be read under the 2025 rules and a
// later version side by side, and an admin can add a version at runtime without a deploy.
import { z } from 'zod';

export interface PhasePolicyParams {
  /** A gap of at least this many days between support activities is an observed pause. */
  pauseDays: number;
  /** One-year follow-up window, in days after the diagnostic (both bounds inclusive). */
  n1MinDays: number;
  n1MaxDays: number;
  /** Due date of the follow-up (diagnostic + n1TargetDays), used by worklists. */
  n1TargetDays: number;
  /** When true, a contact declaring a new problem category opens a new support episode. */
  splitEpisodeOnNewProblem: boolean;
}

export interface PhasePolicy {
  name: string;
  version: string;
  /** `${name}@${version}`: the key stored next to every read computed under this policy. */
  id: string;
  /** Inclusive range of business dates in which this version applies by default. */
  effectiveFrom: string;
  effectiveTo?: string;
  params: PhasePolicyParams;
}

const dayCount = z.int().positive().max(3650);

export const phasePolicyParamsSchema = z
  .object({
    pauseDays: dayCount,
    n1MinDays: dayCount,
    n1MaxDays: dayCount,
    n1TargetDays: dayCount,
    splitEpisodeOnNewProblem: z.boolean(),
  })
  .strict()
  .superRefine((p, ctx) => {
    // The due date must sit inside the window, otherwise worklists would chase a date on
    // which no contact could count as the follow-up.
    if (!(p.n1MinDays < p.n1TargetDays)) {
      ctx.addIssue({ code: 'custom', path: ['n1TargetDays'], message: 'n1TargetDays must be greater than n1MinDays' });
    }
    if (!(p.n1TargetDays < p.n1MaxDays)) {
      ctx.addIssue({ code: 'custom', path: ['n1MaxDays'], message: 'n1MaxDays must be greater than n1TargetDays' });
    }
  });

/**
 * A version as an admin submits it. `id` is derived; when sent anyway it must match, so a
 * client cannot register a version under a misleading key.
 */
export const phasePolicySchema = z
  .object({
    name: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase words separated by hyphens'),
    version: z.string().regex(/^[0-9A-Za-z]+(?:[.-][0-9A-Za-z]+)*$/, 'e.g. 2025.1'),
    id: z.string().optional(),
    effectiveFrom: z.iso.date(),
    effectiveTo: z.iso.date().optional(),
    params: phasePolicyParamsSchema,
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.effectiveTo !== undefined && p.effectiveTo < p.effectiveFrom) {
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: 'effectiveTo must not precede effectiveFrom' });
    }
    if (p.id !== undefined && p.id !== `${p.name}@${p.version}`) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: 'id must be name@version' });
    }
  });

export type PhasePolicyInput = z.input<typeof phasePolicySchema>;

/** Builds a policy from an already validated submission (use phasePolicySchema first). */
export function makePhasePolicy(input: z.output<typeof phasePolicySchema>): PhasePolicy {
  const policy: PhasePolicy = {
    name: input.name,
    version: input.version,
    id: `${input.name}@${input.version}`,
    effectiveFrom: input.effectiveFrom,
    params: { ...input.params },
  };
  if (input.effectiveTo !== undefined) policy.effectiveTo = input.effectiveTo;
  return policy;
}

/** Validates an admin submission; issues carry field paths for problem+json responses. */
export function parsePhasePolicy(raw: unknown):
  | { ok: true; policy: PhasePolicy }
  | { ok: false; issues: { path: string; message: string }[] } {
  const r = phasePolicySchema.safeParse(raw);
  if (r.success) return { ok: true, policy: makePhasePolicy(r.data) };
  return {
    ok: false,
    issues: r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  };
}

/** Slime+ 2022-2025 practice as the workshop report describes it (sources/003). */
export const DEFAULT_PHASE_POLICY: PhasePolicy = deepFreeze({
  name: 'slime-plus-2025',
  version: '2025.1',
  id: 'slime-plus-2025@2025.1',
  effectiveFrom: '2022-01-01',
  params: {
    pauseDays: 90,
    n1MinDays: 180,
    n1MaxDays: 730,
    n1TargetDays: 365,
    splitEpisodeOnNewProblem: false,
  },
});

export class PolicyCatalogueError extends Error {
  constructor(
    readonly code: 'policy.duplicate' | 'policy.invalid',
    message: string,
  ) {
    super(message);
    this.name = 'PolicyCatalogueError';
  }
}

/**
 * In-memory registry of policy versions. Pure: persistence is the caller's job, which loads
 * the stored versions and adds them here. Stored policies are frozen copies, so no caller can
 * change a version after other reads were computed under it.
 */
export class PolicyCatalogue {
  readonly #byId = new Map<string, PhasePolicy>();

  constructor(initial: readonly PhasePolicy[] = [DEFAULT_PHASE_POLICY]) {
    for (const p of initial) this.add(p);
  }

  add(policy: PhasePolicy): PhasePolicy {
    if (this.#byId.has(policy.id)) {
      throw new PolicyCatalogueError('policy.duplicate', `policy ${policy.id} already exists`);
    }
    const checked = phasePolicySchema.safeParse(policy);
    if (!checked.success) {
      throw new PolicyCatalogueError('policy.invalid', `policy ${policy.id} is invalid: ${checked.error.message}`);
    }
    const stored = deepFreeze(makePhasePolicy(checked.data));
    this.#byId.set(stored.id, stored);
    return stored;
  }

  get(id: string): PhasePolicy | undefined {
    return this.#byId.get(id);
  }

  /** Oldest first, so a listing reads as the history of the rules. */
  list(): PhasePolicy[] {
    return [...this.#byId.values()].sort(
      (a, b) => cmp(a.effectiveFrom, b.effectiveFrom) || cmp(a.id, b.id),
    );
  }

  /**
   * The version in force on a business date. When ranges overlap, the one that took effect
   * last wins (a newer version supersedes an open-ended older one without editing it); ties
   * go to the greater id, so the answer never depends on insertion order.
   */
  effectiveAt(date: string): PhasePolicy | undefined {
    const day = date.slice(0, 10);
    const inForce = this.list().filter(
      (p) => p.effectiveFrom <= day && (p.effectiveTo === undefined || day <= p.effectiveTo),
    );
    return inForce[inForce.length - 1];
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
