// Payloads of the phase classification read model (GitHub issue 4): episodes, flags, activity
// phases, quota status and the reasoning, each explained in French and English. Rule ids and
// flag codes are listed here because partner systems and auditors branch on them: they are
// part of the published contract and never renamed.
import { z } from 'zod';
import { declaredPhaseSchema, settledPhaseSchema } from '../enums.js';
import { phasePolicyParamsDocument } from '../policies/phase-policy.js';

export const bilingualSchema = z.object({ fr: z.string(), en: z.string() }).meta({ id: 'Bilingual' });

export const PHASES = ['pre_diagnostic', 'diagnostic', 'reinforced_support', 'one_year_follow_up', 'evaluation', 'other', 'unclassifiable'] as const;
export const phaseSchema = z.enum(PHASES).describe('Phase an activity is derived to; unclassifiable = the policy cannot decide');

export const EPISODE_KINDS = [
  'pre_diagnostic', 'diagnostic', 'orientation', 'reinforced_support', 'observed_pause', 'declared_pause', 'one_year_follow_up', 'evaluation', 'exit',
] as const;

export const RULE_IDS = [
  'pre.before_diagnostic', 'diag.completed', 'diag.new_cycle', 'diag.complementary', 'orientation.proposed', 'rs.after_orientation',
  'rs.continuation', 'rs.new_problem', 'rs.after_pause', 'n1.after_pause_in_window', 'n1.continuation', 'n1.window', 'pause.observed',
  'pause.declared', 'eval.never_support', 'unclassifiable.no_orientation', 'other.scheduling_after_diagnostic', 'conflict.declared_vs_derived',
  'settlement.override', 'settlement.unknown_event', 'exit.recorded', 'exit.reopened', 'exit.ignored_activity', 'input.invalid',
  'policy.applied', 'quota.summary',
] as const;
export const ruleIdSchema = z.enum(RULE_IDS).describe('Stable id of the rule that produced the element');

export const FLAG_CODES = [
  'follow_up.too_early', 'follow_up.too_late', 'activity.unclassifiable', 'activity.after_exit', 'phase.declared_conflict',
  'diagnostic.complementary', 'settlement.unknown_event', 'pause.end_without_declaration', 'event.invalid',
] as const;
export const flagCodeSchema = z.enum(FLAG_CODES);

export const settlementNoteSchema = z
  .object({
    settlementId: z.string(),
    eventId: z.string().describe('The settled event'),
    phase: settledPhaseSchema.describe("The coordinator's decision"),
    by: z.string().describe('Actor id of the coordinator'),
    reason: z.string(),
    settledOn: z.string(),
    derivedPhase: phaseSchema.describe('What the policy derives for the event, shown beside the decision'),
  })
  .meta({ id: 'PhaseSettlementNote' });

export const flagSchema = z
  .object({
    code: flagCodeSchema,
    eventIds: z.array(z.string()),
    rule: ruleIdSchema,
    explanation: bilingualSchema,
    settled: z.boolean().optional().describe("True once a coordinator's settlement covers every event of the flag"),
    declaredPhase: declaredPhaseSchema.optional(),
    derivedPhase: phaseSchema.optional(),
  })
  .meta({ id: 'PhaseFlag' });

export const episodeSchema = z
  .object({
    kind: z.enum(EPISODE_KINDS),
    startDate: z.string(),
    endDate: z.string().optional().describe('Absent while the episode is still open'),
    eventIds: z.array(z.string()),
    rule: ruleIdSchema,
    explanation: bilingualSchema,
    settled: z.array(settlementNoteSchema).optional(),
    flags: z.array(flagCodeSchema).optional(),
  })
  .meta({ id: 'PhaseEpisode' });

export const activitySchema = z
  .object({
    eventId: z.string(),
    type: z.string(),
    date: z.string(),
    derivedPhase: phaseSchema,
    declaredPhase: declaredPhaseSchema.optional(),
    settledPhase: settledPhaseSchema.optional(),
    effectivePhase: phaseSchema.describe('The settled phase when a coordinator decided, else the derived one'),
    rule: ruleIdSchema,
    explanation: bilingualSchema,
  })
  .meta({ id: 'ActivityClassification' });

