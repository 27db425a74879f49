// Public surface of the phase engine (GitHub issue 4): policies, classification, comparison
// and the auditor's account. Everything else in this folder is internal.
export type { RecordedFact } from './input.js';
export {
  DEFAULT_PHASE_POLICY, PolicyCatalogue, PolicyCatalogueError, makePhasePolicy, parsePhasePolicy,
  phasePolicyParamsSchema, phasePolicySchema,
} from './policy.js';
export type { PhasePolicy, PhasePolicyInput, PhasePolicyParams } from './policy.js';
export { classifyPathway } from './classify.js';
export type { ClassifyOptions } from './classify.js';
export { RULES } from './model.js';
export type {
  ActivityClassification, Bilingual, DeclaredPhase, Episode, EpisodeKind, Flag, FlagCode, PathwayClassification,
  Phase, QuotaStatus, ReasoningStep, RuleId, SettledPhase, SettlementNote,
} from './model.js';
export { comparePathway, compareProgramme } from './compare.js';
export type { ActivityChange, PathwayComparison, ProgrammeComparison, QuotaChange } from './compare.js';
export { renderReasoning, renderStep } from './reasoning.js';
export type { ReasoningLanguage } from './reasoning.js';
