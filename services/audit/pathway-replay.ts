// The auditor's replay (GitHub issue 4, item 5): a pathway's state and classification rebuilt
// from its events as recorded up to an instant, under a policy version, with the reasoning
// rendered step by step. Shared by GET /v1/audit/pathways/{id}/replay and `parcours audit replay`.
import { renderReasoning, renderStep, type ReasoningLanguage } from '../../domain/phases/index.js';
import { toFullView } from '../../domain/pathway/index.js';
import { loadPathway } from '../pathways/load-pathway.js';
import type { ClassificationRead, PhaseReads } from '../phases/phase-reads.js';

export interface PathwayReplay extends ClassificationRead {
  asOf?: string;
  state: NonNullable<ReturnType<typeof toFullView>>;
  reasoning: { language: ReasoningLanguage; steps: string[]; text: string };
}

export interface ReplayOptions {
  asOf?: string;
  policyId?: string;
  lang: ReasoningLanguage;
}

/** Null when the pathway did not exist at `asOf` (or at all). */
export async function replayPathway(reads: PhaseReads, pathwayId: string, opts: ReplayOptions): Promise<PathwayReplay | null> {
  const read = await reads.replay(pathwayId, { ...(opts.policyId ? { policyId: opts.policyId } : {}), ...(opts.asOf ? { asOf: opts.asOf } : {}) });
  if (!read) return null;
  const loaded = await loadPathway(reads.store, pathwayId, opts.asOf ? new Date(opts.asOf) : undefined);
  if (!loaded) return null;
  const c = read.classification;
  return {
    ...read,
    ...(opts.asOf ? { asOf: opts.asOf } : {}),
    state: toFullView(loaded.state)!,
    reasoning: { language: opts.lang, steps: c.reasoning.map((s) => renderStep(s, opts.lang)), text: renderReasoning(c, opts.lang) },
  };
}