export const quotaStatusSchema = z
  .object({
    hasReinforcedSupport: z.boolean(),
    hasFollowUp: z.boolean(),
    followUpDueOn: z.string().optional().describe('Diagnostic of the current cycle + n1TargetDays'),
    followUpDone: z.string().optional(),
  })
  .meta({ id: 'QuotaStatus' });

export const reasoningStepSchema = z
  .object({
    n: z.number().int(),
    date: z.string().optional(),
    eventId: z.string().optional(),
    subject: bilingualSchema.optional(),
    rule: ruleIdSchema,
    text: bilingualSchema,
  })
  .meta({ id: 'ReasoningStep' });

export const classificationSchema = z
  .object({
    policyId: z.string(),
    params: phasePolicyParamsDocument,
    asOf: z.string().optional(),
    factsConsidered: z.number().int(),
    episodes: z.array(episodeSchema),
    flags: z.array(flagSchema),
    activities: z.array(activitySchema),
    quota: quotaStatusSchema,
    reasoning: z.array(reasoningStepSchema),
  })
  .meta({ id: 'PathwayClassification' });

export const classificationQuery = z.strictObject({
  policy: z.string().min(1).max(100).optional().describe('Policy version id (name@version); default: the version in force on the asOf date, or today'),
  asOf: z.iso.datetime({ offset: true }).optional().describe('Classify the facts as recorded up to this instant (ISO 8601)'),
});

export const classificationResourceSchema = z
  .object({
    pathwayId: z.string(),
    revision: z.number().int().describe('Last stream revision the classification reflects'),
    source: z.enum(['read_model', 'replay']).describe('read_model: the live projection; replay: computed from the events for this request'),
    policyId: z.string(),
    asOf: z.string().optional(),
    classification: classificationSchema,
  })
  .meta({ id: 'PathwayClassificationResource' });

export const comparisonQuery = z.strictObject({
  from: z.string().min(1).max(100).describe('Policy version id read first (A)'),
  to: z.string().min(1).max(100).describe('Policy version id read second (B)'),
});

const activityChangeSchema = z.object({
  eventId: z.string(),
  phaseA: phaseSchema.optional(),
  phaseB: phaseSchema.optional(),
  ruleA: ruleIdSchema.optional(),
  ruleB: ruleIdSchema.optional(),
});

const flip = z.object({ a: z.boolean(), b: z.boolean() });
export const quotaChangeSchema = z.object({ hasReinforcedSupport: flip.optional(), hasFollowUp: flip.optional() }).meta({ id: 'QuotaChange' });

export const pathwayComparisonSchema = z
  .object({
    policyA: z.string(),
    policyB: z.string(),
    changed: z.boolean(),
    episodesOnlyInA: z.array(episodeSchema),
    episodesOnlyInB: z.array(episodeSchema),
    activityChanges: z.array(activityChangeSchema),
    settledUnchanged: z.array(z.string()).describe('Settled events: the decision holds under both versions'),
    flagsOnlyInA: z.array(flagSchema),
    flagsOnlyInB: z.array(flagSchema),
    quotaChange: quotaChangeSchema.optional(),
  })
  .meta({ id: 'PathwayClassificationComparison' });

export const pathwayComparisonResourceSchema = z
  .object({ pathwayId: z.string(), revision: z.number().int(), from: z.string(), to: z.string(), comparison: pathwayComparisonSchema })
  .meta({ id: 'PathwayComparisonResource' });

const countPair = z.object({ a: z.number().int(), b: z.number().int(), shareA: z.number(), shareB: z.number() });

export const programmeComparisonResourceSchema = z
  .object({
    programme: z.string(),
    from: z.string(),
    to: z.string(),
    scope: z.enum(['all', 'territories']).describe("territories: a coordinator's comparison covers the pathways of their territories only"),
    territories: z.array(z.string()).optional(),
    comparison: z.object({
      pathways: z.number().int(),
      changed: z.number().int(),
      unchanged: z.number().int(),
      reinforcedSupport: countPair,
      followUp: countPair,
      episodeChanges: z.number().int(),
      activityChanges: z.number().int(),
      changedPathwayIds: z.array(z.string()),
      quotaChanges: z.array(quotaChangeSchema.extend({ pathwayId: z.string() })).describe('Households whose quota status changes'),
    }),
  })
  .meta({ id: 'ProgrammeComparisonResource' });
