// Orientation categories, orientation statuses and the difficulty codes spotted at referral.
// Categories follow the relay schemes the programme documents name; each maps to the
// data·inclusion "thématiques" codes a partner system understands, where one obviously fits.
import { z } from 'zod';

export const ORIENTATION_CATEGORIES = [
  'financial_aid_fsl', // aides financières, FSL énergie / eau
  'supplier_arrangement', // arrangements avec le fournisseur, tarifs sociaux, chèque énergie
  'budget_support', // accompagnement budgétaire, surendettement
  'renovation_works', // travaux et aides : ANAH, MaPrimeRénov', Mon Accompagnateur Rénov', fonds travaux FSL
  'landlord_mediation', // médiation avec le bailleur
  'rehousing', // relogement
  'unfit_housing', // habitat indigne, insalubrité (SCHS, ARS)
  'health', // santé
  'legal_advice', // appui juridique
  'repair_self_help', // associations de réparation, auto-réhabilitation (Compagnons Bâtisseurs...)
  'equipment', // équipements économes, électroménager
  'habits_eco_gestures', // usages, éco-gestes, suivi des consommations
  'digital_help', // accompagnement numérique (démarches en ligne, espaces clients)
  'asll', // accompagnement social lié au logement
  'other',
] as const;
export const orientationCategorySchema = z.enum(ORIENTATION_CATEGORIES);
export type OrientationCategory = z.infer<typeof orientationCategorySchema>;

export const ORIENTATION_CATEGORY_LABELS: Record<OrientationCategory, string> = {
  financial_aid_fsl: 'Aides financières et FSL',
  supplier_arrangement: 'Arrangements fournisseur et tarifs sociaux',
  budget_support: 'Accompagnement budgétaire',
  renovation_works: 'Travaux et aides à la rénovation (ANAH, MaPrimeRénov’, Mon Accompagnateur Rénov’, fonds travaux FSL)',
  landlord_mediation: 'Médiation avec le bailleur',
  rehousing: 'Relogement',
  unfit_housing: 'Habitat indigne ou insalubre',
  health: 'Santé',
  legal_advice: 'Conseil juridique',
  repair_self_help: 'Associations de réparation et d’auto-réhabilitation',
  equipment: 'Équipements',
  habits_eco_gestures: 'Usages et éco-gestes',
  digital_help: 'Accompagnement numérique',
  asll: 'Accompagnement social lié au logement (ASLL)',
  other: 'Autre',
};

/**
 * data·inclusion theme codes (schema "thematiques") per category. An empty list means no theme
 * obviously fits: better no mapping than a misleading one.
 */
export const ORIENTATION_CATEGORY_DATA_INCLUSION_THEMES: Record<OrientationCategory, readonly string[]> = {
  financial_aid_fsl: ['gestion-financiere--beneficier-daides-financieres'],
  supplier_arrangement: ['gestion-financiere--accompagnement-aux-personnes-en-difficultes-financieres'],
  budget_support: ['gestion-financiere--apprendre-a-gerer-son-budget', 'gestion-financiere--prevention-et-gestion-du-surendettement'],
  renovation_works: ['logement-hebergement--financer-son-projet-travaux', 'logement-hebergement--besoin-dadapter-mon-logement'],
  landlord_mediation: ['logement-hebergement--probleme-avec-son-logement'],
  rehousing: ['logement-hebergement--etre-accompagne-pour-se-loger', 'logement-hebergement--demenagement'],
  unfit_housing: ['logement-hebergement--probleme-avec-son-logement'],
  health: ['sante--prevention-et-acces-aux-soins'],
  legal_advice: ['acces-aux-droits-et-citoyennete--accompagnement-juridique'],
  repair_self_help: [],
  equipment: ['equipement-et-alimentation--electromenager'],
  habits_eco_gestures: [],
  digital_help: ['numerique--realiser-des-demarches-administratives-avec-un-accompagnement'],
  asll: ['logement-hebergement--etre-accompagne-pour-se-loger'],
  other: [],
};

/** The same data as one record per category, for API documentation and exports. */
export const ORIENTATION_CATEGORY_INFO = ORIENTATION_CATEGORIES.map((code) => ({
  code,
  label: ORIENTATION_CATEGORY_LABELS[code],
  dataInclusionThemes: ORIENTATION_CATEGORY_DATA_INCLUSION_THEMES[code],
}));

