// What changes between two policy versions, for one pathway (read from its stream) and for a
// whole programme (read from the classification read model, which keeps each pathway's facts
// so no stream has to be scanned).
import type Database from 'better-sqlite3';
import {
  classifyPathway, comparePathway, compareProgramme, type PathwayClassification, type PathwayComparison, type PhasePolicy,
  type ProgrammeComparison, type RecordedFact,
} from '../../domain/phases/index.js';
import { TimeSlice } from '../../infra/runtime/time-slice.js';
import { programmeRows } from '../../projections/classification/classification-queries.js';
import { readPathwayFacts, revisionAsOf } from './pathway-facts.js';
import { policyById, type PhaseReads } from './phase-reads.js';

export async function comparePathwayVersions(
  reads: PhaseReads,
  pathwayId: string,
  fromId: string,
  toId: string,
): Promise<{ revision: number; comparison: PathwayComparison } | null> {
  const [from, to] = await policiesOf(reads, fromId, toId);
  const read = await readPathwayFacts(reads.store, pathwayId);
  if (!read) return null;
  return {
    revision: revisionAsOf(read.facts)!,
    comparison: comparePathway(classifyPathway(read.facts, from), classifyPathway(read.facts, to)),
  };
}

export async function compareProgrammeVersions(
  reads: PhaseReads,
  readDb: Database.Database,
  programme: string,
  fromId: string,
  toId: string,
  territories: string[] | null,
): Promise<ProgrammeComparison> {
  const [from, to] = await policiesOf(reads, fromId, toId);
  const rows: { pathwayId: string; a: PathwayClassification; b: PathwayClassification }[] = [];
  // Other requests are answered between slices of the comparison (time-slice.ts).
  const slice = new TimeSlice();
  for await (const row of programmeRows(readDb, programme, territories)) {
    if (slice.due()) await slice.pause();
    const under = (p: PhasePolicy) => lean(classifyPathway(row.facts as RecordedFact[], p));
    rows.push({ pathwayId: row.pathwayId, a: under(from), b: under(to) });
  }
  return compareProgramme(rows);
}

async function policiesOf(reads: PhaseReads, fromId: string, toId: string): Promise<[PhasePolicy, PhasePolicy]> {
  const { catalogue } = await reads.policies.current();
  return [policyById(catalogue, fromId, 'from'), policyById(catalogue, toId, 'to')];
}

/** The comparison does not read the reasoning, the largest part: drop it to keep memory flat. */
function lean(c: PathwayClassification): PathwayClassification {
  return { ...c, reasoning: [] };
}
