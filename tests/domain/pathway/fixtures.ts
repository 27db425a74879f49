// Facts and commands for the stories, with plausible defaults that each story overrides.
// Dates sit in 2026 before the fixed clock (15 September 2026).
import type { ExitType, OrientationCategory, OrientationTargetStatus, ProgrammeId, Tenure } from '../../../contracts/enums.js';
import type { PathwayEvent, PathwayEventDataMap } from '../../../contracts/events/index.js';
import type { CommandInput } from './given.js';

export const PATHWAY_ID = 'pw-1';
export const REFERRED_ON = '2026-06-02';

const household = (tenure: Tenure) => ({
  identity: { lastName: 'Martin', firstName: 'Claire', birthYear: 1971 },
  contact: { phone: '06 12 34 56 78', email: 'claire.martin@example.org' },
  address: { line1: '12 rue des Tilleuls', postalCode: '62100', city: 'Calais' },
  tenure,
  ...(tenure === 'private_tenant' ? { landlord: { name: 'M. Durand', kind: 'private' as const } } : {}),
  difficulties: ['unpaid_energy_bills' as const, 'cold_home' as const],
});

const referralData = (programme: ProgrammeId, referredOn: string, tenure: Tenure) => ({
  programme,
  referredOn,
  channel: 'referral_form' as const,
  referrer: {
    organisationId: 'org-mds-calais',
    organisationName: 'MDS du Calaisis',
    organisationKind: 'department_service' as const,
    personName: 'Sophie Leroy',
  },
  household: household(tenure),
  territory: { code: 'calaisis', label: 'Calaisis' },
  consent: { given: true, givenOn: referredOn, givenBy: 'household' as const, method: 'written' as const },
});

type Ev<K extends keyof PathwayEventDataMap> = { type: K; data: PathwayEventDataMap[K] };
const ev = <K extends keyof PathwayEventDataMap>(type: K, data: PathwayEventDataMap[K]) => ({ type, data }) as Ev<K> & PathwayEvent;

export const decidedBy = { actorId: 'user-coordinator', role: 'coordinator', organisationId: 'org-operator' };

export const events = {
  referred: (o: { programme?: ProgrammeId; referredOn?: string; tenure?: Tenure } = {}) =>
    ev('HouseholdReferred', { pathwayId: PATHWAY_ID, ...referralData(o.programme ?? 'slime-plus', o.referredOn ?? REFERRED_ON, o.tenure ?? 'private_tenant') }),
  accepted: (decidedOn = '2026-06-05') => ev('EntryAccepted', { decidedOn, decidedBy }),
  rejected: (decidedOn = '2026-06-05') => ev('EntryRejected', { decidedOn, decidedBy, reason: 'Hors critères de ressources' }),
  attempt: (attemptId: string, attemptedOn: string, channel: 'phone' | 'home_visit' = 'home_visit', outcome: 'reached' | 'no_answer' | 'refused' = 'no_answer') =>
    ev('ContactAttempted', { attemptId, attemptedOn, channel, outcome }),
  diagnostic: (visitId = 'visit-1', visitDate = '2026-06-20') => ev('DiagnosticVisitCompleted', diagnosticData(visitId, visitDate)),
  report: (reportId = 'report-1', visitId = 'visit-1', issuedOn = '2026-06-25') =>
    ev('DiagnosticReportIssued', { reportId, visitId, issuedOn, parts: ['family_summary', 'technical_summary'] }),
  orientation: (orientationId: string, proposedOn = '2026-06-25', category: OrientationCategory = 'financial_aid_fsl') =>
    ev('OrientationProposed', { orientationId, proposedOn, category, relayActor: { name: 'FSL Pas-de-Calais', kind: 'fsl' } }),
  orientationStatus: (orientationId: string, status: OrientationTargetStatus, changedOn: string) =>
    ev('OrientationStatusChanged', { orientationId, status, changedOn }),
  contact: (contactId: string, contactDate: string, extra: Partial<PathwayEventDataMap['SupportContactRecorded']> = {}) =>
    ev('SupportContactRecorded', { contactId, contactDate, channel: 'phone', participants: ['Julie Caron'], orientationIds: [], evaluationOnly: false, ...extra }),
  pause: (startDate: string) => ev('PauseDeclared', { startDate, reason: 'Ménage indisponible, attente des travaux' }),
  pauseEnded: (endDate: string) => ev('PauseEnded', { endDate }),
  exited: (exitDate: string, exitType: ExitType = 'contact_lost') =>
    ev('PathwayExited', { exitDate, exitType, ...(exitType === 'completed' ? {} : { reason: 'Plus de réponse aux appels' }) }),
  exitReported: (exitDate: string, reportedOn: string, recipients: Array<'coordinator' | 'referrer'>) =>
    ev('ExitReported', { exitDate, reportedOn, recipients }),
  reopened: (reopenedOn: string) => ev('PathwayReopened', { reopenedOn, reason: 'Nouvelle demande du ménage' }),
  contract: (measureStartDate = '2026-07-01', durationMonths = 3, contractId = 'contract-1') =>
    ev('MeasureContractSigned', { contractId, signedOn: measureStartDate, measureStartDate, durationMonths }),
  review: (reviewId: string, reviewDate: string, kind: 'intermediate' | 'final', monthMark?: number, signedByHousehold = true) =>
    ev('PeriodicReviewRecorded', { reviewId, reviewDate, kind, signedByHousehold, ...(monthMark === undefined ? {} : { monthMark }) }),
  renewed: (renewedOn: string, additionalMonths: number) =>
    ev('MeasureRenewed', { renewedOn, additionalMonths, exceptional: false, reason: 'Travaux pas terminés' }),
};