/** Each orientation lives on its own: proposed → accepted / refused → in progress → done / abandoned. */
export const ORIENTATION_STATUSES = ['proposed', 'accepted', 'refused', 'in_progress', 'done', 'abandoned'] as const;
export const orientationStatusSchema = z.enum(ORIENTATION_STATUSES);
export type OrientationStatus = z.infer<typeof orientationStatusSchema>;
/** Statuses a change can move an orientation to (proposed is only ever its first status). */
export const ORIENTATION_TARGET_STATUSES = ['accepted', 'refused', 'in_progress', 'done', 'abandoned'] as const;
export const orientationTargetStatusSchema = z.enum(ORIENTATION_TARGET_STATUSES);
export type OrientationTargetStatus = z.infer<typeof orientationTargetStatusSchema>;
export const ORIENTATION_STATUS_LABELS: Record<OrientationStatus, string> = {
  proposed: 'Proposée',
  accepted: 'Acceptée par le ménage',
  refused: 'Refusée par le ménage',
  in_progress: 'En cours',
  done: 'Réalisée',
  abandoned: 'Abandonnée',
};

/** Kinds of relay actor (acteur relais) an orientation sends the household to. */
export const RELAY_ACTOR_KINDS = [
  'fsl', 'caf', 'ccas', 'energy_supplier', 'water_supplier', 'anah_operator', 'social_landlord', 'private_landlord',
  'health_service', 'hygiene_service', 'legal_service', 'charity', 'department_service', 'other',
] as const;
export const relayActorKindSchema = z.enum(RELAY_ACTOR_KINDS);
export type RelayActorKind = z.infer<typeof relayActorKindSchema>;
export const RELAY_ACTOR_KIND_LABELS: Record<RelayActorKind, string> = {
  fsl: 'Fonds de solidarité logement (FSL)',
  caf: 'CAF / MSA',
  ccas: 'CCAS / CIAS',
  energy_supplier: 'Fournisseur d’énergie',
  water_supplier: 'Fournisseur d’eau',
  anah_operator: 'Opérateur ANAH / Mon Accompagnateur Rénov’',
  social_landlord: 'Bailleur social',
  private_landlord: 'Bailleur privé',
  health_service: 'Service de santé',
  hygiene_service: 'Service d’hygiène (SCHS, ARS)',
  legal_service: 'Appui juridique (ADIL, point justice)',
  charity: 'Association',
  department_service: 'Service du Département',
  other: 'Autre',
};

/** Difficulties spotted by the referrer (difficultés repérées). */
export const DIFFICULTY_CODES = [
  'unpaid_energy_bills', // impayés d'énergie
  'unpaid_water_bills', // impayés d'eau
  'cut_off_risk', // risque de coupure
  'high_bills', // factures élevées
  'cold_home', // inconfort thermique, froid
  'heating_self_restriction', // restriction ou renoncement au chauffage
  'housing_related_health', // problèmes de santé liés au logement
  'energy_hungry_dwelling', // logement énergivore
  'obsolete_equipment', // équipements vétustes
  'degraded_building', // bâti dégradé, humidité
  'recurrent_fsl_energy_requests', // demandes récurrentes d'aide FSL énergie
  'young_first_tenant', // primo-locataire de moins de 30 ans
  'budget_difficulties', // difficultés budgétaires liées aux coûts de l'énergie et de l'eau
  'other',
] as const;
export const difficultyCodeSchema = z.enum(DIFFICULTY_CODES);
export type DifficultyCode = z.infer<typeof difficultyCodeSchema>;
export const DIFFICULTY_LABELS: Record<DifficultyCode, string> = {
  unpaid_energy_bills: 'Impayés d’énergie',
  unpaid_water_bills: 'Impayés d’eau',
  cut_off_risk: 'Risque de coupure',
  high_bills: 'Factures élevées',
  cold_home: 'Inconfort thermique (froid)',
  heating_self_restriction: 'Restriction ou renoncement au chauffage',
  housing_related_health: 'Problèmes de santé liés au logement',
  energy_hungry_dwelling: 'Logement énergivore',
  obsolete_equipment: 'Équipements vétustes',
  degraded_building: 'Bâti dégradé',
  recurrent_fsl_energy_requests: 'Demandes récurrentes d’aide FSL énergie',
  young_first_tenant: 'Primo-locataire de moins de 30 ans',
  budget_difficulties: 'Difficultés budgétaires (énergie, eau)',
  other: 'Autre',
};

/** A new problem uncovered during support: a difficulty or an orientation category code. */
export const problemCategorySchema = z.union([difficultyCodeSchema, orientationCategorySchema]);
export type ProblemCategory = z.infer<typeof problemCategorySchema>;
