// Published enumerations. Each one is a const tuple (the source of truth), a zod enum built from
// it, its TypeScript type, and French labels for the screens and exports partners read.
// Values are snake_case and never renamed: add a value, never reuse or repurpose one.
import { z } from 'zod';
export * from './enums/orientation.js';
export * from './enums/household.js';
export * from './enums/pathway.js';

/** Programmes a pathway can belong to (one pathway per household per programme). */
export const PROGRAMME_IDS = ['slime-plus', 'pdc-energy-2026', 'pdc-astre-2026', 'pdc-adsl-2026'] as const;
export const programmeIdSchema = z.enum(PROGRAMME_IDS);
export type ProgrammeId = z.infer<typeof programmeIdSchema>;
export const PROGRAMME_LABELS: Record<ProgrammeId, string> = {
  'slime-plus': 'Slime+ (programme national)',
  'pdc-energy-2026': 'Pas-de-Calais – accompagnement précarité énergétique 2026',
  'pdc-astre-2026': 'Pas-de-Calais – ASTRE (accompagnement social aux travaux de rénovation) 2026',
  'pdc-adsl-2026': 'Pas-de-Calais – Logement d’abord, mesure ADSL 2026',
};

/** How a referral reached the service. */
export const REFERRAL_CHANNELS = ['referral_form', 'partner_system', 'phone', 'email', 'in_person', 'operator_spotting'] as const;
export const referralChannelSchema = z.enum(REFERRAL_CHANNELS);
export type ReferralChannel = z.infer<typeof referralChannelSchema>;
export const REFERRAL_CHANNEL_LABELS: Record<ReferralChannel, string> = {
  referral_form: 'Fiche de demande d’intervention',
  partner_system: 'Système d’information partenaire',
  phone: 'Téléphone',
  email: 'Courriel',
  in_person: 'En personne',
  // the operator spotted the household itself: earns a spotting bonus once the entry is validated
  operator_spotting: 'Repérage par l’opérateur',
};

/** Who the referrer (donneur d'alerte) is. */
export const REFERRER_KINDS = [
  'social_worker', 'energy_supplier', 'water_supplier', 'health_professional', 'charity', 'landlord',
  'ccas', 'department_service', 'operator', 'household_itself', 'other',
] as const;
export const referrerKindSchema = z.enum(REFERRER_KINDS);
export type ReferrerKind = z.infer<typeof referrerKindSchema>;
export const REFERRER_KIND_LABELS: Record<ReferrerKind, string> = {
  social_worker: 'Travailleur social',
  energy_supplier: 'Fournisseur d’énergie',
  water_supplier: 'Fournisseur d’eau',
  health_professional: 'Professionnel de santé',
  charity: 'Association caritative',
  landlord: 'Bailleur',
  ccas: 'CCAS / CIAS',
  department_service: 'Service du Département (MDS, SLISL)',
  operator: 'Opérateur du dispositif',
  household_itself: 'Le ménage lui-même',
  other: 'Autre',
};

/** Channels of a contact attempt with the household. */
export const CONTACT_CHANNELS = ['phone', 'home_visit', 'email', 'digital', 'office'] as const;
export const contactChannelSchema = z.enum(CONTACT_CHANNELS);
export type ContactChannel = z.infer<typeof contactChannelSchema>;
export const CONTACT_CHANNEL_LABELS: Record<ContactChannel, string> = {
  phone: 'Téléphone',
  home_visit: 'Visite à domicile',
  email: 'Courriel',
  digital: 'Outil numérique (SMS, messagerie, visio)',
  office: 'Rendez-vous au bureau',
};

/** Channels of a support contact: mediation (with a landlord, a supplier) counts as one. */
export const SUPPORT_CHANNELS = [...CONTACT_CHANNELS, 'mediation'] as const;
export const supportChannelSchema = z.enum(SUPPORT_CHANNELS);
export type SupportChannel = z.infer<typeof supportChannelSchema>;
export const SUPPORT_CHANNEL_LABELS: Record<SupportChannel, string> = {
  ...CONTACT_CHANNEL_LABELS,
  mediation: 'Médiation (bailleur, fournisseur, acteur relais)',
};

