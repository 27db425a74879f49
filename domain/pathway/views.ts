// Read views of one pathway built from its state.
// - Outcome view: for referrers and partner systems. Outcome-level facts only: where the
//   pathway stands, which kinds of help it led to, how it ended. No personal data at all: no
//   name, contact, address, income, debts, bills, health, free text or people's names.
//   Nor orientations towards health services (outcome-withheld.ts), which would tell of health.
// - Full view: everything the state holds, for the visit officer and the coordinator.
import {
  ORIENTATION_CATEGORY_DATA_INCLUSION_THEMES, type ExitType, type OrientationCategory, type OrientationStatus,
  type ProgrammeId, type ReferrerKind,
} from '../../contracts/enums.js';
import { defined } from './rules/common.js';
import { withheldFromOutcome } from './outcome-withheld.js';
import type { PathwayStage } from './stage.js';
import {
  activeMeasure, activePause, currentExit, stayStartedOn, type OrientationState, type PathwayState, type PathwayStatus, type ReferredPathway,
} from './state.js';

export interface OutcomeView {
  pathwayId: string;
  programme: ProgrammeId;
  territory: { code: string; label?: string };
  /** The referring organisation by id and kind only: a name could be a private person's. */
  referringOrganisation: { id?: string; kind: ReferrerKind };
  status: PathwayStatus;
  stage: PathwayStage;
  referredOn: string;
  entry: { decision: 'accepted' | 'rejected'; decidedOn: string } | null;
  diagnosticVisitDates: string[];
  orientations: Array<{
    orientationId: string;
    category: OrientationCategory;
    dataInclusionThemes: readonly string[];
    status: OrientationStatus;
    proposedOn: string;
    statusChangedOn: string;
  }>;
  measure: { startDate: string; endsOn: string; totalMonths: number; closedOn: string | null } | null;
  exit: { exitType: ExitType; exitDate: string } | null;
  exits: Array<{ exitType: ExitType; exitDate: string; reopenedOn: string | null }>;
  reopenCount: number;
  lastActivityOn: string;
}

export function toOutcomeView(state: PathwayState): OutcomeView | null {
  if (state === null) return null;
  const exit = currentExit(state);
  const measure = state.measure;
  return {
    pathwayId: state.id,
    programme: state.programme,
    territory: defined({ code: state.territory.code, label: state.territory.label }),
    referringOrganisation: defined({ id: state.referrer.organisationId, kind: state.referrer.organisationKind }),
    status: state.status,
    stage: state.outcomeStage,
    referredOn: state.referredOn,
    entry: state.entry ? { decision: state.entry.decision, decidedOn: state.entry.decidedOn } : null,
    diagnosticVisitDates: state.diagnostics.map((d) => d.visitDate),
    orientations: Object.values(state.orientations).filter(shownInOutcome).map(orientationOutcome),
    measure: measure
      ? { startDate: measure.startDate, endsOn: measure.endsOn, totalMonths: measure.totalMonths, closedOn: measure.closedOn }
      : null,
    exit: exit ? { exitType: exit.exitType, exitDate: exit.exitDate } : null,
    exits: state.exits.map((e) => ({ exitType: e.exitType, exitDate: e.exitDate, reopenedOn: e.reopenedOn })),
    reopenCount: state.reopenCount,
    lastActivityOn: state.lastActivityOn,
  };
}

function shownInOutcome(o: OrientationState): boolean {
  return !withheldFromOutcome(o.category);
}

function orientationOutcome(o: OrientationState): OutcomeView['orientations'][number] {
  return {
    orientationId: o.orientationId,
    category: o.category,
    dataInclusionThemes: ORIENTATION_CATEGORY_DATA_INCLUSION_THEMES[o.category],
    status: o.status,
    proposedOn: o.proposedOn,
    statusChangedOn: o.statusChangedOn,
  };
}

export type FullView = Omit<ReferredPathway, 'contacts' | 'stayBegins' | 'outcomeStage'> & {
  /** Support contacts by contactId, as the API has always published them (the state keeps a journal). */
  contacts: Record<string, ReferredPathway['contacts'][number]>;
  stayStartedOn: string;
  activePause: ReturnType<typeof activePause>;
  currentExit: ReturnType<typeof currentExit>;
  measureInProgress: ReturnType<typeof activeMeasure>;
};

/**
 * Everything, for roles entitled to the household's whole story. States are immutable values
 * (evolve returns new objects), so the view shares them instead of copying: callers must not
 * mutate it. It is built once per revision for GET (the body cache), so the keyed copy of the
 * contacts costs nothing on the hot path.
 */
export function toFullView(state: PathwayState): FullView | null {
  if (state === null) return null;
  const contacts: FullView['contacts'] = {};
  for (const c of state.contacts) contacts[c.contactId] = c;
  const { stayBegins: _internal, outcomeStage: _outcomeOnly, ...shown } = state;
  return { ...shown, stayStartedOn: stayStartedOn(state), contacts, activePause: activePause(state), currentExit: currentExit(state), measureInProgress: activeMeasure(state) };
}
