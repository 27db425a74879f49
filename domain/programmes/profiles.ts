// Programme profiles as data: which commands a pathway of the programme accepts, whether its
// entry must be validated, and the limits of its contracted measure. The decider enforces the
// measure's length, renewals, review marks, final review and monthly notes from these numbers;
// no programme rule is hard-coded elsewhere. Two numbers are conditions of funding, not of what
// may be recorded (a month with one home visit still happened; a contract sent late was still
// signed): `homeVisitsPerMonth` and `contractDeadlineDays` are published for funding statements
// and worklists, which the decider leaves to them. Figures come from the programme documents
// (Slime+ 2022-2025 workshop report, Pas-de-Calais 2026 calls for projects).
import type { CommandType } from '../../contracts/commands/index.js';
import { PROGRAMME_IDS, PROGRAMME_LABELS, type DeclaredPhase, type ProgrammeId } from '../../contracts/enums.js';

export { PROGRAMME_IDS, type ProgrammeId };

/** Steps of a programme, for documentation and screens (the phase policy derives the rest). */
export type ProgrammeStep =
  | 'entry_validation' | 'diagnostic' | 'orientation' | 'reinforced_support' | 'one_year_follow_up'
  | 'evaluation' | 'accompaniment' | 'intermediate_reviews' | 'final_review';

export interface RenewalSettings {
  /** Largest number of months one renewal may add. */
  readonly maxStepMonths: number;
  /** Ceiling of the whole measure, renewals included. */
  readonly maxTotalMonths: number;
  /** Ceiling reachable only through an exceptional renewal (à titre dérogatoire); null if none. */
  readonly exceptionalMaxTotalMonths: number | null;
}

export interface MeasureSettings {
  /** Length of the measure set at contract time. */
  readonly durationMonths: { readonly min: number; readonly max: number };
  /** Minimum home visits a month (visites à domicile); null when the programme sets none. */
  readonly homeVisitsPerMonth: number | null;
  /** Month marks of the intermediate reviews (bilans intermédiaires). */
  readonly reviewMonths: readonly number[];
  /** Of those, the ones held informally. */
  readonly informalReviewMonths: readonly number[];
  readonly finalReview: { readonly required: boolean; readonly signedByHousehold: boolean };
  /** A monthly progress note signed by the household (point d'étape mensuel). */
  readonly monthlyProgressNote: boolean;
  /** Days after the measure starts by which the signed contract must reach the funder. */
  readonly contractDeadlineDays: number | null;
  readonly renewal: RenewalSettings | null;
  /** The measure follows a diagnostic ("selon les difficultés repérées suite au diagnostic"). */
  readonly requiresDiagnostic: boolean;
}

export interface ProgrammeProfile {
  readonly id: ProgrammeId;
  readonly label: string;
  readonly scope: 'national' | 'department';
  readonly operationPeriod: { readonly from: string; readonly to: string } | null;
  readonly requiresEntryValidation: boolean;
  /** The service that validates entries (SLISL, SPSLH, housing-first coordinator). */
  readonly entryValidator: string | null;
  /** A re-entry after an exit is a new entry and needs a new validation. */
  readonly revalidateOnReopen: boolean;
  readonly steps: readonly ProgrammeStep[];
  /** Phases a worker may declare on a support contact in this programme. */
  readonly declarablePhases: readonly DeclaredPhase[];
  readonly commands: readonly CommandType[];
  readonly measure: MeasureSettings | null;
}

const CORE: readonly CommandType[] = [
  'ReferHousehold', 'AssignVisitOfficer', 'AttemptContact', 'ScheduleVisit', 'ProposeOrientation',
  'ChangeOrientationStatus', 'RecordSupportContact', 'DeclarePause', 'EndPause', 'RecordEvaluation',
  'RecordExit', 'ReportExit', 'ReopenPathway', 'SettlePhase',
];
const DIAGNOSTIC: readonly CommandType[] = [
  'RecordClosedDoor', 'CompleteDiagnosticVisit', 'IssueDiagnosticReport', 'SendDiagnosticReport',
];
const ENTRY: readonly CommandType[] = ['AcceptEntry', 'RejectEntry'];