export const CONTACT_OUTCOMES = ['reached', 'no_answer', 'refused'] as const;
export const contactOutcomeSchema = z.enum(CONTACT_OUTCOMES);
export type ContactOutcome = z.infer<typeof contactOutcomeSchema>;
export const CONTACT_OUTCOME_LABELS: Record<ContactOutcome, string> = {
  reached: 'Ménage joint',
  no_answer: 'Pas de réponse',
  refused: 'Refus du ménage',
};

/** Phases a worker may declare on a support contact (the derived phase is the policy's job). */
export const DECLARED_PHASES = ['reinforced_support', 'one_year_follow_up', 'evaluation', 'other'] as const;
export const declaredPhaseSchema = z.enum(DECLARED_PHASES);
export type DeclaredPhase = z.infer<typeof declaredPhaseSchema>;

/** Phases a coordinator may settle a classification to (PhaseSettled). */
export const SETTLED_PHASES = ['pre_diagnostic', 'reinforced_support', 'one_year_follow_up', 'evaluation', 'other'] as const;
export const settledPhaseSchema = z.enum(SETTLED_PHASES);
export type SettledPhase = z.infer<typeof settledPhaseSchema>;
export const PHASE_LABELS: Record<SettledPhase, string> = {
  pre_diagnostic: 'Avant diagnostic',
  reinforced_support: 'Soutien renforcé (SR)',
  one_year_follow_up: 'Suivi à N+1',
  evaluation: 'Évaluation',
  other: 'Autre',
};

export const EXIT_TYPES = [
  'completed', 'contact_lost', 'refusal', 'non_adherence', 'moved', 'deceased', 'out_of_scope', 'other',
] as const;
export const exitTypeSchema = z.enum(EXIT_TYPES);
export type ExitType = z.infer<typeof exitTypeSchema>;
export const EXIT_TYPE_LABELS: Record<ExitType, string> = {
  completed: 'Sortie positive (accompagnement achevé)',
  contact_lost: 'Rupture : perte de contact',
  refusal: 'Rupture : refus du ménage',
  non_adherence: 'Rupture : non-adhésion',
  moved: 'Rupture : déménagement',
  deceased: 'Rupture : décès',
  out_of_scope: 'Rupture : hors du champ du dispositif',
  other: 'Rupture : autre motif',
};

/** Who must be told of an exit "without delay". */
export const EXIT_REPORT_RECIPIENTS = ['coordinator', 'referrer'] as const;
export const exitReportRecipientSchema = z.enum(EXIT_REPORT_RECIPIENTS);
export type ExitReportRecipient = z.infer<typeof exitReportRecipientSchema>;
export const EXIT_REPORT_RECIPIENT_LABELS: Record<ExitReportRecipient, string> = {
  coordinator: 'Coordinateur du dispositif',
  referrer: 'Donneur d’alerte',
};

/** Roles of the people and systems using the service (the API's principals carry one). */
export const ROLES = [
  'referrer', 'visit_officer', 'coordinator', 'entry_validator', 'programme_manager', 'auditor', 'partner_system', 'admin',
] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;
export const ROLE_LABELS: Record<Role, string> = {
  referrer: 'Donneur d’alerte',
  visit_officer: 'Chargé de visite / médiateur éco logis',
  coordinator: 'Coordinateur (chef de projet, chef d’unité territoriale, chef SLISL)',
  entry_validator: 'Service validant les entrées (SLISL, SPSLH)',
  programme_manager: 'Responsable du programme',
  auditor: 'Auditeur / évaluateur',
  partner_system: 'Système partenaire',
  admin: 'Administrateur',
};