export function diagnosticData(visitId: string, visitDate: string): PathwayEventDataMap['DiagnosticVisitCompleted'] {
  return {
    visitId,
    visitDate,
    season: 'summer',
    visitors: [
      { name: 'Julie Caron', role: 'social_worker' },
      { name: 'Marc Petit', role: 'energy_technician', organisation: 'Espace conseil énergie' },
    ],
    findings: {
      dwelling: { dwellingType: 'house', insulation: 'poor', dampness: true },
      equipment: { mainHeating: 'electricity', obsoleteEquipment: true },
      habits: { heatingSelfRestriction: true },
    },
    composition: { personsAged14OrMore: 2, childrenUnder14: 1, familySituation: 'couple_with_children' },
    income: { annualDisposableIncome: 16800 },
    bills: [{ utility: 'electricity', supplier: 'EDF', periodStart: '2025-06-01', periodEnd: '2026-05-31', amountEuros: 1850, consumption: { value: 9200, unit: 'kwh' } }],
    annualEnergySpending: 1850,
    debts: [{ kind: 'energy', creditor: 'EDF', amountEuros: 640, repaymentPlan: { monthlyAmountEuros: 40 } }],
    equipmentInstalled: [{ kind: 'led_bulb', quantity: 6 }],
  };
}

export const commands = {
  refer: (o: { programme?: ProgrammeId; referredOn?: string; tenure?: Tenure; pathwayId?: string } = {}): CommandInput => ({
    type: 'ReferHousehold',
    data: { ...(o.pathwayId ? { pathwayId: o.pathwayId } : {}), ...referralData(o.programme ?? 'slime-plus', o.referredOn ?? REFERRED_ON, o.tenure ?? 'private_tenant') },
  }),
  acceptEntry: (decidedOn = '2026-06-05'): CommandInput => ({ type: 'AcceptEntry', data: { decidedOn } }),
  rejectEntry: (decidedOn = '2026-06-05'): CommandInput => ({ type: 'RejectEntry', data: { decidedOn, reason: 'Hors critères de ressources' } }),
  attempt: (attemptedOn: string, channel: 'phone' | 'home_visit' = 'phone', outcome: 'reached' | 'no_answer' = 'reached'): CommandInput => ({
    type: 'AttemptContact',
    data: { attemptedOn, channel, outcome },
  }),
  diagnostic: (visitDate = '2026-06-20', visitId?: string): CommandInput => {
    const { visitId: _ignored, ...rest } = diagnosticData('unused', visitDate);
    return { type: 'CompleteDiagnosticVisit', data: { ...rest, ...(visitId ? { visitId } : {}) } };
  },
  propose: (proposedOn = '2026-06-25', category: OrientationCategory = 'financial_aid_fsl', orientationId?: string): CommandInput => ({
    type: 'ProposeOrientation',
    data: { proposedOn, category, relayActor: { name: 'FSL Pas-de-Calais', kind: 'fsl' }, ...(orientationId ? { orientationId } : {}) },
  }),
  changeStatus: (orientationId: string, status: OrientationTargetStatus, changedOn: string): CommandInput => ({
    type: 'ChangeOrientationStatus',
    data: { orientationId, status, changedOn },
  }),
  contact: (contactDate: string, extra: Record<string, unknown> = {}): CommandInput => ({
    type: 'RecordSupportContact',
    data: { contactDate, channel: 'phone', participants: ['Julie Caron'], ...extra },
  } as CommandInput),
  pause: (startDate: string): CommandInput => ({ type: 'DeclarePause', data: { startDate, reason: 'Ménage indisponible, attente des travaux' } }),
  endPause: (endDate: string): CommandInput => ({ type: 'EndPause', data: { endDate } }),
  exit: (exitDate: string, exitType?: ExitType, reason?: string): CommandInput => ({
    type: 'RecordExit',
    data: { exitDate, ...(exitType ? { exitType } : {}), ...(reason ? { reason } : {}) },
  }),
  reopen: (reopenedOn: string): CommandInput => ({ type: 'ReopenPathway', data: { reopenedOn, reason: 'Nouvelle demande du ménage' } }),
  contract: (measureStartDate = '2026-07-01', durationMonths = 3): CommandInput => ({
    type: 'SignMeasureContract',
    data: { signedOn: measureStartDate, measureStartDate, durationMonths },
  }),
};