const profiles: Record<ProgrammeId, ProgrammeProfile> = {
  // National programme: no entry validation; N+1 and evaluation are its own phases.
  'slime-plus': {
    id: 'slime-plus',
    label: PROGRAMME_LABELS['slime-plus'],
    scope: 'national',
    operationPeriod: null,
    requiresEntryValidation: false,
    entryValidator: null,
    revalidateOnReopen: false,
    steps: ['diagnostic', 'orientation', 'reinforced_support', 'one_year_follow_up', 'evaluation'],
    declarablePhases: ['reinforced_support', 'one_year_follow_up', 'evaluation', 'other'],
    commands: [...CORE, ...DIAGNOSTIC],
    measure: null,
  },
  // Energy-poverty accompaniment, project 1: every entry validated by the SLISL; support of 3 to 6
  // months (length set by the SLISL) at 2 home visits a month, a signed monthly note, a signed final review.
  'pdc-energy-2026': {
    id: 'pdc-energy-2026',
    label: PROGRAMME_LABELS['pdc-energy-2026'],
    scope: 'department',
    operationPeriod: { from: '2026-06-01', to: '2027-05-31' },
    requiresEntryValidation: true,
    entryValidator: 'SLISL',
    revalidateOnReopen: true,
    steps: ['entry_validation', 'diagnostic', 'orientation', 'accompaniment', 'final_review'],
    declarablePhases: ['reinforced_support', 'evaluation', 'other'],
    commands: [...CORE, ...DIAGNOSTIC, ...ENTRY, 'SignMeasureContract', 'RecordPeriodicReview', 'RenewMeasure', 'SignMonthlyProgressNote'],
    measure: {
      durationMonths: { min: 3, max: 6 },
      homeVisitsPerMonth: 2,
      reviewMonths: [],
      informalReviewMonths: [],
      finalReview: { required: true, signedByHousehold: true },
      monthlyProgressNote: true,
      contractDeadlineDays: null,
      // an extension decided by the SLISL stays within the 6-month ceiling
      renewal: { maxStepMonths: 3, maxTotalMonths: 6, exceptionalMaxTotalMonths: null },
      requiresDiagnostic: true,
    },
  },
  // ASTRE: social support to renovation works; entries checked by the SPSLH with the SLISL;
  // a 12-month measure, at least one home visit a month, reviews at 3, 6 and 9 months,
  // contract signed and sent within the month after the measure starts.
  'pdc-astre-2026': {
    id: 'pdc-astre-2026',
    label: PROGRAMME_LABELS['pdc-astre-2026'],
    scope: 'department',
    operationPeriod: { from: '2026-11-01', to: '2027-10-31' },
    requiresEntryValidation: true,
    entryValidator: 'SPSLH',
    revalidateOnReopen: true,
    steps: ['entry_validation', 'accompaniment', 'intermediate_reviews', 'evaluation'],
    declarablePhases: ['reinforced_support', 'evaluation', 'other'],
    commands: [...CORE, ...DIAGNOSTIC, ...ENTRY, 'SignMeasureContract', 'RecordPeriodicReview'],
    measure: {
      durationMonths: { min: 12, max: 12 },
      homeVisitsPerMonth: 1,
      reviewMonths: [3, 6, 9],
      informalReviewMonths: [],
      finalReview: { required: false, signedByHousehold: false },
      monthlyProgressNote: false,
      contractDeadlineDays: 30,
      renewal: null,
      requiresDiagnostic: false,
    },
  },
  // Housing-first ADSL measure: 12 months, reviews at 3 (informal), 6 and 12 months, renewals
  // by 6 months up to 24 months in all; entries decided by the housing-first coordinator.
  'pdc-adsl-2026': {
    id: 'pdc-adsl-2026',
    label: PROGRAMME_LABELS['pdc-adsl-2026'],
    scope: 'department',
    operationPeriod: { from: '2026-11-01', to: '2027-10-31' },
    requiresEntryValidation: true,
    entryValidator: 'Coordinateur Logement d’abord',
    revalidateOnReopen: false,
    steps: ['entry_validation', 'accompaniment', 'intermediate_reviews', 'final_review'],
    declarablePhases: ['reinforced_support', 'evaluation', 'other'],
    commands: [...CORE, ...ENTRY, 'SignMeasureContract', 'RecordPeriodicReview', 'RenewMeasure'],
    measure: {
      durationMonths: { min: 12, max: 12 },
      homeVisitsPerMonth: null,
      reviewMonths: [3, 6, 12],
      informalReviewMonths: [3],
      finalReview: { required: false, signedByHousehold: false },
      monthlyProgressNote: false,
      contractDeadlineDays: null,
      renewal: { maxStepMonths: 6, maxTotalMonths: 24, exceptionalMaxTotalMonths: null },
      requiresDiagnostic: false,
    },
  },
};

export const PROGRAMME_PROFILES: readonly ProgrammeProfile[] = PROGRAMME_IDS.map((id) => profiles[id]);

export function getProgrammeProfile(id: ProgrammeId): ProgrammeProfile;
export function getProgrammeProfile(id: string): ProgrammeProfile | undefined;
export function getProgrammeProfile(id: string): ProgrammeProfile | undefined {
  return Object.prototype.hasOwnProperty.call(profiles, id) ? profiles[id as ProgrammeId] : undefined;
}

export function isCommandApplicable(profile: ProgrammeProfile, type: CommandType): boolean {
  return profile.commands.includes(type);
}
